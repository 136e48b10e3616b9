import type { Paragraph } from '../parse/paragraphs';
import { notProse } from '../paragraphInput';
import { insideSpans } from '../text/verbatim';
import type { Span } from '../types';
import type { DocumentRule } from './types';
import { firstAtOrAfter } from '../text/search';

/** Closing mark -> its opening mark. `(` and `（` are two different pairs: `（…)` is unbalanced. */
const OPENER_OF: Record<string, string> = {
  '”': '“',
  '’': '‘',
  '）': '（',
  ')': '(',
  '》': '《',
  '】': '【',
  '〕': '〔',
  '〉': '〈',
  '」': '「',
  '』': '『',
  // Lookalike quotation marks: reported below, and paired like the right ones.
  '〞': '“',
  '〟': '“',
};
/** Marks that look like quotation marks but are not the ones GB/T 15834 uses. */
const LOOKALIKE: Record<string, string> = { '〝': '“', '〞': '”', '〟': '”' };
/** A bracket closed by its twin of the other width: `（…)`, `(…）`. */
const OTHER_WIDTH: Record<string, string> = { ')': '（', '）': '(' };
/** `1)` or `a)` opening a paragraph or sentence is a list number, not half of a pair. */
const LIST_NUMBER_BEFORE = /(?:^|[。；！？;!?\s])(?:[0-9]{1,2}|[A-Za-z])$/;

/** Every mark this rule looks at (a native search finds them: it is quick from the first check on, before the engine optimises a loop). */
const MARKS = /[“”‘’（）()《》【】〔〕〈〉「」『』〝〞〟]/g;
const NO_MARKS: readonly Mark[] = Object.freeze([]);

export interface Mark {
  /** Offset in the paragraph text. */
  at: number;
  ch: string;
  /** A `)` that may be a list number (`1)`), when nothing is open. */
  listNumber: boolean;
}

/** The paragraph's marks, outside code, markup, addresses and residue: the part of the work that depends on its text alone. */
export function marksOf(text: string, notProseOf: (text: string) => readonly Span[]): readonly Mark[] {
  let out: Mark[] | undefined;
  // Made at the first mark: most paragraphs hold none, and their stretches that are not prose are not needed.
  let skipped: readonly Span[] | undefined;
  MARKS.lastIndex = 0;
  for (let m = MARKS.exec(text); m; m = MARKS.exec(text)) {
    const i = m.index;
    const ch = m[0];
    skipped ??= notProseOf(text);
    if (skipped.length && insideSpans(skipped, i)) continue;
    (out ??= []).push({ at: i, ch, listNumber: ch === ')' && LIST_NUMBER_BEFORE.test(text.slice(Math.max(0, i - 3), i)) });
  }
  return out ?? NO_MARKS;
}

/**
 * The marks pair up within the paragraph, all of them, and nothing is reported: checked with nothing
 * open before it, such a paragraph changes nothing, so the document pass skips its marks (a check
 * after an edit costs a look-up for it, not a walk over its marks).
 */
export function selfContained(marks: readonly Mark[]): boolean {
  if (marks.length === 0) return true;
  // Only the innermost mark is ever closed here, so what is open is a plain stack: no OpenMarks made (its map,
  // set and lists) for each paragraph with marks, most of them a pair or two.
  const open = OPEN_KINDS;
  open.length = 0;
  let parentheses = 0;
  for (let k = 0; k < marks.length; k++) {
    const { ch, listNumber } = marks[k];
    if (ch === ')' && listNumber && parentheses === 0) continue;
    if (LOOKALIKE[ch]) return false;
    const opener = OPENER_OF[ch];
    if (!opener) {
      open.push(ch);
      if (ch === '(') parentheses++;
      continue;
    }
    if (open.length === 0 || open[open.length - 1] !== opener) return false;
    if (open.pop() === '(') parentheses--;
  }
  return open.length === 0;
}
/** The stack of `selfContained`, reused. */
const OPEN_KINDS: string[] = [];

/** `selfContained` with the OpenMarks the document pass uses: the plain version, which a test compares it with. */
export function selfContainedByOpenMarks(marks: readonly Mark[]): boolean {
  if (marks.length === 0) return true;
  const stack = new OpenMarks();
  for (const { ch, listNumber } of marks) {
    if (ch === ')' && listNumber && !stack.lastOfKind('(')) continue;
    if (LOOKALIKE[ch]) return false;
    const opener = OPENER_OF[ch];
    if (!opener) {
      stack.push({ mark: ch, kind: ch, at: 0 });
      continue;
    }
    const open = stack.lastOfKind(opener);
    if (!open || stack.innermost() !== open) return false;
    stack.remove(open);
  }
  return stack.innermost() === undefined;
}

/** Whether a sorted list holds `k`. */
function holds(list: readonly number[], k: number): boolean {
  const i = firstAtOrAfter(list, k);
  return i < list.length && list[i] === k;
}

