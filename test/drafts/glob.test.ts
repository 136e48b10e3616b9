// speechDraft.ignore globs: the syntax VS Code and markdownlint accept, matched
// segment by segment (no backtracking over the path).

import * as assert from 'assert';
import { expandBraces, Glob, globStats, pathForGlobs } from '../../common/drafts/glob';

const yes = (pattern: string, ...paths: string[]) => paths.forEach((p) => assert.ok(new Glob(pattern).matches(p), `${pattern} should match ${p}`));
const no = (pattern: string, ...paths: string[]) => paths.forEach((p) => assert.ok(!new Glob(pattern).matches(p), `${pattern} should not match ${p}`));

describe('ignore globs', () => {
  it('takes * and ? within a segment', () => {
    yes('*.txt', '通知.txt', '.txt');
    no('*.txt', '旧稿/通知.txt', '通知.txt.bak');
    yes('通知?.txt', '通知1.txt', '通知𠀀.txt');
    no('通知?.txt', '通知.txt', '通知12.txt');
  });

  it('takes ** for any number of segments', () => {
    yes('**/*.txt', '通知.txt', '旧稿/通知.txt', 'a/b/c/通知.txt');
    yes('旧稿/**', '旧稿/a.txt', '旧稿/a/b.txt');
    no('旧稿/**', '新稿/a.txt');
    yes('**/旧稿/**/*.txt', '旧稿/x.txt', '2024/旧稿/一/x.txt');
    no('**/旧稿/**/*.txt', '2024/新稿/x.txt');
    yes('**/**/**/x.txt', 'x.txt', 'a/x.txt');
  });

  it('takes classes, braces and escapes', () => {
    yes('稿[0-9].txt', '稿1.txt');
    no('稿[0-9].txt', '稿a.txt');
    yes('稿[!0-9].txt', '稿a.txt');
    no('稿[!0-9].txt', '稿1.txt');
    yes('{notes,旧稿}/**', 'notes/a.txt', '旧稿/b.txt');
    yes('{notes/*.txt,*.md}', 'notes/a.txt', 'b.md');
    no('{notes/*.txt,*.md}', 'a.txt');
    assert.deepStrictEqual(expandBraces('a{b,c{d,e}}f'), ['abf', 'acdf', 'acef']);
    assert.deepStrictEqual(expandBraces('a{b'), ['a{b']);
    yes('\\*.txt', '*.txt');
    no('\\*.txt', 'a.txt');
    yes('稿(一).txt', '稿(一).txt');
    yes('./notes/*.txt', 'notes/a.txt');
  });

  it('matches an absolute path where no workspace folder holds the file', () => {
    assert.strictEqual(pathForGlobs('/work/ws/旧稿/a.txt', ['/work/ws']), '旧稿/a.txt');
    assert.strictEqual(pathForGlobs('/work/ws/inner/a.txt', ['/work/ws', '/work/ws/inner/']), 'a.txt');
    assert.strictEqual(pathForGlobs('/elsewhere/a.txt', ['/work/ws']), '/elsewhere/a.txt');
    assert.strictEqual(pathForGlobs('/work/wsx/a.txt', ['/work/ws']), '/work/wsx/a.txt');
    yes('**/a.txt', '/elsewhere/a.txt');
    no('a.txt', '/elsewhere/a.txt');
  });

  it('costs segments × parts × pattern × characters at most, whatever the stars', () => {
    const part = 'a'.repeat(200);
    const path = Array.from({ length: 50 }, () => part).join('/');
    const pattern = '**/*a*a*a*a*a*a*a*a*b/**/*a*a*a*a*a*a*c';
    globStats.steps = 0;
    assert.strictEqual(new Glob(pattern).matches(path), false);
    // Four segments over 50 parts; each of the two starred segments (17 and 15 tokens) against each part of 200 characters.
    const bound = 4 * 51 + 2 * 50 * 17 * 201;
    assert.ok(globStats.steps <= bound, `${globStats.steps} steps, more than ${bound}`);
    assert.ok(globStats.steps > 1000, 'the counter counts');
  });
});
