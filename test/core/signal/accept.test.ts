// The accept list is honoured by every rule, in the checker: a finding inside
// an accepted text is not reported, wherever that text stands; the same text
// elsewhere unaccepted, or other findings, stay.

import * as assert from 'assert';
import { acceptablePhrase, allRules, Checker, checkText, mergeConfig, validateConfig } from '../../../server/src/core';
import { parseConfigText } from '../../../server/src/node/configFiles';
import { readFixture } from '../../helpers/fixtures';

const FIXTURE_CONFIG = /^\s*<!--\s*fixture-config\s+(\{.*\})\s*-->\s*$/m;

/** A rule's fixture checked with its own settings, and `accept` added to them. */
function checkFixture(id: string, accept: string[] = []) {
  const text = readFixture(`rules/${id}.txt`);
  const own = FIXTURE_CONFIG.exec(text);
  const config = own ? validateConfig(JSON.parse(own[1]), id).config : {};
  return { text, result: new Checker({ config: mergeConfig(config, { accept }) }).check(text) };
}

describe('the accept list', () => {
  for (const rule of allRules) {
    it(`is honoured by ${rule.id}`, () => {
      const { text, result } = checkFixture(rule.id);
      const findings = result.findings.filter((f) => f.rule === rule.id && f.span.end > f.span.start && f.span.end - f.span.start <= 100);
      assert.ok(findings.length > 0, `the fixture of ${rule.id} has findings`);
      const target = findings[0];
      const phrase = text.slice(target.span.start, target.span.end);
      const after = checkFixture(rule.id, [phrase]).result.findings;
      const inside = (f: { span: { start: number; end: number } }) => {
        // Every occurrence of the phrase: a finding within one is gone.
        for (let i = text.indexOf(phrase); i >= 0; i = text.indexOf(phrase, i + 1)) if (i <= f.span.start && f.span.end <= i + phrase.length) return true;
        return false;
      };
      assert.ok(!after.some((f) => f.rule === rule.id && f.span.start === target.span.start && f.span.end === target.span.end), `“${phrase}” accepted, still reported`);
      // Nothing else went: exactly the findings outside accepted text stay.
      assert.deepStrictEqual(
        after.map((f) => [f.rule, f.span.start, f.message]),
        result.findings.filter((f) => !inside(f)).map((f) => [f.rule, f.span.start, f.message]),
      );
    });
  }

  it('accepts a placeholder written on purpose, and still reports another', () => {
    const text = '请××同志做好会议记录。\n\n由××负责联络。\n\n请某某同志发言。';
    const before = checkText(text).findings.filter((f) => f.rule === 'placeholder');
    assert.strictEqual(before.length, 3);
    const after = checkText(text, { config: mergeConfig({ accept: ['××同志'] }) }).findings.filter((f) => f.rule === 'placeholder');
    assert.deepStrictEqual(after.map((f) => text.slice(f.span.start, f.span.end)), ['××', '某某']);
  });

  it('validates its entries, keeping the good ones', () => {
    const { config, problems } = validateConfig({ accept: ['某某', '', 7, 'x'.repeat(101)] }, 'rc');
    assert.deepStrictEqual(config.accept, ['某某']);
    assert.deepStrictEqual(problems.map((p) => p.key), ['accept[1]', 'accept[2]', 'accept[3]']);
    assert.match(problems[0].message.zh, /1 到 100 个字符/);
    assert.deepStrictEqual(validateConfig({ accept: '某某' }, 'rc').problems.map((p) => p.key), ['accept']);
  });

  it('is not read from the .speechdraftrc.json of an untrusted workspace (it hides findings)', () => {
    const untrusted = parseConfigText(JSON.stringify({ accept: ['某某'] }), 'rc', { trusted: false });
    assert.strictEqual(untrusted.config.accept, undefined);
    assert.deepStrictEqual(untrusted.problems.map((p) => p.key), ['accept']);
    assert.deepStrictEqual(parseConfigText(JSON.stringify({ accept: ['某某'] }), 'rc').config.accept, ['某某']);
  });

  it('offers words, phrases and placeholders, not lone marks nor long stretches', () => {
    const f = (start: number, end: number) => ({ rule: 'placeholder' as const, severity: 'warning' as const, span: { start, end }, message: '' });
    const text = '由××负责，,联络。\n第二行';
    assert.strictEqual(acceptablePhrase(text, f(1, 3)), '××');
    assert.strictEqual(acceptablePhrase(text, f(5, 6)), undefined, 'a comma');
    assert.strictEqual(acceptablePhrase(text, f(0, text.length)), undefined, 'across lines');
    assert.strictEqual(acceptablePhrase('𠀀'.repeat(21), f(0, 42)), undefined, 'over 20 characters');
    assert.strictEqual(acceptablePhrase('𠀀'.repeat(20), f(0, 40)), '𠀀'.repeat(20), 'characters, not code units');
  });
});
