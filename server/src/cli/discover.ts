// Which files a command line names: files as given, and the drafts inside
// folders (recursively, skipping node_modules and dot-folders).

import * as fs from 'fs';
import * as path from 'path';
import { draftFormat, type DraftFormat, type Localized } from '../core';
import { message, reasonOf } from './messages';

export const DRAFT_EXTENSIONS = ['.txt', '.md', '.speech'];

export interface DraftPath {
  /** As the user would type it: the path given, joined with the path inside a folder. */
  file: string;
  format: DraftFormat;
}

export interface Discovery {
  drafts: DraftPath[];
  /** Paths that do not exist or folders that cannot be listed. */
  problems: Localized[];
}

export function discoverDrafts(paths: readonly string[]): Discovery {
  const drafts: DraftPath[] = [];
  const problems: Localized[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    const key = realPath(file);
    if (seen.has(key)) return;
    seen.add(key);
    drafts.push({ file, format: draftFormat({ fileName: file }) });
  };
  const walk = (dir: string) => {
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
      if (kind === 'dir' && !entry.isSymbolicLink()) walk(p);
      else if (kind === 'file' && DRAFT_EXTENSIONS.includes(path.extname(entry.name).toLowerCase())) add(p);
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
    if (stat.isDirectory()) walk(given);
    else add(given);
  }
  return { drafts, problems };
}

function linkKind(p: string): 'dir' | 'file' | undefined {
  try {
    const stat = fs.statSync(p);
    return stat.isDirectory() ? 'dir' : stat.isFile() ? 'file' : undefined;
  } catch {
    return undefined; // a dangling link
  }
}

function realPath(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}