interface Open {
  mark: string;
  /** The opening mark it stands for (`〝` stands for `“`). */
  kind: string;
  at: number;
}

/** A line ending in one of these ends its sentence: a mark still open is not carried into the next line. */
const SENTENCE_END = new Set(Array.from('。！？!?…'));
/** How many paragraphs later a mark left open may still be closed, as one pair split across paragraphs. */
const SPLIT_REACH = 2;

interface Pending {
  open: Open;
  /** The paragraph (index among those checked) that left it open. */
  paragraph: number;
  /** Closed later, or reported as never closed. */
  done: boolean;
}

/**
 * The marks still open, in order, as a list that gives in constant time the
 * last one of a kind (each kind has its own stack), the innermost one, and
 * takes out one from the middle: a run of opening marks closed by marks of
 * other kinds costs one step a mark, not a scan of all that is open.
 */
/** Steps of the list below, for the tests that count work on growing inputs. */
export const pairWork = { steps: 0 };

class OpenMarks {
  private readonly byKind = new Map<string, Open[]>();
  private readonly order: Open[] = [];
  /** Taken out: skipped when the list is read. */
  private readonly gone = new Set<Open>();
  private notQuotes = 0;
  size = 0;

  push(o: Open): void {
    pairWork.steps++;
    let list = this.byKind.get(o.kind);
    if (!list) this.byKind.set(o.kind, (list = []));
    list.push(o);
    this.order.push(o);
    this.size++;
    if (o.kind !== '“') this.notQuotes++;
  }

  lastOfKind(kind: string): Open | undefined {
    const list = this.byKind.get(kind);
    return list && list.length ? list[list.length - 1] : undefined;
  }

  innermost(): Open | undefined {
    while (this.order.length && this.gone.has(this.order[this.order.length - 1])) {
      pairWork.steps++;
      this.gone.delete(this.order.pop()!);
    }
    return this.order[this.order.length - 1];
  }

  /** Takes out the last one of its kind (the only one ever taken out). */
  remove(o: Open): void {
    pairWork.steps++;
    this.byKind.get(o.kind)!.pop();
    this.gone.add(o);
    this.size--;
    if (o.kind !== '“') this.notQuotes--;
  }

  onlyQuotes(): boolean {
    return this.size > 0 && this.notQuotes === 0;
  }

  /** The marks still open, outermost first. */
  all(): Open[] {
    pairWork.steps += this.order.length;
    return this.order.filter((o) => !this.gone.has(o));
  }
}

