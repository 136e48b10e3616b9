// Hands the core the wording rules' data, dist/wording-data.bin beside the
// bundle: read on a rule's first check (see core/wording/typoData.ts), or read
// ahead from the start off the main thread and taken then (the server).

import { readFile, readFileSync } from 'fs';
import { join } from 'path';
import { provideWordingData } from '../core/wording/typoData';

export const WORDING_DATA_FILE = 'wording-data.bin';

/** `dir`: the folder of the bundles (dist/), where the build writes the data. */
export function provideBundledWordingData(dir: string): void {
  provideWordingData(() => readFileSync(join(dir, WORDING_DATA_FILE)));
}

/**
 * The data (6 MB) handed to the core as `provideBundledWordingData` hands it, but read from the
 * start off the main thread (the server): a draft opened right after `initialized`, before the
 * warm-up has run, does not wait for the read on its first check. Read at once if it is needed
 * before the read is done; kept only until taken.
 */
export function prefetchBundledWordingData(dir: string): void {
  const path = join(dir, WORDING_DATA_FILE);
  let read: Buffer | undefined;
  let taken = false;
  readFile(path, (error, bytes) => {
    if (!error && !taken) read = bytes;
  });
  provideWordingData(() => {
    taken = true;
    const bytes = read ?? readFileSync(path);
    read = undefined;
    return bytes;
  });
}
