// The spec reporter, plus a summary the test command prints at the end: how
// many tests passed, failed and were skipped, and why they were skipped. With
// SPEECH_DRAFT_TEST_RESULTS set, the counts are also written there as JSON.

import * as fs from 'fs';
import Mocha from 'mocha';
import * as path from 'path';
import { skipReasonOf } from './skip';

interface SuiteResults {
  passed: number;
  failed: number;
  skipped: number;
  /** Skipped tests by reason. */
  skips: Record<string, number>;
}

const NO_REASON = 'no reason given';

class SummaryReporter extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    const results: SuiteResults = { passed: 0, failed: 0, skipped: 0, skips: {} };
    runner.on(Mocha.Runner.constants.EVENT_TEST_PASS, () => results.passed++);
    runner.on(Mocha.Runner.constants.EVENT_TEST_FAIL, () => results.failed++);
    runner.on(Mocha.Runner.constants.EVENT_TEST_PENDING, (test: Mocha.Test) => {
      results.skipped++;
      const reason = skipReasonOf(test) ?? NO_REASON;
      results.skips[reason] = (results.skips[reason] ?? 0) + 1;
    });
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const file = process.env.SPEECH_DRAFT_TEST_RESULTS;
      if (!file) return;
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
    });
  }
}

export = SummaryReporter;
