// The structure rules on the forms writers use (issue 12): how salutations,
// closings and titles are written, what a work report and an article are, the
// counts people announce, repeated numbers, and drafts a download site cut
// short. Lines are asserted by the rule fixtures; here the model's reading and
// what the messages say.

import * as assert from 'assert';
import { buildModel, checkText, type Finding } from '../../server/src/core';
import { readFixture } from '../helpers/fixtures';

const slice = (text: string, s?: { start: number; end: number }) => (s ? text.slice(s.start, s.end) : undefined);
const of = (findings: Finding[], rule: string) => findings.filter((f) => f.rule === rule);

/** A short speech around the given salutation and closing. */
function speech(salutation: string, closing: string, title = '在全县工作会议上的讲话'): string {
  return [title, '', salutation, '', '今天召开全县工作会议，部署今年的重点工作。', '', '各级各部门要抓好落实。', '', closing].join('\n');
}

describe('speech parts as speeches are written', () => {
  it('reads salutations of every kind: lines of vocatives ending in ： or ！, several lines, run into the paragraph', () => {
    for (const s of [
      '女士们，先生们，朋友们：',
      '同胞们，朋友们：',
      '各位代表！',
      '各位领导、各位代表：',
      '各位委员、各位同志：',
      '各位支部书记：',
      '尊敬的王书记，各位领导：',
      '老党员们、同志们：',
      '各位老师,同学们:',
    ]) {
      const text = speech(s, '谢谢大家！');
      assert.strictEqual(slice(text, buildModel(text).parts.salutation), s, s);
    }
    const lines = speech('尊敬的李主席，\n\n尊敬的各位来宾，\n\n女士们，先生们：', '谢谢大家！');
    assert.strictEqual(slice(lines, buildModel(lines).parts.salutation), '尊敬的李主席，\n\n尊敬的各位来宾，\n\n女士们，先生们：');
    const runIn = '在全区青年干部座谈会上的讲话\n\n同志们：今天召开座谈会，一、听取意见。\n\n谢谢大家！';
    const model = buildModel(runIn);
    assert.strictEqual(slice(runIn, model.parts.salutation), '同志们：');
    assert.strictEqual(model.parts.bodyStart, runIn.indexOf('今天'), 'the body goes on after the salutation, in its paragraph');
  });

  it('does not take a mid-speech 同志们！ or a notice’s addressees for a salutation', () => {
    const text = '今天召开全县工作会议，部署今年的重点工作。\n\n同志们！\n\n各级各部门要抓好落实。';
    assert.strictEqual(buildModel(text).parts.salutation, undefined);
    const notice = '关于做好防汛工作的通知\n\n各镇人民政府，县直各部门：\n\n现将有关事项通知如下。';
    assert.strictEqual(buildModel(notice).parts.salutation, undefined);
  });

  it('reads closings: 最后，预祝…, 让我们…, 谢谢大家 with a trailer or a news footer after it, any vocative', () => {
    for (const [closing, expected] of [
      ['最后，预祝大会圆满成功！', '最后，预祝大会圆满成功！'],
      ['让我们携起手来，共创美好未来！', '让我们携起手来，共创美好未来！'],
      ['谢谢大家。\n\n——李明同志在全县工作会议上的讲话', '谢谢大家。\n\n——李明同志在全县工作会议上的讲话'],
      ['谢谢大家。\n\n（新华社北京3月6日电）', '谢谢大家。\n\n（新华社北京3月6日电）'],
      ['各位代表，让我们为实现今年目标而努力奋斗！', '各位代表，让我们为实现今年目标而努力奋斗！'],
      ['希望同志们认真抓好落实。', '希望同志们认真抓好落实。'],
      ['以上报告，请予评议。', '以上报告，请予评议。'],
      ['我的发言完毕，谢谢大家！', '我的发言完毕，谢谢大家！'],
      ['现在散会。', '现在散会。'],
      ['会议到此结束，散会！', '会议到此结束，散会！'],
      ['现在我宣布，全县第十八届人民代表大会第四次会议闭幕！', '现在我宣布，全县第十八届人民代表大会第四次会议闭幕！'],
    ]) {
      const text = speech('同志们：', closing);
      assert.strictEqual(slice(text, buildModel(text).parts.closing), expected, closing);
    }
  });

  it('tells a speech, a work report and another text apart', () => {
    const form = (text: string) => buildModel(text).parts.form;
    for (const title of ['在全市春节团拜会上的致辞', '全县人代会开幕式主持词', '专题党课讲稿：传承红色基因', '在全市推进会上的表态发言', '在全县工作会议上的发言']) {
      assert.strictEqual(form(`${title}\n\n今天召开会议。\n\n各级各部门要抓好落实。`), 'speech', title);
    }
    assert.strictEqual(form('各位代表：\n\n现在，我代表县人民政府，向大会报告政府工作，请予审议。\n\n一、去年工作回顾'), 'report');
    assert.strictEqual(form('2025年县政府工作报告\n\n各位代表：\n\n过去一年，全县经济平稳增长。'), 'report');
    assert.strictEqual(form('关于2024年全县财政预算执行情况的报告\n\n各位代表：\n\n受县人民政府委托，现将全县2024年财政预算执行情况报告如下，请予审议。'), 'report');
    assert.strictEqual(form('各位代表：\n\n现将有关情况报告如下。'), 'speech', 'no one’s behalf, no report to a congress');
    assert.strictEqual(form('同志们：\n\n我代表第十九届中央委员会向大会作报告。'), 'speech', 'a Party congress report opens with 同志们 and closes as a speech does');
    assert.strictEqual(form('关于做好防汛工作的通知\n\n各镇人民政府：\n\n一、提高认识'), 'text');
    assert.strictEqual(form('本报讯　昨天，全县召开防汛工作会议。\n\n会议要求，各地要压实责任。'), 'text');
  });

  it('asks a speech for title, salutation and closing; a work report for no closing; an article for nothing', () => {
    const structure = (text: string) => of(checkText(text).findings, 'speech-structure').map((f) => f.message);
    assert.deepStrictEqual(structure(speech('同志们：', '谢谢大家！')), []);
    assert.deepStrictEqual(structure('各位代表：\n\n现在，我代表县人民政府，向大会报告政府工作。\n\n一、去年工作回顾\n\n全县经济平稳增长。\n\n二、今年工作安排\n\n要抓好重点项目。').length, 1, 'the title only');
    assert.deepStrictEqual(structure('关于做好防汛工作的通知\n\n各镇人民政府：\n\n一、提高认识\n\n要克服麻痹思想。\n\n二、落实措施\n\n要开展排查。'), []);
    const untitled = structure('在全镇防汛工作会议上的讲话\n\n今天召开会议。\n\n要加强值班值守。');
    assert.deepStrictEqual(untitled, ['讲话稿没有称呼（如“同志们：”）。', '讲话稿没有结尾（如“同志们，……”或“谢谢大家！”）。']);
  });
});

