// The checker: text -> model -> findings. One Checker per document keeps the
// per-paragraph caches that make re-checking after an edit cheap.

import { DEFAULT_CONFIG, type SpeechDraftConfig } from './config/config';
import { translator } from './l10n';
import { buildModel, createModelCaches, markersOf, noFacts, ParagraphCache } from './model/build';
import type { SpeechModel } from './model/types';
import { allRules, type Rule } from './rules';
import type { DraftFormat, ParagraphRule, RuleContext } from './rules/types';
import type { Paragraph } from './parse/paragraphs';
import { paragraphInput } from './paragraphInput';
import { acceptedIn } from './signal/accept';
import { collectSuppressions } from './suppress';
import { TriggerIndex, wordListsOf, type Trigger } from './triggers';
import { batchOf, type WordListBatch } from './text/wordList';
import type { Finding, Locale, Severity } from './types';

export interface CheckOptions {
  config?: SpeechDraftConfig;
  locale?: Locale;
  format?: DraftFormat;
  rules?: readonly Rule[];
  /** Longest text checked; beyond it only the start is checked, and one info finding says so. */
  maxChars?: number;
}

/** About ten hours of speech: no real draft is longer, and a checker must stay quick on what is pasted in. */
export const MAX_CHECKED_CHARS = 2_000_000;

/** The part of an over-long text that is checked: up to a line break, never splitting a surrogate pair. */
function checkedPart(text: string, max: number): string {
  if (text.length <= max) return text;
  const lineEnd = text.lastIndexOf('\n', max - 1);
  let cut = lineEnd > max / 2 ? lineEnd + 1 : max;
  const c = text.charCodeAt(cut - 1);
  if (c >= 0xd800 && c <= 0xdbff) cut--;
  return text.slice(0, cut);
}

export interface CheckResult {
  model: SpeechModel;
  findings: Finding[];
  /** Rules that threw: reported, never fatal. */
  ruleErrors: { rule: string; error: string }[];
}

type LocalFinding = Omit<Finding, 'severity'> & { severity?: Severity };
const NOTHING: readonly LocalFinding[] = Object.freeze([]);

export class Checker {
  private readonly modelCaches = createModelCaches();
  /** Per paragraph text: the findings of each paragraph rule, in the order of the enabled rules. */
  private readonly paragraphFindings = new ParagraphCache<Array<readonly LocalFinding[]>>();
  private readonly documentRuleMemo = new Map<string, ParagraphCache<unknown>>();
  /** The word lists of the enabled rules' triggers, for the rules it was made for. */
  private batch?: { rules: readonly Rule[]; batch: WordListBatch };

  private cacheOf<T>(caches: Map<string, ParagraphCache<T>>, rule: string): ParagraphCache<T> {
    let c = caches.get(rule);
    if (!c) caches.set(rule, (c = new ParagraphCache<T>()));
    return c;
  }
  readonly config: SpeechDraftConfig;
  readonly locale: Locale;
  readonly format: DraftFormat;
  private readonly rules: readonly Rule[];
  private readonly maxChars: number;

  constructor(options: CheckOptions = {}) {
    this.config = options.config ?? { ...DEFAULT_CONFIG };
    this.locale = options.locale ?? 'zh-cn';
    this.format = options.format ?? 'text';
    this.rules = options.rules ?? allRules;
    this.maxChars = options.maxChars ?? MAX_CHECKED_CHARS;
  }

  severityOf(rule: Rule): Severity | 'off' {
    return this.config.rules[rule.id] ?? rule.defaultSeverity;
  }

  /** All word lists the enabled rules' triggers hold, searched in one pass (made once per set of rules). */
  private wordListBatch(enabled: readonly Rule[]): WordListBatch {
    if (this.batch && this.batch.rules.length === enabled.length && this.batch.rules.every((r, i) => r === enabled[i])) return this.batch.batch;
    const triggers = enabled.flatMap((r) => (r.scope === 'paragraph' ? [r.trigger?.(this.config)] : (r.triggers?.(this.config) ?? [])));
    const batch = batchOf([...wordListsOf(triggers)].slice(0, 32));
    this.batch = { rules: enabled, batch };
    return batch;
  }

  /** Most paragraphs are not in the cache: a fresh check, or a paste over most of the text. */
  private mostlyNew(paragraphs: readonly Paragraph[]): boolean {
    let misses = 0;
    for (const p of paragraphs) if (!this.paragraphFindings.has(p.text) && ++misses > paragraphs.length / 4) return true;
    return false;
  }

