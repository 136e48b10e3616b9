// Text rules on exact ranges, with characters outside the BMP before the defects,
// and their fixes touching nothing outside their own ranges.

import * as assert from 'assert';
import fc from 'fast-check';
import { applyFixes, checkText, mergeConfig, ruleById, safeFixes, type Rule } from '../../server/src/core';

function found(text: string, rule: string, format: 'text' | 'markdown' = 'text'): string[] {
  return checkText(text, { format })
    .findings.filter((f) => f.rule === rule)
    .map((f) => text.slice(f.span.start, f.span.end));
}

function fixedBy(text: string, rule: string): string {
  const only: Rule[] = [ruleById(rule)!];
  return applyFixes(text, safeFixes(checkText(text, { rules: only }).findings)).text;
}

describe('text rules', () => {
  it('give exact UTF-16 ranges after 𠀀 and emoji on the same line', () => {
    const text = '𠀀😀测试,占位*个，截止2025年，进一步进一步落实。。请看“附件www.example.com/a，大家去座谈。';
    const at = (s: string, from = 0) => [text.indexOf(s, from), text.indexOf(s, from) + s.length];
    const expected: Array<[string, number[]]> = [
      ['punctuation-width', at(',')],
      ['placeholder', at('*')],
      ['word-usage', at('截止')],
      ['repeated-word', at('进一步', text.indexOf('进一步') + 1)],
      ['punctuation-repeat', at('。。')],
      ['punctuation-pairs', at('“')],
      ['web-residue', at('www.example.com/a')],
    ];
    const r = checkText(text);
    for (const [rule, span] of expected) {
      const mine = r.findings.filter((f) => f.rule === rule);
      assert.deepStrictEqual(mine.map((f) => [f.span.start, f.span.end]), [span], rule);
      assert.strictEqual(text.slice(mine[0].span.start, mine[0].span.end), text.slice(span[0], span[1]));
    }
  });

  it('fix punctuation without touching list numbers, decimals, times or URLs', () => {
    const text = '1.开展排查,PM2.5下降;会议10:30开始,详见https://a.gov.cn/x?y=1,z=2。\n2.落实整改!';
    const fixed = applyFixes(text, safeFixes(checkText(text).findings)).text;
    assert.strictEqual(fixed, '1.开展排查，PM2.5下降；会议10:30开始，详见https://a.gov.cn/x?y=1,z=2。\n2.落实整改！');
  });

  it('change a bracket or quotation pair together, or not at all', () => {
    assert.strictEqual(fixedBy('他说"OK"', 'punctuation-width'), '他说“OK”');
    assert.strictEqual(fixedBy('提出"Made in China"战略', 'punctuation-width'), '提出“Made in China”战略');
    assert.strictEqual(fixedBy('He said "yes" 然后离开。', 'punctuation-width'), 'He said "yes" 然后离开。');
    assert.strictEqual(fixedBy('浓度(PM2.5)下降', 'punctuation-width'), '浓度（PM2.5）下降');
    assert.strictEqual(fixedBy('校长说\'好的\',It\'s fine.', 'punctuation-width'), '校长说‘好的’，It\'s fine.');
  });

  it('leave English sentences, 1) numbers, and Markdown code and links alone', () => {
    assert.deepStrictEqual(found('学生们说Hello, world! 然后继续上课。', 'punctuation-width'), []);
    assert.deepStrictEqual(found('1)开展排查。2)加强整改。', 'punctuation-width'), []);
    assert.deepStrictEqual(found('1)开展排查。2)加强整改。', 'punctuation-pairs'), []);
    const md = '见[通知](https://a.cn/x)要求，`a,b`必须填写,不能漏项。';
    assert.deepStrictEqual(found(md, 'punctuation-width', 'markdown'), [',']);
  });

  it('find a mark on the continuation line of a hard-wrapped paragraph', () => {
    const text = '在全县会议上的讲话\n\n会议要求,\n各校要在月底前报送方案,不得拖延。';
    const r = checkText(text);
    const lines = r.findings.filter((f) => f.rule === 'punctuation-width').map((f) => r.model.lines.positionAt(f.span.start).line + 1);
    assert.deepStrictEqual(lines, [3, 4]);
  });

  it('under the safe fixes, turn only half-width marks into their twins, keep every bracket pair one width, and leave nothing for a second run', () => {
    const piece = fc.constantFrom(
      ...['工作', '落实', 'GDP', 'Hello world', '2.5', '1,000', '10:30', '1.', '1)', '(一)', ' ', '。', '“', '”', '𠀀', '😀'],
      ...[',', ':', ';', '?', '!', '(', ')', '"', "'", 'https://a.cn/x?y=1,z=2', 'www.a.com'],
    );
    const twin: Record<string, string> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）', '"': '“”', "'": '‘’' };
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (pieces) => {
        const text = pieces.join('');
        const fixed = fixedBy(text, 'punctuation-width');
        assert.strictEqual(fixed.length, text.length);
        for (let i = 0; i < text.length; i++) if (fixed[i] !== text[i]) assert.ok(twin[text[i]]?.includes(fixed[i]), `${text} → ${fixed}`);
        const stack: number[] = [];
        for (let i = 0; i < text.length; i++) {
          if (text[i] === '(') stack.push(i);
          else if (text[i] === ')' && stack.length) assert.strictEqual(fixed[stack.pop()!] === '(', fixed[i] === ')', `${text} → ${fixed}`);
        }
        assert.strictEqual(fixedBy(fixed, 'punctuation-width'), fixed, `${text} → ${fixed}`);
      }),
      { numRuns: 500 },
    );
  });

  it('leave a bracket as typed whose partner lies in a stretch the rule skips, and fix its twin whose pair is whole', () => {
    // The `)` belongs to the download site's address, so the `(` must not turn alone (found by the property above).
    assert.strictEqual(fixedBy('(工作www.a.com1)www.a.com', 'punctuation-width'), '(工作www.a.com1)www.a.com');
    assert.strictEqual(fixedBy('(工作)www.a.com', 'punctuation-width'), '（工作）www.a.com');
  });

  it('decide in one run what a second run would decide (counterexamples of the property above)', () => {
    // A `!` right after Chinese text ends it; it is not part of the Latin word after it, so the last `!` turns too.
    assert.strictEqual(fixedBy('工作!1.GDP!', 'punctuation-width'), '工作！1.GDP！');
    assert.strictEqual(fixedBy('用好hello?world!', 'punctuation-width'), '用好hello?world!');
    // A URL right after one whose match ran past its end is still a URL: the `?` before it follows 2.5 in Chinese text.
    assert.strictEqual(fixedBy('工作https://a.cn/x(2.5?https://a.cn/x', 'punctuation-width'), '工作https://a.cn/x（2.5？https://a.cn/x');
    assert.strictEqual(fixedBy('见https://a.cn/wiki/A_(B)。', 'punctuation-width'), '见https://a.cn/wiki/A_(B)。');
  });

  it('fix doubled marks by keeping the strongest, and 。。。 as an ellipsis', () => {
    assert.strictEqual(fixedBy('工作稳中有进，。继续努力！！', 'punctuation-repeat'), '工作稳中有进。继续努力！');
    assert.strictEqual(fixedBy('真的吗？。潜力很大。。。', 'punctuation-repeat'), '真的吗？潜力很大……');
    assert.deepStrictEqual(found('怎么办？！我们必须迎难而上……前进——', 'punctuation-repeat'), []);
  });

  it('leave the mark that ends a numbering marker to numbering-style, so that the safe fixes settle', () => {
    // `（二）、` is numbering-style's (it writes `（二）`): the doubled marks after it start after it, and the fixes never overlap.
    const settled = (text: string) => {
      for (let pass = 0; pass < 5; pass++) {
        const fixes = safeFixes(checkText(text).findings);
        if (fixes.length === 0) return { text, pass };
        text = applyFixes(text, fixes).text;
      }
      return { text, pass: Infinity };
    };
    const run = '（二）' + '、'.repeat(30) + '抓好落实';
    assert.deepStrictEqual(
      checkText(run).findings.filter((f) => f.rule === 'punctuation-repeat').map((f) => [f.span.start, f.span.end]),
      [[4, 33]],
    );
    assert.deepStrictEqual(settled(`(二)${'、'.repeat(30)}抓好落实`), { text: '（二）抓好落实', pass: 2 });
    // Twin: marks doubled after a marker's own end are the rule's as before.
    assert.deepStrictEqual(found('（二）抓好落实、、', 'punctuation-repeat').length, 1);
  });

  it('tell a full-width bracket closed by a half-width one, once', () => {
    const text = '请把（附件1)报送。';
    const r = checkText(text).findings.filter((f) => f.rule === 'punctuation-pairs');
    assert.deepStrictEqual(r.map((f) => text.slice(f.span.start, f.span.end)), [')']);
    assert.strictEqual(text.slice(r[0].related![0].span.start, r[0].related![0].span.end), '（');
  });

  it('carry a bracket over the lines its sentence runs on (（PM⏎2.5⏎）), and take a pair split across paragraphs as one finding', () => {
    assert.deepStrictEqual(found('细颗粒物（PM\n2.5）浓度下降。', 'punctuation-pairs'), []);
    assert.deepStrictEqual(found('细颗粒物（PM\n2.5\n）浓度下降。', 'punctuation-pairs'), []);
    // The sentence ends on the second line: the third line is another paragraph of the draft.
    const split = '第一段（未闭合\n第二段。\n第三段）。';
    const pairs = checkText(split).findings.filter((f) => f.rule === 'punctuation-pairs');
    assert.deepStrictEqual(pairs.map((f) => split.slice(f.span.start, f.span.end)), ['（']);
    assert.strictEqual(split.slice(pairs[0].related![0].span.start, pairs[0].related![0].span.end), '）');
    assert.deepStrictEqual(found('三、关于《\n\n规划纲要\n\n》的说明', 'punctuation-pairs'), ['《']);
    // Closed more than two paragraphs later: two marks of their own.
    assert.deepStrictEqual(found('甲（未闭合。\n\n乙。\n\n丙。\n\n丁）。', 'punctuation-pairs'), ['（', '）']);
  });

  it('accept a quotation over several paragraphs, but not an open quotation mark before a plain paragraph', () => {
    assert.deepStrictEqual(found('他说：“第一段。\n\n“第二段。\n\n“第三段。”', 'punctuation-pairs'), []);
    assert.deepStrictEqual(found('他说：“第一段。\n\n第二段。', 'punctuation-pairs'), ['“']);
  });

  it('remove a residue line with its line break, and only that line', () => {
    const text = '第一段正文。\n本文6元\n第二段正文。';
    const f = checkText(text).findings.find((x) => x.rule === 'web-residue')!;
    assert.strictEqual(applyFixes(text, [f.fixes![0]]).text, '第一段正文。\n第二段正文。');
    const last = '第一段正文。\n\n本文6元';
    const g = checkText(last).findings.find((x) => x.rule === 'web-residue')!;
    assert.strictEqual(applyFixes(last, [g.fixes![0]]).text, '第一段正文。\n');
  });

  it('remove residue inside a sentence alone, with its brackets and the ellipses around them', () => {
    const text = '在招商引资方……（某某文库www.example.com此处省略722字）……面，还要加强。';
    assert.deepStrictEqual(found(text, 'web-residue'), ['……（某某文库www.example.com此处省略722字）……']);
    const f = checkText(text).findings.find((x) => x.rule === 'web-residue')!;
    assert.strictEqual(applyFixes(text, [f.fixes![0]]).text, '在招商引资方面，还要加强。');
  });

  it('keep ordinary words and government addresses in a sentence', () => {
    assert.deepStrictEqual(found('群众可以免费下载政务APP，会后请认真阅读全文。', 'web-residue'), []);
    assert.deepStrictEqual(found('请登录https://www.gov.cn/zhengce查询政策。', 'web-residue'), []);
    assert.deepStrictEqual(found('详见www.example.com/a.html，推动工作。', 'web-residue'), ['www.example.com/a.html']);
  });

  it('take placeholder patterns and words from the config', () => {
    const config = mergeConfig({ placeholderPatterns: ['〔待定〕'], wordUsage: [{ wrong: '帐号', right: '账号' }] });
    const r = checkText('时间〔待定〕，请登记帐号。', { config });
    assert.deepStrictEqual(
      r.findings.filter((f) => f.rule === 'placeholder' || f.rule === 'word-usage').map((f) => [f.rule, f.span.start, f.span.end]),
      [
        ['placeholder', 2, 6],
        ['word-usage', 10, 12],
      ],
    );
  });

  it('treat Markdown emphasis as emphasis in a Markdown draft', () => {
    const text = '要**突出重点**，项目*个。';
    assert.deepStrictEqual(found(text, 'placeholder', 'markdown'), ['*']);
    assert.deepStrictEqual(found(text, 'placeholder'), ['**', '**', '*']);
  });

  it('tell X placeholders from Latin words and X-rays', () => {
    assert.deepStrictEqual(found('20XX年X月X日，XX市第X条，X亿元', 'placeholder'), ['XX', 'X', 'X', 'XX', 'X', 'X']);
    assert.deepStrictEqual(found('XXL尺码，Xbox，X光机，X射线，二〇〇八年，3*4', 'placeholder'), []);
  });

  it('say what is right for 截止, with the date it governs', () => {
    const r = checkText('截止2025年8月底，项目全部开工。');
    const f = r.findings.find((x) => x.rule === 'word-usage')!;
    assert.match(f.message, /截至2025年8月底/);
    assert.deepStrictEqual(f.fixes![0].edits, [{ start: 0, end: 2, newText: '截至' }]);
    assert.strictEqual(f.fixes![0].safe, false);
  });

  it('rewrite 千 and 百 after digits exactly, and leave units and 万 alone', () => {
    const rewrite = (s: string) => checkText(s).findings.filter((f) => f.rule === 'word-usage').map((f) => f.fixes?.[0].edits[0].newText);
    assert.deepStrictEqual(rewrite('新增4千户，1百零8人，3.5千万元，1.1千人'), ['4000', '108', '3500', '1100']);
    assert.deepStrictEqual(rewrite('3千2百'), [undefined]);
    assert.deepStrictEqual(rewrite('445万人，3亿元，500千瓦，3个百分点，12千米，5千克'), []);
  });

  it('keep the guarded misspellings silent where they are words', () => {
    assert.deepStrictEqual(found('按排名先后通报，既使用好传统方法，又使得服务更好。', 'word-usage'), []);
    assert.deepStrictEqual(found('既使困难再大，也要按排好工作。', 'word-usage'), ['既使', '按排']);
  });
});
