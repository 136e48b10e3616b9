// Settings of the checker, their defaults and their validation. The same keys
// serve `.speechdraftrc.json` and the editor's `speechDraft.*` settings.

import { bothLanguages, translator } from '../l10n';
import { RULE_IDS, type Localized, type RuleId, type SeveritySetting } from '../types';
import { checkPatternSafety } from './patterns';
import { isDay, validateFormulations } from '../wording/formulationConfig';
import type { Formulation } from '../wording/formulations';

export interface WordUsageEntry {
  wrong: string;
  right: string;
}

export interface SpeechDraftConfig {
  /** Severity per rule id; absent means the rule's default. */
  rules: Partial<Record<RuleId, SeveritySetting>>;
  /** Characters a minute at which the speech is read. */
  speakingRate: number;
  /** The whole speech's target length in minutes; 0 for none. */
  targetMinutes: number;
  /** One section's target length in minutes; 0 for none. */
  sectionTargetMinutes: number;
  /** Longest stand-alone heading, in characters. */
  headingMaxLength: number;
  /** More placeholder patterns (regular expressions, checked for safety). */
  placeholderPatterns: string[];
  /** More words for `word-usage`. */
  wordUsage: WordUsageEntry[];
  /** House formulations and names for `formulation` (see wording/formulationConfig.ts). */
  formulations?: Formulation[];
  /** `YYYY-MM-DD`: the date `formulation` judges a draft without a date line by. */
  draftDate?: string;
}

export const DEFAULT_CONFIG: Readonly<SpeechDraftConfig> = Object.freeze({
  rules: {},
  speakingRate: 200,
  targetMinutes: 30,
  sectionTargetMinutes: 0,
  headingMaxLength: 40,
  placeholderPatterns: [],
  wordUsage: [],
});

export interface ConfigProblem {
  /** The config file, or `settings` for the editor's settings. */
  source: string;
  key: string;
  message: Localized;
}

const SEVERITIES = ['off', 'info', 'warning', 'error'];
const NUMBER_KEYS = {
  speakingRate: [50, 1000],
  targetMinutes: [0, 1000],
  sectionTargetMinutes: [0, 1000],
  headingMaxLength: [4, 1000],
} as const;

/**
 * Keeps what is valid and reports the rest; never throws. `source` names the
 * file (or `settings`) in the messages.
 */
export function validateConfig(raw: unknown, source: string): { config: Partial<SpeechDraftConfig>; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const config: Partial<SpeechDraftConfig> = {};
  const problem = (key: string, message: string, ...args: Array<string | number>) =>
    problems.push({ source, key, message: bothLanguages(message, ...args) });
  if (raw === undefined || raw === null) return { config, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problem('(root)', 'The configuration must be a JSON object.');
    return { config, problems };
  }
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (key === '$schema') continue;
    if (key === 'rules') {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        problem(key, '"{0}" must be an object of rule ids and severities.', key);
        continue;
      }
      const rules: Partial<Record<RuleId, SeveritySetting>> = {};
      for (const [id, sev] of Object.entries(value as Record<string, unknown>)) {
        if (!(RULE_IDS as readonly string[]).includes(id)) {
          problem(`rules.${id}`, 'Unknown rule id "{0}".', id);
        } else if (typeof sev !== 'string' || !SEVERITIES.includes(sev)) {
          problem(`rules.${id}`, 'Severity must be one of off, info, warning, error; got {0}.', JSON.stringify(sev) ?? String(sev));
        } else {
          rules[id as RuleId] = sev as SeveritySetting;
        }
      }
      config.rules = rules;
    } else if (key in NUMBER_KEYS) {
      const [min, max] = NUMBER_KEYS[key as keyof typeof NUMBER_KEYS];
      if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
        problem(key, '"{0}" must be a number from {1} to {2}; got {3}.', key, min, max, JSON.stringify(value) ?? String(value));
      } else {
        config[key as keyof typeof NUMBER_KEYS] = value;
      }
    } else if (key === 'placeholderPatterns') {
      if (!Array.isArray(value)) {
        problem(key, '"{0}" must be an array of strings.', key);
        continue;
      }
      config.placeholderPatterns = [];
      value.forEach((pattern, i) => {
        const reason = checkPatternSafety(pattern);
        if (!reason) {
          config.placeholderPatterns!.push(pattern as string);
          return;
        }
        const shown = JSON.stringify(pattern) ?? String(pattern);
        const [zh, en] = [translator('zh-cn'), translator('en')];
        problems.push({
          source,
          key: `${key}[${i}]`,
          message: {
            zh: zh('Pattern {0} is not used: {1}.', shown, zh(reason.message, ...reason.args)),
            en: en('Pattern {0} is not used: {1}.', shown, en(reason.message, ...reason.args)),
          },
        });
      });
    } else if (key === 'wordUsage') {
      if (!Array.isArray(value)) {
        problem(key, '"{0}" must be an array of strings.', key);
        continue;
      }
      config.wordUsage = [];
      value.forEach((entry, i) => {
        const e = entry as Partial<WordUsageEntry> | null;
        if (!e || typeof e !== 'object' || typeof e.wrong !== 'string' || typeof e.right !== 'string' || !e.wrong) {
          problem(`${key}[${i}]`, 'Each word entry needs "wrong" and "right" strings.');
        } else {
          config.wordUsage!.push({ wrong: e.wrong, right: e.right });
        }
      });
    } else if (key === 'formulations') {
      config.formulations = validateFormulations(value, key, problem);
    } else if (key === 'draftDate') {
      if (isDay(value)) config.draftDate = value;
      else problem(key, '"{0}" must be a date written YYYY-MM-DD; got {1}.', key, JSON.stringify(value) ?? String(value));
    } else {
      problem(key, 'Unknown setting "{0}".', key);
    }
  }
  return { config, problems };
}

/** Later layers win; `rules` merge key by key. */
export function mergeConfig(...layers: Array<Partial<SpeechDraftConfig> | undefined>): SpeechDraftConfig {
  const out: SpeechDraftConfig = { ...DEFAULT_CONFIG, rules: {}, placeholderPatterns: [], wordUsage: [] };
  for (const layer of layers) {
    if (!layer) continue;
    for (const [key, value] of Object.entries(layer)) {
      if (value === undefined) continue;
      if (key === 'rules') out.rules = { ...out.rules, ...(value as SpeechDraftConfig['rules']) };
      else (out as unknown as Record<string, unknown>)[key] = value;
    }
  }
  return out;
}

export function formatProblem(p: ConfigProblem): string {
  return `${p.source}: ${p.key}: ${p.message.zh} / ${p.message.en}`;
}
