// Hands the core the typo rule's data, dist/wording-data.bin beside the bundle,
// read on the rule's first check (see core/wording/typoData.ts): a draft
// checked without the rule never reads it.

import { readFileSync } from 'fs';
import { join } from 'path';
import { provideWordingData } from '../core/wording/typoData';

export const WORDING_DATA_FILE = 'wording-data.bin';

/** `dir`: the folder of the bundles (dist/), where the build writes the data. */
export function provideBundledWordingData(dir: string): void {
  provideWordingData(() => readFileSync(join(dir, WORDING_DATA_FILE)));
}
