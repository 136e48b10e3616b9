// What one paragraph says of the standard formulations, whatever the draft's
// date: lists of a known enumeration out of order, short of a member or with
// one too many (the last two only right after the list's label), labels and
// names out of date, misspelt names, labels without their quotation marks.
// Whether an observation is a finding depends on the draft's date: see
// rules/formulation.ts.

import type { Formulation } from './formulations';
import { NeedleIndex } from './needles';

interface Base {
  entry: Formulation;
  start: number;
  end: number;
  /** The sentence reports history or quotes an older text (在……的基础上增加……). */
  history: boolean;
}

export type Observation =
  | (Base & { kind: 'order'; replacement: string })
  | (Base & { kind: 'missing'; replacement: string; member: string })
  | (Base & { kind: 'added'; replacement: string; member: string })
  | (Base & { kind: 'substituted'; replacement: string; member: string; wrong: string })
  | (Base & { kind: 'replaced'; old: string })
  | (Base & { kind: 'misspelt'; wrong: string })
  | (Base & { kind: 'unquoted'; label: string });

type Needle =
  | { kind: 'label'; entry: number }
  | { kind: 'old'; entry: number; notBefore?: string }
  | { kind: 'anchor'; entry: number; /** Offset of the anchor in the name. */ offset: number };