export const punctuationPairs = {
  id: 'punctuation-pairs',
  name: { zh: '标点成对', en: 'Paired punctuation' },
  description: {
    zh: '引号、括号、书名号、方头括号不成对或交叉嵌套（包括全角与半角括号混配），或用了“〞”之类不规范的引号。',
    en: 'Unbalanced or mis-nested “” ‘’ （） 《》 【】 (a full-width bracket closed by a half-width one too), and wrong quotation marks such as 〞.',
  },
  defaultSeverity: 'warning',
  fixes: 'none',
  blocksExport: 'never',
  scope: 'document',
  // Marks pair within a paragraph or across the next few, and a run of them ends where nothing is left open: after an
  // edit, the paragraphs from the last such place before the new ones to the first after them where nothing is open,
  // now and at the last check, are looked at (the places where something was open are kept, `busy`).
  reads: 'paragraphs',
  check(model, { t, report, memo, config, edited, kept, keep }) {
    const text = model.text;
    const all = model.paragraphs;
    const at = (i: number): Span => ({ start: i, end: i + 1 });
    const closingOf = (o: Open) => Object.keys(OPENER_OF).find((c) => OPENER_OF[c] === o.kind)!;
    const neverClosed = (o: Open) => report({ span: at(o.at), message: t('“{0}” is never closed: “{1}” is missing.', o.mark, closingOf(o)) });
    // Marks left open at the end of a line whose sentence runs on, unsplit, on the next line (`（PM⏎2.5⏎）`).
    let carried: Open[] = [];
    // Marks left open by a paragraph: closed in one of the next two, the pair is split across paragraphs (one finding).
    // In the order left open, and by kind (the last one of a kind is the one a closing mark takes).
    const pending: Pending[] = [];
    let oldest = 0;
    /** Pending marks neither closed nor reported yet. */
    let undone = 0;
    const pendingOf = new Map<string, Pending[]>();
    const flush = (before: number) => {
      for (; oldest < pending.length && pending[oldest].paragraph < before; oldest++) {
        if (!pending[oldest].done) {
          neverClosed(pending[oldest].open);
          undone--;
        }
        pending[oldest].done = true;
      }
    };
    const takePending = (kind: string): Open | undefined => {
      const list = pendingOf.get(kind);
      while (list?.length && list[list.length - 1].done) list.pop();
      const last = list?.pop();
      if (last) {
        last.done = true;
        undone--;
      }
      return last?.open;
    };
    const notProseHere = (t: string) => notProse(t, config);
    const marksHere = (t: string) => marksOf(t, notProseHere);
    const nextAfter = (k: number): Paragraph | undefined => {
      while (++k < all.length) if (!all[k].comment) return all[k];
      return undefined;
    };
    const visit = (p: Paragraph, index: number) => {
      const { marks, clean } = memo(p.text, (t) => {
        const marks = marksHere(t);
        return { marks, clean: selfContained(marks) };
      });
      flush(index - SPLIT_REACH);
      if (clean && carried.length === 0) return;
      const stack = new OpenMarks();
      for (const o of carried) stack.push(o);
      carried = [];
      for (const mark of marks) {
        const ch = mark.ch;
        const i = p.start + mark.at;
        const opener = OPENER_OF[ch];
        if (ch === ')' && mark.listNumber && !stack.lastOfKind('(')) continue;
        if (LOOKALIKE[ch]) report({ span: at(i), message: t('“{0}” is not a Chinese quotation mark: use “{1}”.', ch, LOOKALIKE[ch]) });
        if (!opener) {
          stack.push({ mark: ch, kind: ch === '〝' ? '“' : ch, at: i });
          continue;
        }
        let open = stack.lastOfKind(opener);
        const other = OTHER_WIDTH[ch];
        if (!open && other && (open = stack.lastOfKind(other))) {
          report({
            span: at(i),
            message: t('“{0}” closes “{1}”: a bracket pair is all full-width or all half-width.', ch, open.mark),
            related: [{ span: at(open.at), message: t('The opening mark.') }],
          });
          stack.remove(open);
          continue;
        }
        if (!open) {
          const split = takePending(opener);
          if (split) {
            report({
              span: at(split.at),
              message: t('“{0}” is closed only in a later paragraph: “{0}…{1}” is split across paragraphs.', split.mark, ch),
              related: [{ span: at(i), message: t('The closing mark.') }],
            });
          } else report({ span: at(i), message: t('“{0}” closes nothing: its opening mark is missing.', ch) });
          continue;
        }
        const inner = stack.innermost()!;
        if (inner !== open) {
          report({
            span: at(i),
            message: t('“{0}” closes across “{1}”: the pairs are nested wrongly.', ch, inner.mark),
            related: [{ span: at(inner.at), message: t('The mark left open.') }],
          });
        }
        stack.remove(open);
      }
      // A quotation over several paragraphs opens each with “ and closes only at its end.
      const next = nextAfter(p.index);
      if (next && text[next.start] === '“' && stack.onlyQuotes()) return;
      // The sentence runs on into the next line: what is open stays open there.
      const runsOn = next?.firstLine === p.lastLine + 1 && !SENTENCE_END.has(text[p.end - 1]);
      for (const o of stack.all()) {
        if (runsOn) carried.push(o);
        else {
          const x: Pending = { open: o, paragraph: index, done: false };
          pending.push(x);
          undone++;
          if (!pendingOf.has(o.kind)) pendingOf.set(o.kind, []);
          pendingOf.get(o.kind)!.push(x);
        }
      }
    };
    // Where to begin and where the run may end: the whole draft, or around the new paragraphs.
    const lastBusy = edited && Array.isArray(kept) ? (kept as readonly number[]) : undefined;
    let from = 0;
    let stopAt = Infinity;
    const shift = edited ? edited.to - edited.oldTo : 0;
    if (edited && lastBusy) {
      // The paragraphs before the new ones are as they were, those they read too: nothing open before one of them at the last check, nothing now.
      from = edited.from - 1;
      while (from > 0 && (all[from].comment || holds(lastBusy, from))) from--;
      from = Math.max(0, from);
      stopAt = edited.to;
    }
    const busy: number[] = [];
    let to = all.length;
    let index = 0;
    for (let k = from; k < all.length; k++) {
      const p = all[k];
      if (p.comment) continue;
      const open = carried.length > 0 || undone > 0;
      // Nothing open now, nor here at the last check: from here on the run is the last one's, moved.
      if (k >= stopAt && !open && !holds(lastBusy!, k - shift)) {
        to = k;
        break;
      }
      if (open) busy.push(k);
      visit(p, index++);
    }
    if (to === all.length) {
      carried.forEach(neverClosed);
      flush(Infinity);
    }
    if (!lastBusy) {
      keep(busy);
      return undefined;
    }
    const before = lastBusy.slice(0, firstAtOrAfter(lastBusy, from));
    const after = to < all.length ? lastBusy.slice(firstAtOrAfter(lastBusy, to - shift)).map((k) => k + shift) : [];
    keep(before.concat(busy, after));
    return { from, to };
  },
} as const satisfies DocumentRule;
