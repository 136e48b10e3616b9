// What a paragraph rule is given: the paragraph's text, its markers, the
// draft's format, and (made on first use, once for all the rules) the stretches
// that are not prose: code, markup, addresses and download-site residue.

import type { SpeechDraftConfig } from './config/config';
import type { MarkerToken } from './parse/markers';
import { residueSpans } from './residue/residue';
import type { DraftFormat, ParagraphInput } from './rules/types';
import { verbatimSpans } from './text/verbatim';
import type { Span } from './types';

/** The stretches of a paragraph's text the text rules leave alone, sorted and apart. */
export function notProse(text: string, config?: SpeechDraftConfig): Span[] {
  return verbatimSpans(text, residueSpans(text, config));
}

export function paragraphInput(text: string, markers: readonly MarkerToken[], format: DraftFormat, config?: SpeechDraftConfig): ParagraphInput {
  let verbatim: Span[] | undefined;
  return { text, markers, format, verbatim: () => (verbatim ??= notProse(text, config)) };
}
