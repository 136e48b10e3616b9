// The exit statuses of every command, with what each means (the usage says it from here).

import type { Localized } from '../core';

export const EXIT = { clean: 0, errorsFound: 1, trouble: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export const EXIT_MEANINGS: ReadonlyArray<{ code: ExitCode; meaning: Localized }> = [
  { code: EXIT.clean, meaning: { zh: '没有错误级问题', en: 'nothing at error severity' } },
  { code: EXIT.errorsFound, meaning: { zh: '有错误级问题', en: 'errors found' } },
  { code: EXIT.trouble, meaning: { zh: '用法错误、文件无法读取或写入', en: 'bad usage or a file that cannot be read or written' } },
];
