// The checker on real text: the model address (a real, imperfect draft) and
// ten published, professionally edited speeches whose structure is correct.
// The text rules on the same texts: textRules.corpus.test.ts.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { buildModel, checkText, describeMarker, type SpeechModel } from '../../server/src/core';
import { publishedFiles, readCorpus, requireCorpus } from '../helpers/corpus';
import { skipBecause } from '../helpers/skip';

function linesOf(text: string, rule: string): number[] {
  const r = checkText(text);
  return [...new Set(r.findings.filter((f) => f.rule === rule).map((f) => r.model.lines.positionAt(f.span.start).line + 1))];
}

function tree(model: SpeechModel, kinds = ['heading', 'runin']): string {
  const walk = (items: SpeechModel['roots']): string =>
    items
      .filter((i) => kinds.includes(i.kind))
      .map((i) => {
        const inner = walk(i.children);
        return describeMarker(i.marker, i.marker.value) + (inner ? `[${inner}]` : '');
      })
      .join(' ');
  return walk(model.roots);
}

describe('model address', function () {
  let text: string;
  before(function () {
    text = readCorpus(requireCorpus(this), 'model-address.txt');
  });

  it('finds the numbering gaps: 三、 after 一、 (line 13) and 第二 with no 第一 (line 10)', () => {
    assert.deepStrictEqual(linesOf(text, 'numbering-sequence').sort((a, b) => a - b), [10, 13]);
  });
  it('finds 【提纲】 item 二 with no heading in the body (line 1)', () => {
    const r = checkText(text);
    const f = r.findings.filter((x) => x.rule === 'outline-consistency');
    assert.strictEqual(f.length, 1);
    assert.strictEqual(r.model.lines.positionAt(f[0].span.start).line, 0);
    assert.match(text.slice(f[0].span.start, f[0].span.end), /^二、直面问题精准施策/);
  });
  it('finds 以下四个方面 announced with two items following (line 14)', () => {
    assert.deepStrictEqual(linesOf(text, 'announced-count'), [14]);
  });
  it('finds 【提纲】 item 二 breaking the shape of 一 and 三 (line 1)', () => {
    const r = checkText(text);
    const f = r.findings.filter((x) => x.rule === 'heading-parallelism');
    assert.strictEqual(f.length, 1);
    assert.match(text.slice(f[0].span.start, f[0].span.end), /直面问题/);
  });
  it('reads its parts and outline', () => {
    const model = buildModel(text);
    assert.strictEqual(text.slice(model.parts.title!.start, model.parts.title!.end), '在全市抓项目促投资工作调度会议上的讲话');
    assert.strictEqual(model.parts.outlineBlock!.items.length, 3);
    assert.strictEqual(tree(model), '一、[第二 第三 第四] 三、[首先 其次]');
  });
});

const toChinese = (n: number) => (n < 10 ? '一二三四五六七八九'[n - 1] : `十${n > 10 ? '一二三四五六七八九'[n - 11] : ''}`);

// The structure each published text has, as its README describes it.
const EXPECTED_TREES: Record<string, string> = {
  '01': '第一 第二 第三 第四',
  '02': '第一 第二 第三 第四 第五 第六 第七 第八',
  '03': '',
  '04': [
    '一、[第一 第二 第三 第四 第五]',
    '二、[第一 第二 第三 第四 第五]',
    '三、[第一 第二 第三 第四]',
    '四、[第一 第二 第三 第四 第五]',
  ].join(' '),
  // Under 四、第四, the 17 items 毛泽东 listed (`一口气列了17条：第一条，…`).
  '05': `一、[其一 其二 其三] 二、[第一 第二 第三 第四 第五] 三、 四、[第一 第二 第三 第四[${Array.from({ length: 17 }, (_, i) => `第${toChinese(i + 1)}条`).join(' ')}]]`,
  '06': '第一个问题 第二个问题 第三个问题[第一 第二 第三] 第四个问题',
  '07': '',
  '08': '第一个问题[第一 第二 第三 第四] 第二个问题[第一 第二] 第三个问题[第一 第二 第三 第四 第五 第六 第七 第八]',
  '09': '一、[第一 第二 第三 第四 第五 第六] 二、 三、[第一 第二 第三 第四 第五 第六] 四、',
  '10': '一、 二、 三、[（一） （二） （三） （四） （五） （六） （七） （八） （九） （十）]',
};

const QUIET_RULES = ['numbering-sequence', 'numbering-style', 'numbering-hierarchy', 'outline-consistency', 'announced-count', 'heading-style'];

