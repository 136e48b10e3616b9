// speech-length states its figures as a writer reads an estimate (two
// significant figures, hundreds of characters at least), so that a character
// typed leaves its finding, and so the list of diagnostics, as it was, while a
// character that crosses a rounding step changes it (issue 17).

import * as assert from 'assert';
import { checkText, countSpeechChars, DEFAULT_CONFIG } from '../../server/src/core';
import { grouped, roughly } from '../../server/src/core/rules/speechLength';
import { readFixture } from '../helpers/fixtures';

// The fixture's own config (its fixture-config line): 2 minutes at 200 characters a minute.
const config = { ...DEFAULT_CONFIG, targetMinutes: 2, speakingRate: 200 };
const draft = readFixture('rules/speech-length.typing.txt');
const at = draft.indexOf('要严格落实');
const typed = (n: number) => draft.slice(0, at) + '要'.repeat(n) + draft.slice(at);
const lengthFindings = (text: string) => checkText(text, { config }).findings.filter((f) => f.rule === 'speech-length').map((f) => ({ span: f.span, message: f.message }));

describe('speech-length figures', () => {
  const chars = checkText(draft, { config }).model.chars;

  it('states about 2.4 minutes and about 500 characters for 476', () => {
    assert.strictEqual(chars, 476);
    assert.deepStrictEqual(
      lengthFindings(draft).map((f) => f.message),
      ['讲话约 2.4 分钟（约 500 字，按每分钟 200 字计），超过目标时长 2 分钟。'],
    );
  });

  it('stays the same finding when a character is typed', () => {
    assert.deepStrictEqual(lengthFindings(typed(1)), lengthFindings(draft));
    assert.deepStrictEqual(lengthFindings(typed(13)), lengthFindings(draft));
  });

  it('changes when a character crosses a rounding step: 2.4 → 2.5 minutes at 490 characters, 500 → 600 at 550', () => {
    const minutesStep = 490 - chars;
    assert.match(lengthFindings(typed(minutesStep - 1))[0].message, /约 2\.4 分钟（约 500 字/);
    assert.match(lengthFindings(typed(minutesStep))[0].message, /约 2\.5 分钟（约 500 字/);
    assert.match(lengthFindings(typed(549 - chars))[0].message, /（约 500 字/);
    assert.match(lengthFindings(typed(550 - chars))[0].message, /（约 600 字/);
  });

  it('changes a few times over a hundred characters typed one by one, not a hundred', () => {
    const messages = new Set<string>();
    for (let n = 0; n <= 100; n++) messages.add(lengthFindings(typed(n))[0].message);
    assert.ok(messages.size <= 7, `${messages.size} messages`);
  });

  it('rounds long drafts too: minutes and characters to two significant figures', () => {
    const paragraph = '要严格落实行政首长负责制，层层签订责任书，把责任落实到山头地块、落实到具体人员。\n\n';
    const text = '在全县森林防火工作会议上的讲话\n\n' + paragraph.repeat(3000);
    const n = countSpeechChars(text);
    assert.ok(n > 100_000);
    const [f] = lengthFindings(text).map((x) => x.message);
    assert.match(f, /^讲话约 (\d+|\d{1,3}(,\d{3})+) 分钟（约 \d{1,3}(,000)+ 字/);
    assert.match(f, /（约 120,000 字/);
  });

  it('section figures round the same way', () => {
    const r = checkText(draft, { config: { ...config, targetMinutes: 0, sectionTargetMinutes: 0.5 } });
    assert.deepStrictEqual(
      r.findings.filter((f) => f.rule === 'speech-length').map((f) => f.message),
      ['这一部分约 0.7 分钟，超过每部分 0.5 分钟的目标。', '这一部分约 1 分钟，超过每部分 0.5 分钟的目标。'],
    );
  });

  it('writes its figures as toLocaleString(\'en\') does: every rounding of minutes and characters from 0.01 to ten million', () => {
    for (let x = 0.01; x < 1e7; x *= 1.0137) {
      for (const [up, step] of [[true, 0], [false, 100], [false, 0]] as const) {
        const figure = roughly(x, up, step);
        assert.strictEqual(grouped(figure), figure.toLocaleString('en'), `${x} → ${figure}`);
      }
    }
  });

  it('makes no Intl call, whose first one loads the locale data (the first check of a fresh server)', () => {
    const paragraph = '要严格落实行政首长负责制，层层签订责任书，把责任落实到山头地块、落实到具体人员。\n\n';
    const text = '在全县森林防火工作会议上的讲话\n\n' + paragraph.repeat(3000);
    const toLocale = Number.prototype.toLocaleString;
    const NumberFormat = Intl.NumberFormat;
    const refuse = () => {
      throw new Error('Intl used');
    };
    Number.prototype.toLocaleString = refuse;
    Intl.NumberFormat = refuse as unknown as typeof Intl.NumberFormat;
    try {
      const r = checkText(text, { config: { ...config, sectionTargetMinutes: 1 } });
      assert.deepStrictEqual(r.ruleErrors, []);
      assert.match(r.findings.find((f) => f.rule === 'speech-length')!.message, /（约 120,000 字/);
    } finally {
      Number.prototype.toLocaleString = toLocale;
      Intl.NumberFormat = NumberFormat;
    }
  });
});
