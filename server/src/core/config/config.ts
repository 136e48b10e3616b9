// Settings of the checker, their defaults and their validation. The same keys
// serve `.speechdraftrc.json` and the editor's `speechDraft.*` settings.

import { bothLanguages, translator } from '../l10n';
import { RULE_IDS } from '../rules';
import { SEVERITY_SETTINGS, type Localized, type RuleId, type SeveritySetting } from '../types';
import { checkPatternSafety } from './patterns';
import { boundsOf, defaultsOf, settingOf, SETTINGS } from './settings';
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
  /** More placeholder patterns (regular expressions, run by the linear engine of `patterns.ts`). */
  placeholderPatterns: string[];
  /** More download-site residue patterns (the same engine). */
  residuePatterns: string[];
  /** More words for `word-usage`. */
  wordUsage: WordUsageEntry[];
  /** Text written on purpose: findings inside it are not reported (`signal/accept.ts`). */
  accept: string[];
  /** House formulations and names for `formulation` (see wording/formulationConfig.ts). */
  formulations: Formulation[];
  /** `YYYY-MM-DD`: the date `formulation` judges a draft without a date line by. */
  draftDate: string;
}

/** The defaults of the settings table (`settings.ts`). */
export const DEFAULT_CONFIG: Readonly<SpeechDraftConfig> = Object.freeze(defaultsOf('checker') as unknown as SpeechDraftConfig);

export interface ConfigProblem {
  /** The config file, or `settings` for the editor's settings. */
  source: string;
  key: string;
  message: Localized;
}

/** The longest accepted phrase, from the settings table. */
const MAX_ACCEPTED_LENGTH = (settingOf('accept').items as { maxLength: number }).maxLength;

/** The checker's number settings and their bounds, from the settings table. */
const NUMBER_KEYS = new Map(
  SETTINGS.filter((s) => s.scope === 'checker' && s.type === 'number').map((s) => [s.key, boundsOf(s)]),
);

/** The settings that hold regular expressions, each compiled by `patternList`. */
type PatternKey = 'placeholderPatterns' | 'residuePatterns';
const PATTERN_KEYS: ReadonlySet<string> = new Set<PatternKey>(['placeholderPatterns', 'residuePatterns']);

/**
 * Keeps what is valid and reports the rest; never throws. `source` names the
 * file (or `settings`) in the messages.
 */
export function validateConfig(raw: unknown, source: string): { config: Partial<SpeechDraftConfig>; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const config: Partial<SpeechDraftConfig> = {};
  /** Reports a problem; undefined, so that a check can end with it. */
  const problem = (key: string, message: string, ...args: Array<string | number>): undefined => {
    problems.push({ source, key, message: bothLanguages(message, ...args) });
    return undefined;
  };
  /** A list setting's entries, each through `take` (undefined: reported and left out); undefined when the value is no list. */
  const entries = <T>(key: string, value: unknown, take: (entry: unknown, at: string) => T | undefined): T[] | undefined => {
    if (!Array.isArray(value)) return problem(key, '"{0}" must be an array of strings.', key);
    return value.flatMap((entry, i) => {
      const kept = take(entry, `${key}[${i}]`);
      return kept === undefined ? [] : [kept];
    });
  };
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
        } else if (typeof sev !== 'string' || !(SEVERITY_SETTINGS as readonly string[]).includes(sev)) {
          problem(`rules.${id}`, 'Severity must be one of off, info, warning, error; got {0}.', shownValue(sev));
        } else {
          rules[id as RuleId] = sev as SeveritySetting;
        }
      }
      config.rules = rules;
    } else if (NUMBER_KEYS.has(key)) {
      // A Map: `toString`, `constructor` and `__proto__` are `in` every object, but in no Map.
      const [min, max] = NUMBER_KEYS.get(key)!;
      if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
        problem(key, '"{0}" must be a number from {1} to {2}; got {3}.', key, min, max, shownValue(value));
      } else {
        (config as Record<string, unknown>)[key] = value;
      }
    } else if (PATTERN_KEYS.has(key)) {
      const patterns = patternList(key, value, source, problems);
      if (patterns) config[key as PatternKey] = patterns;
    } else if (key === 'accept') {
      const list = entries(key, value, (e, at) =>
        typeof e === 'string' && e.length > 0 && e.length <= MAX_ACCEPTED_LENGTH ? e : problem(at, 'Each accepted entry must be a string of 1 to {0} characters.', MAX_ACCEPTED_LENGTH),
      );
      if (list) config.accept = list;
    } else if (key === 'wordUsage') {
      const list = entries(key, value, (entry, at) => {
        const e = entry as Partial<WordUsageEntry> | null;
        if (e && typeof e === 'object' && typeof e.wrong === 'string' && typeof e.right === 'string' && e.wrong) return { wrong: e.wrong, right: e.right };
        return problem(at, 'Each word entry needs "wrong" and "right" strings.');
      });
      if (list) config.wordUsage = list;
    } else if (key === 'formulations') {
      config.formulations = validateFormulations(value, key, problem);
    } else if (key === 'draftDate') {
      if (value === '' || isDay(value)) config.draftDate = value;
      else problem(key, '"{0}" must be a date written YYYY-MM-DD; got {1}.', key, shownValue(value));
    } else {
      problem(key, 'Unknown setting "{0}".', key);
    }
  }
  return { config, problems };
}

/**
 * A setting holding regular expressions (any such setting takes this one call):
 * the patterns the engine compiles, each other one reported by its key and the
 * pattern, in both languages; undefined if the value is not a list.
 */
function patternList(key: string, value: unknown, source: string, problems: ConfigProblem[]): string[] | undefined {
  if (!Array.isArray(value)) {
    problems.push({ source, key, message: bothLanguages('"{0}" must be an array of strings.', key) });
    return undefined;
  }
  const kept: string[] = [];
  value.forEach((pattern, i) => {
    const reason = checkPatternSafety(pattern);
    if (!reason) {
      kept.push(pattern as string);
      return;
    }
    const shown = shownValue(pattern);
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
  return kept;
}

/**
 * A value as a message quotes it: short, and never by walking into it (a file
 * may nest arrays 5,000 deep, which JSON.stringify cannot print).
 */
function shownValue(value: unknown): string {
  if (Array.isArray(value)) return '[…]';
  if (value !== null && typeof value === 'object') return '{…}';
  if (typeof value !== 'string') return String(value);
  const chars = [...value];
  return JSON.stringify(chars.length > 40 ? chars.slice(0, 40).join('') + '…' : value);
}

/** Later layers win; `rules` merge key by key. */
export function mergeConfig(...layers: Array<Partial<SpeechDraftConfig> | undefined>): SpeechDraftConfig {
  const out = defaultsOf('checker') as unknown as SpeechDraftConfig;
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
