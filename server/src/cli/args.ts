// Command-line arguments:
//   check [--format text|json] [--fix] [--config FILE] [--locale zh-cn|en] PATH...
//   outline [--config FILE] [--locale zh-cn|en] FILE
//   export [--out FILE.docx] [--force] [--overwrite] [--keep-outline] [--config FILE] [--locale zh-cn|en] FILE
// Options may come before or after the paths, as `--opt value` or `--opt=value`;
// `--` ends the options.

import { resolveLocale, type Locale, type Localized } from '../core';
import { message } from './messages';

export interface CliArgs {
  command: 'check' | 'outline' | 'export' | 'help' | 'version';
  format: 'text' | 'json';
  fix: boolean;
  config?: string;
  /** Undefined: taken from the environment. */
  locale?: Locale;
  paths: string[];
  /** export: where the .docx goes (default: beside the draft). */
  out?: string;
  /** export: write even when the draft has placeholders, residue or structural errors. */
  force: boolean;
  /** export: --out may replace an existing file that is not a .docx. */
  overwrite: boolean;
  /** export: keep the 【提纲】 block in the document. */
  keepOutline: boolean;
}

export class UsageError extends Error {
  constructor(readonly reason: Localized) {
    super(reason.en);
  }
}

const VALUE_OPTIONS = new Set(['--format', '--config', '--locale', '--out']);

export function parseArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = { command: 'help', format: 'text', fix: false, paths: [], force: false, overwrite: false, keepOutline: false };
  const positionals: string[] = [];
  let wantsHelp = argv.length === 0;
  let wantsVersion = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      positionals.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(0, eq) : a;
    if (!VALUE_OPTIONS.has(name)) {
      if (eq > 0) throw new UsageError(message('The option {0} takes no value.', name));
      if (a === '--help' || a === '-h') wantsHelp = true;
      else if (a === '--version' || a === '-v') wantsVersion = true;
      else if (a === '--fix') args.fix = true;
      else if (a === '--force') args.force = true;
      else if (a === '--overwrite') args.overwrite = true;
      else if (a === '--keep-outline') args.keepOutline = true;
      else throw new UsageError(message('Unknown option {0}.', a));
      continue;
    }
    const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '') throw new UsageError(message('The option {0} needs a value.', name));
    if (name === '--format') args.format = formatValue(value);
    else if (name === '--locale') args.locale = localeValue(value);
    else if (name === '--out') args.out = value;
    else args.config = value;
  }
  if (wantsHelp) return { ...args, command: 'help' };
  if (wantsVersion) return { ...args, command: 'version' };

  const [command, ...paths] = positionals;
  if (command !== 'check' && command !== 'outline' && command !== 'export') {
    throw new UsageError(
      command === undefined ? message('No command given: use check, outline or export.') : message('Unknown command {0}: use check, outline or export.', command),
    );
  }
  args.command = command;
  args.paths = paths;
  if (paths.length === 0) throw new UsageError(message('{0} needs a file or folder to work on.', command));
  if (command === 'outline' || command === 'export') {
    if (paths.length > 1) throw new UsageError(message('{0} takes one file.', command));
    if (args.fix || args.format !== 'text') throw new UsageError(message('{0} takes no --fix or --format.', command));
  }
  if (command !== 'export' && (args.out !== undefined || args.force || args.overwrite || args.keepOutline)) {
    throw new UsageError(message('--out, --force, --overwrite and --keep-outline go with export only.'));
  }
  return args;
}

function formatValue(value: string): 'text' | 'json' {
  if (value === 'text' || value === 'json') return value;
  throw new UsageError(message('--format must be text or json, not {0}.', value));
}

function localeValue(value: string): Locale {
  if (/^(zh|en)([-_].*)?$/i.test(value)) return resolveLocale(value);
  throw new UsageError(message('--locale must be zh-cn or en, not {0}.', value));
}
