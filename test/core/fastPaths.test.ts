// The checker's fast paths must find exactly what the plain ways find: word
// lists against indexOf, a batch of them against each list at every position, triggers against testing each paragraph, the checker
// with triggers against the checker without, the sampled doubled-word scan
// against a character-by-character one, the count table against code points.

import * as assert from 'assert';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { allRules, Checker, checkText, countSpeechChars, type Rule } from '../../server/src/core';
import { DEFAULT_CONFIG } from '../../server/src/core/config/config';
import { PATTERNS } from '../../server/src/core/model/announcements';
import { splitParagraphs } from '../../server/src/core/parse/paragraphs';
import { isChineseChar } from '../../server/src/core/text/chars';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { WordList, WordListBatch } from '../../server/src/core/text/wordList';
import { TriggerIndex, wordListsOf, type Trigger } from '../../server/src/core/triggers';
import { corpusDir, CORPUS_ABSENT, publishedFiles, readCorpus } from '../helpers/corpus';
import { draftArbitrary, fuzzParams, fuzzTimeout } from '../helpers/drafts';
import { fixtureDir } from '../helpers/fixtures';
import { skipBecause } from '../helpers/skip';

const params = fuzzParams(200);

/** Short texts over a few characters, so that words and doublings turn up often. */
const smallText = (chars: string[], maxLength = 60) => fc.array(fc.constantFrom(...chars), { maxLength }).map((a) => a.join(''));

