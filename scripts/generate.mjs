// `npm run generate [-- --check]`: bundles scripts/generate.ts (which reads the
// rule list and the settings table from the sources) and runs it.

import * as esbuild from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { outputFiles } = await esbuild.build({
  entryPoints: [join(root, 'scripts', 'generate.ts')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  write: false,
  logLevel: 'warning',
});
const dir = mkdtempSync(join(tmpdir(), 'speech-draft-generate-'));
try {
  const file = join(dir, 'generate.cjs');
  writeFileSync(file, outputFiles[0].text);
  const { main } = createRequire(import.meta.url)(file);
  process.exitCode = main(root, process.argv.slice(2));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
