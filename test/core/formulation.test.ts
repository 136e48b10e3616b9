// The formulation rule (规范表述): its fixtures (shipped entries and a house
// list from config), the draft's date, history left alone, fixes, the data's
// counts and sources, and the config's validation.

import * as assert from 'assert';
import { applyFixes, checkText, mergeConfig, validateConfig } from '../../server/src/core';
import { finderWork, formulation } from '../../server/src/core/rules/formulation';
import { dateInLine } from '../../server/src/core/wording/draftDate';
import { FormulationFinder } from '../../server/src/core/wording/formulationFinder';
import { provideWordingData, shippedFormulations } from '../../server/src/core/wording/typoData';
import { assertFixture, readFixture } from '../helpers/fixtures';
import { provideBuiltWordingData } from '../helpers/wording';

const dated = (date: string, body: string) => `在全市干部大会上的讲话\n\n${date}\n\n同志们：\n\n${body}\n`;
const found = (text: string, config = mergeConfig()) =>
  checkText(text, { rules: [formulation], config }).findings.map((f) => `${text.slice(f.span.start, f.span.end)} → ${f.fixes![0].edits[0].newText}`);

/**
 * A finder that judges every run with an item of two characters (a shorter item is no member), and looks for the
 * members every item ends and starts with, partner or not: what the finder's tests must find too.
 */
function ungated(entries: ConstructorParameters<typeof FormulationFinder>[0]): FormulationFinder {
  const finder = new FormulationFinder(entries);
  (finder as unknown as { mayPair: () => boolean }).mayPair = () => true;
  (finder as unknown as { partnered: () => boolean }).partnered = () => true;
  return finder;
}

