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

/** Bad usage: the reason, printed in both languages; exit status 2. */
export class UsageError extends Error {
  constructor(readonly reason: Localized) {
    super(reason.en);
  }
}

/** `a, b or c` / `a、b 或 c`: a list in both languages. */
export function listOf(items: readonly string[], last: 'and' | 'or'): Localized {
  const join = (sep: string, lastSep: string) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(sep)}${lastSep}${items[items.length - 1]}`);
  return { zh: join('、', last === 'and' ? ' 和 ' : ' 或 '), en: join(', ', ` ${last} `) };
}

export { reasonOf } from '../node/fileErrors';
