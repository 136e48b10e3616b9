// Which paragraphs may hold what a pattern looks for. Calling a regular
// expression costs far more than scanning a paragraph with it, so on a fresh
// check (most paragraphs new) one pass over the whole text answers for every
// paragraph; after an edit (few paragraphs new) each is tested alone.

import type { Paragraph } from './parse/paragraphs';
import { WordList, WordListBatch } from './text/wordList';

/**
 * What a paragraph must hold to be worth a closer look: a plain pattern (no
 * anchors, word boundaries or look-arounds, so that a match inside a paragraph
 * is a match in the whole text at the same place), a list of words, or any of
 * several. Word lists are the fastest (one-character words make a character
 * class): all the lists of a batch are searched in one pass. A pattern led by one
 * character class is fast; an alternation is not, so give its parts as a list.
 */
export type Trigger = RegExp | WordList | readonly Trigger[];

const globalCopies = new WeakMap<RegExp, RegExp>();

function globalOf(re: RegExp): RegExp {
  let g = globalCopies.get(re);
  if (!g) globalCopies.set(re, (g = new RegExp(re.source, re.flags.replace(/[gy]/g, '') + 'g')));
  return g;
}

/** Start of the first match at or after `from`, or -1. */
function nextMatch(text: string, trigger: RegExp | WordList, from: number): number {
  if (trigger instanceof WordList) return trigger.find(text, from);
  const re = globalOf(trigger);
  re.lastIndex = from;
  return re.exec(text)?.index ?? -1;
}

function matches(text: string, trigger: Trigger): boolean {
  if (Array.isArray(trigger)) return trigger.some((t) => matches(text, t));
  return nextMatch(text, trigger as RegExp | WordList, 0) >= 0;
}

/** Per paragraph index, 1 where a match of `trigger` starts inside the paragraph. */
function scanAll(text: string, paragraphs: readonly Paragraph[], trigger: RegExp | WordList): Uint8Array {
  const hits = new Uint8Array(paragraphs.length);
  let k = 0;
  for (let at = nextMatch(text, trigger, 0); at >= 0; ) {
    while (k + 1 < paragraphs.length && paragraphs[k + 1].start <= at) k++;
    const p = paragraphs[k];
    const inside = p !== undefined && at >= p.start && at < p.end;
    if (inside) hits[k] = 1;
    // One match a paragraph is enough; and never go on past a start that a match ran over.
    at = nextMatch(text, trigger, inside ? p.end : at + 1);
  }
  return hits;
}

/** The word lists among some triggers, each once. */
export function wordListsOf(triggers: ReadonlyArray<Trigger | undefined>, out = new Set<WordList>()): Set<WordList> {
  for (const t of triggers) {
    if (t instanceof WordList) out.add(t);
    else if (Array.isArray(t)) wordListsOf(t, out);
  }
  return out;
}

export class TriggerIndex {
  private readonly scans = new Map<Trigger, Uint8Array>();

  /**
   * `wholeText`: answer from one pass over the text per trigger (worth it when
   * most paragraphs are asked about); the word lists of `batch` share one pass.
   */
  constructor(
    private readonly text: string,
    private readonly paragraphs: readonly Paragraph[],
    private readonly wholeText: boolean,
    private readonly batch?: WordListBatch,
    /** Where a paragraph's trigger answers are kept (by the checker, with the paragraph's text); undefined for none. */
    private readonly answersOf?: (paragraph: Paragraph) => Map<Trigger, boolean> | undefined,
  ) {}

  /** False only if the paragraph holds no match of the trigger. */
  mayMatch(paragraph: Paragraph, trigger: Trigger): boolean {
    if (!this.wholeText) {
      const answers = this.answersOf?.(paragraph);
      if (!answers) return matches(paragraph.text, trigger);
      let hit = answers.get(trigger);
      if (hit === undefined) answers.set(trigger, (hit = matches(paragraph.text, trigger)));
      return hit;
    }
    return this.hitsOf(trigger)[paragraph.index] === 1;
  }

  private hitsOf(trigger: Trigger): Uint8Array {
    let hits = this.scans.get(trigger);
    if (hits) return hits;
    if (Array.isArray(trigger)) {
      hits = new Uint8Array(this.paragraphs.length);
      for (const part of trigger as readonly Trigger[]) {
        const partHits = this.hitsOf(part);
        for (let k = 0; k < hits.length; k++) hits[k] |= partHits[k];
      }
    } else if (trigger instanceof WordList && this.batch?.lists.includes(trigger)) {
      const all = this.batch.scan(this.text, this.paragraphs);
      this.batch.lists.forEach((list, i) => this.scans.set(list, all[i]));
      hits = all[this.batch.lists.indexOf(trigger)];
    } else {
      hits = scanAll(this.text, this.paragraphs, trigger as RegExp | WordList);
    }
    this.scans.set(trigger, hits);
    return hits;
  }
}
