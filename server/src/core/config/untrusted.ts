// What a `.speechdraftrc.json` of an untrusted workspace may set: only what
// can neither hide a finding nor cost unbounded time. That is a rule's
// severity at or above the rule's default (a finding may get louder, never
// quieter or gone, and no export gate opens). Everything else (rules turned
// off or down, lengths and rates that decide what is reported, patterns and
// word lists) is dropped before validation, so none of it is compiled, and
// each dropped key is reported.

import { bothLanguages } from '../l10n';
import { ruleById } from '../rules';
import type { Severity } from '../types';
import type { ConfigProblem } from './config';

const LOUDNESS: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** `raw` (parsed JSON) with what an untrusted file may not set taken out, and a problem for each key taken out. */
export function untrustedLayer(raw: unknown, source: string): { raw: unknown; problems: ConfigProblem[] } {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { raw, problems: [] };
  const problems: ConfigProblem[] = [];
  const ignored = (key: string) => problems.push({ source, key, message: bothLanguages('Not used: this workspace is not trusted.') });
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key === '$schema') continue;
    if (key !== 'rules' || value === null || typeof value !== 'object' || Array.isArray(value)) {
      ignored(key);
      continue;
    }
    const rules: Record<string, unknown> = {};
    for (const [id, severity] of Object.entries(value)) {
      const rule = ruleById(id);
      const louder = !!rule && typeof severity === 'string' && Object.hasOwn(LOUDNESS, severity) && LOUDNESS[severity as Severity] >= LOUDNESS[rule.defaultSeverity];
      if (louder) rules[id] = severity;
      else ignored(`rules.${id}`);
    }
    kept.rules = rules;
  }
  return { raw: kept, problems };
}
