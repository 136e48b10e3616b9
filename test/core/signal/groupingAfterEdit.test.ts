// The grouping after an edit (`groupChecked`) against a fresh grouping of the same check: after
// any sequence of edits (on drafts with many half-width marks, download-site lines and removals
// reaching across paragraphs) the shown list is the same (JSON, key order included), a group whose
// members are the same findings is the same object (what the diagnostics reuse keys on), and a
// one-character edit reads the findings of the paragraph it reached, not every finding.

import * as assert from 'assert';
import fc from 'fast-check';
import { allRules, Checker, groupChecked, groupFindings, translator, ungrouped, type CheckResult, type Finding, type Rule, type TextChange } from '../../../server/src/core';
import { groupingWork } from '../../../server/src/core/signal/grouping';
import type { SpeechModel } from '../../../server/src/core/model/types';
import { fuzzParams, fuzzTimeout, uniformFraction } from '../../helpers/drafts';

const t = translator('zh-cn');

/**
 * The half-width rule as a rule that also reports inside download-site residue (the real one skips it):
 * so that the grouping has typography inside removed text to leave out. Each `,` is a finding with a safe fix.
 */
const commasEverywhere = {
  id: 'punctuation-width',
  name: { zh: '半角', en: 'Half-width' },
  description: { zh: '半角逗号', en: 'Half-width comma' },
  defaultSeverity: 'warning',
  fixes: 'safe',
  blocksExport: 'never',
  scope: 'paragraph',
  check(p, { report }) {
    for (let i = p.text.indexOf(','); i >= 0; i = p.text.indexOf(',', i + 1)) {
      report({ span: { start: i, end: i + 1 }, message: ',', fixes: [{ title: '，', edits: [{ start: i, end: i + 1, newText: '，' }], safe: true }] });
    }
  },
} as Rule;

/** A document rule that makes its findings anew on every check (as `speech-length` does): one on each 要, inside residue too, saying how many the draft has (an edit changes them all). */
const madeAnew = {
  id: 'made-anew',
  name: { zh: '要', en: 'Yao' },
  description: { zh: '要', en: 'Yao' },
  defaultSeverity: 'info',
  fixes: 'none',
  blocksExport: 'never',
  scope: 'document',
  check(model: SpeechModel, { report }) {
    const count = model.text.split('要').length - 1;
    for (let i = model.text.indexOf('要'); i >= 0; i = model.text.indexOf('要', i + 1)) report({ span: { start: i, end: i + 1 }, message: `要（共 ${count} 处）` });
  },
} as Rule;

/** A document rule marking for removal the text from each `(` to the next `)`, across paragraphs too, anew on every check. */
const removesBracketed = {
  id: 'removes-bracketed',
  name: { zh: '括号', en: 'Brackets' },
  description: { zh: '括号', en: 'Brackets' },
  defaultSeverity: 'warning',
  fixes: 'none',
  blocksExport: 'never',
  scope: 'document',
  check(model: SpeechModel, { report }) {
    for (let i = model.text.indexOf('('); i >= 0; i = model.text.indexOf('(', i + 1)) {
      const end = model.text.indexOf(')', i);
      if (end > 0) report({ span: { start: i, end: end + 1 }, message: '()', unnecessary: true });
    }
  },
} as Rule;

const RULES = [...allRules.filter((r) => r.id !== 'punctuation-width'), commasEverywhere, madeAnew, removesBracketed];

/** Lines with 0 to 6 half-width commas (over and under the three a group needs), headings, and download-site lines (removed text) with commas and 要 inside. */
const clause = fc.constantFrom('今天召开会议', '主要是总结工作', '分析形势', '部署任务', '请大家抓好落实', '要压实责任', '强化督查', '严格考核');
const proseLine = fc
  .array(fc.tuple(clause, fc.constantFrom(',', ',', '，', '、')), { minLength: 1, maxLength: 7 })
  .map((parts) => parts.map(([c, mark]) => c + mark).join('') + '。');