describe('a draft a download site cut short', () => {
  const cutText = readFixture('rules/announced-count.cut.txt');

  it('finds the cut: the site’s note and all after it, in its two common phrasings', () => {
    const model = buildModel(cutText);
    assert.strictEqual(slice(cutText, model.parts.cut), '……（未完，全文共6831字，当前仅显示2399字）');
    const preview = '同志们：\n\n一、加强领导\n\n要压实责任。\n\n预览结束，全文3684字，当前显示2251字，还剩1433字\n\n本文6元';
    assert.strictEqual(slice(preview, buildModel(preview).parts.cut), '预览结束，全文3684字，当前显示2251字，还剩1433字\n\n本文6元');
  });

  it('starts the cut at the ellipsis before the note, spaces between them or not; a run of spaces before 结束 is no note', () => {
    const spaced = '同志们：\n\n一、加强领导\n\n要压实责任。……   （未完，全文共5120字，当前仅显示1800字）';
    assert.strictEqual(slice(spaced, buildModel(spaced).parts.cut), '……   （未完，全文共5120字，当前仅显示1800字）');
    // Its twin: a long run of spaces before 结束 (a note needs 预览/试读/试看 before it).
    const spaces = '同志们：\n\n一、加强领导\n\n会议' + ' '.repeat(2000) + '结束';
    assert.strictEqual(buildModel(spaces).parts.cut, undefined);
  });

  it('does not take a gap in the middle of the text for the cut', () => {
    const gap = '同志们：\n\n一、加强领导\n\n……（此处省略722字。不往下看了，点击下载全文）……\n\n' + '要压实责任，确保各项工作落到实处，做到守土有责、守土负责、守土尽责。\n\n'.repeat(3);
    assert.strictEqual(buildModel(gap).parts.cut, undefined);
  });

  it('says where the text is cut, once, in place of advice to drop the number', () => {
    const r = checkText(cutText);
    const messages = r.findings.filter((f) => ['numbering-sequence', 'announced-count', 'speech-structure'].includes(f.rule)).map((f) => f.message);
    assert.deepStrictEqual(messages, [
      '“讲三点意见”预告了 3 项，后面实际列出 1 项。正文在第 12 行被截断，后面的内容缺失。',
      '“一、”之后没有“二、”。正文在第 12 行被截断，后面的内容缺失。',
      '讲话稿没有结尾（如“同志们，……”或“谢谢大家！”）。正文在第 12 行被截断，后面的内容缺失。',
    ]);
    for (const m of messages) assert.strictEqual(m.split('被截断').length, 2, 'the cut is said once');
  });

  it('says so on a draft that stops at 预览结束 too, with the missing closing at the site’s note, not on the lines after it', () => {
    const text = readFixture('rules/speech-structure.preview.txt');
    const r = checkText(text);
    const found = r.findings
      .filter((f) => ['numbering-sequence', 'announced-count', 'speech-structure'].includes(f.rule))
      .map((f) => [r.model.lines.positionAt(f.span.start).line + 1, f.message]);
    assert.deepStrictEqual(found, [
      [6, '“讲两个方面的意见”预告了 2 项，后面实际列出 1 项。正文在第 14 行被截断，后面的内容缺失。'],
      [9, '“一、”之后没有“二、”。正文在第 14 行被截断，后面的内容缺失。'],
      [14, '讲话稿没有结尾（如“同志们，……”或“谢谢大家！”）。正文在第 14 行被截断，后面的内容缺失。'],
    ]);
  });

  it('has a speaker’s announcement right before the cut no finding of its own', () => {
    const text = '在全区教育工作会议上的讲话\n\n同志们：\n\n今天召开会议。下面，我讲三点意见。\n\n预览结束，全文3684字，当前显示251字';
    assert.deepStrictEqual(of(checkText(text).findings, 'announced-count'), []);
  });
});

