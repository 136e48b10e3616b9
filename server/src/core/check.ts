// The checker: text -> model -> findings. One Checker per document keeps the
// per-paragraph caches that make re-checking after an edit cheap.

import { DEFAULT_CONFIG, type SpeechDraftConfig } from './config/config';
import { translator } from './l10n';
import { buildModel, commentParagraphs, createModelCaches, factsOf, markersOf, modelAfterEdit, noFacts, type ParagraphFacts } from './model/build';
import type { EditRange } from './text/lineIndex';
import type { SpeechModel } from './model/types';
import { forgetMovedStructure, movedFindings, movedStructureOf } from './model/moved';
import { takeEditStretch, type EditStretch } from './model/editStretch';
import { checkByParagraph } from './paragraphPass';
import { allRules, type Rule } from './rules';
import type { DocumentRuleContext, DraftFormat, ParagraphRule, RuleContext } from './rules/types';
import type { Paragraph } from './parse/paragraphs';
import { paragraphInput } from './paragraphInput';
import { acceptedIn } from './signal/accept';
import { collectSuppressions } from './suppress';
import { TriggerIndex, wordListsOf, type Trigger } from './triggers';
import { batchOf, type WordListBatch } from './text/wordList';
import { firstWhere } from './text/search';
import { shiftedFixes } from './fixes';
import { equalValues, givenAgain, sameItems } from './givenAgain';
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
  /** In order of span. Where they equal the last check's (a same-length edit that changed none), the last check's array itself: never change it. */
  findings: Finding[];
  /** Rules that threw: reported, never fatal. */
  ruleErrors: { rule: string; error: string }[];
  /**
   * Where the check was made around an edit: the model of the check before and the stretch the
   * edit replaced. Before `edit.start` the text and its lines are that model's: a finding given
   * again there (the same object) is where it was, in offsets and in lines. After the edit, a
   * finding given again as the same object is at the same offsets (only an edit that keeps the
   * length gives any); on the same lines only where the edit typed or removed no line break, which
   * the number of lines does not tell (`a\n` typed over `\nb`): a consumer compares lines itself.
   */
  edited?: {
    previous: SpeechModel;
    edit: EditRange;
    /** The finding of the check before that a finding made here is a move of, where it is one (a paragraph's moved, a structure rule's given again). */
    movedFrom: WeakMap<Finding, Finding>;
    /** The paragraphs the edit split again (`EditStretch`): `[from, to)` of the model replaced `[from, oldTo)` of `previous`, the others are its own, moved. */
    paragraphs?: { from: number; oldTo: number; to: number };
  };
}

/**
 * One change of a text, as an editor sends it: `[start, end)` of the text as it was before this
 * change (after the ones before it) replaced by `text`.
 */
export interface TextChange {
  start: number;
  end: number;
  text: string;
}

/** The one stretch that changes cover, in the text before the first and the text after the last. */
export function editRangeOf(changes: readonly TextChange[]): EditRange | undefined {
  let range: EditRange | undefined = changes.length ? undefined : { start: 0, oldEnd: 0, newEnd: 0 };
  for (const c of changes) {
    const newEnd = c.start + c.text.length;
    if (!range) {
      range = { start: c.start, oldEnd: c.end, newEnd };
      continue;
    }
    // Past the range's end the texts differ by a constant: an end there maps back to the old text.
    const end = Math.max(range.newEnd, c.end);
    range = { start: Math.min(range.start, c.start), oldEnd: range.oldEnd + (end - range.newEnd), newEnd: end + c.text.length - (c.end - c.start) };
  }
  return range;
}

type LocalFinding = Omit<Finding, 'severity'> & { severity?: Severity };

