// Entry of the extension's integration suite: the `run()` that VS Code's
// extension host calls (here under code-server; elsewhere @vscode/test-electron).

import * as fs from 'fs';
import Mocha from 'mocha';
import * as path from 'path';
import SummaryReporter from '../../helpers/summaryReporter';

export function run(): Promise<void> {
  // SPEECH_DRAFT_E2E_GREP runs only the matching tests (while developing).
  const grep = process.env.SPEECH_DRAFT_E2E_GREP;
  const mocha = new Mocha({ ui: 'bdd', timeout: 60000, color: false, reporter: SummaryReporter, ...(grep ? { grep } : {}) });
  // Sorted: the same order on every file system.
  for (const f of fs.readdirSync(__dirname).sort()) if (f.endsWith('.test.js')) mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures ? reject(new Error(`${failures} test(s) failed`)) : resolve()));
    } catch (e) {
      reject(e);
    }
  });
}