describe('a repeated number', () => {
  const text = readFixture('rules/numbering-sequence.repeat.txt');

  it('is reported once, on the repeated heading, saying what it should be; the list stays one', () => {
    const r = checkText(text);
    assert.deepStrictEqual(
      of(r.findings, 'numbering-sequence').map((f) => [r.model.lines.positionAt(f.span.start).line + 1, f.message]),
      [[12, '“一、”与前一项序号重复，应为“二、”。']],
    );
    assert.deepStrictEqual(r.model.groups.filter((g) => g.family === 'cn-top').map((g) => g.items.length), [4]);
    assert.deepStrictEqual(of(r.findings, 'announced-count'), []);
  });

  it('keeps a new list that starts again at one as a list of its own', () => {
    const model = buildModel('一、总体要求\n\n第一，抓项目。第二，抓服务。\n\n还要做到三个到位。第一，领导到位。第二，人员到位。第三，资金到位。');
    assert.deepStrictEqual(model.groups.filter((g) => g.family === 'ordinal').map((g) => g.items.length), [2, 3]);
  });

  it('says which number a repeat should have only where the next item shows it', () => {
    const messages = (t: string) => of(checkText(t).findings, 'numbering-sequence').map((f) => f.message);
    assert.deepStrictEqual(messages('第一，抓项目。第二，抓服务。第二，抓环境。第四，抓作风。'), ['“第二”与前一项序号重复，应为“第三”。']);
    assert.deepStrictEqual(messages('第一，抓项目。第二，抓服务。第二，抓环境。第三，抓作风。'), ['“第二”与前一项序号重复。']);
  });
});

describe('marker forms', () => {
  it('reports ⒈ as a non-standard 1. with an editor fix, （２） by its digits, 第一个方面: with a safe fix', () => {
    const r = checkText('一、总体要求\n\n⒈开展排查。\n\n⒉落实整改。\n\n（1）企业自查。\n\n（２）部门督查。\n\n第一个方面:强化宣传。第二个方面：严格执法。');
    const style = of(r.findings, 'numbering-style').map((f) => [f.message, f.fixes?.map((x) => x.safe)]);
    assert.deepStrictEqual(style, [
      ['“⒈”是自动编号符号，不是规范的序号：应写作“1.”。', [false]],
      ['“⒉”是自动编号符号，不是规范的序号：应写作“2.”。', [false]],
      ['序号中的数字用半角：“（２）”应写作“（2）”。', [true]],
      ['“第一个方面:”后面用全角标点：应写作“第一个方面：”。', [true]],
    ]);
    assert.ok(!r.findings.some((f) => f.rule === 'punctuation-width'), 'the colon of a marker is numbering-style’s');
  });

  it('names full-width digits as written in other rules’ messages: １． stays １．', () => {
    const r = checkText('一、总体要求\n\n１．统一思想。要统一思想。\n\n２．明确目标。要明确目标。');
    assert.deepStrictEqual(of(r.findings, 'numbering-hierarchy').map((f) => f.message), ['“１．”直接放在“一、”之下，跳过了一级。']);
  });

  it('names the items of ⒈ ⒉ ⒊ as written in its messages', () => {
    const r = checkText('⒈开展排查。\n\n⒊落实整改。');
    assert.deepStrictEqual(of(r.findings, 'numbering-sequence').map((f) => f.message), ['“⒈”之后是“⒊”，缺少“⒉”。']);
  });
});

describe('sentence-form headings', () => {
  it('never remove a heading’s end mark as a safe fix', () => {
    const r = checkText(readFixture('rules/heading-style.txt'));
    const fixes = of(r.findings, 'heading-style').flatMap((f) => f.fixes ?? []);
    assert.ok(fixes.length >= 4);
    assert.ok(fixes.every((f) => !f.safe));
  });

  it('give the odd ones of a mixed group an info finding', () => {
    const r = checkText(readFixture('rules/heading-style.txt'));
    const odd = of(r.findings, 'heading-style').filter((f) => f.severity === 'info').map((f) => r.model.lines.positionAt(f.span.start).line + 1);
    assert.deepStrictEqual(odd, [7, 39]);
  });
});
