// Which files a command line names: files as given, and the drafts inside
// folders (recursively, skipping node_modules and dot-folders). Inside a
// folder, a symbolic link is followed only to a draft inside that folder: a
// link that leads out is named and left alone (`check --fix DIR` must not
// rewrite files elsewhere); a file named on the command line may be a link.

import * as fs from 'fs';
import * as path from 'path';
import type { Localized } from '../core';
import { isInside, realPath } from '../node/paths';
import { message, reasonOf } from './messages';

/** Word documents (.docx) are read as drafts too (`loadDraft.ts`). */
export const DRAFT_EXTENSIONS = ['.txt', '.md', '.speech', '.docx'];

export interface DraftPath {
  /** As the user would type it: the path given, joined with the path inside a folder. */
  file: string;
  /** Found inside this folder (a real path): the draft must still lie inside it when it is written. */
  within?: string;
}

export interface Discovery {
  drafts: DraftPath[];
  /** Paths that do not exist or folders that cannot be listed. */
  problems: Localized[];
  /** Links inside a folder given that lead out of it: not followed. */
  skipped: Localized[];
}

export function discoverDrafts(paths: readonly string[]): Discovery {
  const drafts: DraftPath[] = [];
  const problems: Localized[] = [];
  const skipped: Localized[] = [];
  const seen = new Set<string>();
  const add = (file: string, within?: string) => {
    const key = realPath(file);
    if (seen.has(key)) return;
    seen.add(key);
    drafts.push({ file, ...(within !== undefined ? { within } : {}) });
  };
  /** `root`: the folder given, as given and as its real path, which links may not leave. */
  const walk = (dir: string, root: { given: string; real: string }) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      problems.push(message('{0}: cannot be read: {1}.', dir, reasonOf(e)));
      return;
    }
    // Code-unit order: the same on every machine, whatever its locale.
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      // Hidden files too: editors keep lock files and backups there (`.#draft.txt`).
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const p = path.join(dir, entry.name);
      const kind = entry.isSymbolicLink() ? linkKind(p) : entry.isDirectory() ? 'dir' : entry.isFile() ? 'file' : undefined;
      // Linked folders are not followed: they can loop.
      if (kind === 'dir' && !entry.isSymbolicLink()) walk(p, root);
      else if (kind === 'file' && DRAFT_EXTENSIONS.includes(path.extname(entry.name).toLowerCase())) {
        if (entry.isSymbolicLink() && !isInside(realPath(p), root.real)) skipped.push(message('{0}: not followed: the link leads out of {1}.', p, root.given));
        else add(p, root.real);
      }
    }
  };
  for (const given of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(given);
    } catch (e) {
      problems.push(message('{0}: cannot be read: {1}.', given, reasonOf(e)));
      continue;
    }
    // A file named on the command line is checked whatever its extension.
    if (stat.isDirectory()) walk(given, { given, real: realPath(given) });
    else add(given);
  }
  return { drafts, problems, skipped };
}

function linkKind(p: string): 'dir' | 'file' | undefined {
  try {
    const stat = fs.statSync(p);
    return stat.isDirectory() ? 'dir' : stat.isFile() ? 'file' : undefined;
  } catch {
    return undefined; // a dangling link
  }
}
