// The rule catalog: one file per rule, collected here in the order of RULE_IDS.

import { RULE_IDS, type RuleId } from '../types';
import { structureRules } from './structureRules';
import { textRules } from './textRules';
import type { Rule } from './types';

const order = (r: Rule) => (RULE_IDS as readonly string[]).indexOf(r.id);
export const allRules: readonly Rule[] = [...structureRules, ...textRules].sort((a, b) => order(a) - order(b));

export function ruleById(id: string): Rule | undefined {
  return allRules.find((r) => r.id === (id as RuleId));
}
