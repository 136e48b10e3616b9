// The tools a writer would otherwise run: autocorrect-node (a Rust core for
// CJK text linting) and markdownlint. Installed into bench/node_modules on
// first use, never into the project.

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

export async function loadPeers(log) {
  if (!existsSync(join(here, 'node_modules', 'autocorrect-node')) || !existsSync(join(here, 'node_modules', 'markdownlint'))) {
    log('installing the peers (autocorrect-node, markdownlint) into bench/node_modules');
    execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: here, stdio: 'inherit' });
  }
  const require = createRequire(join(here, 'package.json'));
  const autocorrect = require('autocorrect-node');
  const { lint } = await import('markdownlint/sync');
  return {
    autocorrect: (text) => autocorrect.lintFor(text, 'draft.txt'),
    markdownlint: (text) => lint({ strings: { draft: text } }),
  };
}
