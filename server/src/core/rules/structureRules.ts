// Rules on the speech's structure: numbering, headings, outline, parts, length.

import { announcedCount } from './announcedCount';
import { headingParallelism } from './headingParallelism';
import { headingStyle } from './headingStyle';
import { numberingHierarchy } from './numberingHierarchy';
import { numberingSequence } from './numberingSequence';
import { numberingStyle } from './numberingStyle';
import { outlineConsistency } from './outlineConsistency';
import { speechLength } from './speechLength';
import { speechStructure } from './speechStructure';
import type { Rule } from './types';

export const structureRules: Rule[] = [
  numberingSequence,
  numberingStyle,
  numberingHierarchy,
  outlineConsistency,
  announcedCount,
  headingStyle,
  headingParallelism,
  speechStructure,
  speechLength,
];
