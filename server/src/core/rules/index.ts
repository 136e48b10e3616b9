// The rule catalogue: one file per rule, registered here, once, in the order
// the editor, the docs and the schema list them. Ids, names and everything
// generated from them (`npm run generate`) come from this list.

import { announcedCount } from './announcedCount';
import { formulation } from './formulation';
import { headingParallelism } from './headingParallelism';
import { headingStyle } from './headingStyle';
import { numberingHierarchy } from './numberingHierarchy';
import { numberingSequence } from './numberingSequence';
import { numberingStyle } from './numberingStyle';
import { numberUsage } from './numberUsage';
import { outlineConsistency } from './outlineConsistency';
import { placeholder } from './placeholder';
import { punctuationPairs } from './punctuationPairs';
import { punctuationRepeat } from './punctuationRepeat';
import { punctuationWidth } from './punctuationWidth';
import { repeatedWord } from './repeatedWord';
import { speechLength } from './speechLength';
import { speechStructure } from './speechStructure';
import { straySpace } from './straySpace';
import { typo } from './typo';
import type { RuleSpec } from './types';
import { webResidue } from './webResidue';
import { wordUsage } from './wordUsage';

const RULES = [
  numberingSequence,
  numberingStyle,
  numberingHierarchy,
  outlineConsistency,
  announcedCount,
  headingStyle,
  headingParallelism,
  speechStructure,
  punctuationWidth,
  punctuationPairs,
  punctuationRepeat,
  straySpace,
  placeholder,
  webResidue,
  wordUsage,
  typo,
  formulation,
  numberUsage,
  repeatedWord,
  speechLength,
] as const satisfies readonly RuleSpec[];

export type RuleId = (typeof RULES)[number]['id'];
export type Rule = RuleSpec & { id: RuleId };

export const allRules: readonly Rule[] = RULES;
export const RULE_IDS: readonly RuleId[] = RULES.map((r) => r.id);

/** Looked up for every finding ranked (twice per comparison of a sort): a map, not a walk of the list. */
const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(allRules.map((r) => [r.id, r]));

export function ruleById(id: string): Rule | undefined {
  return RULES_BY_ID.get(id);
}
