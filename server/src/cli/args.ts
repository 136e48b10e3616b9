// Command-line arguments: `check [--format text|json] [--fix] [--config FILE] [--locale L] PATH...`
// and `outline FILE`.

export interface CliArgs {
  command: 'check' | 'outline' | 'help' | 'version';
  format: 'text' | 'json';
  fix: boolean;
  config?: string;
  locale?: string;
  paths: string[];
}

export class UsageError extends Error {}

export function parseArgs(argv: string[]): CliArgs {
  const args: CliArgs = { command: 'help', format: 'text', fix: false, paths: [] };
  if (argv.length === 0) return args;
  const [first, ...rest] = argv;
  if (first === '--help' || first === '-h' || first === 'help') return args;
  if (first === '--version' || first === '-v') return { ...args, command: 'version' };
  if (first !== 'check' && first !== 'outline') throw new UsageError(`unknown command “${first}”`);
  args.command = first;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const value = (): string => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : rest[++i];
      if (v === undefined || v === '') throw new UsageError(`${a.split('=')[0]} needs a value`);
      return v;
    };
    if (a === '--help' || a === '-h') return { ...args, command: 'help' };
    else if (a === '--fix') args.fix = true;
    else if (a === '--format' || a.startsWith('--format=')) {
      const f = value();
      if (f !== 'text' && f !== 'json') throw new UsageError(`--format must be text or json, not “${f}”`);
      args.format = f;
    } else if (a === '--config' || a.startsWith('--config=')) args.config = value();
    else if (a === '--locale' || a.startsWith('--locale=')) args.locale = value();
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option “${a}”`);
    else args.paths.push(a);
  }
  if (args.paths.length === 0) throw new UsageError('no file or folder given');
  if (args.command === 'outline' && args.paths.length !== 1) throw new UsageError('outline takes one file');
  if (args.command === 'outline' && (args.fix || args.format !== 'text')) throw new UsageError('outline takes no --fix or --format');
  return args;
}