describe('formulation', () => {
  before(() => provideBuiltWordingData());

  it('finds each defect of its fixture, the house list of its config included', () => {
    assertFixture('rules/formulation.txt', 'formulation', { rules: [formulation] });
  });

  it('stays silent on its clean twin (history, other levels of a body, other sessions of a meeting)', () => {
    assertFixture('rules/formulation.clean.txt', 'formulation', { rules: [formulation] });
  });

  it('keeps the configured entries without the shipped data, and never throws', () => {
    provideWordingData(() => {
      throw new Error('no data here');
    });
    try {
      const config = mergeConfig(validateConfig({ formulations: [{ name: '三个一流', members: ['一流的服务', '一流的作风', '一流的业绩'] }] }, 'test').config);
      assert.deepStrictEqual(found('要坚定道路自信、理论自信、文化自信、制度自信，做到一流的服务、一流的业绩、一流的作风。', config), [
        '一流的服务、一流的业绩、一流的作风 → 一流的服务、一流的作风、一流的业绩',
      ]);
    } finally {
      provideBuiltWordingData();
    }
  });

  it('builds its finder once for the same entries, whatever config object carries them, and again for other entries', () => {
    const text = '要坚定道路自信、理论自信、文化自信、制度自信，做到一流的服务、一流的业绩、一流的作风。';
    found(text);
    const before = finderWork.builds;
    // Checks without a config (the defaults copied each time) and configs made afresh with the default entries.
    assert.deepStrictEqual(found(text), ['道路自信、理论自信、文化自信、制度自信 → 道路自信、理论自信、制度自信、文化自信']);
    found(text, mergeConfig({ draftDate: '2024-01-01' }));
    assert.strictEqual(finderWork.builds, before);
    const house = mergeConfig(validateConfig({ formulations: [{ name: '三个一流', members: ['一流的服务', '一流的作风', '一流的业绩'] }] }, 'test').config);
    assert.strictEqual(found(text, house).length, 2);
    assert.strictEqual(finderWork.builds, before + 1);
    assert.strictEqual(found(text, house).length, 2);
    assert.strictEqual(finderWork.builds, before + 1);
    // The default entries again: their finder is still there, and finds no house list.
    assert.strictEqual(found(text).length, 1);
    assert.strictEqual(finderWork.builds, before + 1);
  });

  it('judges by the draft’s date line, else the configured draftDate, else today', () => {
    const body = '必须坚定三个自信。';
    assert.deepStrictEqual(found(dated('2015年3月5日', body)), []);
    assert.deepStrictEqual(found(dated('二〇一六年七月二日', body)), ['三个自信 → 四个自信']);
    assert.deepStrictEqual(found(body, mergeConfig({ draftDate: '2016-06-30' })), []);
    assert.deepStrictEqual(found(body, mergeConfig({ draftDate: '2016-07-01' })), ['三个自信 → 四个自信']);
    assert.deepStrictEqual(found(body), ['三个自信 → 四个自信']);
    // The members of 四个全面 changed on 2020-10-29.
    const old = '协调推进“四个全面”：全面建成小康社会、全面深化改革、全面依法治国、全面从严治党。';
    assert.deepStrictEqual(found(dated('2019年5月1日', old)), []);
    assert.deepStrictEqual(found(dated('2021年5月1日', old)), [
      '全面建成小康社会、全面深化改革、全面依法治国、全面从严治党 → 全面建设社会主义现代化国家、全面深化改革、全面依法治国、全面从严治党',
    ]);
  });

  it('reads date lines in digits, full-width digits and Chinese numerals', () => {
    assert.strictEqual(dateInLine('2025年3月5日'), '2025-03-05');
    assert.strictEqual(dateInLine('（２０２４年１２月３１日）'), '2024-12-31');
    assert.strictEqual(dateInLine('二〇二四年十二月三十一日'), '2024-12-31');
    assert.strictEqual(dateInLine('2025年13月1日'), undefined);
  });

  it('gives the canonical form and its source, and a fix that is never safe', () => {
    const text = dated('2025年3月5日', '我们要坚定道路自信、理论自信、文化自信、制度自信。');
    const [f] = checkText(text, { rules: [formulation] }).findings;
    assert.match(f.message, /道路自信、理论自信、制度自信、文化自信/);
    assert.match(f.message, /95周年大会.*2016年7月1日/);
    assert.strictEqual(f.fixes![0].safe, false);
    assert.match(applyFixes(text, f.fixes!).text, /坚定道路自信、理论自信、制度自信、文化自信。/);
  });

  it('reports a label without its quotation marks as info, and quotes it', () => {
    const text = dated('2025年3月5日', '各级干部要树牢四个意识。');
    const [f] = checkText(text, { rules: [formulation] }).findings;
    assert.strictEqual(f.severity, 'info');
    assert.match(applyFixes(text, f.fixes!).text, /树牢“四个意识”。/);
  });

  it('passes over only runs of items that hold no list: the same observations as without that test, on lists of every shipped enumeration', () => {
    const shipped = shippedFormulations()!;
    const entries = [...shipped.enumerations, ...shipped.names];
    const finder = new FormulationFinder(entries);
    const everyRun = ungated(entries);
    let observed = 0;
    let passed = 0;
    const seen = (f: FormulationFinder, text: string) => JSON.stringify(f.find(text).map((o) => ({ ...o, entry: o.entry.name })));
    for (const e of shipped.enumerations) {
      const m = e.members!;
      const lists = [
        m.join('、'),
        [...m].reverse().join('、'),
        m.slice(0, -1).join('、') + '和' + m[m.length - 1],
        m.slice(1).join('、'),
        [...m, '其他工作'].join('、'),
        m.map((x, i) => (i === 1 ? '加强' + x : x)).join('，'),
        `增强${m[0]}以及${m[m.length - 1]}`,
        // One item that a join splits into two members, and no other item.
        `${m[0]}和${m[1]}`,
        `${m[1]}和${m[0]}`,
        // The same with 以及, a join of two units: the member before it ends before 以.
        `${m[0]}以及${m[1]}`,
        `${m[1]}以及${m[0]}`,
        m.map((x) => `“${x}”`).join('、'),
        // Quoted and out of order: the members are read past the quotation marks, at both ends of an item.
        [...m].reverse().map((x) => `“${x}”`).join('、'),
        [...m].reverse().map((x, i) => (i % 2 ? `“${x}` : `${x}”`)).join('、'),
      ];
      for (const list of lists) {
        for (const text of [`“${e.name}”：${list}。`, `我们要坚持${list}，推动工作落实。`, `${list}`]) {
          const want = seen(everyRun, text);
          assert.strictEqual(seen(finder, text), want, text);
          if (want !== '[]') observed++;
          passed++;
        }
      }
    }
    // Many of these lists are observations (an order, a member missing or added): the comparison is not of empty results.
    assert.ok(observed >= 200, `${observed} of ${passed}`);
  });

  it('finds in one walk what the needles’ own scan and then the walk over runs find, and what a finder judging every run and item finds, on generated text and the fixtures', () => {
    const shipped = shippedFormulations()!;
    const entries = [...shipped.enumerations, ...shipped.names];
    const finder = new FormulationFinder(entries);
    const seen = (os: ReturnType<FormulationFinder['find']>) => JSON.stringify(os.map((o) => ({ ...o, entry: o.entry.name })));
    // Pieces that start needles (labels, old names, halves of long names, one letter off), members, and what stands between.
    const pieces: string[] = ['、', '，', '和', '以及', '及', '与', '：', '。', '“', '”', '即', '《', '》', '原', '过去', '要', '坚持', '同志们', '\u{20bb7}'];
    for (const e of entries) {
      pieces.push(e.name, ...(e.aliases ?? []), ...(e.replaces ?? []).map((r) => r.name), ...(e.members ?? []));
      if (e.name.length >= 7) pieces.push(e.name.slice(0, 3) + '委' + e.name.slice(4));
    }
    let seed = 20261202;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    const texts: string[] = [];
    for (let k = 0; k < 3000; k++) {
      let text = '';
      for (let i = random(12); i >= 0; i--) text += pieces[random(pieces.length)];
      texts.push(text);
    }
    for (const e of shipped.enumerations) {
      const m = e.members!;
      texts.push(`“${e.name}”：${m.slice(1).join('、')}。`, `“${e.name}”，即${m.join('、')}、其他`, `${e.name}${[...m].reverse().join('和')}`);
    }
    for (const file of ['formulation.txt', 'formulation.clean.txt']) texts.push(...readFixture(`rules/${file}`).split('\n'));
    let observed = 0;
    const kinds = new Set<string>();
    const everyRun = ungated(entries);
    for (const text of texts) {
      const want = finder.findInTwoWalks(text);
      assert.strictEqual(seen(finder.find(text)), seen(want), text);
      assert.strictEqual(seen(everyRun.find(text)), seen(want), text);
      if (want.length) observed++;
      for (const o of want) kinds.add(o.kind);
    }
    // The texts make observations of every kind, not only empty ones.
    assert.deepStrictEqual([...kinds].sort(), ['added', 'missing', 'misspelt', 'order', 'replaced', 'substituted', 'unquoted']);
    assert.ok(observed >= 1000, `${observed} of ${texts.length}`);
  });

  it('ships at least 40 enumerations and 100 names, each with a source and a real date', () => {
    const { enumerations: ENUMERATIONS, names: NAMES, date } = shippedFormulations()!;
    assert.match(date, /^\d{4}-\d{2}-\d{2}$/);
    assert.ok(ENUMERATIONS.length >= 40, `${ENUMERATIONS.length} enumerations`);
    assert.ok(NAMES.length >= 100, `${NAMES.length} names`);
    for (const e of [...ENUMERATIONS, ...NAMES]) {
      assert.ok(e.source.length > 1, e.name);
      assert.match(e.since, /^(19|20)\d\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, e.name);
      if (e.members) assert.ok(e.members.length >= 2 && new Set(e.members).size === e.members.length, e.name);
    }
    const names = NAMES.map((e) => e.name);
    assert.strictEqual(new Set(names).size, names.length);
  });

  it('validates house formulations: keeps the good, names the bad', () => {
    const { config, problems } = validateConfig(
      {
        formulations: [
          { name: '三个一流', members: ['一流的服务', '一流的作风'], since: '2024-01-01' },
          { name: '某', members: ['甲乙'] },
          { name: '两个确保', members: ['确保安全'] },
          { name: '新名称机构', since: '2024-02-30' },
        ],
        draftDate: '2025-3-5',
      },
      '.speechdraftrc.json',
    );
    assert.deepStrictEqual(config.formulations!.map((e) => e.name), ['三个一流']);
    assert.deepStrictEqual(
      problems.map((p) => p.key),
      ['formulations[1]', 'formulations[2]', 'formulations[3]', 'draftDate'],
    );
    assert.match(problems[0].message.zh, /name/);
    assert.match(problems[3].message.en, /YYYY-MM-DD/);
    assert.deepStrictEqual(validateConfig({ formulations: 'x' }, 'settings').problems.map((p) => p.key), ['formulations']);
  });
});
