// Paths compared as the file system sees them: real paths, links resolved.

import * as fs from 'fs';
import * as path from 'path';

/** The real path of `file`; where it cannot be had (gone, no permission), the absolute path. */
export function realPath(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

/** `file` is `root` or lies below it (both real, or both absolute, paths). */
export function isInside(file: string, root: string): boolean {
  const rel = path.relative(root, file);
  return rel === '' || (rel !== '..' && !rel.startsWith('..' + path.sep) && !path.isAbsolute(rel));
}
