// Why a file operation failed, from Node's error code, in both languages: for
// the command line's messages and the config problems the server shows.

import { bothLanguages, type Localized } from '../core';

export function reasonOf(error: unknown): Localized {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return bothLanguages('no such file or folder');
    case 'EACCES':
    case 'EPERM':
      return bothLanguages('permission denied');
    case 'EROFS':
      return bothLanguages('the file system is read-only');
    case 'ENOSPC':
    case 'EDQUOT':
      return bothLanguages('the disk is full');
    case 'EISDIR':
      return bothLanguages('it is a folder');
    case 'ENOTDIR':
      return bothLanguages('a part of the path is not a folder');
    case 'ELOOP':
      return bothLanguages('too many levels of symbolic links');
    default: {
      const text = error instanceof Error ? error.message : String(error);
      return { zh: text, en: text };
    }
  }
}
