// `--help` (and no arguments): the usage in Chinese, then in English, whatever
// the locale, since someone who cannot run the tool yet may not have set it.
// Made from the command table, the options table and the exit statuses, so
// that it names what the parser takes.

import type { Localized } from '../core';
import { COMMANDS, type CommandSpec } from './commands';
import { EXIT_MEANINGS } from './exitCodes';
import { OPTIONS, type OptionSpec } from './options';

declare const SPEECH_DRAFT_VERSION: string | undefined;

/** The package version, put in by esbuild; `dev` when run from the compiled sources. */
export const VERSION = typeof SPEECH_DRAFT_VERSION === 'string' ? SPEECH_DRAFT_VERSION : 'dev';

type Language = keyof Localized;

const TITLE: Localized = { zh: '用法：', en: 'Usage:' };
const OPERANDS: Record<CommandSpec['operands'], Localized> = { many: { zh: '路径...', en: 'PATH...' }, one: { zh: '文件', en: 'FILE' } };
const EXIT_TITLE: Localized = { zh: '退出码：', en: 'Exit status: ' };
const NOTES: Localized = {
  zh: `文件须为 UTF-8 编码（可带 BOM）。GB18030/GBK 文件会被拒绝（不转码）；二进制文件跳过。
{exit}
彩色输出只在终端中使用，设置 NO_COLOR 可关闭。文本输出中的控制字符（来自文件名或文稿）显示为
转义形式（ESC 为 \\033）；JSON 输出保持原值。`,
  en: `Drafts must be UTF-8 (a BOM is fine). GB18030/GBK files are refused, never re-encoded;
binary files are skipped.
{exit}
Colours only on a terminal; NO_COLOR turns them off. Control characters (from file names
or drafts) are shown escaped in text output (ESC as \\033); JSON output keeps the exact values.`,
};

const COMMAND_COLUMN = 10;
const OPTION_COLUMN = 16;

/** Columns a string takes in a terminal: CJK characters take two. */
function width(s: string): number {
  let n = 0;
  for (const c of s) n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(c) ? 2 : 1;
  return n;
}

/** `label` padded to `column`, then the text, its later lines indented to the text's column. */
function row(indent: number, label: string, column: number, text: string): string {
  const pad = ' '.repeat(Math.max(1, column - width(label)));
  return ' '.repeat(indent) + label + pad + text.split('\n').join('\n' + ' '.repeat(indent + column));
}

function optionOf(name: string): OptionSpec {
  const option = OPTIONS.find((o) => o.name === name);
  if (!option) throw new Error(`the command table names an unknown option ${name}`);
  return option;
}

function synopsis(c: CommandSpec, lang: Language): string {
  const options = c.options.map(optionOf).map((o) => `[${o.name}${o.value ? ' ' + o.value[lang] : ''}]`);
  return `  speech-draft ${[c.name, ...options, OPERANDS[c.operands][lang]].join(' ')}`;
}

function part(lang: Language): string {
  const lines = [TITLE[lang], ...COMMANDS.map((c) => synopsis(c, lang)), '  speech-draft --help | --version', ''];
  const explained = new Set<string>();
  for (const c of COMMANDS) {
    lines.push(row(0, c.name, COMMAND_COLUMN, c.summary[lang]));
    // Each option is explained under the first command that takes it.
    for (const option of c.options.filter((o) => !explained.has(o)).map(optionOf)) {
      explained.add(option.name);
      for (const h of option.help) lines.push(row(2, h.label[lang], OPTION_COLUMN, h.text[lang]));
    }
  }
  const exit = EXIT_TITLE[lang] + EXIT_MEANINGS.map((e) => `${e.code} ${e.meaning[lang]}`).join(lang === 'zh' ? '；' : '; ') + (lang === 'zh' ? '。' : '.');
  lines.push('', NOTES[lang].replace('{exit}', exit));
  return lines.join('\n');
}

export const USAGE = `讲稿助手 speech-draft ${VERSION}\n\n${part('zh')}\n\n${part('en')}\n`;
