// The rule catalogue: every rule file in rules/ is registered, once, in the one
// list; ids derive from it; each rule names itself in Chinese and English; the
// kind of fixes it declares is what its findings carry on its fixture; what it
// declares about the Word export is today's policy.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { allRules, RULE_IDS, type Finding, type Rule } from '../../server/src/core';
import { preflight } from '../../server/src/export/preflight';
import { assertFixture } from '../helpers/fixtures';
import { repoRoot } from '../helpers/corpus';

const rulesDir = path.join(repoRoot, 'server', 'src', 'core', 'rules');
/** The files of rules/ that are not rules: the list and the rule type. */
const NOT_RULES = new Set(['index.ts', 'types.ts']);
const camel = (id: string) => id.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

describe('the rule catalogue', () => {
  it('registers every rule file of rules/, each once, in the one list', () => {
    const files = fs.readdirSync(rulesDir).filter((f) => f.endsWith('.ts') && !NOT_RULES.has(f));
    assert.ok(files.length >= 16, `found ${files.length} rule files`);
    const unregistered: string[] = [];
    for (const file of files) {
      // The compiled module next to this test's output tree.
      const exports = require(path.join(__dirname, '..', '..', 'server', 'src', 'core', 'rules', file.replace(/\.ts$/, '.js'))) as Record<string, unknown>;
      const rules = Object.values(exports).filter((v): v is Rule => !!v && typeof v === 'object' && 'id' in v && 'check' in v);
      if (rules.length === 0) unregistered.push(`${file} exports no rule (helpers belong outside rules/)`);
      for (const r of rules) if (!allRules.includes(r)) unregistered.push(`${file}: ${r.id} is not in the list of rules/index.ts`);
    }
    assert.deepStrictEqual(unregistered, []);
    assert.strictEqual(new Set(allRules).size, allRules.length, 'a rule is listed twice');
    assert.deepStrictEqual(allRules.map((r) => `${camel(r.id)}.ts`).sort(), files.sort(), 'one file per rule, named after its id');
  });

  it('takes its ids from the list: unique, kebab-case', () => {
    assert.deepStrictEqual(RULE_IDS, allRules.map((r) => r.id));
    assert.strictEqual(new Set(RULE_IDS).size, RULE_IDS.length);
    for (const id of RULE_IDS) assert.match(id, /^[a-z]+(-[a-z]+)*$/);
  });

  it('names each rule briefly, in Chinese and in English', () => {
    for (const r of allRules) {
      assert.match(r.name.zh, /^[\u4e00-\u9fff]{2,6}$/, `${r.id}: a short Chinese name`);
      assert.match(r.name.en, /^[A-Z][a-z-]*( [a-z-]+){0,3}$/, `${r.id}: a short English name`);
    }
    const names = allRules.map((r) => r.name.zh);
    assert.strictEqual(new Set(names).size, names.length, 'two rules with one name');
  });

  for (const rule of allRules) {
    it(`${rule.id}: declares the fixes its findings carry on its fixture (${rule.fixes})`, () => {
      const result = assertFixture(path.join('rules', `${rule.id}.txt`), rule.id);
      const fixes = result.findings.filter((f) => f.rule === rule.id).flatMap((f) => f.fixes ?? []);
      const safe = fixes.some((f) => f.safe);
      const editor = fixes.some((f) => !f.safe);
      const carried = safe && editor ? 'mixed' : safe ? 'safe' : editor ? 'editor' : 'none';
      assert.strictEqual(rule.fixes, carried);
    });
  }

  it('stops the Word export as each rule declares: placeholders and residue always, structure as errors, never the rest', () => {
    const finding = (rule: Rule, severity: Finding['severity']): Finding => ({ rule: rule.id, severity, span: { start: 0, end: 1 }, message: '' });
    const stops = (rule: Rule, severity: Finding['severity']) => preflight([finding(rule, severity)]).blocking.length === 1;
    const policy = Object.fromEntries(allRules.map((r) => [r.id, [stops(r, 'error'), stops(r, 'warning')]]));
    const structural = ['numbering-sequence', 'numbering-style', 'numbering-hierarchy', 'outline-consistency', 'announced-count', 'heading-style', 'heading-parallelism', 'speech-structure'];
    const expected = Object.fromEntries(
      allRules.map((r) => [r.id, ['placeholder', 'web-residue'].includes(r.id) ? [true, true] : structural.includes(r.id) ? [true, false] : [false, false]]),
    );
    assert.deepStrictEqual(policy, expected);
    assert.deepStrictEqual(policy['speech-length'], [false, false], 'a long speech is still printed');
  });
});
