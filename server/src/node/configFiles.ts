// `.speechdraftrc.json` files: found by walking up from a draft; the nearest
// one applies. Node-only (file system); shared by the CLI and the language server.

import * as fs from 'fs';
import * as path from 'path';
import {
  mergeConfig,
  validateConfig,
  bothLanguages,
  type ConfigProblem,
  type SpeechDraftConfig,
} from '../core';

export const CONFIG_FILE_NAME = '.speechdraftrc.json';

/** The nearest `.speechdraftrc.json` at or above `dir`, if any. */
export function findConfigFile(dir: string): string | undefined {
  let current = path.resolve(dir);
  for (;;) {
    const candidate = path.join(current, CONFIG_FILE_NAME);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

export interface LoadedConfig {
  config: Partial<SpeechDraftConfig>;
  problems: ConfigProblem[];
}

/** Reads and validates one config file; a broken file yields problems and an empty layer, never a throw. */
export function loadConfigFile(file: string): LoadedConfig {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    return { config: {}, problems: [{ source: file, key: '(file)', message: bothLanguages('Cannot read the file: {0}', (e as Error).message) }] };
  }
  return parseConfigText(text.replace(/^\uFEFF/, ''), file);
}

export function parseConfigText(text: string, source: string): LoadedConfig {
  let raw: unknown;
  try {
    raw = text.trim() === '' ? {} : JSON.parse(text);
  } catch (e) {
    const where = jsonErrorPosition(text, (e as Error).message);
    return {
      config: {},
      problems: [{ source, key: where, message: bothLanguages('Not valid JSON ({0}); using the defaults.', (e as Error).message) }],
    };
  }
  return validateConfig(raw, source);
}

/** `line L, column C` from V8's `… at position N` (or `(line L column C)`). */
function jsonErrorPosition(text: string, message: string): string {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return `line ${lc[1]}, column ${lc[2]}`;
  const pos = /position (\d+)/.exec(message);
  if (!pos) return '(file)';
  const before = text.slice(0, Number(pos[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

export interface ResolvedConfigFor extends LoadedConfig {
  config: SpeechDraftConfig;
  /** The file that applied, if any. */
  file?: string;
}

/**
 * The configuration for a draft: defaults, then `base` (the editor's settings),
 * then the nearest config file (or `explicitFile`).
 */
export function loadConfigFor(draftPath: string, options: { explicitFile?: string; base?: Partial<SpeechDraftConfig> } = {}): ResolvedConfigFor {
  const file = options.explicitFile ?? findConfigFile(path.dirname(path.resolve(draftPath)));
  if (!file) return { config: mergeConfig(options.base), problems: [] };
  const loaded = loadConfigFile(file);
  return { config: mergeConfig(options.base, loaded.config), problems: loaded.problems, file };
}