describe('published speeches', function () {
  let dir: string;
  before(function () {
    dir = requireCorpus(this);
  });

  for (const id of Object.keys(EXPECTED_TREES)) {
    describe(`text ${id}`, () => {
      let text: string;
      before(function () {
        const file = publishedFiles(dir).find((f) => f.includes(`/${id}-`));
        if (!file) skipBecause(this, `the corpus has no published text ${id}`);
        text = readCorpus(dir, file!);
      });
      it('parses into the structure it has', () => {
        assert.strictEqual(tree(buildModel(text)), EXPECTED_TREES[id]);
      });
      it('has no structural finding', () => {
        const r = checkText(text);
        const wrong = r.findings
          .filter((f) => QUIET_RULES.includes(f.rule))
          .map((f) => `${r.model.lines.positionAt(f.span.start).line + 1}: ${f.rule}: ${f.message}`);
        assert.deepStrictEqual(wrong, []);
        assert.deepStrictEqual(r.ruleErrors, []);
      });
    });
  }

  it('reads the inline and dash lists the texts have', () => {
    const count = (id: string, family: string) => {
      const file = publishedFiles(dir).find((f) => f.includes(`/${id}-`))!;
      return buildModel(readCorpus(dir, file)).groups.filter((g) => g.family === family).map((g) => g.items.length);
    };
    assert.deepStrictEqual(count('02', 'inline'), [5]);
    assert.deepStrictEqual(count('02', 'dash'), [6]);
    assert.deepStrictEqual(count('03', 'inline'), [4]);
    assert.deepStrictEqual(count('07', 'dash'), [8]);
    assert.deepStrictEqual(count('08', 'inline'), [6]);
    assert.deepStrictEqual(count('09', 'dash'), [4]);
    assert.deepStrictEqual(count('09', 'inline'), [4]);
    // Seven in 一、; the eighth dash opens the subtitle line, which is not part of the body.
    assert.deepStrictEqual(count('10', 'dash'), [7]);
    assert.deepStrictEqual(count('10', 'inline'), [6]);
  });

  it('matches announced counts: 讲4个问题 (04, 05), 提4点要求 (03), 强调4点 (05), 讲3个问题 (08), 经历了3个阶段 and 主要有4个方面 (05)', () => {
    for (const [id, counts] of [
      ['03', [4]],
      ['04', [4]],
      ['05', [4, 3, 3, 4, 4]],
      ['08', [3]],
    ] as const) {
      const file = publishedFiles(dir).find((f) => f.includes(`/${id}-`))!;
      const model = buildModel(readCorpus(dir, file));
      assert.deepStrictEqual(
        model.announcements.filter((a) => a.count !== undefined).map((a) => a.count),
        counts,
        id,
      );
    }
  });
});

describe('speech structure on both published corpora', function () {
  let texts: Array<[string, string]>;
  before(function () {
    const dir = requireCorpus(this);
    texts = ['published', 'published-more'].flatMap((sub) =>
      fs.existsSync(path.join(dir, sub))
        ? fs
            .readdirSync(path.join(dir, sub))
            .filter((f) => f.endsWith('.txt'))
            .map((f): [string, string] => [`${sub}/${f}`, readCorpus(dir, path.join(sub, f))])
        : [],
    );
  });

  it('asks nothing of a text with its title, salutation and closing, no closing of a work report, nothing of a text that is no speech', () => {
    const wrong: string[] = [];
    for (const [file, text] of texts) {
      const r = checkText(text);
      const { parts } = r.model;
      const found = r.findings.filter((f) => f.rule === 'speech-structure').map((f) => `${file}: ${f.message}`);
      if ((parts.title && parts.salutation && parts.closing) || parts.form === 'text') wrong.push(...found);
      if (parts.form === 'report') wrong.push(...found.filter((m) => /结尾/.test(m)));
    }
    assert.deepStrictEqual(wrong, []);
  });

  it('reads the work reports as reports, the 说明 with no salutation as no speech, the rest as speeches', () => {
    const forms = Object.fromEntries(texts.map(([file, text]) => [file, buildModel(text).parts.form]));
    for (const [file, form] of Object.entries(forms)) {
      const expected = /gwr|liqiang-2024/.test(file) ? 'report' : /06-xi-2013-quanmian-shenhua-gaige-shuoming/.test(file) ? 'text' : 'speech';
      assert.strictEqual(form, expected, file);
    }
  });
});