const HISTORY = /原来|原先|原名|原称|曾经|时任|当时|此前|以前|过去|基础上|增加|增写|写入|拓展为|发展为|扩展为|改为|更名|改称|首次提出|提出了|从“|由“/;
const SENTENCE_END = /[。！？；!?;\n]/;
/** A table of 1 for the given characters: looked up per character, where a pattern's test would cost far more. */
function flags(chars: string): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (const c of chars) table[c.charCodeAt(0)] = 1;
  return table;
}
/** What a unit is to the walk over runs of list items (`UNIT_KIND`): nothing, where a run ends, where an item ends, the end of a join. */
const RUN_END = 1;
const ITEM_SEPARATOR = 2;
const JOIN = 3;
/** Per code unit, its kind: one table read a unit. */
const UNIT_KIND = new Uint8Array(0x10000);
for (const [kind, chars] of [
  [RUN_END, '。！？；：!?;:\n（）()《》【】'],
  [ITEM_SEPARATOR, '、，,'],
  // The characters LAST_JOIN's words end with.
  [JOIN, '和及与'],
] as const) {
  for (const c of chars) UNIT_KIND[c.charCodeAt(0)] = kind;
}
/** Added to a unit's kind where a needle may start with it (in a finder's own table). */
const NEEDLE_FIRST = 4;
const LAST_JOIN = /以及|和|及|与/g;
const HAS_JOIN = /[和及与]/;
const NO_MEMBERS: ReadonlyArray<{ entry: number; index: number }> = Object.freeze([]);
const NO_LABELS: ReadonlyMap<string, number[]> = new Map();
const NONE: readonly Observation[] = Object.freeze([]);
const QUOTES = /[“”"「」『』]/g;
/** QUOTES as a table. */
const QUOTE_MARK = flags('“”"「」『』');
const OPEN_QUOTE = '“"「『';
const CLOSE_QUOTE = '”"」』';
const NUMERALS = '〇零一二三四五六七八九十百千0123456789０１２３４５６７８９';
const isHan = (c: number) => c >= 0x4e00 && c <= 0x9fff;
/** A name shorter than this is not matched loosely: too many words are one letter from it. */
const LOOSE_NAME = 7;
/** What may stand between a label and its list: `“四个自信”：`, `“四个意识”，即`. */
const LABEL_GAP = /^[”"」』]?[：:，,]?(?:即|就是|是|包括)?[：:]?$/;

interface Item {
  start: number;
  end: number;
  text: string;
  /** What comes before it: a separator, or '' for the first of a run. */
  before: string;
}

const norm = (s: string) => s.replace(QUOTES, '');

export class FormulationFinder {
  private readonly atoms = new Map<string, Array<{ entry: number; index: number }>>();
  private readonly needles = new NeedleIndex<Needle>();
  /** Members by their last two and first two characters, the pair as a number (`pairKey`, as `pairBefore` and `pairAfter` read it from the text): an item's affixes are looked up once each. */
  private readonly lastPairAtoms = new Map<number, string[]>();
  private readonly firstPairAtoms = new Map<number, string[]>();
  /**
   * The entries whose members end (begin) with each pair, the pair as a number (x << 16 | y): most runs of
   * items hold no member, which these tell without a string made; a list needs two items of one entry.
   */
  private readonly lastPairEntries = new Map<number, number[]>();
  private readonly firstPairEntries = new Map<number, number[]>();
  /** Per hash of a pair (`pairSlot`), BEGINS where a member begins with such a pair, ENDS where one ends with one. */
  private readonly pairSides = new Uint8Array(0x10000);
  /** Per entry, the run and the item that last had it (mayPair), numbered from 1 across paragraphs. */
  private readonly runOf: Int32Array;
  private readonly itemOf: Int32Array;
  private runCount = 0;
  private itemCount = 0;
  /** UNIT_KIND, plus NEEDLE_FIRST at each unit that may start a needle. */
  private readonly unitTable = new Uint8Array(UNIT_KIND);
  /** The paragraph being walked, and what was found in it so far (made at the first thing found). */
  private text = '';
  private noted: Observation[] | undefined;
  private misspelt: Observation[] | undefined;
  private listed: Observation[] | undefined;
  private labelEnds: Map<string, number[]> | undefined;
  /** The runs of the paragraph that `walk` keeps for `judgeRuns`, two entries a run (start, end); reused, grown as a run's end is written past it. */
  private readonly held: number[] = [];
  private readonly onNeedle = (at: number, needle: string, n: Needle) => this.needleFound(at, needle, n);

  constructor(private readonly entries: readonly Formulation[]) {
    entries.forEach((e, entry) => {
      for (const label of [e.name, ...(e.aliases ?? [])]) if (isLabel(label)) this.needles.add(label, { kind: 'label', entry });
      for (const r of e.replaces ?? []) this.needles.add(r.name, { kind: 'old', entry, notBefore: r.notBefore });
      e.members?.forEach((m, index) => {
        const key = norm(m);
        const list = this.atoms.get(key);
        if (list) list.push({ entry, index });
        else this.atoms.set(key, [{ entry, index }]);
        this.pairSides[pairSlot(pairKey(key, key.length - 2))] |= ENDS;
        this.pairSides[pairSlot(pairKey(key, 0))] |= BEGINS;
        for (const [map, pair] of [
          [this.lastPairEntries, pairKey(key, key.length - 2)],
          [this.firstPairEntries, pairKey(key, 0)],
        ] as const) {
          const list = map.get(pair);
          if (!list) map.set(pair, [entry]);
          else if (!list.includes(entry)) list.push(entry);
        }
        for (const [map, pair] of [
          [this.lastPairAtoms, pairKey(key, key.length - 2)],
          [this.firstPairAtoms, pairKey(key, 0)],
        ] as const) {
          const atoms = map.get(pair);
          if (!atoms) map.set(pair, [key]);
          else if (!atoms.includes(key)) atoms.push(key);
        }
      });
      if (!e.members && e.name.length >= LOOSE_NAME) {
        const half = Math.ceil(e.name.length / 2);
        this.needles.add(e.name.slice(0, half), { kind: 'anchor', entry, offset: 0 });
        this.needles.add(e.name.slice(half), { kind: 'anchor', entry, offset: half });
      }
    });
    this.runOf = new Int32Array(entries.length);
    this.itemOf = new Int32Array(entries.length);
    markNeedleFirsts(this.needles.firsts, this.unitTable);
  }

  /** What one paragraph says: the needles found in the same walk as the runs of items (see `walk`). */
  find(text: string): Observation[] {
    this.begin(text);
    this.judgeRuns(text, this.walk(text, this.unitTable));
    return this.end();
  }

  /** `find` as two walks, the needles' own scan first: the straightforward version, which a test compares `find` with. */
  findInTwoWalks(text: string): Observation[] {
    this.begin(text);
    this.needles.scan(text, this.onNeedle);
    this.judgeRuns(text, this.walk(text, UNIT_KIND));
    return this.end();
  }

  private begin(text: string): void {
    this.text = text;
    this.noted = undefined;
    this.misspelt = undefined;
    this.listed = undefined;
    this.labelEnds = undefined;
  }

  /** The observations of the paragraph `begin` began, in text order; one empty array shared where there are none (most paragraphs). */
  private end(): Observation[] {
    const { noted, misspelt, listed } = this;
    this.text = '';
    if (!noted && !misspelt && !listed) return NONE as Observation[];
    const out = noted ?? [];
    if (misspelt) {
      // The longest name of those misspelt at one place (中国共产党中央纪律检查委员会 over 中央纪律检查委员会).
      misspelt.sort((a, b) => b.end - b.start - (a.end - a.start));
      for (const o of misspelt) if (!out.some((k) => k.kind === 'misspelt' && k.start < o.end && o.start < k.end)) out.push(o);
    }
    if (listed) out.push(...listed);
    return out.sort((a, b) => a.start - b.start);
  }

  /** A needle found at `at` in the paragraph `begin` began. */
  private needleFound(at: number, needle: string, n: Needle): void {
    const text = this.text;
    const entry = this.entries[n.entry];
    const end = at + needle.length;
    if (n.kind === 'label') {
      const ends = (this.labelEnds ??= new Map()).get(entry.name);
      if (ends) ends.push(end);
      else this.labelEnds.set(entry.name, [end]);
      const quoted = at > 0 && OPEN_QUOTE.includes(text[at - 1]) && CLOSE_QUOTE.includes(text[end] ?? '');
      if (entry.quoted && !quoted && !insideTitle(text, at)) (this.noted ??= []).push({ kind: 'unquoted', entry, label: needle, start: at, end, history: false });
    } else if (n.kind === 'old') {
      if (n.notBefore && n.notBefore.includes(text[end] ?? '')) return;
      // 原国家卫生和计划生育委员会: named as it was.
      const history = text[at - 1] === '原' || historyAround(text, at, end);
      (this.noted ??= []).push({ kind: 'replaced', entry, old: needle, start: at, end, history });
    } else {
      const o = this.loose(text, at, needle, n.offset, entry);
      if (o) (this.misspelt ??= []).push(o);
    }
  }

  /**
   * One walk over the units: a run of items ends at a RUN_END, an item at an ITEM_SEPARATOR. A run is kept for
   * `judgeRuns` only if two of its items may be members of one entry (`mayPair`: every list that `lists` judges has
   * two items of its entry; an item shorter than two units is no member). With `unitTable`, the needles are looked
   * for in the same walk, only at units that may start one (NEEDLE_FIRST). Returns how many entries of `held` (two
   * a run: its start and end) it kept.
   */
  private walk(text: string, table: Uint8Array): number {
    const held = this.held;
    let heldCount = 0;
    const n = text.length;
    let runStart = 0;
    let itemStart = 0;
    // The item's first join after its first unit (−1: none).
    let join = -1;
    let run = ++this.runCount;
    let holds = false;
    const pairs = this.needles.pairs;
    for (let b = 0; b <= n; b++) {
      let kind = b < n ? table[text.charCodeAt(b)] : RUN_END;
      if (kind === 0) continue;
      if (kind >= NEEDLE_FIRST) {
        // The needles' pair test read here (pairHash written out): a call at each unit that may start one costs more.
        if (b + 1 < n && pairs[(text.charCodeAt(b) * 31 + text.charCodeAt(b + 1)) & 0xffff] === 1) this.needles.startsAt(text, b, this.onNeedle);
        kind -= NEEDLE_FIRST;
        if (kind === 0) continue;
      }
      if (kind === JOIN) {
        if (join < 0 && b > itemStart) join = b;
        continue;
      }
      if (!holds && b - itemStart >= 2) holds = this.mayPair(text, itemStart, b, join, run);
      if (kind === RUN_END) {
        // Every run's bounds written, kept where it holds: no call or branch here that the first runs, which hold
        // none, do not reach (the engine compiles the walk early and would throw it away at the first run kept).
        held[heldCount] = runStart;
        held[heldCount + 1] = b;
        heldCount += holds ? 2 : 0;
        runStart = b + 1;
        run = ++this.runCount;
        holds = false;
      }
      itemStart = b + 1;
      join = -1;
    }
    return heldCount;
  }

  /**
   * The lists of the runs `walk` kept, split into items: after the walk, which has found every label of the
   * paragraph (a list is labelled only by one that ends before it, `labelledAt`).
   */
  private judgeRuns(text: string, heldCount: number): void {
    const held = this.held;
    for (let k = 0; k < heldCount; k += 2) {
      const found = items(text, held[k], held[k + 1], (piece) => this.joins(piece));
      if (found.length) this.lists(text, found, this.labelEnds ?? NO_LABELS, (this.listed ??= []));
    }
  }

  /**
   * True if the item text[a, b) of run `run` (its first join at `join`, or −1) begins or ends with a member (or is one)
   * of an entry that an earlier item of the run begins or ends with a member of too, or if a join splits it into two
   * halves that do (an item that a join may split counting as two): every list that `lists` judges has two such items.
   */
  private mayPair(text: string, a: number, b: number, join: number, run: number): boolean {
    const item = ++this.itemCount;
    const first = this.entriesAffixed(text, a, b, BEGINS);
    const last = this.entriesAffixed(text, a, b, ENDS);
    if (this.anotherItemHas(first, run, item) || this.anotherItemHas(last, run, item)) return true;
    // A join inside (享乐主义和奢靡之风): a member may end before it and another begin after it.
    for (let j = join; j >= 0 && j < b - 1; j++) {
      if (UNIT_KIND[text.charCodeAt(j)] !== JOIN) continue;
      // 以及, both units read every time (no test first reached once the loop is compiled, which would throw the compiled loop away).
      const left = ((text.charCodeAt(j) ^ 0x53ca) | (text.charCodeAt(j - 1) ^ 0x4ee5)) === 0 ? j - 1 : j;
      const before = this.entriesAffixed(text, a, left, ENDS);
      const after = this.entriesAffixed(text, j + 1, b, BEGINS);
      // Both halves members of one entry, or either half one with another item.
      if (shareAny(first, before, after, last) || this.anotherItemHas(before, run, item) || this.anotherItemHas(after, run, item)) return true;
    }
    return false;
  }

  /**
   * The entries with a member that text[a, b), its quotation marks left out, begins with (`side` BEGINS) or ends with
   * (ENDS), or is; undefined if none. Most items of a text begin and end with pairs no member has, which a table tells
   * first; of the others, most only share the pair (党的建设 with 经济建设): no run of such items holds a list, and
   * `lists`, the costliest part of a first check before the engine has compiled it, is spared them.
   */
  private entriesAffixed(text: string, a: number, b: number, side: typeof BEGINS | typeof ENDS): number[] | undefined {
    const pair = side === BEGINS ? pairAfter(text, a, b) : pairBefore(text, a, b);
    if ((this.pairSides[pairSlot(pair)] & side) === 0) return undefined;
    // Read in place, its quotation marks skipped: no piece sliced and cleaned for each item that passes the table.
    const atoms = (side === BEGINS ? this.firstPairAtoms : this.lastPairAtoms).get(pair);
    if (!atoms) return undefined;
    let found: number[] | undefined;
    for (const atom of atoms) {
      if (!(side === BEGINS ? beginsWithUnquoted(text, a, b, atom) : endsWithUnquoted(text, a, b, atom))) continue;
      for (const m of this.atoms.get(atom)!) if (!found?.includes(m.entry)) (found ??= []).push(m.entry);
    }
    return found;
  }

  /** True if an earlier item of the run has one of the entries; marks them as this item's. */
  private anotherItemHas(entries: readonly number[] | undefined, run: number, item: number): boolean {
    if (!entries) return false;
    for (const e of entries) {
      if (this.itemOf[e] === item) continue;
      if (this.runOf[e] === run) return true;
      this.runOf[e] = run;
      this.itemOf[e] = item;
    }
    return false;
  }

  /** A name written one letter off around an anchor of it (`全国人民代表大会常务委会`). */
  private loose(text: string, at: number, anchor: string, offset: number, entry: Formulation): Observation | undefined {
    const name = entry.name;
    const n = name.length;
    for (const length of [n, n - 1, n + 1]) {
      const start = offset === 0 ? at : at + anchor.length - length;
      const end = start + length;
      if (start < 0 || end > text.length) continue;
      const wrong = text.slice(start, end);
      if (wrong === name || text.startsWith(name, start) || text.startsWith(name, start - 1) || text.slice(start - 1, end + 1).includes(name)) continue;
      if (!oneInnerEdit(wrong, name)) continue;
      for (let i = start; i < end; i++) if (!isHan(text.charCodeAt(i))) return undefined;
      return { kind: 'misspelt', entry, wrong, start, end, history: false };
    }
    return undefined;
  }

  /** The lists of known enumerations in one run of items. */
  private lists(text: string, run: Item[], labelEnds: ReadonlyMap<string, number[]>, out: Observation[]): void {
    // Per item, the members it is (exactly), ends with (the first of a list) or starts with (the last).
    // Only items beginning or ending as a member does are looked at closer: the entries of those pairs.
    const firstEntries = run.map((it) => this.firstPairEntries.get(pairAfter(text, it.start, it.end)));
    const lastEntries = run.map((it) => this.lastPairEntries.get(pairBefore(text, it.start, it.end)));
    const exact = run.map((it, i) => (firstEntries[i] && lastEntries[i] && this.atoms.get(norm(it.text))) || NO_MEMBERS);
    // A list needs an item that is or ends with a member and a later one that is or starts with one of the same entry:
    // the affixes of an item with no such partner (by its pairs' entries) make no list, and are not looked for.
    const ends = run.map((it, i) => (lastEntries[i] && this.partnered(lastEntries, firstEntries, i, 1) ? this.affixMatches(it.text, 'end') : NO_MEMBERS));
    const starts = run.map((it, i) => (firstEntries[i] && this.partnered(firstEntries, lastEntries, i, -1) ? this.affixMatches(it.text, 'start') : NO_MEMBERS));
    const touched = new Set<number>();
    for (const lists of [exact, ends, starts]) for (const list of lists) for (const m of list) touched.add(m.entry);
    for (const entryIndex of touched) {
      const entry = this.entries[entryIndex];
      const indexIn = (list: ReadonlyArray<{ entry: number; index: number }>) => list.find((m) => m.entry === entryIndex)?.index ?? -1;
      for (let i0 = 0; i0 < run.length; i0++) {
        const first = indexIn(exact[i0]) >= 0 ? indexIn(exact[i0]) : indexIn(ends[i0]);
        if (first < 0) continue;
        // Extend over members, with at most one item that is none.
        const seq: number[] = [first];
        let i1 = i0;
        let unmatched = -1;
        for (let j = i0 + 1; j < run.length; j++) {
          const m = indexIn(exact[j]) >= 0 ? indexIn(exact[j]) : indexIn(starts[j]);
          if (m >= 0) {
            seq.push(m);
            i1 = j;
            if (indexIn(exact[j]) < 0) break; // a last item that only starts with a member ends the list
          } else if (unmatched < 0 && j + 1 < run.length && (indexIn(exact[j + 1]) >= 0 || indexIn(starts[j + 1]) >= 0)) {
            unmatched = j;
          } else break;
        }
        if (seq.length < 2) continue;
        // Right after its label, an odd first or last item may be a member miswritten (“四个全面”：全面建成小康社会、…).
        let from = i0;
        let to = i1;
        if (unmatched < 0 && seq.length === entry.members!.length - 1) {
          if (i0 > 0 && labelledAt(text, run[i0 - 1].start, entry, labelEnds) && !this.anyMatch(run[i0 - 1].text, entryIndex)) {
            unmatched = from = i0 - 1;
          } else if (i1 + 1 < run.length && labelledAt(text, run[i0].start, entry, labelEnds) && !this.anyMatch(run[i1 + 1].text, entryIndex)) {
            unmatched = to = i1 + 1;
          }
        } else if (unmatched < 0 && seq.length === entry.members!.length && i1 + 1 < run.length && run[i1 + 1].before === '、') {
          // One more item after a complete list, in the same series (“四个自信”：……、文化自信、历史自信).
          if (labelledAt(text, run[i0].start, entry, labelEnds) && !this.anyMatch(run[i1 + 1].text, entryIndex)) unmatched = to = i1 + 1;
        }
        const o = this.judgeList(text, run, from, to, seq, unmatched, entry, labelEnds);
        if (o) out.push(o);
        i0 = i1;
      }
    }
  }

  /**
   * True if an entry of `own[i]` is one of `other[j]` for an item j after i (`step` 1) or before it (−1): an item's
   * members are of its pairs' entries (an exact member and an affix begin and end with the pairs of a member).
   */
  private partnered(own: ReadonlyArray<readonly number[] | undefined>, other: ReadonlyArray<readonly number[] | undefined>, i: number, step: 1 | -1): boolean {
    for (let j = i + step; j >= 0 && j < other.length; j += step) {
      const entries = other[j];
      if (entries && own[i]!.some((e) => entries.includes(e))) return true;
    }
    return false;
  }

  private judgeList(
    text: string,
    run: Item[],
    i0: number,
    i1: number,
    seq: number[],
    unmatched: number,
    entry: Formulation,
    labelEnds: ReadonlyMap<string, number[]>,
  ): Observation | undefined {
    const members = entry.members!;
    const n = members.length;
    const distinct = new Set(seq).size;
    if (distinct !== seq.length) return undefined;
    const increasing = seq.every((m, i) => i === 0 || m > seq[i - 1]);
    // The span: the first member within the first item (which may begin with other words), to the last within the last.
    const firstItem = run[i0];
    const lastItem = run[i1];
    const firstText = unmatched === i0 ? firstItem.text : members[seq[0]];
    const start = norm(firstItem.text) === norm(firstText) ? firstItem.start : firstItem.end - firstText.length;
    const lastText = unmatched === i1 ? lastItem.text : members[seq[seq.length - 1]];
    const end = norm(lastItem.text) === norm(lastText) ? lastItem.end : lastItem.start + lastText.length;
    if (start < firstItem.start || end > lastItem.end) return undefined;
    const history = historyAround(text, start, end);
    const labelled = labelledAt(text, start, entry, labelEnds);
    const separators = run.slice(i0 + 1, i1 + 1).map((it) => it.before);
    const canonical = joinLike(members, separators);
    if (unmatched < 0 && seq.length === n && !increasing) return { kind: 'order', entry, start, end, history, replacement: canonical };
    if (!labelled || !increasing) return undefined;
    if (unmatched < 0 && seq.length === n - 1) {
      const missing = members.find((_, i) => !seq.includes(i))!;
      return { kind: 'missing', entry, start, end, history, replacement: canonical, member: missing };
    }
    if (unmatched >= 0 && seq.length === n) return { kind: 'added', entry, start, end, history, replacement: canonical, member: run[unmatched].text };
    if (unmatched >= 0 && seq.length === n - 1) {
      const missing = members.findIndex((_, i) => !seq.includes(i));
      // The odd item stands where the missing member belongs.
      const before = seq.filter((m) => m < missing).length;
      if (unmatched - i0 !== before) return undefined;
      return { kind: 'substituted', entry, start, end, history, replacement: canonical, member: members[missing], wrong: run[unmatched].text };
    }
    return undefined;
  }

  /** Where a last join (和, 及) splits an item into two members (享乐主义和奢靡之风), or −1; never inside a member (坚持和加强…). */
  private joins(piece: string): { at: number; length: number } | undefined {
    if (!HAS_JOIN.test(piece) || this.atoms.has(norm(piece))) return undefined;
    LAST_JOIN.lastIndex = 0;
    let found: { at: number; length: number } | undefined;
    for (let m = LAST_JOIN.exec(piece); m; m = LAST_JOIN.exec(piece)) {
      const left = piece.slice(0, m.index);
      const right = piece.slice(m.index + m[0].length);
      const leftOk = this.atoms.has(norm(left)) || this.affixMatches(left, 'end').length > 0;
      const rightOk = this.atoms.has(norm(right)) || this.affixMatches(right, 'start').length > 0;
      if (left && right && leftOk && rightOk) found = { at: m.index, length: m[0].length };
    }
    return found;
  }

  private anyMatch(item: string, entry: number): boolean {
    const has = (list: Array<{ entry: number }>) => list.some((m) => m.entry === entry);
    return has(this.atoms.get(norm(item)) ?? []) || has(this.affixMatches(item, 'end')) || has(this.affixMatches(item, 'start'));
  }

  /** The members an item ends with (`增强政治意识`) or starts with (`看齐意识的要求`). */
  private affixMatches(item: string, side: 'start' | 'end'): Array<{ entry: number; index: number }> {
    const text = norm(item);
    if (text.length < 2) return [];
    const candidates = side === 'end' ? this.lastPairAtoms.get(pairKey(text, text.length - 2)) : this.firstPairAtoms.get(pairKey(text, 0));
    if (!candidates) return [];
    const found: Array<{ entry: number; index: number }> = [];
    for (const atom of candidates) {
      if (atom.length < text.length && (side === 'end' ? text.endsWith(atom) : text.startsWith(atom))) found.push(...this.atoms.get(atom)!);
    }
    return found;
  }
}

/** True if an entry of `a` or `b` is one of `c` or `d`. */
function shareAny(a: readonly number[] | undefined, b: readonly number[] | undefined, c: readonly number[] | undefined, d: readonly number[] | undefined): boolean {
  for (const x of [a, b]) for (const e of x ?? []) if (c?.includes(e) || d?.includes(e)) return true;
  return false;
}

/**
 * NEEDLE_FIRST added to `table` at each unit a needle may start with: in a function of its own that ends with its
 * loop, which runs once a finder before the engine has compiled it, so that the code compiled while it runs meets
 * nothing it has not seen when it ends.
 */
function markNeedleFirsts(firsts: Uint8Array, table: Uint8Array): void {
  // Added at every unit (firsts holds 0 and 1): no store first reached after the loop is compiled, at the first needle's unit.
  for (let c = 0; c < 0x10000; c++) table[c] += firsts[c] * NEEDLE_FIRST;
}

/** A label is a short name without marks (四个意识), searched as written; other names only describe a list. */
function isLabel(name: string): boolean {
  return name.length >= 2 && name.length <= 10 && /^[\u4e00-\u9fff]+$/.test(name);
}

/** True if one edit inside (never at either end, never a numeral) turns `wrong` into `right`. */
export function oneInnerEdit(wrong: string, right: string): boolean {
  // A numeral makes another meeting (十四届, 二中全会); 的 and 之 come and go in prose.
  const numeral = (c: string | undefined) => c !== undefined && NUMERALS.includes(c);
  const particle = (c: string | undefined) => c === '的' || c === '之';
  if (wrong[0] !== right[0] || wrong[wrong.length - 1] !== right[right.length - 1]) return false;
  let i = 0;
  while (i < wrong.length && i < right.length && wrong[i] === right[i]) i++;
  if (wrong.length === right.length) {
    if (wrong.slice(i + 1) !== right.slice(i + 1)) return false;
    return !numeral(wrong[i]) && !numeral(right[i]);
  }
  if (Math.abs(wrong.length - right.length) !== 1) return false;
  const [longer, shorter] = wrong.length > right.length ? [wrong, right] : [right, wrong];
  return longer.slice(i + 1) === shorter.slice(i) && !numeral(longer[i]) && !particle(longer[i]);
}

/** The members in order, joined with the separators the writer used (the last one kept: 和, 、). */
function joinLike(members: readonly string[], separators: string[]): string {
  const last = separators[separators.length - 1] ?? '、';
  const inner = separators.find((s) => s === '、' || s === '，') ?? '、';
  return members.map((m, i) => (i === 0 ? m : (i === members.length - 1 ? last : inner) + m)).join('');
}

/** True if the entry's label ends just before `start`, with only a colon or 即 between. */
function labelledAt(text: string, start: number, entry: Formulation, labelEnds: ReadonlyMap<string, number[]>): boolean {
  return (labelEnds.get(entry.name) ?? []).some((e) => e <= start && start - e <= 4 && LABEL_GAP.test(text.slice(e, start)));
}

function historyAround(text: string, start: number, end: number): boolean {
  let a = start;
  while (a > 0 && !SENTENCE_END.test(text[a - 1])) a--;
  let b = end;
  while (b < text.length && !SENTENCE_END.test(text[b])) b++;
  return HISTORY.test(text.slice(a, b));
}

function insideTitle(text: string, at: number): boolean {
  const open = text.lastIndexOf('《', at);
  return open >= 0 && text.lastIndexOf('》', at) < open;
}

/** The items of the run text[start, end): split at 、 and ，, and where `join` says at a last 和 or 及. */
function items(text: string, start: number, end: number, join: (piece: string) => { at: number; length: number } | undefined): Item[] {
  const run: Item[] = [];
  let itemStart = start;
  let before = '';
  const close = (to: number) => {
    if (to <= itemStart) return;
    const piece = text.slice(itemStart, to);
    const cut = join(piece);
    if (cut) {
      run.push({ start: itemStart, end: itemStart + cut.at, text: piece.slice(0, cut.at), before });
      run.push({ start: itemStart + cut.at + cut.length, end: to, text: piece.slice(cut.at + cut.length), before: piece.substr(cut.at, cut.length) });
    } else {
      run.push({ start: itemStart, end: to, text: piece, before });
    }
  };
  for (let i = start; i < end; i++) {
    if (UNIT_KIND[text.charCodeAt(i)] === ITEM_SEPARATOR) {
      close(i);
      itemStart = i + 1;
      before = text[i];
    }
  }
  close(end);
  return run;
}

const pairKey = (s: string, at: number) => (s.charCodeAt(at) << 16) | s.charCodeAt(at + 1);
/** The slot of a pair key in `pairSides` (its two units mixed as `pairHash` mixes them); −1 (no pair) has one too. */
const pairSlot = (key: number) => ((key >>> 16) * 31 + (key & 0xffff)) & 0xffff;
const BEGINS = 1;
const ENDS = 2;

/** The first two characters of text[a, b) that are no quotation marks, as a pair key (as `norm` would leave them); −1 if there are fewer. */
function pairAfter(text: string, a: number, b: number): number {
  let first = -1;
  for (let i = a; i < b; i++) {
    const c = text.charCodeAt(i);
    if (QUOTE_MARK[c] === 1) continue;
    if (first < 0) first = c;
    else return (first << 16) | c;
  }
  return -1;
}

/** `norm(text.slice(a, b)).startsWith(word)`, read in place (`word` holds no quotation mark). */
function beginsWithUnquoted(text: string, a: number, b: number, word: string): boolean {
  let k = 0;
  for (let i = a; i < b && k < word.length; i++) {
    const c = text.charCodeAt(i);
    if (QUOTE_MARK[c] === 1) continue;
    if (c !== word.charCodeAt(k)) return false;
    k++;
  }
  return k === word.length;
}

/** `norm(text.slice(a, b)).endsWith(word)`, read in place (`word` holds no quotation mark). */
function endsWithUnquoted(text: string, a: number, b: number, word: string): boolean {
  let k = word.length - 1;
  for (let i = b - 1; i >= a && k >= 0; i--) {
    const c = text.charCodeAt(i);
    if (QUOTE_MARK[c] === 1) continue;
    if (c !== word.charCodeAt(k)) return false;
    k--;
  }
  return k < 0;
}

/** The last two characters of text[a, b) that are no quotation marks, as a pair key; −1 if there are fewer. */
function pairBefore(text: string, a: number, b: number): number {
  let last = -1;
  for (let i = b - 1; i >= a; i--) {
    const c = text.charCodeAt(i);
    if (QUOTE_MARK[c] === 1) continue;
    if (last < 0) last = c;
    else return (c << 16) | last;
  }
  return -1;
}