const RESIDUE = [
  '……(某某文库www.example.com此处省略300字,不往下看了,要,点击下载全文)……由×××同志负责。',
  '（www.example.com此处省略500字,要,点击下载全文,请,收藏）',
  '本文来源于网络,仅供参考,要,如有侵权请联系删除。',
];
const line = fc.oneof({ weight: 6, arbitrary: proseLine }, { weight: 2, arbitrary: fc.constantFrom(...RESIDUE) }, { weight: 1, arbitrary: fc.constantFrom('一、认清形势', '二、压实责任', '同志们：') });
const draft = fc.array(fc.tuple(line, fc.constantFrom('\n', '\n\n', '\n\n')), { minLength: 3, maxLength: 30 }).map((ls) => ls.map(([l, end]) => l + end).join(''));

/** Characters typed over others (the length kept): commas of both widths, 要, a line break, the residue's own letters, brackets (a removal opened or closed paragraphs away). */
const TYPED = [',', '，', '要', '应', '\n', 'w', '.', '。', '(', ')', '）', '中'];
type EditSpec = { at: number; typed: string; insert?: string };
const edit: fc.Arbitrary<EditSpec> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ at: uniformFraction, typed: fc.array(fc.constantFrom(...TYPED), { minLength: 1, maxLength: 3 }).map((a) => a.join('')) }) },
  { weight: 2, arbitrary: fc.record({ at: uniformFraction, typed: fc.constantFrom('(', ')') }) },
  // Now and then one that changes the length (a residue line pasted or a character deleted): a fresh grouping then.
  { weight: 1, arbitrary: fc.record({ at: uniformFraction, typed: fc.constant(''), insert: fc.constantFrom('', ...RESIDUE.map((r) => `\n${r}\n`)) }) },
);

function changeOf(text: string, e: EditSpec): TextChange {
  const start = Math.floor(e.at * text.length);
  if (e.insert !== undefined) return { start, end: Math.min(text.length, start + (e.insert ? 0 : 1)), text: e.insert };
  const end = Math.min(text.length, start + e.typed.length);
  return { start, end, text: e.typed.slice(0, end - start) };
}

/** A fresh grouping of the same findings over the same paragraphs (another model object: the last grouping of the checked one is left as it was). */
const fresh = (r: CheckResult) => groupFindings(r.findings, { paragraphs: r.model.paragraphs, text: r.model.text } as SpeechModel, t);

/** Each group of `before` by its first member. */
const groupsByFirst = (shown: readonly Finding[]) => new Map(shown.filter((f) => f.members).map((g) => [g.members![0], g]));

