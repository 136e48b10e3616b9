// The test command's summary: the reporter counts passed, failed and skipped
// tests, and the skips by the reason skipBecause gave, from a test or from a
// suite's hook (which skips every test of the suite).

import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { tempDir } from '../cli/runCli';
import { repoRoot } from '../helpers/corpus';

const skipModule = path.join(repoRoot, 'out', 'test', 'helpers', 'skip.js');
const reporter = path.join(repoRoot, 'out', 'test', 'helpers', 'summaryReporter.js');

const SPEC = `
const { skipBecause } = require(${JSON.stringify(skipModule)});
describe('a suite', function () {
  it('passes', function () {});
  it('fails', function () { throw new Error('no'); });
  it('skips with a reason', function () { skipBecause(this, 'the corpus is absent'); });
  it('skips without one', function () { this.skip(); });
  it('is pending');
  describe('a suite whose hook skips', function () {
    before(function () { skipBecause(this, 'LibreOffice is not installed'); });
    it('one', function () {});
    it('two', function () {});
  });
  describe('another with the same reason', function () {
    it('three', function () { skipBecause(this, 'the corpus is absent'); });
  });
});
`;

describe('the summary of skipped tests', function () {
  this.timeout(60000);

  it('counts skips by their reason, those of a hook for each test of its suite', function () {
    const dir = tempDir();
    const spec = path.join(dir, 'sample.test.js');
    const results = path.join(dir, 'results', 'unit.json');
    fs.writeFileSync(spec, SPEC);
    const r = spawnSync(process.execPath, [path.join(repoRoot, 'node_modules', 'mocha', 'bin', 'mocha.js'), '--no-config', '--reporter', reporter, spec], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, SPEECH_DRAFT_TEST_RESULTS: results },
    });
    assert.strictEqual(r.status, 1, r.stderr + r.stdout);
    assert.match(r.stdout, /\(skipped: LibreOffice is not installed\)/, 'the reason is said where the skip happens');
    assert.deepStrictEqual(JSON.parse(fs.readFileSync(results, 'utf8')), {
      passed: 1,
      failed: 1,
      skipped: 6,
      skips: { 'the corpus is absent': 2, 'no reason given': 2, 'LibreOffice is not installed': 2 },
    });
  });
});
