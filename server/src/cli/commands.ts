// The commands, as data: each with its name, what it works on, the options it
// takes (in the order its usage line shows them), its help, and its handler.
// The parser (`args.ts`) and the usage (`usage.ts`) are made from this table;
// a new command is one entry here and its handler's module.

import type { Localized } from '../core';
import type { CliArgs } from './args';
import { runCheck } from './checkCommand';
import type { CommandContext } from './context';
import { runExport } from './exportCommand';
import { runHeadingTree } from './outlineCommand';

export type CommandName = 'check' | 'outline' | 'export';

export interface CommandSpec {
  name: CommandName;
  /** Paths it takes: any number of files and folders, or one file. */
  operands: 'many' | 'one';
  /** The options it takes (`options.ts`), in the order its usage line shows them. */
  options: readonly string[];
  /** What it does, for the usage (lines broken by `\n`). */
  summary: Localized;
  run(args: CliArgs, ctx: CommandContext): number | Promise<number>;
}

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'check',
    operands: 'many',
    options: ['--format', '--fix', '--config', '--locale'],
    summary: {
      zh: '检查讲话稿。路径可以是文件或文件夹（文件夹中的 .txt、.md、.speech 文件，\n逐层查找，跳过 node_modules 和以点开头的文件夹）。.md 文件按 Markdown 检查。',
      en: 'Check speech drafts. A PATH is a file or a folder (its .txt, .md and .speech\nfiles, recursively, skipping node_modules and dot-folders). .md is read as Markdown.',
    },
    run: runCheck,
  },
  {
    name: 'outline',
    operands: 'one',
    options: ['--config', '--locale'],
    summary: {
      zh: '打印标题层次，以及各部分和全文的字数、时长（按配置的语速）',
      en: 'Print the heading tree with the characters and minutes of each section and the\nwhole (at the configured speaking rate).',
    },
    run: runHeadingTree,
  },
  {
    name: 'export',
    operands: 'one',
    options: ['--out', '--force', '--overwrite', '--keep-outline', '--config', '--locale'],
    summary: {
      zh: '按公文版式（GB/T 9704）导出为 Word 文档（默认与文稿同名的 .docx）。先检查：\n有占位符、下载站残留或错误级结构问题时不导出；警告照常列出。',
      en: 'Write the draft as a Word document in the official layout (GB/T 9704; by default\na .docx beside it). It checks first: placeholders, download-site text or structural\nerrors stop it; warnings are listed.',
    },
    run: runExport,
  },
];

export function commandNamed(name: string | undefined): CommandSpec | undefined {
  return COMMANDS.find((c) => c.name === name);
}
