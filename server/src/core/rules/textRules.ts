// Rules on the text itself: punctuation, placeholders, residue, words.

import { placeholder } from './placeholder';
import { punctuationPairs } from './punctuationPairs';
import { punctuationRepeat } from './punctuationRepeat';
import { punctuationWidth } from './punctuationWidth';
import { repeatedWord } from './repeatedWord';
import type { Rule } from './types';
import { webResidue } from './webResidue';
import { wordUsage } from './wordUsage';

export const textRules: Rule[] = [punctuationWidth, punctuationPairs, punctuationRepeat, placeholder, webResidue, wordUsage, repeatedWord];
