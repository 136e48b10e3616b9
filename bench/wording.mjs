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
import { summarize, timeIt } from './stats.mjs';

const require = createRequire(join(repo, 'package.json'));
const out = (p) => join(repo, 'out', 'server', 'src', 'core', p);

export const WORDING_RULE_IDS = ['typo', 'formulation', 'number-usage'];

/** The rules of the catalogue with the wording rules (their data given as the server gives it) and without them. */
export function ruleSets(core) {
  const { provideWordingData } = require(out('wording/typoData.js'));
  provideWordingData(() => readFileSync(join(repo, 'dist', 'wording-data.bin')));
  const without = core.allRules.filter((r) => !WORDING_RULE_IDS.includes(r.id));
  if (core.allRules.length - without.length !== WORDING_RULE_IDS.length) throw new Error('the wording rules are not all in the catalogue');
  return { with: core.allRules, without };
}

/** First check of `text` in fresh processes, `runs` times each way: medians of time and memory. */
export function firstChecks(text, runs = 5) {
  const dir = mkdtempSync(join(tmpdir(), 'speech-draft-bench-'));
  const file = join(dir, 'draft.txt');
  writeFileSync(file, text);
  const run = (mode) => {
    const samples = [];
    for (let i = 0; i < runs; i++) {
      samples.push(JSON.parse(execFileSync(process.execPath, ['--expose-gc', join(repo, 'bench', 'firstCheck.cjs'), file, mode], { encoding: 'utf8' })));
    }
    return { ms: summarize(samples.map((s) => s.ms)), rss: summarize(samples.map((s) => s.rss)) };
  };
  try {
    return { without: run('plain'), with: run('wording') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The edit path with the wording rules on: one character typed in the middle of the draft, with the previous check's caches. */
export function warmEditWith(core, rules, text, runs) {
  const checker = new core.Checker({ rules });
  checker.check(text);
  const mid = text.indexOf('\n', Math.floor(text.length / 2));
  let i = 0;
  return timeIt(() => checker.check(text.slice(0, mid) + (i++ % 2 ? '的' : '') + text.slice(mid)), { runs });
}

export const wordingDataBytes = () => statSync(join(repo, 'dist', 'wording-data.bin')).size;
