// Bundles the extension client (vscode external), the language server and the
// command-line checker, each into one file under dist/.
import * as esbuild from 'esbuild';
import { chmodSync, existsSync, readFileSync } from 'node:fs';
import { buildWordingData } from './data/build-wording-data.mjs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const targets = [
  { entry: 'client/src/extension.ts', out: 'dist/client.js', external: ['vscode'] },
  // The LSP client library, loaded when the first draft opens (see client/src/speechServer.ts).
  { entry: 'client/src/languageClient.ts', out: 'dist/languageClient.js', external: ['vscode'] },
  { entry: 'server/src/server/main.ts', out: 'dist/server.js', external: [] },
  { entry: 'server/src/cli/main.ts', out: 'dist/cli.js', external: [], banner: '#!/usr/bin/env node', executable: true },
  { entry: 'server/src/export/api.ts', out: 'dist/export.js', external: [] },
].filter((t) => existsSync(t.entry));

const contexts = await Promise.all(
  targets.map((t) =>
    esbuild.context({
      entryPoints: [t.entry],
      outfile: t.out,
      bundle: true,
      platform: 'node',
      target: 'node18',
      format: 'cjs',
      external: t.external,
      minify: production,
      sourcemap: !production,
      sourcesContent: false,
      legalComments: 'none',
      logLevel: 'warning',
      loader: { '.md': 'text' },
      define: { SPEECH_DRAFT_VERSION: JSON.stringify(version) },
      banner: t.banner ? { js: t.banner } : undefined,
    }),
  ),
);

// The typo rule's data, dist/wording-data.bin (read by the server on first use): rebuilt only when its inputs change.
buildWordingData();

if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
  // esbuild writes files without the execute bit; `npx speech-draft` runs the command directly.
  for (const t of targets) if (t.executable) chmodSync(t.out, 0o755);
}
