// The line break a new line of a draft is written with (the 【提纲】 written from the body): `\r\n`
// where the text holds one, else `\n`. Counted over the text once, then carried over each edit: the
// pairs of the stretch it replaced out, those of the stretch it typed in, so an edit reads only those.

import type { EditRange } from '../text/lineIndex';
import type { SpeechModel } from './types';

/** The `\r\n` pairs of a model's text, where known. */
const pairCounts = new WeakMap<SpeechModel, number>();

/** Characters read to count the pairs: the tests count them to see that an edit reads only its stretch. */
export const lineBreakWork = { chars: 0 };

/** The `\r\n` pairs starting in `[from, to)` of `text`. */
function pairsIn(text: string, from: number, to: number): number {
  let n = 0;
  const end = Math.min(to, text.length);
  for (let i = Math.max(0, from); i < end; i++) {
    lineBreakWork.chars++;
    if (text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10) n++;
  }
  return n;
}

/**
 * The pairs of `model`, the model of `previous`'s text with `edit` applied, where the previous count
 * is known: a pair starting before `edit.start - 1` is as it was, one starting at or past the edit's
 * end is an old one moved.
 */
export function carryLineBreaks(model: SpeechModel, previous: SpeechModel, edit: EditRange): void {
  const before = pairCounts.get(previous);
  if (before === undefined) return;
  pairCounts.set(model, before - pairsIn(previous.text, edit.start - 1, edit.oldEnd) + pairsIn(model.text, edit.start - 1, edit.newEnd));
}

/** `\r\n` where the model's text holds one, else `\n`. */
export function lineBreakOf(model: SpeechModel): string {
  let n = pairCounts.get(model);
  if (n === undefined) {
    // Counted once over the text (a native search finds a text with none at once).
    n = model.text.indexOf('\r\n') < 0 ? 0 : pairsIn(model.text, 0, model.text.length);
    pairCounts.set(model, n);
  }
  return n > 0 ? '\r\n' : '\n';
}
