// `speech-draft check [--format text|json] [--fix] PATH...`: find the drafts,
// check each (fixing first with --fix), print the findings, give the exit status.

import * as path from 'path';
import { Checker, type CheckResult } from '../core';
import { isInside, realPath } from '../node/paths';
import type { CliArgs } from './args';
import type { CommandContext } from './context';
import { discoverDrafts, type DraftPath } from './discover';
import { removeStaleTemporaryFiles, writeDraft } from './draftFile';
import { EXIT } from './exitCodes';
import { fixUntilSettled, MAX_FIX_PASSES } from './fixLoop';
import { loadDraft } from './loadDraft';
import { bilingualLine, message } from './messages';
import { formatFixReport, formatText, toJsonFindings, wantsColour, type FileFindings } from './output';
import { escapeControls, terminalSafeJson } from './terminalText';

/** What every file of one run shares. */
interface Run extends CommandContext {
  fix: boolean;
  /** Where the report of what --fix changed goes. */
  reportFix: (text: string) => void;
}

export function runCheck(args: CliArgs, ctx: CommandContext): number {
  const { io } = ctx;
  const { drafts, problems, skipped } = discoverDrafts(args.paths);
  let trouble = problems.length > 0;
  for (const p of problems) io.err(bilingualLine(p));
  for (const s of skipped) io.err(bilingualLine(s));
  // With JSON on stdout, what --fix did goes to stderr.
  const run: Run = { ...ctx, fix: args.fix, reportFix: args.format === 'json' ? io.err : io.out };
  const results: FileFindings[] = [];
  for (const draftPath of drafts) {
    const outcome = checkOne(draftPath, run);
    if (outcome.trouble) trouble = true;
    if (outcome.result) results.push(outcome.result);
  }
  if (args.format === 'json') io.out(terminalSafeJson(JSON.stringify(toJsonFindings(results), null, 2)) + '\n');
  else io.out(formatText(results, ctx.t, wantsColour(io.stdoutIsTTY, io.env)));
  if (trouble) return EXIT.trouble;
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? EXIT.errorsFound : EXIT.clean;
}

function checkOne({ file, within }: DraftPath, run: Run): { result?: FileFindings; trouble: boolean } {
  const { fix, configs, locale, t, io, reportFix } = run;
  // What a killed --fix left beside the draft goes before anything is written there again.
  if (fix) removeStaleTemporaryFiles(path.dirname(realPath(file)));
  const loaded = loadDraft(file, io);
  if (loaded.kind !== 'draft') return { trouble: loaded.kind === 'refused' };
  const { draft } = loaded;
  const checker = new Checker({ config: configs.configFor(file), locale, format: draft.format });
  let result: CheckResult;
  let trouble = false;
  if (fix && draft.kind === 'word') {
    // The document is the writer's: its findings are listed, and `annotate` hands them back as comments.
    io.err(bilingualLine(message('{0}: not fixed: a Word document is not rewritten by --fix (it is the writer\'s); its findings are listed, and annotate writes them into a copy as comments.', file)));
    trouble = true;
    result = checker.check(draft.text);
  } else if (fix && draft.kind === 'text') {
    const fixed = fixUntilSettled(checker, draft.text);
    if (!fixed.settled) io.err(bilingualLine(message('{0}: fixes were still changing the text after {1} passes; run --fix again.', file, MAX_FIX_PASSES)));
    result = fixed.result;
    if (fixed.text !== draft.text) {
      // A draft found in a folder given may have been swapped for a link leading out of it since.
      const outside = within !== undefined && !isInside(realPath(file), within);
      const failure = outside ? message('the link leads out of {0}', within) : writeDraft(draft.source, fixed.text);
      if (failure) {
        io.err(bilingualLine(message('{0}: cannot be written: {1}; the original is left as it was.', file, failure)));
        trouble = true;
        result = fixed.original;
      } else reportFix(formatFixReport(file, fixed.byRule, t));
    }
  } else result = checker.check(draft.text);
  for (const e of result.ruleErrors) io.err(escapeControls(`speech-draft: ${file}: rule ${e.rule} failed: ${e.error}`) + '\n');
  const paragraphs = draft.kind === 'word' ? draft.word : undefined;
  return { result: { file, lines: result.model.lines, findings: result.findings, ...(paragraphs ? { paragraphs } : {}) }, trouble };
}
