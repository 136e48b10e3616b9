// The checker: text -> model -> findings. One Checker per document keeps the
// per-paragraph caches that make re-checking after an edit cheap.

import { DEFAULT_CONFIG, type SpeechDraftConfig } from './config/config';
import { translator } from './l10n';
import { buildModel, createModelCaches, ParagraphCache } from './model/build';
import type { SpeechModel } from './model/types';
import { scanMarkers } from './parse/markers';
import { allRules } from './rules';
import type { DraftFormat, Rule, RuleContext } from './rules/types';
import { collectSuppressions } from './suppress';
import type { Finding, Locale, Severity } from './types';

export interface CheckOptions {
  config?: SpeechDraftConfig;
  locale?: Locale;
  format?: DraftFormat;
  rules?: readonly Rule[];
}

export interface CheckResult {
  model: SpeechModel;
  findings: Finding[];
  /** Rules that threw: reported, never fatal. */
  ruleErrors: { rule: string; error: string }[];
}

type LocalFinding = Omit<Finding, 'severity'> & { severity?: Severity };

export class Checker {
  private readonly modelCaches = createModelCaches();
  // Per rule, keyed by paragraph text (one key string per paragraph: its hash is computed once).
  private readonly paragraphFindings = new Map<string, ParagraphCache<LocalFinding[]>>();
  private readonly documentRuleMemo = new Map<string, ParagraphCache<unknown>>();

  private cacheOf<T>(caches: Map<string, ParagraphCache<T>>, rule: string): ParagraphCache<T> {
    let c = caches.get(rule);
    if (!c) caches.set(rule, (c = new ParagraphCache<T>()));
    return c;
  }
  readonly config: SpeechDraftConfig;
  readonly locale: Locale;
  readonly format: DraftFormat;
  private readonly rules: readonly Rule[];

  constructor(options: CheckOptions = {}) {
    this.config = options.config ?? { ...DEFAULT_CONFIG };
    this.locale = options.locale ?? 'zh-cn';
    this.format = options.format ?? 'text';
    this.rules = options.rules ?? allRules;
  }

  severityOf(rule: Rule): Severity | 'off' {
    return this.config.rules[rule.id] ?? rule.defaultSeverity;
  }

  check(text: string): CheckResult {
    const model = buildModel(text, this.modelCaches);
    const t = translator(this.locale);
    const findings: Finding[] = [];
    const ruleErrors: CheckResult['ruleErrors'] = [];
    for (const rule of this.rules) {
      const severity = this.severityOf(rule);
      if (severity === 'off') continue;
      const configured = this.config.rules[rule.id] !== undefined;
      const add = (f: LocalFinding, shift = 0) => {
        const sev = !configured && f.severity ? f.severity : severity;
        findings.push(shift ? shifted(f, shift, sev) : { ...f, severity: sev });
      };
      try {
        if (rule.scope === 'document') {
          const memoCache = this.cacheOf(this.documentRuleMemo, rule.id);
          const memo = <T>(text: string, compute: (text: string) => T): T => memoCache.get(text, () => compute(text)) as T;
          rule.check(model, { t, config: this.config, report: (f) => add({ ...f, rule: rule.id }), memo });
          continue;
        }
        const findingsCache = this.cacheOf(this.paragraphFindings, rule.id);
        for (const p of model.paragraphs) {
          if (p.comment) continue;
          const local = findingsCache.get(p.text, () => {
            const out: LocalFinding[] = [];
            const ctx: RuleContext = {
              t,
              config: this.config,
              report: (f) => out.push({ ...f, rule: rule.id }),
              memo: (text, compute) => compute(text),
            };
            const markers = this.modelCaches.markers.get(p.text, () => scanMarkers(p.text));
            rule.check({ text: p.text, markers, format: this.format }, ctx);
            return out;
          });
          for (const f of local) add(f, p.start);
        }
      } catch (e) {
        ruleErrors.push({ rule: rule.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
      }
    }
    for (const c of this.paragraphFindings.values()) c.sweep();
    for (const c of this.documentRuleMemo.values()) c.sweep();
    const suppressions = collectSuppressions(model.paragraphs, model.lines);
    const kept = findings.filter((f) => !suppressions.isSuppressed(f));
    kept.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
    return { model, findings: kept, ruleErrors };
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
