// Messages about bad input (usage, unreadable or unwritable files) are given in
// Chinese and English both, since whoever reads stderr may not have set LANG.

import { translator, type Localized } from '../core';

const zh = translator('zh-cn');
const en = translator('en');

type Arg = string | number | Localized;

/** One message in both languages; an argument may itself be bilingual (a reason). */
export function message(template: string, ...args: Arg[]): Localized {
  const pick = (lang: keyof Localized) => args.map((a) => (typeof a === 'object' ? a[lang] : a));
  return { zh: zh(template, ...pick('zh')), en: en(template, ...pick('en')) };
}

/** `speech-draft: 中文 / English`, the shape config problems have too (`formatProblem`). */
export function bilingualLine(m: Localized): string {
  return `speech-draft: ${m.zh} / ${m.en}\n`;
}

/** Why a file operation failed, from Node's error code, for people. */
export function reasonOf(error: unknown): Localized {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return message('no such file or folder');
    case 'EACCES':
    case 'EPERM':
      return message('permission denied');
    case 'EROFS':
      return message('the file system is read-only');
    case 'ENOSPC':
    case 'EDQUOT':
      return message('the disk is full');
    case 'EISDIR':
      return message('it is a folder');
    case 'ENOTDIR':
      return message('a part of the path is not a folder');
    default: {
      const text = error instanceof Error ? error.message : String(error);
      return { zh: text, en: text };
    }
  }
}
