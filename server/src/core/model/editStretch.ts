// Which paragraphs an edit split again, as `modelAfterEdit` knows it: the
// document rules that read paragraph by paragraph (`DocumentRule.reads`) look
// at these again and give the others' findings again, moved.

import type { EditRange } from '../text/lineIndex';
import type { SpeechModel } from './types';

/**
 * The model an edit started from, the edit, and the paragraphs split again: `[from, to)` of the
 * model replaced `[from, oldTo)` of `previous`; those before `from` are the same objects, those
 * from `to` on are `previous`'s from `oldTo` on, moved by the edit (the same texts).
 */
export interface EditStretch {
  previous: SpeechModel;
  edit: EditRange;
  from: number;
  oldTo: number;
  to: number;
}

const stretches = new WeakMap<SpeechModel, EditStretch>();

export function recordEditStretch(model: SpeechModel, stretch: EditStretch): void {
  stretches.set(model, stretch);
}

/**
 * The stretch an edit split again to make `model`, where it was made after one; asked once, by the
 * check of the model (kept, it would keep every model before it alive, each holding the one before).
 */
export function takeEditStretch(model: SpeechModel): EditStretch | undefined {
  const stretch = stretches.get(model);
  stretches.delete(model);
  return stretch;
}