  check(fullText: string): CheckResult {
    const text = checkedPart(fullText, this.maxChars);
    const model = buildModel(text, this.modelCaches);
    const t = translator(this.locale);
    const findings: Finding[] = [];
    const ruleErrors: CheckResult['ruleErrors'] = [];
    const failed = (rule: Rule, e: unknown) =>
      ruleErrors.push({ rule: rule.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    const adder = (rule: Rule) => {
      const severity = this.severityOf(rule) as Severity;
      const configured = this.config.rules[rule.id] !== undefined;
      return (f: LocalFinding, shift = 0) => {
        const sev = !configured && f.severity ? f.severity : severity;
        findings.push(shift ? shifted(f, shift, sev) : { ...f, severity: sev });
      };
    };
    const enabled = this.rules.filter((r) => this.severityOf(r) !== 'off');
    const triggers = new TriggerIndex(text, model.paragraphs, this.mostlyNew(model.paragraphs), this.wordListBatch(enabled));
    const mayMatch = (p: Paragraph, trigger: Trigger) => triggers.mayMatch(p, trigger);
    for (const rule of enabled) {
      if (rule.scope !== 'document') continue;
      const add = adder(rule);
      const memoCache = this.cacheOf(this.documentRuleMemo, rule.id);
      const memo = <T>(text: string, compute: (text: string) => T): T => memoCache.get(text, compute) as T;
      try {
        rule.check(model, { t, config: this.config, report: (f) => add({ ...f, rule: rule.id }), memo, mayMatch });
      } catch (e) {
        failed(rule, e);
      }
    }
    // Paragraph rules: all of them at once per paragraph, remembered by its text (one lookup a paragraph).
    const paragraphRules = enabled.filter((r): r is Rule & ParagraphRule => r.scope === 'paragraph');
    const adders = paragraphRules.map(adder);
    const ruleTriggers = paragraphRules.map((r) => r.trigger?.(this.config));
    const errors = new Map<Rule, unknown>();
    // One context per rule, reporting into the list of the paragraph at hand: few objects made per paragraph.
    let out: LocalFinding[] = [];
    const contexts = paragraphRules.map(
      (rule): RuleContext => ({ t, config: this.config, report: (f) => out.push({ ...f, rule: rule.id }), memo: (text, compute) => compute(text) }),
    );
    const checkParagraph = (p: Paragraph): Array<readonly LocalFinding[]> => {
      const input = paragraphInput(p.text, markersOf(this.modelCaches.get(p.text, noFacts), p.text), this.format, this.config);
      const perRule: Array<readonly LocalFinding[]> = [];
      for (let i = 0; i < paragraphRules.length; i++) {
        const trigger = ruleTriggers[i];
        if (trigger && !triggers.mayMatch(p, trigger)) {
          perRule.push(NOTHING);
          continue;
        }
        out = [];
        try {
          paragraphRules[i].check(input, contexts[i]);
        } catch (e) {
          errors.set(paragraphRules[i], e);
        }
        perRule.push(out.length ? out : NOTHING);
      }
      return perRule;
    };
    for (const p of model.paragraphs) {
      if (p.comment) continue;
      const perRule = this.paragraphFindings.get(p.text, () => checkParagraph(p));
      for (let i = 0; i < perRule.length; i++) for (const f of perRule[i]) adders[i](f, p.start);
    }
    errors.forEach((e, rule) => failed(rule, e));
    this.paragraphFindings.sweep();
    for (const c of this.documentRuleMemo.values()) c.sweep();
    const suppressions = collectSuppressions(model.paragraphs, model.lines);
    const accepted = acceptedIn(text, this.config.accept);
    const kept = findings.filter((f) => !suppressions.isSuppressed(f) && !accepted?.(f));
    if (text.length < fullText.length) {
      // Said whatever the rules' severities: a limit must never make the checker go silent.
      kept.push({
        rule: 'speech-length',
        severity: 'info',
        span: { start: 0, end: model.lines.lineEnd(0) },
        message: t('This draft has {0} characters; only the first {1} are checked.', fullText.length, text.length),
        notice: true,
      });
    }
    return { model, findings: kept.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end), ruleErrors };
  }
}

function shifted(f: LocalFinding, by: number, severity: Severity): Finding {
  const span = (s: { start: number; end: number }) => ({ start: s.start + by, end: s.end + by });
  return {
    ...f,
    severity,
    span: span(f.span),
    related: f.related?.map((r) => ({ ...r, span: span(r.span) })),
    fixes: f.fixes?.map((fix) => ({ ...fix, edits: fix.edits.map((e) => ({ ...span(e), newText: e.newText })) })),
  };
}

/** One-off check with a fresh checker. */
export function checkText(text: string, options: CheckOptions = {}): CheckResult {
  return new Checker(options).check(text);
}
