// Which .txt files are speeches, from their first lines: the fixtures in
// test/fixtures/drafts/ are speech-* (a speech) and other-* (a lookalike that
// is not: a notice with a title and numbered headings, a notice about a
// speech, notes and minutes that mention 同志们, English text).

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { looksLikeSpeech, SPEECH_LIKE_PREFIX, speechSigns } from '../../common/drafts/speechLike';
import { repoRoot } from '../helpers/corpus';

const dir = path.join(repoRoot, 'test', 'fixtures', 'drafts');
const fixtures = fs.readdirSync(dir).filter((f) => f.endsWith('.txt'));

describe('speech-like .txt files', () => {
  it('has fixtures of both kinds', () => {
    assert.ok(fixtures.filter((f) => f.startsWith('speech-')).length >= 4);
    assert.ok(fixtures.filter((f) => f.startsWith('other-')).length >= 4);
  });

  for (const f of fixtures) {
    const speech = f.startsWith('speech-');
    it(`${f}: ${speech ? 'a speech' : 'not a speech'}`, () => {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      assert.strictEqual(looksLikeSpeech(text), speech, JSON.stringify(speechSigns(text)));
    });
  }

  it('names the signs it saw', () => {
    assert.deepStrictEqual(speechSigns('在全县安全生产工作会议上的讲话\n\n同志们：\n\n一、提高认识\n\n二、压实责任\n'), { title: true, salutation: true, outline: false, headings: 2 });
    assert.deepStrictEqual(speechSigns('\ufeff【提纲】\r\n一、甲\r\n'), { title: false, salutation: false, outline: true, headings: 1 });
  });

  it('needs more than numbered headings, or a salutation alone', () => {
    assert.strictEqual(looksLikeSpeech('一、总体要求\n二、主要任务\n三、保障措施\n'), false);
    assert.strictEqual(looksLikeSpeech('同志们：\n\n今天就讲这些。\n'), false);
    assert.strictEqual(looksLikeSpeech('同志们：\n\n一、总体要求\n'), true);
  });

  it('reads only the start of a file', () => {
    const text = '会议记录\n\n' + '今天讨论了工作。\n'.repeat(SPEECH_LIKE_PREFIX / 8) + '在全县大会上的讲话\n同志们：\n一、甲\n';
    assert.strictEqual(looksLikeSpeech(text), false);
    assert.strictEqual(looksLikeSpeech(text.slice(text.indexOf('在全县'))), true);
  });
});
