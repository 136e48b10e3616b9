// The files generated from the rule list and the settings table are what the
// tables give: `npm run generate -- --check` passes on what is committed, and a
// table changed without regenerating names each file that is then stale.

import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { allRules, SETTINGS, type Rule, type SettingSpec } from '../../server/src/core';
import { main, staleFiles } from '../../scripts/generate';
import { repoRoot } from '../helpers/corpus';

describe('generated files', function () {
  this.timeout(60000);

  it('are up to date: `npm run generate -- --check` passes', () => {
    const r = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'generate.mjs'), '--check'], { cwd: repoRoot, encoding: 'utf8' });
    assert.strictEqual(r.status, 0, `${r.stderr}${r.stdout}`);
  });

  const withRule = (id: string, change: (r: Rule) => Rule) => ({ rules: allRules.map((r) => (r.id === id ? change(r) : r)), settings: SETTINGS });

  it('go stale, each named, when a rule’s description, name or fixes change in its file', () => {
    const described = withRule('speech-length', (r) => ({ ...r, description: { zh: `${r.description.zh}（改）`, en: `${r.description.en} Changed.` } }));
    assert.deepStrictEqual(staleFiles(repoRoot, described), ['package.nls.json', 'package.nls.zh-cn.json', 'schemas/speechdraftrc.schema.json', 'l10n/bundle.l10n.zh-cn.json']);
    const renamed = withRule('placeholder', (r) => ({ ...r, name: { zh: '未填占位', en: 'Unfilled placeholder' } }));
    assert.deepStrictEqual(staleFiles(repoRoot, renamed), [
      'package.nls.json',
      'package.nls.zh-cn.json',
      'schemas/speechdraftrc.schema.json',
      'README.md',
      'docs/rules/placeholder.md',
      'l10n/bundle.l10n.zh-cn.json',
      'client/src/ruleNames.ts',
    ]);
    const refixed = withRule('punctuation-pairs', (r) => ({ ...r, fixes: 'editor' }));
    assert.deepStrictEqual(staleFiles(repoRoot, refixed), ['README.md', 'docs/rules/punctuation-pairs.md']);
  });

  it('go stale when a setting’s bounds change, or a rule is added', () => {
    const settings = SETTINGS.map((s): SettingSpec => (s.key === 'debounce' ? { ...s, maximum: 5000 } : s));
    assert.deepStrictEqual(staleFiles(repoRoot, { rules: allRules, settings }), ['package.json']);
    const rate = SETTINGS.map((s): SettingSpec => (s.key === 'speakingRate' ? { ...s, minimum: 60 } : s));
    assert.deepStrictEqual(staleFiles(repoRoot, { rules: allRules, settings: rate }), ['package.json', 'schemas/speechdraftrc.schema.json']);
    const added = { ...allRules[0], id: 'new-rule', name: { zh: '新规则', en: 'New rule' } } as unknown as Rule;
    const stale = staleFiles(repoRoot, { rules: [...allRules, added], settings: SETTINGS });
    assert.deepStrictEqual(stale, [
      'package.json',
      'package.nls.json',
      'package.nls.zh-cn.json',
      'schemas/speechdraftrc.schema.json',
      'README.md',
      'docs/rules/new-rule.md',
      'l10n/bundle.l10n.zh-cn.json',
      'server/src/server/ruleDocs.ts',
      'client/src/ruleNames.ts',
    ]);
  });

  it('are rewritten by `npm run generate`, and --check names what was hand-edited', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-draft-generated-'));
    try {
      for (const p of ['server/src', 'client/src', 'docs/rules', 'l10n', 'schemas', 'package.json', 'package.nls.json', 'package.nls.zh-cn.json', 'README.md']) {
        fs.cpSync(path.join(repoRoot, p), path.join(root, p), { recursive: true });
      }
      const readme = path.join(root, 'README.md');
      fs.writeFileSync(readme, fs.readFileSync(readme, 'utf8').replace('| 讲话时长 Speech length | info |', '| 讲话时长 Speech length | warning |'));
      fs.writeFileSync(path.join(root, 'docs/rules/placeholder.md'), fs.readFileSync(path.join(root, 'docs/rules/placeholder.md'), 'utf8').replace('默认级别', '级别'));
      const said: string[] = [];
      assert.strictEqual(main(root, ['--check'], (line) => said.push(line)), 1);
      assert.match(said[0], /npm run generate/);
      assert.deepStrictEqual(said.slice(1), ['  README.md', '  docs/rules/placeholder.md']);
      said.length = 0;
      assert.strictEqual(main(root, [], (line) => said.push(line)), 0);
      assert.deepStrictEqual(said, ['wrote README.md', 'wrote docs/rules/placeholder.md']);
      assert.strictEqual(fs.readFileSync(readme, 'utf8'), fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8'));
      assert.strictEqual(main(root, ['--check'], (line) => said.push(line)), 0);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
