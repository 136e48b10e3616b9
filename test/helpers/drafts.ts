// Random drafts for property tests, built from real fragments of speeches:
// markers of every family, headings, 【提纲】 blocks, punctuation (both widths),
// placeholders, download-site residue, code, markup and front matter, spaced
// digits, characters outside the BMP, zero-width characters, every kind of line
// break, BOM, tabs, U+3000 and long lines.

import fc from 'fast-check';

export const FRAGMENTS = [
  '一、', '二、', '三、', '十二、', '一.', '（一）', '(二)', '（三）、', '1.', '2、', '3．', '（1）', '(2)', '①', '②',
  '第一，', '第二,', '第三、', '第一个问题：', '首先，', '其次，', '再次，', '最后，', '其一，', '其二，', '一是', '二是', '三要', '——',
  '【提纲】', '提纲：', '同志们：', '同志们，', '谢谢大家！', '下面，我讲三点意见。', '以下四个方面', '讲4个问题。',
  '在全市工作会议上的讲话', '（2025年6月3日）', '加强组织领导', '压实工作责任', '推动高质量发展', '跃居世界第二，但', '第一次', '一是一、二是二', '一、二线城市', 'PM\n2.5',
  '*', '**', '××', 'XX', '某某', '20XX年', 'X月X日', '〔〕', '□',
  '，', '。', '、', '；', '：', '？', '！', '，，', '。。', ',', ':', ';', '?', '!', '(', ')', '"', "'", '“', '”', '‘', '’', '（', '）', '《', '》', '【', '】', '〞', '……', '——',
  '截止2025年', '其它', '二零二五年', '4千', '的的', '进一步进一步', '研究研究', 'www.example.com', '点击下载全文', '本文6元',
  '𠀀', '😀', '👩‍👩‍👧', '\u200b', '\u200d', '\ufeff', '\r\n', '\n', '\r', '\n\n', '\t', '\u3000', '　　', ' ',
  '<!-- speech-draft-disable-next-line -->', '<!-- speech-draft-disable punctuation-width -->', '<!-- speech-draft-enable -->',
  'a', 'Hello, world!', '1,000', '10:30', '5.2%',
  // Full stops, ellipses, corner quotes, brackets and marks of Latin words.
  '.', '...', '稳中有进.', '「', '」', '『', '』', '●', '[', ']', 'Yahoo!', 'f(x)', 'It\'s fine.', 'U.S.', '讲话.docx',
  // Code, markup and front matter: kept as typed.
  '\n```\n', '```js\n', '~~~\n', '\n---\n', 'title: 介绍\n', '\n    code(x, y);\n', '<script>\n', '</script>\n',
  '&nbsp;', '&amp;', '&#34;', '<a href="x,y" title="通知:1">', '</a>', '`a,b`', '[链接](http://a.b/(1))', ':::提示', ' ;-) ', '{{jsxref("a,b")}}', 'a@b.cn',
  // Download-site residue.
  '德润范文网', '发表时间：2021-07-15　来源：某某日报', '【大 中 小】【打印】', '下面是小编为大家整理的', '，供大家参考。', '请点击👉 wk2024 👈联系老师',
  '第3 页共 12 页', '- 7 -', '……（未完，全文共5290字', '本文来自', '（全文）', '责任编辑：', 'fanwen8.net', '回复 | 引用', '《 某某日报 》（ 2019年11月04日 05 版）',
  // Placeholders, years, spaced digits, invisible characters, doubled words.
  '__', '镇X委', '年  月  日', '20  年', '二○○○年', '1 9 9 3 年', '1 1 ％', '\u2060', '\u00ad', '\u200b\u200b', '对对方', '的的',
];

const longLine = fc.constantFrom(...FRAGMENTS.filter((f) => !/[\r\n]/.test(f))).chain((f) => fc.integer({ min: 50, max: 400 }).map((n) => f.repeat(n)));

/** A draft: a sequence of fragments, now and then a long line or a BOM at the start. */
export const draftArbitrary = fc
  .tuple(fc.boolean(), fc.array(fc.oneof({ weight: 20, arbitrary: fc.constantFrom(...FRAGMENTS) }, { weight: 1, arbitrary: longLine }), { maxLength: 80 }))
  .map(([bom, parts]) => (bom ? '\ufeff' : '') + parts.join(''));

/** A fraction spread evenly over [0, 1): fast-check's doubles are spread over their bit patterns, nearly all of them next to 0. */
export const uniformFraction = fc.noBias(fc.integer({ min: 0, max: 999_999 })).map((n) => n / 1_000_000);

/** Seed and runs: fixed in CI, more with FUZZ_RUNS (npm run fuzz). */
export function fuzzParams(defaultRuns: number): { seed: number; numRuns: number } {
  const runs = Number(process.env.FUZZ_RUNS ?? defaultRuns);
  const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20261128;
  return { seed, numRuns: runs };
}

/**
 * A suite's time limit: `ms` in the test run; none under `npm run fuzz`, whose run count (FUZZ_RUNS)
 * and the machine's load decide how long a property takes (its `--timeout 0` is otherwise overridden).
 */
export function fuzzTimeout(ms: number): number {
  return process.env.FUZZ_RUNS ? 0 : ms;
}

export function splitsSurrogatePair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}
