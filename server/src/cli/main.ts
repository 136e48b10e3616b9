// `speech-draft`: the checker on the command line. Parses the arguments
// against the command table, settles the language and the configuration, and
// hands over to the command.

import { resolveLocale, translator, type Locale } from '../core';
import { parseArgs, type CliArgs } from './args';
import { commandNamed } from './commands';
import { ConfigResolver } from './configs';
import { EXIT } from './exitCodes';
import { processIo, type Io } from './io';
import { bilingualLine, message, UsageError } from './messages';
import { escapeControls } from './terminalText';
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
    return EXIT.trouble;
  }
  if (args.command === 'help') {
    io.out(USAGE);
    return EXIT.clean;
  }
  if (args.command === 'version') {
    io.out(`${VERSION}\n`);
    return EXIT.clean;
  }
  const configs = new ConfigResolver(args.config, (line) => io.err(`speech-draft: ${escapeControls(line)}\n`));
  const problem = configs.explicitFileProblem();
  if (problem) {
    io.err(bilingualLine(message('--config {0}: {1}.', args.config!, problem)));
    return EXIT.trouble;
  }
  const locale = localeOf(args, io.env);
  return commandNamed(args.command)!.run(args, { locale, t: translator(locale), io, configs });
}

if (require.main === module) {
  // `speech-draft check … | head` closes the pipe early: that is not a failure.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  const internal = (e: unknown) => {
    process.stderr.write(`speech-draft: internal error / 内部错误: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = EXIT.trouble;
  };
  try {
    void Promise.resolve(main(process.argv.slice(2))).then((code) => (process.exitCode = code), internal);
  } catch (e) {
    internal(e);
  }
}