/** What the checker remembers of a paragraph's text (with its model facts, `ParagraphFacts.checked`). */
export interface CheckedFacts {
  /** The findings of each paragraph rule, in the order of the enabled rules. */
  findings?: Array<readonly LocalFinding[]>;
  /** Each document rule's memo, by the rule's place in the checker's list. */
  memo: unknown[];
  /** What each trigger asked of the text answered. */
  triggers?: Map<Trigger, boolean>;
  /**
   * The paragraph rules' findings placed at the start the text stands at (at each, for a text met
   * more than once: by start), with their severities, in order of span: a paragraph that has not
   * moved gives its findings again without a copy or a sort, and so does each paragraph of a text
   * met more than once.
   */
  placed?: Place | Places;
}

/** A paragraph text's findings placed at one start; `check`: the last check that gave them. */
interface Place {
  start: number;
  findings: readonly Finding[];
  check: number;
  at?: undefined;
}

/** The places of a text met more than once; those no check since the one before gave go once there are twice as many as when last swept. */
interface Places {
  at: Map<number, Place>;
  sweepAt: number;
  start?: undefined;
  check?: undefined;
  findings?: undefined;
}

/** Paragraphs whose findings were placed anew (not given again from where their text stood): the tests count them. */
export const placeWork = { paragraphs: 0 };
/** Paragraphs the check walked to gather their findings (after an edit, only the stretch it split again): the tests count them. */
export const paragraphWork = { paragraphs: 0 };
const NOTHING: readonly LocalFinding[] = Object.freeze([]);

export class Checker {
  /** Per paragraph text, what the model and the checker know of it (`CheckedFacts`): one entry, carried over an edit. */
  private readonly modelCaches = createModelCaches();
  /** The word lists of the enabled rules' triggers, for the rules it was made for. */
  private batch?: { rules: readonly Rule[]; batch: WordListBatch };
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

  /**
   * Most paragraphs were never checked: a fresh check, or a paste over most of the text. After an
   * edit only the paragraphs it split again can be new (the others were checked as they are).
   */
  private mostlyNew(facts: readonly ParagraphFacts[], stretch?: EditStretch): boolean {
    let misses = 0;
    for (let k = stretch?.from ?? 0; k < (stretch?.to ?? facts.length); k++) if (facts[k].checked?.findings === undefined && ++misses > facts.length / 4) return true;
    return false;
  }

  /** Checks made so far: when a paragraph's findings were last given at a place (`CheckedFacts.placed`). */
  private checks = 0;

  /** The model of the last check, and the text it was made from: what `changes` are relative to. */
  private last?: { text: string; model: SpeechModel };
  /** The findings of each rule that reads only the structure, at the last check, by the rule's place in the list. */
  private structureFindings: Array<readonly Finding[] | undefined> = [];
  /** What each rule that reads paragraph by paragraph found and kept at the last check, by the rule's place in the list. */
  private paragraphRuns: Array<{ model: SpeechModel; findings: readonly Finding[]; kept: unknown } | undefined> = [];
  /** The paragraph rules' findings of the last check, in paragraph order; `firstOf[k]`: where paragraph k's begin; `sorted`: in order of span. */
  private lastPlaced?: { model: SpeechModel; findings: Finding[]; firstOf: Int32Array; sorted: boolean };
  /** The document rules' findings of the last check: each rule's list by its place in the list (`count` places), and all of them in order of span. */
  private documentFindings?: { lists: Array<readonly Finding[] | undefined>; count: number; sorted: Finding[] };
  /** The last check's two lists and the one they were merged into (`mergedBySpan`): given again where both are. */
  private lastMerged?: { first: readonly Finding[]; second: readonly Finding[]; merged: Finding[] };
  /** The last merged list, the indices of its findings suppressed, the list without them, and that without the accepted ones. */
  private lastKept?: { merged: Finding[]; suppressed: readonly number[]; unsuppressed: Finding[]; kept: Finding[] };

