// Messages about bad input (usage, unreadable or unwritable files) are given in
// Chinese and English both, since whoever reads stderr may not have set LANG.

import { bothLanguages, type Localized } from '../core';
import { escapeControls } from './terminalText';

/** One message in both languages; an argument may itself be bilingual (a reason). */
export const message = bothLanguages;

/** `speech-draft: 中文 / English`, the shape config problems have too (`formatProblem`); control characters (from file names) escaped. */
export function bilingualLine(m: Localized): string {
  return `speech-draft: ${escapeControls(m.zh)} / ${escapeControls(m.en)}\n`;
}

export { reasonOf } from '../node/fileErrors';
