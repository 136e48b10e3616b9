// The commands, as data: each with its name, what it works on, the options it
// takes (in the order its usage line shows them), its help, and its handler.
// The parser (`args.ts`) and the usage (`usage.ts`) are made from this table;
// a new command is one entry here and its handler's module.

import type { Localized } from '../core';
import type { CliArgs } from './args';
import { runAnnotate } from './annotateCommand';
import { runCheck } from './checkCommand';
import type { CommandContext } from './context';
import { runExport } from './exportCommand';
import { runHeadingTree } from './outlineCommand';

export type CommandName = 'check' | 'outline' | 'export' | 'annotate';

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
      zh: '检查讲话稿。路径可以是文件或文件夹（文件夹中的 .txt、.md、.speech、.docx 文件，\n逐层查找，跳过 node_modules 和以点开头的文件夹）。.md 文件按 Markdown 检查。\nWord 文档（.docx）的位置是段落号（文件:¶段:列）；--fix 不改写 Word 文档。',
      en: 'Check speech drafts. A PATH is a file or a folder (its .txt, .md, .speech and\n.docx files, recursively, skipping node_modules and dot-folders). .md is read as\nMarkdown. In a Word document (.docx) positions are paragraphs (file:¶paragraph:column);\n--fix does not rewrite Word documents.',
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
  {
    name: 'annotate',
    operands: 'one',
    options: ['--out', '--config', '--locale'],
    summary: {
      zh: '把检查结果作为批注写入 Word 文档的副本（默认“文稿名.批注.docx”），\n批注作者为“讲稿助手”；原文档不会被改写。',
      en: 'Write the findings into a copy of a Word document as comments (by default\nNAME.批注.docx, author 讲稿助手); the document itself is never written.',
    },
    run: runAnnotate,
  },
];

export function commandNamed(name: string | undefined): CommandSpec | undefined {
  return COMMANDS.find((c) => c.name === name);
}
