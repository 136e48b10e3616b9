// Bench rows for issue 18: a long draft typed with half-width commas (the
// check, applying all its safe fixes, and the command line's `check --fix`
// against `check`), one paragraph of each shape that used to be quadratic, and
// the placeholder patterns that used to hang. Drafts are generated here from
// the texts the bench already reads: nothing of them is written to the repo.
//
// Run alone (`node bench/hostile.mjs`, after `npm run compile-tests` and a
// build) or from bench/run.mjs. BENCH_REPO points at another checkout (an
// older build, for a before/after); a row that takes longer than
// BENCH_LIMIT_MS (60 s) in a child process is reported as over the limit.

import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { draftOfSize, repo as ownRepo, sourceTexts } from './drafts.mjs';
import { ms, summarize, timeIt } from './stats.mjs';

const repo = resolve(process.env.BENCH_REPO ?? ownRepo);
const LIMIT_MS = Number(process.env.BENCH_LIMIT_MS ?? 60_000);
const require = createRequire(join(repo, 'package.json'));
const corePath = join(repo, 'out', 'server', 'src', 'core', 'index.js');

/** The comma draft: about 113,000 characters of real prose with every full-width comma typed half-width. */
export function commaDraft() {
  const { texts } = sourceTexts();
  return draftOfSize(texts, 113_000).replace(/，/g, ',');
}

/** One paragraph of about `n` characters per shape, under a title line (a draft of its own). */
export const SHAPES = {
  'half-width commas after Chinese': (n) => '我们' + ','.repeat(n),
  'half-width commas typed in Chinese text': (n) => '我们要抓好落实,'.repeat(n / 8),
  '其它 repeated (word-usage)': (n) => '我们' + '其它'.repeat(n / 2) + '。',
  '某某 repeated (placeholder)': (n) => '请' + '某某'.repeat(n / 2) + '同志。',
  '点击下载全文 repeated (web-residue)': (n) => '工作' + '点击下载全文'.repeat(n / 6),
  '“” repeated, one left open (pairs)': (n) => '“' + '“”'.repeat(n / 2),
  '《 opened, ） closing nothing (pairs)': (n) => '《'.repeat(n / 2) + '）'.repeat(n / 2),
  '(a) chain turning pair by pair (width)': (n) => '中' + '(a)'.repeat(n / 3),
  'heading of commas (heading comparison)': (n) => '一、' + '，'.repeat(n) + '中',
};

export const PATTERN_SHAPES = {
  '((a)+)+$': (n) => '会议' + 'a'.repeat(n) + '!',
  '(a+){25}!!': (n) => '会议' + 'a'.repeat(n) + '!',
  '[^!]*[^!]*[^!]*#': (n) => '会议' + 'x'.repeat(n),
  '\\s*\\s*\\s*\\s*y': (n) => '会议' + ' '.repeat(n) + '结束',
  '.*.*=.*;': (n) => '会议' + '='.repeat(n),
};

/** Median of `runs` timings of `fn` in this process (after one warm-up run: these inputs are slow, a second of warm-up would be minutes). */
const timed = (fn, runs = 5) => timeIt(fn, { warmup: 1, warmupMs: 0, runs });

