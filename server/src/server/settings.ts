// Settings for a document: the editor's `speechDraft.*` settings under the
// nearest `.speechdraftrc.json`, looked for no higher than the workspace
// folder that holds the document (a document outside every folder: its own
// folder only). In an untrusted workspace only what cannot hide a finding or
// cost unbounded time is read from that file (`untrustedLayer`). Problems with
// either are collected, not thrown.

import * as path from 'path';
import { fileURLToPath } from 'url';
import { wordDocumentPath } from './wordDocuments';
import type { Connection, InitializeParams } from 'vscode-languageserver/node';
import { boundsOf, DEFAULT_CONFIG, mergeConfig, settingOf, validateConfig, type ConfigProblem, type SpeechDraftConfig } from '../core';
import { Glob, matchesAny, pathForGlobs } from '../../../common/drafts/glob';
import { loadConfigFor, workspaceSearchEnd } from '../node/configFiles';
import { isInside } from '../node/paths';

export type RunMode = 'onType' | 'onSave';
/** `grouped`: a paragraph's many half-width marks are one finding; `each`: one finding a mark. */
export type HalfWidthMarks = 'grouped' | 'each';

export interface DocumentSettings {
  config: SpeechDraftConfig;
  run: RunMode;
  halfWidthMarks: HalfWidthMarks;
  /** Milliseconds between the last keystroke and the check. */
  debounce: number;
  problems: ConfigProblem[];
  /** Languages checked (`speechDraft.languages`); undefined: whatever the client sends. */
  languages: string[] | undefined;
  /** The document matches a glob of `speechDraft.ignore`. */
  ignored: boolean;
  /** Changes whenever settings or config files change: a key for caches. */
  generation: number;
  /** The `.speechdraftrc.json` that applies, and the rule severities it sets. */
  configFile?: { path: string; rules: Partial<Record<string, string>> };
  /** False in a workspace the client says is not trusted. */
  trusted: boolean;
}

/**
 * Whether a document is checked: its language is one `speechDraft.languages`
 * names (any, when a client does not say), and no `speechDraft.ignore` glob matches it.
 */
export function checksDocument(s: DocumentSettings, languageId: string): boolean {
  return !s.ignored && (!s.languages || s.languages.includes(languageId));
}

const CHECKER_KEYS = Object.keys(DEFAULT_CONFIG);
const DEBOUNCE = settingOf('debounce');
const RUN = settingOf('run');
const HALF_WIDTH_MARKS = settingOf('halfWidthMarks');

/** A string setting's value when it is one of its declared values, else its default. */
function choice<T extends string>(spec: ReturnType<typeof settingOf>, value: unknown): T {
  return (spec.values?.some((v) => v.value === value) ? value : spec.default) as T;
}

/** The workspace folders `initialize` names (`workspaceFolders`, else the older `rootUri` or `rootPath`), as paths. */
export function workspaceFoldersOf(params: Pick<InitializeParams, 'workspaceFolders' | 'rootUri' | 'rootPath'>): string[] {
  const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  const paths = uris.map(uriToPath).filter((p): p is string => p !== undefined);
  if (paths.length === 0 && typeof params.rootPath === 'string' && params.rootPath) paths.push(params.rootPath);
  return paths;
}

/** The innermost workspace folder that holds `file`. */
function folderOf(file: string, folders: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const f of folders) {
    if (isInside(file, f) && (!best || f.length > best.length)) best = f;
  }
  return best;
}

function uriToPath(uri: string): string | undefined {
  try {
    // A Word document's view has the settings of the .docx's folder.
    return uri.startsWith('file:') ? fileURLToPath(uri) : wordDocumentPath(uri);
  } catch {
    return undefined;
  }
}

export class Settings {
  private cache = new Map<string, Promise<DocumentSettings>>();
  /** The editor's settings per workspace folder and language (what `workspace/configuration` can tell apart), asked once each. */
  private readonly editorSettings = new Map<string, Promise<Record<string, unknown>>>();
  private generation = 0;
  /** Settings pushed by clients without `workspace/configuration`. */
  private pushed: unknown;
  private readonly trusted: boolean;
  /** Settings loaded so far (each may ask the client and read config files): counted by the tests. */
  loads = 0;
  /** Settings asked for so far, loaded or cached (once per diagnostics round or request): counted by the tests. */
  resolutions = 0;

