// The .vsix holds every bundle the extension loads at run time: the build
// writes them to dist/, and `.vscodeignore` names what ships, so a bundle
// added to esbuild.mjs but not to `.vscodeignore` works from the repository
// (and in the e2e tests, which run it from there) and fails once installed.
// The Word reader (dist/word.js) was missing from the .vsix that way.

import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { repoRoot } from '../helpers/corpus';

/** Built for the command line only (the npm package's bin), never loaded by the extension. */
const NOT_SHIPPED = new Set(['dist/cli.js']);

describe('the packaged extension', () => {
  it('holds every bundle and data file the build writes to dist/', function () {
    this.timeout(60000);
    const dist = path.join(repoRoot, 'dist');
    const built = fs
      .readdirSync(dist)
      .filter((f) => !f.endsWith('.map'))
      .map((f) => `dist/${f}`)
      .filter((f) => !NOT_SHIPPED.has(f));
    for (const bundle of ['dist/server.js', 'dist/client.js', 'dist/word.js', 'dist/wording-data.bin']) {
      assert.ok(built.includes(bundle), `${bundle} is built (run npm run build first)`);
    }
    const vsce = path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
    const listed = new Set(
      execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: repoRoot, encoding: 'utf8' })
        .split('\n')
        .map((l) => l.trim()),
    );
    const missing = built.filter((f) => !listed.has(f));
    assert.deepStrictEqual(missing, [], `.vscodeignore leaves out ${missing.join(', ')}`);
  });
});
