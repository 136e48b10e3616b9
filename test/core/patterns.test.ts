// User-given patterns run on a linear engine: shapes that make JavaScript's
// engine take exponential (or high polynomial) time finish at once on text
// built to trip them, the work grows with the paragraph and not faster, and a
// pattern the engine cannot compile is reported once, by name.

import * as assert from 'assert';
import fc from 'fast-check';
import { checkPatternSafety, checkText, mergeConfig, validateConfig } from '../../server/src/core';
import { compileUserPattern, isPatternProblem, MAX_MATCH, patternWork, type UserPattern } from '../../server/src/core/config/patterns';
import { fuzzParams } from '../helpers/drafts';
import { CATASTROPHIC } from '../helpers/hostilePatterns';


const compiled = (source: string): UserPattern => {
  const p = compileUserPattern(source);
  assert.ok(!isPatternProblem(p), `${source}: ${JSON.stringify(p)}`);
  return p as UserPattern;
};

/** Windows searched for one call. */
function windowsFor(run: () => void): number {
  const before = patternWork.windows;
  run();
  return patternWork.windows - before;
}

/** What JavaScript's own engine finds, empty matches left out (what the rule did before). */
function jsSpans(source: string, text: string): Array<{ start: number; end: number }> {
  const re = new RegExp(source, 'gu');
  const out: Array<{ start: number; end: number }> = [];
  for (const m of text.matchAll(re)) if (m[0].length > 0) out.push({ start: m.index!, end: m.index! + m[0].length });
  return out;
}

describe('user patterns on the linear engine', function () {
  this.timeout(60000);

  it('accepts every shape a syntactic guard let through, and checks a draft built against each at once', () => {
    for (const { pattern, paragraph } of CATASTROPHIC) {
      const { config, problems } = validateConfig({ placeholderPatterns: [pattern] }, 'rc.json');
      assert.deepStrictEqual(problems, [], pattern);
      const text = `在全县工作会议上的讲话\n\n同志们：\n\n${paragraph(50_000)}\n\n${paragraph(2_000)}。\n`;
      const r = checkText(text, { config: mergeConfig(config) });
      assert.deepStrictEqual(r.ruleErrors, []);
    }
  });

  it('searches windows in proportion to the paragraph, on the catastrophic shapes and on a pattern that matches everywhere', () => {
    const shapes = [...CATASTROPHIC, { pattern: 'a*b|a', paragraph: (n: number) => 'a'.repeat(n) }];
    for (const { pattern, paragraph } of shapes) {
      const p = compiled(pattern);
      const counts = [20_000, 40_000, 80_000].map((n) => {
        const text = paragraph(n);
        let found = 0;
        const windows = windowsFor(() => (found = p.spans(text).length));
        // Each window moves on by half a window or by a match found.
        assert.ok(windows <= (2 * text.length) / MAX_MATCH + found + 2, `${pattern}: ${windows} windows for ${text.length} characters`);
        return windows;
      });
      assert.ok(counts[2] <= counts[0] * 4.5, `${pattern}: ${counts.join(', ')} windows as the text doubles`);
    }
  });

  it('finds what JavaScript finds, on short texts and, for patterns of bounded length, on long ones', () => {
    const alphabet = fc.constantFrom(...'aabXX×某某年〔〕待定 \u3000，,1号甲乙同志\n𠀀'.split(/(?=[\s\S])/u));
    const text = (max: number) => fc.array(alphabet, { maxLength: max }).map((a) => a.join(''));
    const anyLength = ['〔待定〕', '[甲乙]某', 'X{2,}年?', '\\d+号', '\\s+', '某+|X', '(?:a|ab)(?:c|bX)', '\\bX\\b', '^a|a$', '[^，]{2,3}，', '\\p{Script=Han}{2}同志', '.', '\\S某', '(?<name>某)某'];
    const bounded = ['〔待定〕', '[甲乙]某', 'X{2,3}年?', '\\bX\\b', '[^，]{2,3}，', '\\p{Script=Han}同志', '.', '某{1,4}|X'];
    const agree = (sources: string[]) => (s: string) => {
      for (const source of sources) assert.deepStrictEqual(compiled(source).spans(s), jsSpans(source, s), `${source} on ${JSON.stringify(s)}`);
    };
    fc.assert(fc.property(text(2 * MAX_MATCH), agree(anyLength)), fuzzParams(300));
    fc.assert(fc.property(text(8 * MAX_MATCH), agree(bounded)), fuzzParams(100));
  });

  it('reads Unicode classes as a script, and \\s as JavaScript does (with the full-width space)', () => {
    assert.deepStrictEqual(compiled('\\p{Han}+').spans('ab中文cd𠀀'), [
      { start: 2, end: 4 },
      { start: 6, end: 8 },
    ]);
    assert.deepStrictEqual(compiled('某\\s某').spans('某\u3000某'), [{ start: 0, end: 3 }]);
    assert.deepStrictEqual(compiled('[\\s，]某').spans('\u3000某'), [{ start: 0, end: 2 }]);
  });

  it('refuses what the engine cannot run, saying why', () => {
    const reasons = (p: string) => checkPatternSafety(p)?.message;
    assert.strictEqual(reasons('(a)\\1'), 'back-references are not supported');
    assert.strictEqual(reasons('(?<n>a)\\k<n>'), 'back-references are not supported');
    assert.strictEqual(reasons('X(?=年)'), 'look-around is not supported');
    assert.strictEqual(reasons('(?<!第)X'), 'look-around is not supported');
    assert.strictEqual(reasons('['), 'it is not a valid regular expression ({0})');
    assert.strictEqual(reasons('\\p{Ideographic}'), 'a Unicode class names a script or a category, such as {1} or {2} ({0})');
    assert.strictEqual(reasons('x'.repeat(201)), 'it is longer than {0} characters');
    assert.strictEqual(reasons(''), 'it is empty');
    assert.strictEqual(checkPatternSafety('〔待定〕'), undefined);
  });

  it('reports a pattern it cannot compile once, by setting and pattern, in both languages, and keeps the others', () => {
    const { config, problems } = validateConfig({ placeholderPatterns: ['〔待定〕', '\\p{Ideographic}', '(a+)+$'] }, 'rc.json');
    assert.deepStrictEqual(config.placeholderPatterns, ['〔待定〕', '(a+)+$']);
    assert.strictEqual(problems.length, 1);
    assert.strictEqual(problems[0].source, 'rc.json');
    assert.strictEqual(problems[0].key, 'placeholderPatterns[1]');
    assert.match(problems[0].message.zh, /^不使用模式 "\\\\p\{Ideographic\}"：Unicode 类只能写文字或类别名称，如 \\p\{Han\}、\\p\{L\}（.+）。$/);
    assert.match(problems[0].message.en, /^Pattern "\\\\p\{Ideographic\}" is not used: a Unicode class names a script or a category/);
    // Checking with the config reports nothing more (the rule skips what was refused).
    const r = checkText('时间〔待定〕，aaaa。', { config: mergeConfig(config) });
    assert.deepStrictEqual(
      r.findings.filter((f) => f.rule === 'placeholder').map((f) => r.model.text.slice(f.span.start, f.span.end)),
      ['〔待定〕'],
    );
  });
});
