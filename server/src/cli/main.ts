// `speech-draft`: the checker on the command line.

import * as path from 'path';
import {
  applyFixes,
  bothLanguages,
  buildModel,
  Checker,
  formatProblem,
  resolveLocale,
  safeFixes,
  translator,
  type Finding,
  type Item,
  type Localized,
  type Translate,
} from '../core';
import { loadConfigFor } from '../node/configFiles';
import { parseArgs, UsageError, type CliArgs } from './args';
import { collectDrafts, readDraft, writeAtomically } from './files';
import { toJson, toText, type FileFindings } from './output';

declare const SPEECH_DRAFT_VERSION: string | undefined;

const USAGE = `用法 / usage:
  speech-draft check [--format text|json] [--fix] [--config FILE] [--locale zh-cn|en] PATH...
  speech-draft outline FILE
  speech-draft --help | --version

check    检查讲话稿（文件或文件夹：.txt .md .speech） / check drafts (files or folders)
  --fix     只应用不改变讲话内容的安全修复，原子写回 / apply safe fixes only, written atomically
  --format  text（默认 default）或 json
  --config  指定 .speechdraftrc.json / use this config file
outline  打印提纲、各部分字数和时长 / print the heading tree with characters and minutes

退出码 / exit status: 0 无错误 no errors · 1 有错误级问题 errors found · 2 用法错误或文件无法读取 bad usage or unreadable file
`;

const MAX_FIX_PASSES = 10;

function say(message: Localized): void {
  process.stderr.write(`speech-draft: ${message.zh}\n              ${message.en}\n`);
}

function localeFromEnv(explicit: string | undefined) {
  return resolveLocale(explicit ?? process.env.LC_ALL ?? process.env.LC_MESSAGES ?? process.env.LANG);
}

interface Loaded {
  file: string;
  text: string;
  mode: number;
}

/** Reads a draft or says why not; `undefined` and a status when it cannot be used. */
function load(file: string): { draft?: Loaded; status: 0 | 2 } {
  const r = readDraft(file);
  switch (r.kind) {
    case 'text':
      return { draft: { file, text: r.text, mode: r.mode }, status: 0 };
    case 'binary':
      say(bothLanguages('{0}: skipped, it is a binary file.', file));
      return { status: 0 };
    case 'not-utf8':
      say(bothLanguages('{0}: not UTF-8 (the first bad byte is at offset {1}); GB18030/GBK drafts must be saved as UTF-8 first. The file was not changed.', file, r.offset));
      return { status: 2 };
    case 'error':
      say(bothLanguages('{0}: cannot be read ({1}).', file, r.reason));
      return { status: 2 };
  }
}

function checkerFor(file: string, args: CliArgs, reported: Set<string>, locale: ReturnType<typeof localeFromEnv>): Checker {
  const { config, problems } = loadConfigFor(file, { explicitFile: args.config });
  for (const p of problems) {
    const line = formatProblem(p);
    if (reported.has(line)) continue;
    reported.add(line);
    process.stderr.write(`speech-draft: ${line}\n`);
  }
  const format = path.extname(file).toLowerCase() === '.md' ? 'markdown' : 'text';
  return new Checker({ config, locale, format });
}

/** Applies safe fixes until none is left; returns the new text and fix counts by rule. */
function fixAll(checker: Checker, text: string): { text: string; byRule: Map<string, number> } {
  const byRule = new Map<string, number>();
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const findings = checker.check(text).findings.filter((f) => f.fixes?.[0]?.safe);
    if (findings.length === 0) break;
    const ruleOf = new Map(findings.map((f) => [f.fixes![0], f.rule]));
    const result = applyFixes(text, safeFixes(findings));
    if (result.applied.length === 0) break;
    for (const fix of result.applied) byRule.set(ruleOf.get(fix)!, (byRule.get(ruleOf.get(fix)!) ?? 0) + 1);
    text = result.text;
  }
  return { text, byRule };
}

