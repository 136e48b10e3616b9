// Root hooks for every suite: the checker in the tests sees what it sees in the
// product, the wording rules' data included (dist/wording-data.bin, which the
// build writes; without it those rules stay silent, as in a product missing it).

import { provideBuiltWordingData } from './wording';

export const mochaHooks = {
  beforeAll(): void {
    provideBuiltWordingData();
  },
};
