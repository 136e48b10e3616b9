// The wording rules (typo, formulation, number-usage), in the catalogue with
// the others: the full check and the edit path with and without them, the
// first check in a fresh process with and without them (their data loaded on
// first use), and the memory they add.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repo } from './drafts.mjs';
import { summarize } from './stats.mjs';

export const WORDING_RULE_IDS = ['typo', 'formulation', 'number-usage'];

/** The rules of `build`'s catalogue with the wording rules (their data given as the server gives it) and without them. */
export function ruleSets(core, build) {
  const require = createRequire(join(build, 'package.json'));
  const { provideWordingData } = require(join(build, 'out', 'server', 'src', 'core', 'wording', 'typoData.js'));
  provideWordingData(() => readFileSync(join(build, 'dist', 'wording-data.bin')));
  const without = core.allRules.filter((r) => !WORDING_RULE_IDS.includes(r.id));
  if (core.allRules.length - without.length !== WORDING_RULE_IDS.length) throw new Error('the wording rules are not all in the catalogue');
  return { with: core.allRules, without };
}

/** First check of `text` in fresh processes, `runs` times each way: medians of time and memory. */
export function firstChecks(text, build, runs = 5) {
  const dir = mkdtempSync(join(tmpdir(), 'speech-draft-bench-'));
  const file = join(dir, 'draft.txt');
  writeFileSync(file, text);
  const run = (mode) => {
    const samples = [];
    for (let i = 0; i < runs; i++) {
      samples.push(JSON.parse(execFileSync(process.execPath, ['--expose-gc', join(repo, 'bench', 'firstCheck.cjs'), build, file, mode], { encoding: 'utf8' })));
    }
    return { ms: summarize(samples.map((s) => s.ms)), rss: summarize(samples.map((s) => s.rss)) };
  };
  try {
    return { without: run('plain'), with: run('wording') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const wordingDataBytes = (build) => statSync(join(build, 'dist', 'wording-data.bin')).size;
