// What a line of a draft looks like, as the parts around the body see it.

import type { Paragraph } from '../parse/paragraphs';
import type { Span } from '../types';

/** A title, date, speaker or salutation line: short, no sentence inside it. */
export function isShortLine(p: Paragraph): boolean {
  return p.text.length <= 80 && !/[。！？]/.test(p.text.replace(/[。！？]$/, '')) && !/[。]$/.test(p.text);
}

export const paragraphSpan = (p: Paragraph): Span => ({ start: p.start, end: p.end });