  /**
   * Checks `fullText`. With `changes`, the text is that of the last check with them applied (as an
   * editor sends them): the model is updated around the stretch they cover rather than built again,
   * so an edit costs what it changes; the result is the same as a fresh check's.
   */
  check(fullText: string, changes?: readonly TextChange[]): CheckResult {
    const text = checkedPart(fullText, this.maxChars);
    const previous = this.last?.model;
    const edit = changes && this.last && text === fullText ? editRangeOf(changes) : undefined;
    const aroundEdit =
      edit && this.last && this.last.text.length + edit.newEnd - edit.oldEnd === text.length && edit.start <= edit.newEnd && edit.newEnd <= text.length
        ? ({ previous: this.last.model, edit, movedFrom: new WeakMap<Finding, Finding>() } as NonNullable<CheckResult['edited']>)
        : undefined;
    const model = aroundEdit ? modelAfterEdit(aroundEdit.previous, text, aroundEdit.edit, this.modelCaches) : buildModel(text, this.modelCaches);
    this.last = text === fullText ? { text, model } : undefined;
    const t = translator(this.locale);
    // Where the adders put findings: each moved paragraph's list.
    let target: Finding[] = [];
    // Where the document rule at hand reports.
    let reported: Finding[] = [];
    const ruleErrors: CheckResult['ruleErrors'] = [];
    const failed = (rule: Rule, e: unknown) =>
      ruleErrors.push({ rule: rule.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    // A finding's severity: the rule's where the config sets it, else the finding's own where it gives one.
    const severityFor = (rule: Rule) => {
      const severity = this.severityOf(rule) as Severity;
      const configured = this.config.rules[rule.id] !== undefined;
      return (f: { severity?: Severity }): Severity => (!configured && f.severity ? f.severity : severity);
    };
    const adder = (rule: Rule) => {
      const severityOf = severityFor(rule);
      return (f: LocalFinding, shift = 0) => {
        const sev = severityOf(f);
        target.push(shift ? shifted(f, shift, sev) : withFields(f, { severity: sev }));
      };
    };
    // A document rule's report: one copy a finding, its rule and severity set.
    const reporter = (rule: Rule): DocumentRuleContext['report'] => {
      const severityOf = severityFor(rule);
      return (f) => {
        reported.push(withFields(f, { rule: rule.id, severity: severityOf(f) }));
      };
    };
    const enabled = this.rules.filter((r) => this.severityOf(r) !== 'off');
    const facts = factsOf(model) ?? model.paragraphs.map((p) => this.modelCaches.get(p.text, noFacts));
    const checkedOf = (f: ParagraphFacts): CheckedFacts => (f.checked ??= { memo: [] });
    // What the triggers asked of a paragraph answered, kept with its text: after an edit only the new paragraphs are asked.
    const answersOf = (p: Paragraph): Map<Trigger, boolean> | undefined => {
      if (model.paragraphs[p.index] !== p) return undefined;
      return (checkedOf(facts[p.index]).triggers ??= new Map());
    };
    // The paragraphs the edit split again (for the triggers and the rules that read paragraph by paragraph).
    const stretch = aroundEdit ? takeEditStretch(model) : undefined;
    if (stretch && stretch.previous === aroundEdit!.previous) aroundEdit!.paragraphs = { from: stretch.from, oldTo: stretch.oldTo, to: stretch.to };
    const triggers = new TriggerIndex(text, model.paragraphs, this.mostlyNew(facts, stretch), this.wordListBatch(enabled), answersOf);
    const mayMatch = (p: Paragraph, trigger: Trigger) => triggers.mayMatch(p, trigger);
    // A document rule's memo, kept with the paragraph's text. Rules ask in paragraph order: the
    // paragraphs from the one last asked are tried first, by identity, before a look-up by text.
    const memoOf = (slot: number) => {
      let next = 0;
      return <T>(paragraphText: string, compute: (text: string) => T): T => {
        let f: ParagraphFacts | undefined;
        for (let k = next, tries = 0; k < model.paragraphs.length && tries < 8; k++, tries++) {
          if (model.paragraphs[k].text === paragraphText) {
            f = facts[k];
            next = k + 1;
            break;
          }
        }
        const memo = checkedOf(f ?? this.modelCaches.get(paragraphText, noFacts)).memo;
        if (!(slot in memo)) memo[slot] = compute(paragraphText);
        return memo[slot] as T;
      };
    };
    // The structure is the last check's moved: the rules that read only it give their findings again, moved.
    const moved = movedStructureOf(model);
    if (previous && previous !== model) forgetMovedStructure(previous);
    const again = moved && moved.previous === previous ? this.structureFindings : [];
    const structureFindings: Array<readonly Finding[] | undefined> = [];
    const lastRuns = this.paragraphRuns;
    this.paragraphRuns = [];
    const noKeep = () => {};
    // Each document rule's findings (by its place in the list): where they equal the last check's, those themselves.
    const lastDocument = this.documentFindings;
    const documentLists: Array<readonly Finding[] | undefined> = [];
    let sameDocument = lastDocument !== undefined;
    for (const rule of enabled) {
      if (rule.scope !== 'document') continue;
      const slot = this.rules.indexOf(rule);
      const kept = rule.reads === 'structure' && again[slot] && movedFindings(again[slot], moved!);
      if (kept) {
        if (aroundEdit && kept !== again[slot]) kept.forEach((f, i) => f !== again[slot]![i] && aroundEdit.movedFrom.set(f, again[slot]![i]));
        structureFindings[slot] = documentLists[slot] = kept;
        sameDocument &&= kept === lastDocument!.lists[slot];
        continue;
      }
      const memo = memoOf(slot);
      reported = [];
      let made: readonly Finding[] = reported;
      const ctx: DocumentRuleContext = { t, config: this.config, report: reporter(rule), memo, mayMatch, keep: noKeep };
      try {
        if (rule.reads === 'paragraphs') {
          const run = checkByParagraph(rule, model, ctx, reported, lastRuns[slot], stretch, aroundEdit?.movedFrom, (k, compute) => {
            const f = stretch && factsOf(stretch.previous)?.[k];
            const text = stretch!.previous.paragraphs[k].text;
            if (!f) return compute(text);
            const memo = checkedOf(f).memo;
            if (!(slot in memo)) memo[slot] = compute(text);
            return memo[slot] as ReturnType<typeof compute>;
          });
          made = run.findings = givenAgain(run.findings, lastDocument?.lists[slot]);
          this.paragraphRuns[slot] = run;
        } else {
          rule.check(model, ctx);
          made = givenAgain(reported, lastDocument?.lists[slot]);
          if (rule.reads === 'structure') structureFindings[slot] = made;
        }
      } catch (e) {
        failed(rule, e);
      }
      documentLists[slot] = made;
      sameDocument &&= made === lastDocument!.lists[slot];
    }
    this.structureFindings = structureFindings;
    // Paragraph rules: all of them at once per paragraph, remembered by its text (one lookup a paragraph).
    const paragraphRules = enabled.filter((r): r is Rule & ParagraphRule => r.scope === 'paragraph');
    const adders = paragraphRules.map(adder);
    const ruleTriggers = paragraphRules.map((r) => r.trigger?.(this.config));
    const errors = new Map<Rule, unknown>();
    // One context per rule, reporting into the list of the paragraph at hand: few objects made per paragraph.
    let out: LocalFinding[] = [];
    const contexts = paragraphRules.map(
      (rule): RuleContext => ({ t, config: this.config, report: (f) => out.push(withFields(f, { rule: rule.id })), memo: (text, compute) => compute(text) }),
    );
    const checkParagraph = (p: Paragraph): Array<readonly LocalFinding[]> => {
      const input = paragraphInput(p.text, markersOf(facts[p.index], p.text), this.format, this.config);
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
    // The document rules' findings come first among equals, as a stable sort of them all would have them.
    let documentFindings: Finding[];
    if (sameDocument && lastDocument!.count === documentLists.length) documentFindings = lastDocument!.sorted;
    else {
      documentFindings = [];
      for (const list of documentLists) if (list) for (const f of list) documentFindings.push(f);
      if (documentFindings.length > 1) documentFindings.sort(bySpan);
    }
    this.documentFindings = { lists: documentLists, count: documentLists.length, sorted: documentFindings };
    const round = ++this.checks;
    // After an edit, the last check's list holds the findings of the paragraphs before the stretch as they are and
    // those after it moved by the edit: only the stretch is walked (`paragraphWork`).
    const last = stretch && this.lastPlaced?.model === stretch.previous ? this.lastPlaced : undefined;
    const ps = model.paragraphs;
    // A text's place given by the last check where a paragraph not walked here stands: given again by this one.
    const standsAt = (start: number, text: string): boolean => {
      if (!last) return false;
      const k = paragraphAt(ps, start);
      return k >= 0 && (k < stretch!.from || k >= stretch!.to) && ps[k].text === text && !ps[k].comment;
    };
    const given = (x: Place, text: string) => x.check === round || standsAt(x.start, text);
    let firstOf: Int32Array;
    let paragraphFindings: Finding[];
    // Paragraphs [from, to) walked: `firsts[k - at]` is where paragraph k's findings begin in `paragraphFindings`.
    const walk = (from: number, to: number, firsts: Int32Array, at: number) => {
      for (let k = from; k < to; k++) {
        firsts[k - at] = paragraphFindings.length;
        const p = ps[k];
        if (p.comment) continue;
        paragraphWork.paragraphs++;
        const checked = checkedOf(facts[p.index]);
        const perRule = (checked.findings ??= checkParagraph(p));
        const held = checked.placed;
        let place = held === undefined ? undefined : held.at === undefined ? (held.start === p.start ? held : undefined) : held.at.get(p.start);
        if (place) place.check = round;
        else {
          placeWork.paragraphs++;
          const placed: Finding[] = (target = []);
          for (let i = 0; i < perRule.length; i++) for (const f of perRule[i]) adders[i](f, p.start);
          if (placed.length > 1) placed.sort(bySpan);
          // The same findings as where the check before placed the text (the same order: all moved alike).
          const before = held !== undefined && held.at === undefined && !given(held, p.text) ? held.findings : undefined;
          if (aroundEdit && before?.length === placed.length) placed.forEach((f, i) => aroundEdit.movedFrom.set(f, before[i]));
          place = { start: p.start, findings: placed, check: round };
          checked.placed = withPlace(held, place, p.text, given);
        }
        for (const f of place.findings) paragraphFindings.push(f);
      }
    };
    let sorted: boolean;
    if (last) {
      const { from, oldTo, to, edit } = stretch!;
      const delta = edit.newEnd - edit.oldEnd;
      const walkedFrom = last.firstOf[from];
      const tail = last.firstOf[oldTo];
      // The stretch walked on its own: where it gives what the last check had there (the same paragraphs, each with
      // findings equal to the last ones), the last list is given again, not copied.
      paragraphFindings = [];
      const firsts = new Int32Array(to - from);
      walk(from, to, firsts, from);
      const walked = paragraphFindings;
      if (delta === 0 && to === oldTo && sameStretch(walked, firsts, last.findings, last.firstOf, from)) {
        paragraphFindings = last.findings;
        firstOf = last.firstOf;
        sorted = last.sorted;
      } else {
        paragraphFindings = last.findings.slice(0, walkedFrom);
        for (const f of walked) paragraphFindings.push(f);
        firstOf = new Int32Array(ps.length + 1);
        firstOf.set(last.firstOf.subarray(0, from));
        for (let k = from; k < to; k++) firstOf[k] = firsts[k - from] + walkedFrom;
        const offset = paragraphFindings.length - tail;
        if (delta === 0) paragraphFindings = tail < last.findings.length ? paragraphFindings.concat(last.findings.slice(tail)) : paragraphFindings;
        else {
          for (let i = tail; i < last.findings.length; i++) {
            const f = last.findings[i];
            const moved = shifted(f, delta, f.severity);
            aroundEdit!.movedFrom.set(moved, f);
            paragraphFindings.push(moved);
          }
        }
        firstOf.set(last.firstOf.subarray(oldTo), to);
        if (offset !== 0) for (let k = to; k <= ps.length; k++) firstOf[k] += offset;
        // In order where the last list was, the walked stretch is, and where they meet.
        sorted = last.sorted && inOrder(paragraphFindings, walkedFrom, walkedFrom + (firstOf[to] - firstOf[from]) + 1);
      }
    } else {
      paragraphFindings = [];
      firstOf = new Int32Array(ps.length + 1);
      walk(0, ps.length, firstOf, 0);
      firstOf[ps.length] = paragraphFindings.length;
      sorted = inOrder(paragraphFindings, 0, paragraphFindings.length);
    }
    this.lastPlaced = text === fullText ? { model, findings: paragraphFindings, firstOf, sorted } : undefined;
    errors.forEach((e, rule) => failed(rule, e));
    const suppressions = collectSuppressions(model.paragraphs, model.lines, commentParagraphs(model));
    const accepted = acceptedIn(text, this.config.accept);
    const lastMerged = this.lastMerged;
    const merged =
      lastMerged && lastMerged.first === documentFindings && lastMerged.second === paragraphFindings ? lastMerged.merged : mergedBySpan(documentFindings, paragraphFindings, sorted);
    this.lastMerged = { first: documentFindings, second: paragraphFindings, merged };
    // The same list with the same findings suppressed: the last list without them, given again.
    const suppressed = suppressions.any ? suppressions.suppressedIn(merged) : NO_INDICES;
    const lastKept = this.lastKept;
    let unsuppressed: Finding[];
    if (lastKept && lastKept.merged === merged && sameItems(lastKept.suppressed, suppressed)) unsuppressed = lastKept.unsuppressed;
    else unsuppressed = without(merged, suppressed);
    let kept = accepted ? unsuppressed.filter((f) => !accepted(f)) : unsuppressed;
    if (accepted && lastKept && sameItems(kept, lastKept.kept)) kept = lastKept.kept;
    this.lastKept = { merged, suppressed, unsuppressed, kept };
    if (text.length < fullText.length) {
      // Said whatever the rules' severities: a limit must never make the checker go silent (added to a copy: the lists are given again).
      kept = kept.slice();
      kept.push({
        rule: 'speech-length',
        severity: 'info',
        span: { start: 0, end: model.lines.lineEnd(0) },
        message: t('This draft has {0} characters; only the first {1} are checked.', fullText.length, text.length),
        notice: true,
      });
    }
    const result: CheckResult = { model, findings: text.length < fullText.length ? kept.sort(bySpan) : kept, ruleErrors };
    if (aroundEdit) result.edited = aroundEdit;
    return result;
  }
}

const bySpan = (a: Finding, b: Finding) => a.span.start - b.span.start || a.span.end - b.span.end;

/**
 * A text's places with `place` added in check `round`: it alone where the one held is not of this
 * check (the text moved), else all of them by start (the text stands at several places). Places
 * neither this check nor the one before gave (where the text no longer stands) go when the places
 * have doubled since the last sweep: each place is swept over a bounded number of times.
 */
function withPlace(held: Place | Places | undefined, place: Place, text: string, given: (x: Place, text: string) => boolean): Place | Places {
  if (held === undefined || (held.at === undefined && !given(held, text))) return place;
  const places = held.at !== undefined ? held : { at: new Map([[held.start, held]]), sweepAt: 4 };
  places.at.set(place.start, place);
  if (places.at.size >= places.sweepAt) {
    for (const [start, x] of places.at) if (x.check < place.check - 1 && !given(x, text)) places.at.delete(start);
    places.sweepAt = 2 * places.at.size + 4;
  }
  return places;
}

/** The paragraph starting at `start`, by binary search (-1 for none). */
function paragraphAt(ps: readonly Paragraph[], start: number): number {
  const k = firstWhere(ps, (p) => p.start >= start);
  return k < ps.length && ps[k].start === start ? k : -1;
}

/**
 * The walked stretch (`walked`, paragraph `from + i` beginning at `firsts[i]`) is what the last
 * list (`last`, paragraph k beginning at `lastFirst[k]`) held there: the same paragraphs' counts,
 * and each finding the last one or equal to it field by field (which it then stands for).
 */
function sameStretch(walked: Finding[], firsts: Int32Array, last: readonly Finding[], lastFirst: Int32Array, from: number): boolean {
  const base = lastFirst[from];
  if (walked.length !== lastFirst[from + firsts.length] - base) return false;
  for (let i = 0; i < firsts.length; i++) if (firsts[i] + base !== lastFirst[from + i]) return false;
  for (let i = 0; i < walked.length; i++) if (walked[i] !== last[base + i] && !equalValues(walked[i], last[base + i])) return false;
  return true;
}

/** `list[from, to)` is in order of span (each against the one before it, from `from - 1`). */
function inOrder(list: readonly Finding[], from: number, to: number): boolean {
  for (let k = Math.max(1, from); k < Math.min(to, list.length); k++) if (bySpan(list[k - 1], list[k]) > 0) return false;
  return true;
}

/**
 * Two lists in order of span as one, `first`'s before `second`'s among equals: what a stable sort of
 * both would give. `second` is the paragraphs' findings, each paragraph's in order; should a span
 * reach outside its paragraph so that they are not in order overall (`sorted` false), they are
 * sorted. With few of `first`, each goes before the first of `second` past it (a binary search):
 * the runs of `second` between are copied whole.
 */
function mergedBySpan(first: readonly Finding[], second: readonly Finding[], sorted: boolean): Finding[] {
  if (!sorted) return [...first, ...second].sort(bySpan);
  if (first.length === 0) return second.slice();
  if (first.length * 16 > second.length) {
    // Many of `first`: one walk of both.
    const out: Finding[] = new Array(first.length + second.length);
    let i = 0;
    let j = 0;
    let n = 0;
    while (i < first.length && j < second.length) out[n++] = bySpan(first[i], second[j]) <= 0 ? first[i++] : second[j++];
    while (i < first.length) out[n++] = first[i++];
    while (j < second.length) out[n++] = second[j++];
    return out;
  }
  const runs: Array<readonly Finding[]> = [];
  let j = 0;
  for (let i = 0; i < first.length; i++) {
    const lo = firstWhere(second, (f) => bySpan(f, first[i]) >= 0, j);
    if (lo > j) runs.push(second.slice(j, lo));
    runs.push([first[i]]);
    j = lo;
  }
  if (j < second.length) runs.push(second.slice(j));
  return ([] as Finding[]).concat(...runs);
}

const NO_INDICES: readonly number[] = Object.freeze([]);

/** `list` without the findings at `indices` (ascending): the runs between copied whole. */
function without(list: Finding[], indices: readonly number[]): Finding[] {
  if (indices.length === 0) return list;
  const runs: Array<readonly Finding[]> = [];
  let from = 0;
  for (const k of indices) {
    if (k > from) runs.push(list.slice(from, k));
    from = k + 1;
  }
  if (from < list.length) runs.push(list.slice(from));
  return ([] as Finding[]).concat(...runs);
}

function shifted(f: LocalFinding, by: number, severity: Severity): Finding {
  const span = (s: { start: number; end: number }) => ({ start: s.start + by, end: s.end + by });
  return withFields(f, {
    severity,
    span: span(f.span),
    related: f.related?.map((r) => ({ ...r, span: span(r.span) })),
    fixes: f.fixes && shiftedFixes(f.fixes, by),
  });
}

/**
 * `{ ...f, ...fields }`, the keys in the same order, copied key by key: in V8 a spread that adds
 * keys the source lacks (`{ ...f, rule }`) takes a slow path (about 2 µs a copy) and gives each copy
 * a shape of its own, so that every later read of the findings is megamorphic.
 */
function withFields<T extends object, U extends object>(f: T, fields: U): T & U {
  const out: Record<string, unknown> = {};
  for (const k in f) out[k] = f[k];
  for (const k in fields) out[k] = fields[k];
  return out as T & U;
}

/** One-off check with a fresh checker. */
export function checkText(text: string, options: CheckOptions = {}): CheckResult {
  return new Checker(options).check(text);
}