describe('fast paths', function () {
  this.timeout(fuzzTimeout(120000));

  describe('WordList', () => {
    it('finds the first word from a position, words sharing a first character, one-character words and pairs outside the BMP', () => {
      const words = new WordList(['其它', '其他们', '做为', '的', '𠀀𠀀', '']);
      assert.strictEqual(words.find('我们做为一个整体'), 2);
      assert.strictEqual(words.find('其他们其它', 1), 3);
      assert.strictEqual(words.find('一二三'), -1);
      assert.strictEqual(words.find('好的'), 1);
      assert.strictEqual(words.find('讲话𠀀𠀀'), 2);
      assert.strictEqual(words.find('做'), -1); // a word cut off by the end of the text
    });

    it('agrees with the earliest indexOf of any word', () => {
      const chars = ['其', '它', '他', '做', '为', '作', '的', '𠀀', '，'];
      fc.assert(
        fc.property(fc.array(smallText(chars, 3), { maxLength: 6 }), smallText(chars), fc.nat(60), (list, text, from) => {
          const naive = Math.min(...list.filter((w) => w).map((w) => text.indexOf(w, from)).filter((i) => i >= 0), Infinity);
          assert.strictEqual(new WordList(list).find(text, from), naive === Infinity ? -1 : naive);
        }),
        params,
      );
    });
  });

  describe('WordListBatch', () => {
    // The batch's answer, list by list and paragraph by paragraph, at every position (slower, plainly right).
    const naiveScan = (lists: readonly WordList[], text: string, paragraphs: ReadonlyArray<{ start: number; end: number }>) =>
      lists.map((list) => paragraphs.map(({ start, end }) => (Array.from({ length: end - start }, (_, k) => start + k).some((i) => list.startsAt(text, i)) ? 1 : 0)));
    const scanned = (lists: readonly WordList[], text: string, paragraphs: ReadonlyArray<{ start: number; end: number }>) =>
      new WordListBatch(lists).scan(text, paragraphs).map((hits) => Array.from(hits));
    // Stretches of the text, in order, not touching, some empty: a paragraph's word may run past its end.
    const stretchesOf = (text: string, cuts: number[]) => {
      const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
      const out: Array<{ start: number; end: number }> = [];
      for (let k = 0; k + 1 < at.length; k += 2) out.push({ start: at[k], end: at[k + 1] });
      return out;
    };

    it('says of each list and paragraph what a test at every position says, on short texts of few characters', () => {
      // Characters whose pairs collide in the batch's table of second units (0x4e01 and 0x4f01, 丁 and 伀, and 、), and one outside the BMP.
      const chars = ['其', '它', '他', '做', '为', '的', '丁', '伀', '、', '，', '𠀀', 'a'];
      fc.assert(
        fc.property(fc.array(fc.array(smallText(chars, 3), { maxLength: 5 }), { minLength: 1, maxLength: 6 }), smallText(chars), fc.array(fc.nat(80), { maxLength: 12 }), (words, text, cuts) => {
          const lists = words.map((w) => new WordList(w));
          const paragraphs = stretchesOf(text, cuts);
          assert.deepStrictEqual(scanned(lists, text, paragraphs), naiveScan(lists, text, paragraphs));
        }),
        params,
      );
    });

    it('says the same with more first characters than the table has classes for (the shared class), and on the fixtures with the rules’ lists', () => {
      // 300 first characters over three lists: the ones beyond 254 share a class.
      const han = Array.from({ length: 300 }, (_, k) => String.fromCharCode(0x4e00 + k * 7));
      const lists = [new WordList(han.map((c, k) => c + han[(k + 1) % 300])), new WordList(han.filter((_, k) => k % 3 === 0)), new WordList(['。一', '，，'])];
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...han, '。', '一', '，'), { maxLength: 200 }), fc.array(fc.nat(200), { maxLength: 12 }), (units, cuts) => {
          const text = units.join('');
          const paragraphs = stretchesOf(text, cuts);
          assert.deepStrictEqual(scanned(lists, text, paragraphs), naiveScan(lists, text, paragraphs));
        }),
        params,
      );
      const ruleLists = [...wordListsOf(allRules.flatMap((r) => (r.scope === 'paragraph' ? [r.trigger?.(DEFAULT_CONFIG)] : (r.triggers?.(DEFAULT_CONFIG) ?? []))))];
      assert.ok(ruleLists.length >= 4, 'the rules trigger on word lists');
      for (const name of readdirSync(join(fixtureDir, 'rules')).filter((f) => f.endsWith('.txt'))) {
        const text = readFileSync(join(fixtureDir, 'rules', name), 'utf8');
        const paragraphs = splitParagraphs(text, new LineIndex(text));
        assert.deepStrictEqual(scanned(ruleLists, text, paragraphs), naiveScan(ruleLists, text, paragraphs), name);
      }
    });
  });

  describe('announcements', () => {
    // Pieces of announcements and of their lookalikes, so that every pattern matches often.
    const groups = [
      ['讲', '讲一讲', '谈谈', '说', '强调', '提出', '提', '从', '分', '就', '以下', '如下'],
      ['有', '包括', '包含', '分为', '归纳为', '概括为', '体现在', '表现在', '经历了', '抓好', '做好', '把握', '注意', '明确', '突出', '落实', '推进', '完成', '讲了', '谈了', '强调了'],
      ['三', '两', '4', '十二', '几', '若干'],
      ['个方面', '个层面', '个部分', '个问题', '方面', '部分', '个', '项', '条', '点', '种', '大', '步', '个阶段'],
      ['意见', '要求', '工作', '我', '下面', '了', '过', '的', '，', '：', '。', '好'],
    ];
    const piece = fc.oneof(...groups.map((g) => fc.constantFrom(...g)));
    it('each pattern matches only where one of the characters it says it begins with stands (a window without them is not searched)', () => {
      fc.assert(
        fc.property(fc.array(piece, { maxLength: 40 }), (a) => {
          const text = a.join('');
          for (const { re, firsts } of PATTERNS) {
            const g = new RegExp(re.source, 'g');
            for (let m = g.exec(text); m; m = g.exec(text)) {
              assert.ok(firsts.includes(text[m.index]), `${re.source} at ${m.index} of ${text}`);
              g.lastIndex = m.index + 1;
            }
          }
        }),
        params,
      );
    });
  });

  describe('TriggerIndex', () => {
    const triggers: Trigger[] = [/[，,]/, /某某/, new WordList(['提纲', '下面']), [/X/, new WordList(['一是'])], /。\n一/, new WordList('，。、')];

    it('one pass over the whole text never misses a paragraph that a test of the paragraph finds', () => {
      fc.assert(
        fc.property(draftArbitrary, (text) => {
          const paragraphs = splitParagraphs(text, new LineIndex(text));
          const whole = new TriggerIndex(text, paragraphs, true);
          const batched = new TriggerIndex(text, paragraphs, true, new WordListBatch([...wordListsOf(triggers)]));
          const each = new TriggerIndex(text, paragraphs, false);
          for (const trigger of triggers) {
            for (const p of paragraphs) {
              if (!each.mayMatch(p, trigger)) continue;
              assert.ok(whole.mayMatch(p, trigger), `${String(trigger)} in ${JSON.stringify(p.text)}`);
              assert.ok(batched.mayMatch(p, trigger), `${String(trigger)} (batched) in ${JSON.stringify(p.text)}`);
            }
          }
        }),
        params,
      );
    });

    it('answers per paragraph: a match in one paragraph says nothing of the others', () => {
      const text = '第一段没有。\n\n第二段有某某。\n第三段，也有。\n';
      const paragraphs = splitParagraphs(text, new LineIndex(text));
      const words = new WordList(['没有', '某']);
      for (const index of [
        new TriggerIndex(text, paragraphs, true),
        new TriggerIndex(text, paragraphs, true, new WordListBatch([words])),
        new TriggerIndex(text, paragraphs, false),
      ]) {
        assert.deepStrictEqual(paragraphs.map((p) => index.mayMatch(p, /某某/)), [false, true, false]);
        assert.deepStrictEqual(paragraphs.map((p) => index.mayMatch(p, [/，/, /没有/])), [true, false, true]);
        assert.deepStrictEqual(paragraphs.map((p) => index.mayMatch(p, words)), [true, true, false]);
      }
    });
  });

  describe('the checker with triggers', () => {
    const withoutTriggers: Rule[] = allRules.map((r) => (r.scope === 'paragraph' ? { ...r, trigger: undefined } : r));
    const key = (text: string, rules?: readonly Rule[]) => JSON.stringify(checkText(text, { rules, format: 'markdown' }).findings);

    it('finds what it finds without them, on random drafts', () => {
      fc.assert(
        fc.property(draftArbitrary, (text) => assert.strictEqual(key(text), key(text, withoutTriggers))),
        params,
      );
    });

    it('finds what it finds without them, on the model address and the published texts', function () {
      const dir = corpusDir();
      if (!dir) skipBecause(this, CORPUS_ABSENT);
      for (const name of ['model-address.txt', ...publishedFiles(dir!)]) {
        const text = readCorpus(dir!, name);
        assert.strictEqual(key(text), key(text, withoutTriggers), name);
      }
    });

    it('finds the same after an edit (paragraphs tested one by one) as on a fresh check (one pass over the text)', () => {
      fc.assert(
        fc.property(draftArbitrary, draftArbitrary, (before, after) => {
          const checker = new Checker();
          checker.check(before);
          checker.check(after + before); // most paragraphs known: tested one by one
          assert.deepStrictEqual(checker.check(before + after).findings, checkText(before + after).findings);
        }),
        params,
      );
    });
  });

  describe('doubled words', () => {
    // The rule's definition, one character at a time (slower, plainly right).
    const SLIPS = '的了是在和与及对把被将从就都也并而们';
    function naiveDoublings(text: string): string[] {
      const out: string[] = [];
      const han = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
      for (let i = 0; i + 1 < text.length; i++) {
        let length = 0;
        for (let len = 6; len >= 3 && !length; len--) {
          const word = text.slice(i, i + len);
          if (word.length === len && [...word].every((ch) => han(ch.charCodeAt(0)) && ch.length === 1) && text.startsWith(word, i + len)) length = len;
        }
        if (!length) continue;
        out.push(`${i + length}:${text.slice(i, i + length)}`);
        i += 2 * length - 1;
      }
      return out;
    }
    const found = (text: string) =>
      checkText(text, { rules: allRules.filter((r) => r.id === 'repeated-word') })
        .findings.filter((f) => f.span.end - f.span.start >= 3)
        .map((f) => `${f.span.start}:${text.slice(f.span.start, f.span.end)}`);

    it('finds every doubled word of three to six characters that a character-by-character scan finds', () => {
      // No slip characters: a slip found first would shift what follows.
      const chars = ['进', '一', '步', '推', '动', '发', '展', 'a', '，', '\n'];
      assert.ok(!chars.some((c) => SLIPS.includes(c)));
      fc.assert(
        fc.property(smallText(chars, 80), (text) => assert.deepStrictEqual(found(text), naiveDoublings(text))),
        params,
      );
    });
  });

  it('counts speech characters as the code points that read as Chinese', () => {
    const chars = ['讲', '话', '，', '。', '·', '—', 'a', '5', ' ', '\u3000', '𠀀', '😀', '\ud840', '\udc00', '“'];
    fc.assert(
      fc.property(smallText(chars), (text) => {
        assert.strictEqual(countSpeechChars(text), [...text].filter(isChineseChar).length);
      }),
      params,
    );
  });
});
