// The command line's options: each with its name, its value as the usage
// names it (none: a flag), its help, and where it goes in the arguments.
// Which command takes which is said in the command table (`commands.ts`).

import { resolveLocale, type Localized } from '../core';
import type { CliArgs } from './args';
import { message, UsageError } from './messages';

export interface OptionSpec {
  name: string;
  /** What the usage calls its value; undefined for a flag. */
  value?: Localized;
  /** Rows of the help: the option as shown, and what it does (lines broken by `\n`). */
  help: ReadonlyArray<{ label: Localized; text: Localized }>;
  /** Puts the option in the arguments; a bad value throws a UsageError. */
  set(args: CliArgs, value: string): void;
}

const same = (text: string): Localized => ({ zh: text, en: text });

export const OPTIONS: readonly OptionSpec[] = [
  {
    name: '--format',
    value: same('text|json'),
    help: [
      { label: same('--format text'), text: { zh: '每个问题一行：文件:行:列  级别  说明  规则（默认）', en: 'one line per finding: file:line:column  severity  message  rule (default)' } },
      {
        label: same('--format json'),
        text: {
          zh: 'JSON 数组：file, line, column, endLine, endColumn, rule, severity, message, fixable',
          en: 'a JSON array of {file, line, column, endLine, endColumn, rule, severity,\nmessage, fixable}; lines and columns 1-based, columns in characters',
        },
      },
    ],
    set: (args, value) => {
      if (value !== 'text' && value !== 'json') throw new UsageError(message('--format must be text or json, not {0}.', value));
      args.format = value;
    },
  },
  {
    name: '--fix',
    help: [
      {
        label: same('--fix'),
        text: {
          zh: '只应用安全修复（不改变讲话内容），反复应用直到没有可修的，再报告剩下的问题；\n文件原子写回，保留编码、BOM、换行符和权限',
          en: 'apply safe fixes only (they cannot change what the speech says), again\nuntil none is left, then report what remains; files are written atomically,\nkeeping encoding, BOM, line endings and mode',
        },
      },
    ],
    set: (args) => (args.fix = true),
  },
  {
    name: '--config',
    value: { zh: '文件', en: 'FILE' },
    help: [
      {
        label: { zh: '--config 文件', en: '--config FILE' },
        text: {
          zh: '使用这个配置文件，不再查找最近的 .speechdraftrc.json（向上查找，\n到含 .git 的文件夹或主目录为止，不进入任何人都可写的文件夹，如 /tmp）',
          en: 'use this config file instead of the nearest .speechdraftrc.json (looked\nfor upwards as far as a folder holding .git or the home folder, never in\na folder anyone may write to, such as /tmp)',
        },
      },
    ],
    set: (args, value) => (args.config = value),
  },
  {
    name: '--locale',
    value: same('zh-cn|en'),
    help: [
      {
        label: same('--locale'),
        text: { zh: '输出语言：zh-cn（默认）或 en；也看 LC_ALL、LC_MESSAGES、LANG', en: 'messages in zh-cn (default) or en; LC_ALL, LC_MESSAGES and LANG count too' },
      },
    ],
    set: (args, value) => {
      if (!/^(zh|en)([-_].*)?$/i.test(value)) throw new UsageError(message('--locale must be zh-cn or en, not {0}.', value));
      args.locale = resolveLocale(value);
    },
  },
  {
    name: '--out',
    value: { zh: '文件.docx', en: 'FILE.docx' },
    help: [
      {
        label: { zh: '--out 文件', en: '--out FILE' },
        text: { zh: '写到这里；不会覆盖文稿本身、管道或设备', en: 'write there; never over the draft itself, a pipe or a device' },
      },
    ],
    set: (args, value) => (args.out = value),
  },
  {
    name: '--force',
    help: [{ label: same('--force'), text: { zh: '有上述问题也导出（问题照常列出）', en: 'export even so (the problems are still listed)' } }],
    set: (args) => (args.force = true),
  },
  {
    name: '--overwrite',
    help: [{ label: same('--overwrite'), text: { zh: '--out 可以覆盖已有的非 .docx 文件', en: '--out may replace an existing file that is not a .docx' } }],
    set: (args) => (args.overwrite = true),
  },
  {
    name: '--keep-outline',
    help: [{ label: same('--keep-outline'), text: { zh: '保留【提纲】', en: 'keep the 【提纲】 block' } }],
    set: (args) => (args.keepOutlineBlock = true),
  },
];

export function optionNamed(name: string): OptionSpec | undefined {
  return OPTIONS.find((o) => o.name === name);
}
