// Rules on the text itself: punctuation, placeholders, residue, words.

import type { Rule } from './types';

export const textRules: Rule[] = [];
