// `speech-draft`: the checker on the command line. Parses the arguments,
// settles the language, and hands over to a command.

import * as fs from 'fs';
import { resolveLocale, translator, type Locale } from '../core';
import { parseArgs, UsageError, type CliArgs } from './args';
import { EXIT_TROUBLE, runCheck } from './checkCommand';
import { processIo, type Io } from './io';
import { notRegular } from '../node/regularFile';
import { bilingualLine, message, reasonOf } from './messages';
import { runExport } from './exportCommand';
import { runOutline } from './outlineCommand';
import { USAGE, VERSION } from './usage';
import { provideBundledWordingData } from '../node/wordingData';

// The wording rules' data, read from beside this bundle (dist/) when one of them first runs.
provideBundledWordingData(__dirname);

/** `--locale`, else the environment as POSIX orders it; Chinese unless it says English. */
export function localeOf(args: CliArgs, env: NodeJS.ProcessEnv): Locale {
  return args.locale ?? resolveLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG);
}

export function main(argv: readonly string[], io: Io = processIo()): number | Promise<number> {
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err(bilingualLine(e.reason));
    io.err(bilingualLine(message('Run {0} for the usage.', 'speech-draft --help')));
    return EXIT_TROUBLE;
  }
  if (args.command === 'help') {
    io.out(USAGE);
    return 0;
  }
  if (args.command === 'version') {
    io.out(`${VERSION}\n`);
    return 0;
  }
  // A config file named on the command line must be there; one that is merely broken is reported and worked around.
  if (args.config !== undefined) {
    const problem = unreadableFile(args.config);
    if (problem) {
      io.err(bilingualLine(message('--config {0}: {1}.', args.config, problem)));
      return EXIT_TROUBLE;
    }
  }
  const locale = localeOf(args, io.env);
  const t = translator(locale);
  if (args.command === 'export') return runExport(args, locale, t, io);
  return args.command === 'check' ? runCheck(args, locale, t, io) : runOutline(args, t, io);
}

function unreadableFile(file: string) {
  try {
    // A pipe or a device would hang the read or never end: a regular file only.
    const special = notRegular(fs.statSync(file));
    if (special) return special;
    fs.accessSync(file, fs.constants.R_OK);
    return undefined;
  } catch (e) {
    return reasonOf(e);
  }
}

if (require.main === module) {
  // `speech-draft check … | head` closes the pipe early: that is not a failure.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  const internal = (e: unknown) => {
    process.stderr.write(`speech-draft: internal error / 内部错误: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = EXIT_TROUBLE;
  };
  try {
    void Promise.resolve(main(process.argv.slice(2))).then((code) => (process.exitCode = code), internal);
  } catch (e) {
    internal(e);
  }
}
