// docs/architecture.md is the map: every file and folder it names exists
// (a bare file name somewhere in the sources, a path from the repository's
// top, a template such as `docs/rules/<id>.md` in a folder that exists, a
// bundle under dist/ among what the build writes), and the README links it.
// Names starting with a dot (`.speechdraftrc.json`, `../shared/corpus`) are
// not the repository's files.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { repoRoot } from '../helpers/corpus';

const MAP = 'docs/architecture.md';
const FILE = /^[\w.\-/<>]+\.(ts|md|json|mjs|js|txt|bin)$|^[\w.\-]+(\/[\w.\-]+)*\/$/;

/** Every file name under `dir` (recursively), skipping build output and dependencies. */
function namesUnder(dir: string, out = new Set<string>()): Set<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'out' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) namesUnder(p, out);
    else out.add(entry.name);
  }
  return out;
}

describe('docs/architecture.md', () => {
  const text = fs.readFileSync(path.join(repoRoot, MAP), 'utf8');
  const named = [...new Set([...text.matchAll(/`([^`\s]+)`/g)].map((m) => m[1]))].filter((s) => FILE.test(s) && !s.startsWith('.'));

  it('names files that exist', () => {
    assert.ok(named.length > 50, `only ${named.length} paths found: the pattern is broken`);
    const sources = namesUnder(repoRoot);
    const build = ['esbuild.mjs', 'data/build-wording-data.mjs'].map((f) => fs.readFileSync(path.join(repoRoot, f), 'utf8')).join('\n');
    const missing = named.filter((p) => {
      if (p.startsWith('dist/')) return !build.includes(p) && !build.includes(path.basename(p));
      if (p.includes('<')) return !fs.existsSync(path.join(repoRoot, path.dirname(p)));
      if (!p.includes('/')) return !sources.has(p);
      return !fs.existsSync(path.join(repoRoot, p));
    });
    assert.deepStrictEqual(missing, [], `${MAP} names what is not there`);
  });

  it('is linked from the README', () => {
    assert.match(fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8'), /\]\(docs\/architecture\.md\)/);
  });
});