describe('grouping after an edit', () => {
  it('gives the list a fresh grouping gives, after any sequence of edits, and the same groups where their members are', function () {
    this.timeout(fuzzTimeout(240000));
    const tally = { edits: 0, afterEdit: 0, dropped: 0, droppedAfterEdit: 0, groupsAgain: 0, anew: 0 };
    fc.assert(
      fc.property(draft, fc.array(edit, { minLength: 1, maxLength: 12 }), (start, edits) => {
        const checker = new Checker({ rules: RULES });
        let text = start;
        let shown = groupChecked(checker.check(text), t);
        for (const e of edits) {
          const change = changeOf(text, e);
          text = text.slice(0, change.start) + change.text + text.slice(change.end);
          const before = groupsByFirst(shown);
          const afterEdit = groupingWork.afterEdit;
          const r = checker.check(text, [change]);
          shown = groupChecked(r, t);
          tally.edits++;
          const grouped = groupingWork.afterEdit > afterEdit;
          if (grouped) tally.afterEdit++;
          assert.strictEqual(JSON.stringify(shown), JSON.stringify(fresh(r)), `after ${JSON.stringify(change)}`);
          if (ungrouped(shown).length < r.findings.length) {
            tally.dropped++;
            if (grouped) tally.droppedAfterEdit++;
          }
          if (r.edited) tally.anew += r.findings.filter((f) => f.rule === 'made-anew').length;
          for (const g of shown) {
            const was = g.members && before.get(g.members[0]);
            if (was && was.members!.length === g.members!.length && was.members!.every((m, i) => m === g.members![i])) {
              assert.strictEqual(g, was, 'a group of the same members is the one given before');
              tally.groupsAgain++;
            }
          }
        }
      }),
      fuzzParams(120),
    );
    if (process.env.GI_TALLY) console.log(tally);
    // The paths the property must have taken: groupings after an edit, text left out, groups given again.
    assert.ok(tally.afterEdit > tally.edits / 3, `groupings after an edit: ${tally.afterEdit} of ${tally.edits}`);
    assert.ok(tally.droppedAfterEdit > tally.edits / 10, `lists with findings in removed text left out: ${tally.droppedAfterEdit} of ${tally.edits}`);
    assert.ok(tally.groupsAgain > 0 && tally.anew > 0, JSON.stringify(tally));
  });

  it('reads the findings of the paragraph a one-character edit reached, not those of the draft', () => {
    // 300 paragraphs of six half-width commas (each a group), download-site lines among them.
    const paragraphs = Array.from({ length: 300 }, (_, i) =>
      i % 50 === 7 ? RESIDUE[i % RESIDUE.length] : `第${i}段,今天召开会议,主要是总结工作,分析形势,部署任务,请大家抓好落实,要压实责任。`,
    );
    let text = paragraphs.join('\n\n');
    const checker = new Checker({ rules: RULES });
    const first = checker.check(text);
    let shown = groupChecked(first, t);
    assert.ok(first.findings.length > 2000, `findings: ${first.findings.length}`);
    const at = text.indexOf('分析', text.length >> 1);
    for (const typed of ['分', '析', '分']) {
      text = text.slice(0, at) + typed + text.slice(at + 1);
      const r = checker.check(text, [{ start: at, end: at + 1, text: typed }]);
      const read = groupingWork.findings;
      const afterEdit = groupingWork.afterEdit;
      const before = shown;
      shown = groupChecked(r, t);
      assert.strictEqual(groupingWork.afterEdit, afterEdit + 1, 'grouped after the edit');
      // The findings of the paragraphs the edit split again (the edited one and the one after it: seven each), the
      // draft's length, and the 要 of every paragraph, made anew (each read alone).
      const anew = r.findings.filter((f) => f.rule === 'made-anew').length;
      assert.ok(r.edited?.paragraphs && r.edited.paragraphs.to - r.edited.paragraphs.from <= 2, JSON.stringify(r.edited?.paragraphs));
      assert.ok(groupingWork.findings - read <= 2 * 7 + 1 + anew, `findings read: ${groupingWork.findings - read}, made anew ${anew}`);
      assert.strictEqual(JSON.stringify(shown), JSON.stringify(fresh(r)));
      const again = shown.filter((g, i) => g.members && g === before[i]).length;
      assert.ok(again >= shown.filter((g) => g.members).length - 1, `groups given again: ${again}, every one but the edited paragraph's`);
    }
  });

  it('reads only the edited paragraph when nothing elsewhere is made anew', () => {
    const paragraphs = Array.from({ length: 300 }, (_, i) => `第${i}段,今天召开会议,主要是总结工作,分析形势,部署任务,请大家抓好落实。`);
    let text = paragraphs.join('\n\n');
    const checker = new Checker({ rules: RULES.filter((r) => r.id !== 'made-anew') });
    groupChecked(checker.check(text), t);
    const at = text.indexOf('分析', text.length >> 1);
    text = text.slice(0, at) + '要' + text.slice(at + 1);
    const r = checker.check(text, [{ start: at, end: at + 1, text: '要' }]);
    const read = groupingWork.findings;
    const shown = groupChecked(r, t);
    // The six findings of each paragraph the edit split again (the edited one and the one after it) and the draft's
    // length, made anew by its rule each check.
    assert.ok(r.edited?.paragraphs && r.edited.paragraphs.to - r.edited.paragraphs.from <= 2, JSON.stringify(r.edited?.paragraphs));
    assert.ok(groupingWork.findings - read <= 2 * 6 + 1, `findings read: ${groupingWork.findings - read} of ${r.findings.length}`);
    assert.strictEqual(JSON.stringify(shown), JSON.stringify(fresh(r)));
  });
});
