// The wording rules (typo, formulation, number-usage) read their data from
// dist/wording-data.bin on their first check: the first check in a fresh
// process with and without them (the data's load included), and the memory
// they add.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repo } from './drafts.mjs';
import { summarize } from './stats.mjs';

/** The wording data of `build`, given to its core as the server gives it. */
export function provideWording(build) {
  const require = createRequire(join(build, 'package.json'));
  const { provideWordingData } = require(join(build, 'out', 'server', 'src', 'core', 'wording', 'typoData.js'));
  provideWordingData(() => readFileSync(join(build, 'dist', 'wording-data.bin')).toString('utf16le'));
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
