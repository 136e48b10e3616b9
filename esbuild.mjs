// Bundles the extension client (vscode external), the language server and the
// command-line checker, each into one file under dist/, and the parts they load
// on first use (the Word exporter, the engine for user-given patterns).
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
  // The engine for user-given patterns (re2js), loaded when a config first holds one (see server/src/core/config/patterns.ts).
  { entry: 'server/src/core/config/regexEngine.ts', out: 'dist/regexEngine.js', external: [], ownEngine: true },
  // The Word reader and annotator, loaded when a .docx comes (see server/src/word/api.ts).
  { entry: 'server/src/word/api.ts', out: 'dist/word.js', external: [] },
].filter((t) => existsSync(t.entry));

/** Every other bundle loads the engine from its file beside it, at run time, rather than holding a copy. */
const engineBeside = {
  name: 'regex-engine-beside',
  setup(build) {
    build.onResolve({ filter: /^re2js$/ }, () => ({ path: './regexEngine.js', external: true }));
  },
};

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
      plugins: t.ownEngine ? [] : [engineBeside],
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