function runCheck(args: CliArgs, t: Translate, locale: ReturnType<typeof localeFromEnv>): number {
  let status = 0;
  if (args.config && !readDraftExists(args.config)) {
    say(bothLanguages('{0}: the config file given with --config does not exist.', args.config));
    return 2;
  }
  const { files, missing } = collectDrafts(args.paths);
  for (const m of missing) {
    say(bothLanguages('{0}: no such file or folder.', m));
    status = 2;
  }
  const results: FileFindings[] = [];
  const reported = new Set<string>();
  for (const file of files) {
    const { draft, status: s } = load(file);
    status = Math.max(status, s);
    if (!draft) continue;
    const checker = checkerFor(file, args, reported, locale);
    let text = draft.text;
    if (args.fix) {
      const fixed = fixAll(checker, text);
      if (fixed.text !== text) {
        try {
          writeAtomically(file, fixed.text, draft.mode);
          text = fixed.text;
          const detail = [...fixed.byRule].map(([rule, n]) => `${rule} ×${n}`).join(', ');
          process.stderr.write(t('{0}: fixed {1}', file, detail) + '\n');
        } catch (e) {
          say(bothLanguages('{0}: cannot be written ({1}); the original is left as it was.', file, (e as NodeJS.ErrnoException).code ?? String(e)));
          status = 2;
        }
      }
    }
    const result = checker.check(text);
    for (const err of result.ruleErrors) process.stderr.write(`speech-draft: ${file}: rule ${err.rule} failed: ${err.error}\n`);
    results.push({ file, lines: result.model.lines, findings: result.findings });
  }
  if (args.format === 'json') process.stdout.write(JSON.stringify(toJson(results), null, 2) + '\n');
  else {
    const colour = !!process.stdout.isTTY && !process.env.NO_COLOR;
    process.stdout.write(toText(results, t, colour));
  }
  const hasError = results.some((r) => r.findings.some((f: Finding) => f.severity === 'error'));
  return status === 2 ? 2 : hasError ? 1 : 0;
}

function readDraftExists(file: string): boolean {
  return readDraft(file).kind !== 'error';
}

function runOutline(args: CliArgs, t: Translate): number {
  const file = args.paths[0];
  const { draft, status } = load(file);
  if (!draft) return status || 2;
  const { config } = loadConfigFor(file, { explicitFile: args.config });
  const model = buildModel(draft.text);
  const rate = config.speakingRate;
  const lines: string[] = [];
  const walk = (items: Item[], depth: number) => {
    for (const item of items) {
      if (item.kind !== 'heading' && item.kind !== 'runin') continue;
      const heading = item.headingText.length > 40 ? item.headingText.slice(0, 40) + '…' : item.headingText;
      lines.push(`${'  '.repeat(depth)}${item.marker.text}${heading}  ${t('{0} characters, {1} min', item.chars, (item.chars / rate).toFixed(1))}`);
      walk(item.children, depth + 1);
    }
  };
  walk(model.roots, 0);
  lines.push(t('Total: {0} characters, about {1} minutes at {2} characters a minute.', model.chars, (model.chars / rate).toFixed(1), rate));
  process.stdout.write(lines.join('\n') + '\n');
  return 0;
}

export function main(argv: string[]): number {
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`speech-draft: ${e.message}\n\n${USAGE}`);
    return 2;
  }
  const locale = localeFromEnv(args.locale);
  const t = translator(locale);
  switch (args.command) {
    case 'help':
      process.stdout.write(USAGE);
      return 0;
    case 'version':
      process.stdout.write(`${typeof SPEECH_DRAFT_VERSION === 'string' ? SPEECH_DRAFT_VERSION : 'dev'}\n`);
      return 0;
    case 'check':
      return runCheck(args, t, locale);
    case 'outline':
      return runOutline(args, t);
  }
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
