// `.speechdraftrc.json` files: found by walking up from a draft, as far as a
// boundary the caller sets (the command line: a repository's top or the home
// folder; the language server: the workspace folder); the nearest one
// applies. Only a regular file of at most MAX_CONFIG_BYTES is read. Node-only
// (file system); shared by the CLI and the language server.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { bothLanguages, LineIndex, mergeConfig, validateConfig, type ConfigProblem, type SpeechDraftConfig } from '../core';
import { jsonSyntaxError, UNEXPECTED } from '../core/config/jsonSyntax';
import { untrustedLayer } from '../core/config/untrusted';
import { isInside, realPath } from './paths';
import { MAX_CONFIG_BYTES, readRegularFile } from './regularFile';

export const CONFIG_FILE_NAME = '.speechdraftrc.json';

/** The last folder the walk up looks in: true for it. Folders are real paths. */
export type SearchEnd = (dir: string) => boolean;

/**
 * The nearest `.speechdraftrc.json` at or above `dir`, looking no higher than
 * the folder where `isLast` holds. A folder anyone may write to (like `/tmp`)
 * is neither looked in nor passed: what lies there may come from anyone.
 */
export function findConfigFile(dir: string, isLast: SearchEnd): string | undefined {
  let current = realPath(dir);
  for (;;) {
    if (othersMayWrite(current)) return undefined;
    const candidate = path.join(current, CONFIG_FILE_NAME);
    if (fs.existsSync(candidate)) return candidate;
    if (isLast(current)) return undefined;
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

function othersMayWrite(dir: string): boolean {
  if (process.platform === 'win32') return false; // no such mode bits there
  try {
    return (fs.statSync(dir).mode & 0o002) !== 0;
  } catch {
    return true; // cannot tell: go no further
  }
}

/** The command line's boundary: the first folder holding `.git` (a repository's top), or the home folder, whichever comes first. */
export function commandLineSearchEnd(home = os.homedir()): SearchEnd {
  const realHome = realPath(home);
  return (dir) => dir === realHome || fs.existsSync(path.join(dir, '.git'));
}

/**
 * The language server's boundary for a draft in `draftDir`: the outermost
 * workspace folder holding it; a draft outside every workspace folder gets its
 * own folder's file only.
 */
export function workspaceSearchEnd(draftDir: string, workspaceFolders: readonly string[]): SearchEnd {
  const dir = realPath(draftDir);
  const holding = workspaceFolders.map(realPath).filter((root) => isInside(dir, root));
  const top = holding.sort((a, b) => a.length - b.length)[0];
  return top === undefined ? () => true : (d) => d === top;
}

export interface LoadedConfig {
  config: Partial<SpeechDraftConfig>;
  problems: ConfigProblem[];
}

export interface LoadOptions {
  /** False in an untrusted workspace: only what `untrustedLayer` lets through is read. */
  trusted?: boolean;
}

/** Reads and validates one config file; a broken file yields problems and an empty layer, never a throw. */
export function loadConfigFile(file: string, options: LoadOptions = {}): LoadedConfig {
  const read = readRegularFile(file, MAX_CONFIG_BYTES);
  if (read.kind === 'refused') {
    return { config: {}, problems: [{ source: file, key: '(file)', message: bothLanguages('Cannot read the file: {0}', read.reason) }] };
  }
  return parseConfigText(read.bytes.toString('utf8').replace(/^\uFEFF/, ''), file, options);
}

export function parseConfigText(text: string, source: string, { trusted = true }: LoadOptions = {}): LoadedConfig {
  let raw: unknown;
  try {
    raw = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    // V8's message quotes the text: the place and a reason of our own, never the content.
    const error = jsonSyntaxError(text);
    const where = error ? new LineIndex(text).humanPosition(error.offset) : undefined;
    return {
      config: {},
      problems: [
        {
          source,
          key: where ? `line ${where.line}, column ${where.column}` : '(file)',
          message: bothLanguages('Not valid JSON ({0}); using the defaults.', bothLanguages(error?.reason ?? UNEXPECTED)),
        },
      ],
    };
  }
  if (trusted) return validateConfig(raw, source);
  const layer = untrustedLayer(raw, source);
  const validated = validateConfig(layer.raw, source);
  return { config: validated.config, problems: [...layer.problems, ...validated.problems] };
}

export interface ResolvedConfigFor extends LoadedConfig {
  config: SpeechDraftConfig;
  /** The file that applied, if any. */
  file?: string;
  /** What that file sets (validated). */
  fileLayer?: Partial<SpeechDraftConfig>;
}

/**
 * The configuration for a draft: defaults, then `base` (the editor's settings),
 * then the nearest config file below the boundary (or `explicitFile`).
 */
export function loadConfigFor(
  draftPath: string,
  options: { explicitFile?: string; base?: Partial<SpeechDraftConfig>; searchEnd: SearchEnd } & LoadOptions,
): ResolvedConfigFor {
  const file = options.explicitFile ?? findConfigFile(path.dirname(path.resolve(draftPath)), options.searchEnd);
  if (!file) return { config: mergeConfig(options.base), problems: [] };
  const loaded = loadConfigFile(file, options);
  return { config: mergeConfig(options.base, loaded.config), problems: loaded.problems, file, fileLayer: loaded.config };
}
