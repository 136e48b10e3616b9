// `speech-draft check [--format text|json] [--fix] PATH...`: find the drafts,
// check each (fixing first with --fix), print the findings, give the exit status.

import * as path from 'path';
import { Checker, type Locale, type Translate } from '../core';
import { isInside, realPath } from '../node/paths';
import type { CliArgs } from './args';
import { ConfigResolver } from './configs';
import { discoverDrafts, type DraftPath } from './discover';
import { readDraft, removeStaleTemporaryFiles, writeDraft } from './draftFile';
import { fixUntilSettled, MAX_FIX_PASSES } from './fixLoop';
import type { Io } from './io';
import { bilingualLine, message } from './messages';
import { formatFixReport, formatText, toJsonFindings, wantsColour, type FileFindings } from './output';
import { escapeControls, terminalSafeJson } from './terminalText';

export const EXIT_CLEAN = 0;
export const EXIT_ERRORS_FOUND = 1;
export const EXIT_TROUBLE = 2;

/** What every file of one run shares. */
interface Run {
  fix: boolean;
  configs: ConfigResolver;
  locale: Locale;
  t: Translate;
  io: Io;
  /** Where the report of what --fix changed goes. */
  reportFix: (text: string) => void;
}

export function runCheck(args: CliArgs, locale: Locale, t: Translate, io: Io): number {
  const { drafts, problems, skipped } = discoverDrafts(args.paths);
  let trouble = problems.length > 0;
  for (const p of problems) io.err(bilingualLine(p));
  for (const s of skipped) io.err(bilingualLine(s));
  const run: Run = {
    fix: args.fix,
    configs: new ConfigResolver(args.config, (line) => io.err(`speech-draft: ${escapeControls(line)}\n`)),
    locale,
    t,
    io,
    // With JSON on stdout, what --fix did goes to stderr.
    reportFix: args.format === 'json' ? io.err : io.out,
  };
  const results: FileFindings[] = [];
  for (const draftPath of drafts) {
    const outcome = checkOne(draftPath, run);
    if (outcome.trouble) trouble = true;
    if (outcome.result) results.push(outcome.result);
  }
  if (args.format === 'json') io.out(terminalSafeJson(JSON.stringify(toJsonFindings(results), null, 2)) + '\n');
  else io.out(formatText(results, t, wantsColour(io.stdoutIsTTY, io.env)));
  if (trouble) return EXIT_TROUBLE;
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? EXIT_ERRORS_FOUND : EXIT_CLEAN;
}

function checkOne({ file, format, within }: DraftPath, { fix, configs, locale, t, io, reportFix }: Run): { result?: FileFindings; trouble: boolean } {
  // What a killed --fix left beside the draft goes before anything is written there again.
  if (fix) removeStaleTemporaryFiles(path.dirname(realPath(file)));
  const read = readDraft(file);
  if (read.kind === 'binary') {
    io.err(bilingualLine(message('{0}: skipped: it is a binary file.', file)));
    return { trouble: false };
  }
  if (read.kind === 'refused') {
    io.err(bilingualLine(message('{0}: {1}.', file, read.reason)));
    return { trouble: true };
  }
  const { draft } = read;
  const checker = new Checker({ config: configs.configFor(file), locale, format });
  let text = draft.text;
  let trouble = false;
  if (fix) {
    const fixed = fixUntilSettled(checker, text);
    if (!fixed.settled) io.err(bilingualLine(message('{0}: fixes were still changing the text after {1} passes; run --fix again.', file, MAX_FIX_PASSES)));
    if (fixed.text !== text) {
      // A draft found in a folder given may have been swapped for a link leading out of it since.
      const outside = within !== undefined && !isInside(realPath(file), within);
      const failure = outside ? message('the link leads out of {0}', within) : writeDraft(draft, fixed.text);
      if (failure) {
        io.err(bilingualLine(message('{0}: cannot be written: {1}; the original is left as it was.', file, failure)));
        trouble = true;
      } else {
        text = fixed.text;
        reportFix(formatFixReport(file, fixed.byRule, t));
      }
    }
  }
  const result = checker.check(text);
  for (const e of result.ruleErrors) io.err(escapeControls(`speech-draft: ${file}: rule ${e.rule} failed: ${e.error}`) + '\n');
  return { result: { file, lines: result.model.lines, findings: result.findings }, trouble };
}
