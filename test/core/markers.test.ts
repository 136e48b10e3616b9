// Marker recognition: every family, its canonical form, and the lookalikes
// that are not markers.

import * as assert from 'assert';
import fc from 'fast-check';
import { buildModel } from '../../server/src/core';
import { circledAt, countedAt, inlineAt, isBoundary, runInAt, scanMarkers, type MarkerToken } from '../../server/src/core/parse/markers';
import { fuzzParams } from '../helpers/drafts';
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { fixtureDir } from '../helpers/fixtures';

function families(text: string): string[] {
  return scanMarkers(text).map((m) => `${m.family}:${m.value}`);
}

function items(text: string): string[] {
  return buildModel(text).items.map((i) => `${i.marker.family}:${i.marker.value}`);
}

describe('markers', () => {
  it('recognises each family at a paragraph start', () => {
    assert.deepStrictEqual(families('一、加强组织领导'), ['cn-top:1']);
    assert.deepStrictEqual(families('十二、完善考核办法'), ['cn-top:12']);
    assert.deepStrictEqual(families('（三）压实责任'), ['cn-paren:3']);
    assert.deepStrictEqual(families('2.开展排查'), ['arabic-dot:2']);
    assert.deepStrictEqual(families('（4）部门督查'), ['arabic-paren:4']);
    assert.deepStrictEqual(families('③强化保障'), ['circled:3']);
    assert.deepStrictEqual(families('第二个问题：关于作风建设'), ['ordinal-topic:2']);
    assert.deepStrictEqual(families('第五，严明纪律。'), ['ordinal:5']);
    assert.deepStrictEqual(families('其次，要抓好落实。'), ['sequence:2']);
    assert.deepStrictEqual(families('其二，抓培训。'), ['qi:2']);
    assert.deepStrictEqual(families('——必须坚持人民至上。'), ['dash:0']);
    assert.deepStrictEqual(families('三是抓投产。'), ['inline:3']);
    assert.deepStrictEqual(families('二要抓落实。'), ['inline:2']);
  });

  it('gives each marker its canonical form', () => {
    const canon = (t: string) => scanMarkers(t).map((m) => [m.text, m.canonical]);
    assert.deepStrictEqual(canon('一.认清形势'), [['一.', '一、']]);
    assert.deepStrictEqual(canon('一，认清形势'), [['一，', '一、']]);
    assert.deepStrictEqual(canon('(一)认清形势'), [['(一)', '（一）']]);
    assert.deepStrictEqual(canon('（一）、认清形势'), [['（一）、', '（一）']]);
    assert.deepStrictEqual(canon('1、开展排查'), [['1、', '1.']]);
    assert.deepStrictEqual(canon('（1）.企业自查'), [['（1）.', '（1）']]);
    assert.deepStrictEqual(canon('第一、压实责任'), [['第一、', '第一，']]);
    assert.deepStrictEqual(canon('首先,要健全清单'), [['首先,', '首先，']]);
  });

  it('reads the automatic numbering of Word and WPS as the markers it stands for', () => {
    const canon = (t: string) => scanMarkers(t).map((m) => `${m.family}:${m.value}:${m.canonical}`);
    assert.deepStrictEqual(canon('⒊压实责任'), ['arabic-dot:3:3.']);
    assert.deepStrictEqual(canon('⑵部门督查'), ['arabic-paren:2:（2）']);
    assert.deepStrictEqual(canon('㈣强化保障'), ['cn-paren:4:（四）']);
    assert.deepStrictEqual(canon('（２）部门督查'), ['arabic-paren:2:（2）']);
  });

  it('reads ① ② ③ inside a paragraph as a list in its sentences, the first one too', () => {
    const keys = (t: string) => scanMarkers(t).map((m) => `${m.key}:${m.value}`);
    assert.deepStrictEqual(keys('要求主要有：①落实责任；②建立台账；③按月报送。'), ['circled:inline:1', 'circled:inline:2', 'circled:inline:3']);
    assert.deepStrictEqual(keys('①落实责任；②建立台账。'), ['circled:inline:1', 'circled:inline:2']);
    assert.deepStrictEqual(keys('③强化保障'), ['circled:3'], 'a heading of its own');
    assert.deepStrictEqual(keys('这是毛泽东同志的原话。①'), [], 'a note mark at the end of a sentence');
    const model = buildModel('一、总体要求\n\n要求主要有：①落实责任；②建立台账。');
    assert.deepStrictEqual(model.items.map((i) => i.kind), ['heading', 'inline', 'inline']);
  });

  it('reads 第一点， 第一条， 第一个词是 and 第一个是 as series of their own', () => {
    const keys = (t: string) => scanMarkers(t).map((m) => `${m.key}:${m.value}:${m.canonical}`);
    assert.deepStrictEqual(keys('第一点，要盯紧资金。第二点,要盯紧用地。'), ['ordinal:点:1:第一点，', 'ordinal:点:2:第二点，']);
    assert.deepStrictEqual(keys('关键在两个字：第一个字是“实”，第二个字是“干”。'), ['ordinal:个字:1:第一个字是', 'ordinal:个字:2:第二个字是']);
    assert.deepStrictEqual(keys('第一个是抓项目。第二个是抓服务。'), ['ordinal:个:1:第一个是', 'ordinal:个:2:第二个是']);
    assert.deepStrictEqual(keys('第一个方面:审批提速。'), ['ordinal-topic:个方面:1:第一个方面：']);
    assert.deepStrictEqual(families('这是全省第一个百年老店。第一个五年计划完成了。'), []);
  });

  it('reads 第一部分 as a marker only where it heads its paragraph', () => {
    assert.deepStrictEqual(families('第一部分　总体要求'), ['ordinal-topic:1']);
    assert.deepStrictEqual(families('第二部分：主要任务'), ['ordinal-topic:2']);
    assert.deepStrictEqual(families('第三部分保障措施'), ['ordinal-topic:3'], 'a heading line with no mark');
    assert.deepStrictEqual(families('规划纲要分三个板块。第一部分是总论，第二部分讲发展，第三部分讲保障。'), []);
    assert.deepStrictEqual(families('第一部分是总论，主要讲指导思想。第三部分讲保障。'), []);
    assert.deepStrictEqual(families('第一至第三部分讲发展。第一部分至第三部分要连起来读。'), []);
    assert.deepStrictEqual(families('第二个问题：关于作风建设'), ['ordinal-topic:2'], 'other topics keep their place mid-paragraph too');
    assert.deepStrictEqual(families('讲3个问题。第一个问题：…'), ['ordinal-topic:1']);
  });

  it('finds run-in and inline markers after sentence boundaries, not inside quotations', () => {
    assert.deepStrictEqual(families('问题有三。一是前期工作慢。二是建设进度慢，三是投产达效慢。'), ['inline:1', 'inline:2', 'inline:3']);
    assert.deepStrictEqual(families('对此，我强调两点：第一，抓落实；第二，抓考核。'), ['ordinal:1', 'ordinal:2']);
    assert.deepStrictEqual(families('他说：“一是要学，二是要做。”这很重要。'), []);
  });

  describe('lookalikes are not markers', () => {
    it('跃居世界第二，但…', () => assert.deepStrictEqual(families('我国经济总量跃居世界第二，但大而不强。'), []));
    it('第一次 and 第一书记', () => {
      assert.deepStrictEqual(families('第一次全体会议召开。'), []);
      assert.deepStrictEqual(families('第一书记要驻村帮扶。'), []);
    });
    it('一是一、二是二', () => assert.deepStrictEqual(families('成绩要讲够，一是一、二是二，不夸大。'), []));
    it('一、二线城市', () => assert.deepStrictEqual(families('一、二线城市房价趋稳。'), []));
    it('a line starting 2.5 that is the tail of PM2.5', () => {
      const text = '细颗粒物（PM\n2.5）平均浓度下降。\n\n3.加强监测。';
      assert.deepStrictEqual(buildModel(text).markers.map((m) => m.text), ['3.']);
      assert.deepStrictEqual(families('2.5）平均浓度下降。'), []);
    });
    it('首先，我代表… with no 其次 after it is prose, not a list', () => {
      const text = '同志们：\n\n首先，我代表市委向大家表示感谢！\n\n第一，抓落实。\n\n第二，抓考核。';
      const model = buildModel(text);
      assert.deepStrictEqual(model.proseMarkers.map((m) => m.text), ['首先，']);
      assert.deepStrictEqual(items(text), ['ordinal:1', 'ordinal:2']);
      assert.ok(model.items.every((i) => i.depth === 0), 'the ordinals must not nest under the lone 首先');
    });
    it('1、2月份 at a line start', () => assert.deepStrictEqual(families('1、2月份经济数据回升。'), []));
  });

  describe('the scan after the first marker', () => {
    // Every pattern tried after every boundary outside quotation marks, as the scan did before it tried only those
    // that begin with the character there (slower, plainly right).
    function tryingAll(text: string, from: number): MarkerToken[] {
      const out: MarkerToken[] = [];
      let depth = 0;
      for (let i = from; i < text.length; i++) {
        if (text[i] === '“') depth++;
        else if (text[i] === '”') depth = Math.max(0, depth - 1);
        if (!'。！？；：!?;:，,摄'.includes(text[i]) || depth > 0) continue;
        let at = i + 1;
        while (at < text.length && ' \u3000\t\r\n'.includes(text[at])) at++;
        if (at === text.length) continue;
        const t =
          (isBoundary(text, i + 1, text[i]) ? runInAt(text, at, false) : countedAt(text, at, false)) ?? inlineAt(text, at, false) ?? circledAt(text, at, false);
        if (t) {
          out.push(t);
          i = t.end - 2;
        }
      }
      return out;
    }
    const afterFirst = (text: string) => {
      const found = scanMarkers(text);
      const first = found[0]?.atStart ? found[0] : undefined;
      assert.deepStrictEqual(found.slice(first ? 1 : 0), tryingAll(text, first?.end ?? 0), text);
    };
    // Pieces of markers and boundaries, and characters, so that every kind of marker turns up after every kind of boundary.
    const chars = [...'第一二三十个点条是要其次首先再最后，,。；：、“” 摄①', '第一点', '第二个问题', '第三部分', '二是', '其二', '新华社记者', '抓'];

    it('finds what trying every pattern at every boundary finds, on text of the markers’ characters', () => {
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 80 }), (a) => afterFirst(a.join(''))),
        fuzzParams(300),
      );
    });

    it('finds what trying every pattern finds, on the fixtures', () => {
      const dir = join(fixtureDir, 'rules');
      for (const name of readdirSync(dir).filter((f) => f.endsWith('.txt'))) for (const line of readFileSync(join(dir, name), 'utf8').split('\n')) afterFirst(line);
    });
  });
});
