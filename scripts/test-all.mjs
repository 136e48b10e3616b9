// `npm test`: installs the Debian packages the tests need (.ci/install-packages,
// the installer .ci/run uses; apt-get, so root or sudo, only when something is
// missing), runs every suite, and ends with a summary: per suite how many tests
// passed, failed and were skipped, and each reason for a skip with its count.
// SPEECH_DRAFT_NO_INSTALL=1 leaves the installation out.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = join(repo, 'out', 'test-results');
const SUITES = [
  { name: 'unit (core, CLI, language server, export, Word)', script: 'test:unit', file: 'unit.json' },
  { name: 'e2e (the extension in a real VS Code)', script: 'test:e2e', file: 'e2e.json' },
];

function run(cmd, args, env = {}) {
  return spawnSync(cmd, args, { cwd: repo, stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;
}

if (process.env.SPEECH_DRAFT_NO_INSTALL !== '1') {
  const status = run(join(repo, '.ci', 'install-packages'), []);
  if (status !== 0) {
    console.error('\nnpm test: the Debian packages the tests need could not be installed (see above); install them, or set SPEECH_DRAFT_NO_INSTALL=1 to run without them (the tests that need them fail or skip).');
    process.exit(status);
  }
}

rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });
const outcomes = SUITES.map((suite) => {
  const file = join(resultsDir, suite.file);
  const status = run('npm', ['run', suite.script], { SPEECH_DRAFT_TEST_RESULTS: file });
  const results = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
  return { suite, status, results };
});

const lines = ['', 'Summary of npm test'];
const total = { passed: 0, failed: 0, skipped: 0 };
const reasons = new Map();
for (const { suite, status, results } of outcomes) {
  if (!results) {
    lines.push(`  ${suite.name}: did not run to the end (exit code ${status}); no counts`);
    continue;
  }
  lines.push(`  ${suite.name}: ${results.passed} passed, ${results.failed} failed, ${results.skipped} skipped${status !== 0 && results.failed === 0 ? ` (exit code ${status})` : ''}`);
  for (const k of Object.keys(total)) total[k] += results[k];
  for (const [reason, n] of Object.entries(results.skips)) reasons.set(reason, (reasons.get(reason) ?? 0) + n);
}
lines.push(`  all: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
if (reasons.size) {
  lines.push('  skipped because:');
  for (const [reason, n] of [...reasons].sort((a, b) => b[1] - a[1])) lines.push(`    ${n} × ${reason}`);
}
console.log(lines.join('\n'));
process.exit(outcomes.every((o) => o.status === 0) ? 0 : 1);