/** One check of `text` in a child process (so that a hang only costs the limit): its time, or undefined past the limit. */
function checkInChild(text, config) {
  const dir = mkdtempSync(join(tmpdir(), 'speech-draft-bench-'));
  try {
    writeFileSync(join(dir, 'draft.txt'), text);
    const script = `const core = require(${JSON.stringify(corePath)});
      const fs = require('fs');
      const text = fs.readFileSync(${JSON.stringify(join(dir, 'draft.txt'))}, 'utf8');
      const raw = ${JSON.stringify(config ?? null)};
      const config = raw ? core.mergeConfig(core.validateConfig(raw, 'bench').config) : undefined;
      core.checkText(text, { config });
      const t0 = process.hrtime.bigint();
      const r = core.checkText(text, { config });
      console.log(JSON.stringify({ ms: Number(process.hrtime.bigint() - t0) / 1e6, findings: r.findings.length }));`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: LIMIT_MS, killSignal: 'SIGKILL' });
    if (r.signal || r.status !== 0) return undefined;
    return JSON.parse(r.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The command line on a copy of the draft: `check` and `check --fix` (each on a fresh copy), medians of `runs`. */
function cliTimes(text, runs = 3) {
  const dir = mkdtempSync(join(tmpdir(), 'speech-draft-bench-cli-'));
  const cli = join(repo, 'dist', 'cli.js');
  try {
    writeFileSync(join(dir, 'original.txt'), text);
    const once = (args) => {
      copyFileSync(join(dir, 'original.txt'), join(dir, 'draft.txt'));
      const t0 = process.hrtime.bigint();
      const r = spawnSync(process.execPath, [cli, ...args, join(dir, 'draft.txt')], { encoding: 'utf8', timeout: LIMIT_MS, killSignal: 'SIGKILL' });
      const elapsed = Number(process.hrtime.bigint() - t0) / 1e6;
      return r.signal ? Infinity : elapsed;
    };
    const median = (args) => summarize(Array.from({ length: runs }, () => once(args))).median;
    return { check: median(['check']), fix: median(['check', '--fix']) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function benchHostile(log = () => {}) {
  const core = require(corePath);
  const draft = commaDraft();
  const { findings } = core.checkText(draft);
  const safe = core.safeFixes(findings);
  log(`comma draft: ${draft.length} characters, ${findings.length} findings, ${safe.length} safe fixes`);
  const comma = {
    characters: draft.length,
    findings: findings.length,
    safeFixes: safe.length,
    checkMs: timed(() => core.checkText(draft)).median,
    applyFixesMs: timed(() => core.applyFixes(draft, safe)).median,
    cli: cliTimes(draft),
  };
  const PARAGRAPH = 100_000;
  const shapes = {};
  for (const [name, make] of Object.entries(SHAPES)) {
    shapes[name] = checkInChild(`在全县工作会议上的讲话\n\n${make(PARAGRAPH)}\n`);
    log(`${name}: ${shapes[name] ? ms(shapes[name].ms) + ' ms' : 'over the limit'}`);
  }
  const patterns = {};
  for (const [pattern, make] of Object.entries(PATTERN_SHAPES)) {
    patterns[pattern] = checkInChild(`在全县工作会议上的讲话\n\n${make(PARAGRAPH)}\n`, { placeholderPatterns: [pattern] });
    log(`${pattern}: ${patterns[pattern] ? ms(patterns[pattern].ms) + ' ms' : 'over the limit'}`);
  }
  return { comma, paragraphChars: PARAGRAPH, shapes, patterns, limitMs: LIMIT_MS };
}

export function hostileRows(h) {
  const over = `> ${h.limitMs / 1000} s`;
  const rows = [
    [`${h.comma.characters.toLocaleString('en')}-character draft, half-width commas (${h.comma.findings.toLocaleString('en')} findings)`, 'check', ms(h.comma.checkMs)],
    ['', `applyFixes of its ${h.comma.safeFixes.toLocaleString('en')} safe fixes`, ms(h.comma.applyFixesMs)],
    ['', 'CLI check (process)', ms(h.comma.cli.check)],
    ['', `CLI check --fix (process; ${(h.comma.cli.fix / h.comma.cli.check).toFixed(1)}× check)`, ms(h.comma.cli.fix)],
  ];
  for (const [name, r] of Object.entries(h.shapes)) rows.push([`paragraph of ${h.paragraphChars.toLocaleString('en')}`, name, r ? ms(r.ms) : over]);
  for (const [pattern, r] of Object.entries(h.patterns)) rows.push([`placeholderPatterns ${pattern}`, `paragraph of ${h.paragraphChars.toLocaleString('en')} built against it`, r ? ms(r.ms) : over]);
  return rows;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!process.env.BENCH_REPO) execFileSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: repo, stdio: 'inherit' });
  const h = benchHostile((...a) => console.error('[hostile]', ...a));
  const rows = [['input', 'what', 'median ms'], ...hostileRows(h)];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  for (const r of rows) console.log('| ' + r.map((v, c) => String(v).padEnd(widths[c])).join(' | ') + ' |');
}