  constructor(
    private readonly connection: Connection,
    private readonly pull: boolean,
    initializationOptions: unknown,
    /** Where the search for a `.speechdraftrc.json` stops (`workspaceFoldersOf`). */
    private readonly workspaceFolders: readonly string[] = [],
    /** The language of an open document (the editor may set settings per language). */
    private readonly languageOf: (uri: string) => string | undefined = () => undefined,
  ) {
    this.pushed = (initializationOptions as { settings?: unknown } | undefined)?.settings ?? initializationOptions;
    // The VS Code client says whether the workspace is trusted; other clients are trusted.
    this.trusted = (initializationOptions as { trusted?: unknown } | undefined)?.trusted !== false;
  }

  /** Forget everything: settings or a config file changed. */
  reset(pushedSettings?: unknown): void {
    if (pushedSettings !== undefined) this.pushed = pushedSettings;
    this.cache.clear();
    this.editorSettings.clear();
    this.generation++;
  }

  /** Settings made before the last reset are out of date (a refresh is under way). */
  isCurrent(s: DocumentSettings): boolean {
    return s.generation === this.generation;
  }

  forDocument(uri: string): Promise<DocumentSettings> {
    this.resolutions++;
    let s = this.cache.get(uri);
    if (!s) {
      this.loads++;
      s = this.load(uri);
      this.cache.set(uri, s);
    }
    return s;
  }

  /** A document closed: its settings (and the word lists they hold) go with it. */
  forget(uri: string): void {
    this.cache.delete(uri);
  }

  /** Documents whose settings are held. */
  get size(): number {
    return this.cache.size;
  }

  /**
   * The editor's settings for a document: those of its workspace folder and
   * language, asked for the first document of each and on change only. A
   * document outside every folder is its own folder.
   */
  private raw(uri: string): Promise<Record<string, unknown>> {
    if (!this.pull) return this.ask(uri);
    const file = uriToPath(uri);
    const folder = file ? (folderOf(file, this.workspaceFolders) ?? path.dirname(file)) : uri.slice(0, uri.indexOf(':') + 1);
    const key = `${folder}\0${this.languageOf(uri) ?? ''}`;
    let value = this.editorSettings.get(key);
    if (!value) {
      value = this.ask(uri);
      this.editorSettings.set(key, value);
    }
    return value;
  }

  private async ask(uri: string): Promise<Record<string, unknown>> {
    let value: unknown;
    if (this.pull) {
      try {
        value = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'speechDraft' });
      } catch {
        value = undefined;
      }
    } else {
      const pushed = this.pushed as { speechDraft?: unknown } | undefined;
      value = pushed && typeof pushed === 'object' && 'speechDraft' in pushed ? pushed.speechDraft : pushed;
    }
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  }

  private async load(uri: string): Promise<DocumentSettings> {
    const raw = await this.raw(uri);
    const checkerSettings: Record<string, unknown> = {};
    // Editors send every key with its default (often null); only set values count.
    for (const key of CHECKER_KEYS) if (raw[key] !== undefined && raw[key] !== null) checkerSettings[key] = raw[key];
    const fromEditor = validateConfig(checkerSettings, 'settings');
    const file = uriToPath(uri);
    const loaded = file
      ? loadConfigFor(file, { base: fromEditor.config, searchEnd: workspaceSearchEnd(path.dirname(file), this.workspaceFolders), trusted: this.trusted })
      : { config: mergeConfig(fromEditor.config), problems: [], file: undefined };
    const [minDebounce, maxDebounce] = boundsOf(DEBOUNCE);
    const debounce = typeof raw.debounce === 'number' && raw.debounce >= minDebounce ? Math.min(raw.debounce, maxDebounce) : (DEBOUNCE.default as number);
    const languages = Array.isArray(raw.languages) && raw.languages.every((l) => typeof l === 'string') ? (raw.languages as string[]) : undefined;
    const globs = Array.isArray(raw.ignore) ? raw.ignore.filter((g): g is string => typeof g === 'string' && g !== '').map((g) => new Glob(g)) : [];
    const ignored = !!file && matchesAny(globs, pathForGlobs(file, this.workspaceFolders));
    return {
      config: loaded.config,
      languages,
      ignored,
      run: choice<RunMode>(RUN, raw.run),
      halfWidthMarks: choice<HalfWidthMarks>(HALF_WIDTH_MARKS, raw.halfWidthMarks),
      debounce,
      problems: [...fromEditor.problems, ...loaded.problems],
      generation: this.generation,
      configFile: loaded.file ? { path: loaded.file, rules: { ...loaded.fileLayer?.rules } } : undefined,
      trusted: this.trusted,
    };
  }
}
