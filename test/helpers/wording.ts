// The wording rules, not yet in the rule catalogue: tests pass them to the
// checker themselves, with the typo data the build wrote (dist/wording-data.bin).

import * as fs from 'fs';
import * as path from 'path';
import { formulation } from '../../server/src/core/rules/formulation';
import { numberUsage } from '../../server/src/core/rules/numberUsage';
import { typo } from '../../server/src/core/rules/typo';
import type { Rule } from '../../server/src/core/rules';
import { provideWordingData } from '../../server/src/core/wording/typoData';
import { repoRoot } from './corpus';

export const WORDING_DATA = path.join(repoRoot, 'dist', 'wording-data.bin');

export const wordingRules: readonly Rule[] = [typo, formulation, numberUsage];

/** Gives the core the built data, counting the loads. */
export function provideBuiltWordingData(): { loads: number } {
  const counter = { loads: 0 };
  provideWordingData(() => {
    counter.loads++;
    return fs.readFileSync(WORDING_DATA);
  });
  return counter;
}
