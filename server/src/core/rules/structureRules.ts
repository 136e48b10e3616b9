// Rules on the speech's structure: numbering, headings, outline, parts, length.

import { numberingSequence } from './numberingSequence';
import { numberingStyle } from './numberingStyle';
import type { Rule } from './types';

export const structureRules: Rule[] = [numberingSequence, numberingStyle];
