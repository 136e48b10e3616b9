// The structure model on the project's own drafts: paragraphs, parts, the
// item tree, the 【提纲】 block, section lengths.

import * as assert from 'assert';
import { buildModel, countSpeechChars } from '../../server/src/core';
import { scanMarkers } from '../../server/src/core/parse/markers';

describe('paragraphs', () => {
  it('accepts 　　, ASCII spaces or no indentation, blank lines or none', () => {
    const text = '　　第一段。\n    第二段。\n第三段。\n\n第四段。';
    assert.deepStrictEqual(buildModel(text).paragraphs.map((p) => p.text), ['第一段。', '第二段。', '第三段。', '第四段。']);
  });
  it('joins a line hard-wrapped mid-sentence to its paragraph', () => {
    const text = '今天召开全县会议,\n主要任务是部署工作,\n总结经验。\n一、加强领导';
    const p = buildModel(text).paragraphs;
    assert.strictEqual(p.length, 2);
    assert.strictEqual(p[0].text, '今天召开全县会议,\n主要任务是部署工作,\n总结经验。');
  });
  it('does not join a wrapped line to a line that starts a marker', () => {
    assert.strictEqual(buildModel('问题有，\n一是慢。').paragraphs.length, 2);
  });
  it('tolerates Markdown heading prefixes, CRLF and a BOM', () => {
    const text = '\uFEFF# 在全县会议上的讲话\r\n\r\n## 一、加强领导\r\n\r\n正文。\r\n';
    const model = buildModel(text);
    assert.strictEqual(model.text.slice(model.parts.title!.start, model.parts.title!.end), '在全县会议上的讲话');
    assert.deepStrictEqual(model.items.map((i) => i.headingText), ['加强领导']);
  });
});

describe('speech parts', () => {
  const draft = [
    '在全市防汛工作会议上的讲话',
    '（2025年6月3日）',
    '张　明',
    '同志们、朋友们：',
    '今天召开会议，部署防汛工作。下面，我讲两点意见。',
    '一、认清形势',
    '当前已进入主汛期。',
    '二、压实责任',
    '要严格落实责任制。',
    '同志们，防汛工作责任重大，让我们全力以赴！',
  ].join('\n');
  const model = buildModel(draft);
  const text = (s?: { start: number; end: number }) => (s ? draft.slice(s.start, s.end) : undefined);

  it('finds title, date, speaker, salutation, transition and closing', () => {
    assert.strictEqual(text(model.parts.title), '在全市防汛工作会议上的讲话');
    assert.strictEqual(text(model.parts.date), '（2025年6月3日）');
    assert.strictEqual(text(model.parts.speaker), '张　明');
    assert.strictEqual(text(model.parts.salutation), '同志们、朋友们：');
    assert.strictEqual(text(model.parts.transition), '下面，我讲两点意见。');
    assert.strictEqual(text(model.parts.closing), '同志们，防汛工作责任重大，让我们全力以赴！');
  });

  it('ends the last section before the closing, and counts its characters', () => {
    const last = model.roots[1];
    assert.strictEqual(text(last.span), '二、压实责任\n要严格落实责任制。');
    assert.strictEqual(last.chars, countSpeechChars('二、压实责任要严格落实责任制。'));
    assert.strictEqual(last.chars, 15);
  });

  it('counts Han characters and full-width punctuation only', () => {
    // 增长 ， 达到 万亿元 。 𠀀 ！
    assert.strictEqual(countSpeechChars('增长5.2%，达到126万亿元。Hello 𠀀！'), 11);
  });
});

describe('item tree', () => {
  it('places each marker token with all its fields, in the token’s order, its offsets in the draft and its paragraph', () => {
    const text = '前言。\n\n一、认清形势\n第一，成绩。一是快。\n';
    const model = buildModel(text);
    const para = model.paragraphs[1];
    const tokens = scanMarkers(para.text);
    assert.deepStrictEqual(model.markers.slice(0, tokens.length).map((m) => Object.keys(m)), tokens.map((t) => [...Object.keys(t), 'paragraph']));
    const m = model.markers[0];
    assert.deepStrictEqual([m.start, m.end, m.numeralStart, m.numeralEnd, m.paragraph], [tokens[0].start + para.start, tokens[0].end + para.start, tokens[0].numeralStart + para.start, tokens[0].numeralEnd + para.start, 1]);
    assert.strictEqual(text.slice(m.start, m.end), '一、');
  });
  it('nests run-in and inline items under the section they stand in', () => {
    const model = buildModel('一、认清形势\n第一，成绩。一是快。二是好。\n第二，问题。\n二、压实责任\n第一，抓落实。');
    const tree = (list: typeof model.roots): unknown[] => list.map((i) => [i.marker.text, tree(i.children)]);
    assert.deepStrictEqual(tree(model.roots), [
      ['一、', [['第一，', [['一是', []], ['二是', []]]], ['第二，', []]]],
      ['二、', [['第一，', []]]],
    ]);
  });
  it('starts a new list where numbering restarts at one', () => {
    const model = buildModel('一是抓产业。二是抓人才。\n\n另外，一是抓规划。二是抓资金。三是抓考核。');
    assert.deepStrictEqual(model.groups.map((g) => g.items.length), [2, 3]);
  });
  it('joins 首先……其次……第三 into one mixed list', () => {
    const model = buildModel('三、加强考核\n首先，要健全清单。其次，要加强考核。第三，要严格追责。');
    const group = model.groups.find((g) => g.family === 'sequence')!;
    assert.deepStrictEqual(group.items.map((i) => i.marker.text), ['首先，', '其次，', '第三，']);
    assert.deepStrictEqual(group.mixed.map((i) => i.marker.text), ['第三，']);
  });
});

describe('【提纲】 block', () => {
  it('reads items on one line, nested like the body', () => {
    const model = buildModel('【提纲】一、抓项目,促投资。二、强服务。一是快。二是实。三、优环境。\n在全市会议上的讲话');
    const outline = model.parts.outlineBlock!;
    assert.ok(outline.singleLine);
    assert.deepStrictEqual(
      outline.items.map((o) => [o.marker.text, o.text, o.children.map((c) => c.text)]),
      [
        ['一、', '抓项目,促投资', []],
        ['二、', '强服务', ['快', '实']],
        ['三、', '优环境', []],
      ],
    );
  });
  it('reads one item per line, and leaves the body out of it', () => {
    const model = buildModel('提纲：\n一、抓项目\n（一）抓开工\n二、强服务\n\n在全市会议上的讲话\n\n一、抓项目');
    const outline = model.parts.outlineBlock!;
    assert.strictEqual(outline.singleLine, false);
    assert.deepStrictEqual(outline.items.map((o) => [o.text, o.children.map((c) => c.text)]), [
      ['抓项目', ['抓开工']],
      ['强服务', []],
    ]);
    assert.deepStrictEqual(model.items.map((i) => i.headingText), ['抓项目']);
  });
});
