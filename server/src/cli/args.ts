// Command-line arguments, parsed against the command table (`commands.ts`)
// and the options table (`options.ts`). Options may come before or after the
// paths, as `--opt value` or `--opt=value`; `--` ends the options.

import type { Locale, Localized } from '../core';
import { COMMANDS, commandNamed, type CommandName } from './commands';
import { listOf, message, UsageError } from './messages';
import { optionNamed, type OptionSpec } from './options';

export interface CliArgs {
  command: CommandName | 'help' | 'version';
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
  /** export: keep the 【提纲】 block in the document (`--keep-outline`). */
  keepOutlineBlock: boolean;
}

const COMMAND_LIST = listOf(COMMANDS.map((c) => c.name), 'or');

export function parseArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = { command: 'help', format: 'text', fix: false, paths: [], force: false, overwrite: false, keepOutlineBlock: false };
  const positionals: string[] = [];
  const given: OptionSpec[] = [];
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
    const option = optionNamed(name);
    if (!option?.value) {
      if (eq > 0) throw new UsageError(message('The option {0} takes no value.', name));
      if (a === '--help' || a === '-h') wantsHelp = true;
      else if (a === '--version' || a === '-v') wantsVersion = true;
      else if (!option) throw new UsageError(message('Unknown option {0}.', a));
      else {
        option.set(args, '');
        given.push(option);
      }
      continue;
    }
    const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '') throw new UsageError(message('The option {0} needs a value.', name));
    option.set(args, value);
    given.push(option);
  }
  if (wantsHelp) return { ...args, command: 'help' };
  if (wantsVersion) return { ...args, command: 'version' };

  const [name, ...paths] = positionals;
  const command = commandNamed(name);
  if (!command) {
    throw new UsageError(name === undefined ? message('No command given: use {0}.', COMMAND_LIST) : message('Unknown command {0}: use {1}.', name, COMMAND_LIST));
  }
  args.command = command.name;
  args.paths = paths;
  if (paths.length === 0) throw new UsageError(message('{0} needs a file or folder to work on.', command.name));
  if (command.operands === 'one' && paths.length > 1) throw new UsageError(message('{0} takes one file.', command.name));
  const foreign = given.find((o) => !command.options.includes(o.name));
  if (foreign) throw new UsageError(goesWithOnly(foreign));
  return args;
}

/** `--out, --force, --overwrite and --keep-outline go with export only.`: every option taken by the same commands as `option`. */
function goesWithOnly(option: OptionSpec): Localized {
  const owners = COMMANDS.filter((c) => c.options.includes(option.name)).map((c) => c.name);
  const sameOwners = (name: string) => COMMANDS.every((c) => c.options.includes(name) === owners.includes(c.name));
  const options = [...new Set(COMMANDS.flatMap((c) => c.options))].filter(sameOwners);
  const list = listOf(options, 'and');
  return options.length === 1 ? message('{0} goes with {1} only.', list, listOf(owners, 'or')) : message('{0} go with {1} only.', list, listOf(owners, 'or'));
}
