// Activation cost: the time to load each client bundle in a fresh process
// (median of several), the thin one activation loads and the LSP client
// library loaded when the first draft opens.

import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { build, repo } from './drafts.mjs';
import { summarize } from './stats.mjs';

export function bundleLoadTimes(files = ['client.js', 'languageClient.js'], runs = 7) {
  const out = {};
  for (const f of files) {
    const samples = [];
    for (let i = 0; i < runs; i++) {
      samples.push(Number(execFileSync(process.execPath, [join(repo, 'bench', 'loadBundle.cjs'), join(build, 'dist', f)], { encoding: 'utf8' })));
    }
    out[f] = summarize(samples);
  }
  return out;
}
