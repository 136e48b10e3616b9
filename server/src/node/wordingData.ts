// Hands the core the typo rule's data, dist/typo-data.bin beside the bundle,
// read on the rule's first check (see core/wording/typoData.ts): a draft
// checked without the rule never reads it.

import { readFileSync } from 'fs';
import { join } from 'path';
import { provideTypoData } from '../core/wording/typoData';

export const TYPO_DATA_FILE = 'typo-data.bin';

/** `dir`: the folder of the bundles (dist/), where the build writes the data. */
export function provideBundledTypoData(dir: string): void {
  provideTypoData(() => readFileSync(join(dir, TYPO_DATA_FILE)).toString('utf16le'));
}
