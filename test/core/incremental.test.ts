// The incremental check (`Checker.check(text, changes)`) against a fresh check
// of the same text: after any sequence of edits the findings (spans,
// severities, messages, fixes, related), the paragraphs and the line index are
// the same. Random edits on generated drafts with a fixed seed (more under
// `npm run fuzz`), and on corpus drafts where present; and the work an edit
// costs, counted: the lines it splits again.

import * as assert from 'assert';
import fc from 'fast-check';
import { Checker, checkText, type TextChange } from '../../server/src/core';
import { splitWork } from '../../server/src/core/parse/paragraphs';
import { corpusDir, publishedFiles, readCorpus } from '../helpers/corpus';
import { skipBecause } from '../helpers/skip';
import { draftArbitrary, FRAGMENTS, fuzzParams } from '../helpers/drafts';

/** What an edit may insert: fragments of drafts, and what moves paragraph bounds. */
const INSERTS = [
  ...FRAGMENTS,
  '\n\n', '\n', '\r\n', '# ', '## 二、', '\n三、加强领导\n', '```\n', '\n```\n', '---\n', '    ', '\t',
  '<!-- speech-draft-disable -->\n', '\n<!-- speech-draft-enable -->\n', '<!-- speech-draft-disable-next-line -->\n', '<!-- ',
  '，\n', '今天召开全市工作会议，\n主要任务是总结经验，', '𠀀𠀁', '😀，', '\n（一）加强组织领导。\n（二）压实责任。\n', '一、二、',
];

/** Code, front matter and tabs make an edit split the text whole: drafts without them test the split around an edit. */
const VERBATIM_LIKE = /```|~~~|---|\+\+\+|<\/?(?:script|style|pre|textarea)|\t| {4}/;
const proseLine = fc.array(fc.constantFrom(...FRAGMENTS.filter((f) => !VERBATIM_LIKE.test(f))), { maxLength: 10 }).map((a) => a.join(''));
const proseDraftArbitrary = fc
  .array(fc.tuple(proseLine, fc.constantFrom('\n', '\n\n', '\r\n', '\n\n\n')), { minLength: 3, maxLength: 40 })
  .map((lines) => lines.map(([line, end]) => line + end).join(''));
/** Drafts of every kind, most of them long enough and free of code to be split around an edit. */
const anyDraft = fc.oneof({ weight: 1, arbitrary: draftArbitrary }, { weight: 3, arbitrary: proseDraftArbitrary });

type EditSpec = { at: number; remove: number; insert: string };
const editArbitrary: fc.Arbitrary<EditSpec> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  // Mostly short deletions; now and then a whole stretch (a section deleted).
  remove: fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 3 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 400 }) }),
  insert: fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...INSERTS) },
    { weight: 1, arbitrary: fc.constant('') },
    { weight: 1, arbitrary: fc.array(fc.constantFrom(...INSERTS), { maxLength: 12 }).map((a) => a.join('')) },
  ),
});

function changeOf(text: string, e: EditSpec): TextChange {
  const start = Math.floor(e.at * text.length);
  return { start, end: Math.min(text.length, start + e.remove), text: e.insert };
}

function applied(text: string, c: TextChange): string {
  return text.slice(0, c.start) + c.text + text.slice(c.end);
}

/** Edits checked, and those split around the edit rather than whole: the property must test the incremental path. */
const tally = { edits: 0, aroundEdit: 0 };

/** The incremental result and a fresh check's are the same, model bounds included. */
function assertSameAsFresh(checker: Checker, text: string, changes: readonly TextChange[], what: string): void {
  splitWork.lines = 0;
  const incremental = checker.check(text, changes);
  tally.edits++;
  if (splitWork.lines < incremental.model.lines.lineCount) tally.aroundEdit++;
  const fresh = checkText(text);
  assert.deepStrictEqual(incremental.model.lines.lineStarts, fresh.model.lines.lineStarts, `${what}: line starts`);
  assert.deepStrictEqual(incremental.model.paragraphs, fresh.model.paragraphs, `${what}: paragraphs`);
  assert.deepStrictEqual(incremental.findings, fresh.findings, `${what}: findings`);
  assert.deepStrictEqual(incremental.ruleErrors, fresh.ruleErrors, `${what}: rule errors`);
}

/** Checks `draft`, then each edit in turn around the change, each result compared with a fresh check's. */
function assertEditsSameAsFresh(draft: string, edits: readonly EditSpec[]): void {
  const checker = new Checker();
  checker.check(draft);
  let text = draft;
  for (const e of edits) {
    const change = changeOf(text, e);
    text = applied(text, change);
    assertSameAsFresh(checker, text, [change], JSON.stringify({ draft: draft.length > 2000 ? draft.length : draft, edits }));
  }
}

describe('incremental check equals a fresh check (fast-check, fixed seed)', function () {
  this.timeout(300000);
  const params = fuzzParams(150);
  after(() => assert.ok(tally.aroundEdit > tally.edits / 3, `only ${tally.aroundEdit} of ${tally.edits} edits split around the edit`));

  it('after every random edit of a generated draft, one change at a time', () => {
    fc.assert(
      fc.property(anyDraft, fc.array(editArbitrary, { minLength: 1, maxLength: 8 }), (draft, edits) => assertEditsSameAsFresh(draft, edits)),
      params,
    );
  });

  it('after several changes sent at once, as an editor batches them', () => {
    fc.assert(
      fc.property(anyDraft, fc.array(fc.array(editArbitrary, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }), (draft, batches) => {
        const checker = new Checker();
        checker.check(draft);
        let text = draft;
        for (const batch of batches) {
          const changes: TextChange[] = [];
          for (const e of batch) {
            const change = changeOf(text, e);
            text = applied(text, change);
            changes.push(change);
          }
          assertSameAsFresh(checker, text, changes, JSON.stringify({ draft, batches }));
        }
      }),
      params,
    );
  });

  it('after random edits of corpus drafts (skipped where the corpus is absent)', function () {
    const dir = corpusDir();
    if (!dir) skipBecause(this, '../shared/corpus is not present on this machine');
    const drafts = [readCorpus(dir!, 'model-address.txt'), ...publishedFiles(dir!).slice(0, 3).map((f) => readCorpus(dir!, f))];
    fc.assert(
      fc.property(fc.constantFrom(...drafts), fc.array(editArbitrary, { minLength: 1, maxLength: 6 }), (draft, edits) => assertEditsSameAsFresh(draft, edits)),
      { ...params, numRuns: Math.max(5, Math.floor(params.numRuns / 10)) },
    );
  });
});

describe('incremental check: an edit costs what it changes', () => {
  /** A long draft of sections, each a heading and paragraphs parted by blank lines. */
  function longDraft(sections: number): string {
    const out = ['在全市工作会议上的讲话', '', '同志们：', ''];
    for (let i = 1; i <= sections; i++) {
      out.push(`${i}. 第${i}项工作`, '', `今天召开会议，主要任务是总结第${i}项工作，部署下一步任务。`, '', '我们要加强组织领导，压实工作责任，推动高质量发展。', '');
    }
    return out.join('\n');
  }

  it('splits again only the lines around a one-character edit in the middle of a long draft', () => {
    const draft = longDraft(2000);
    const checker = new Checker();
    checker.check(draft);
    const at = draft.indexOf('推动高质量发展', draft.length / 2);
    const change = { start: at, end: at, text: '的' };
    const text = applied(draft, change);
    splitWork.lines = 0;
    const incremental = checker.check(text, [change]);
    assert.ok(splitWork.lines <= 6, `${splitWork.lines} lines split again of ${incremental.model.lines.lineCount}`);
    assert.deepStrictEqual(incremental.findings, checkText(text).findings);
  });

  it('splits again only the lines of a pasted stretch and its neighbours', () => {
    const draft = longDraft(2000);
    const checker = new Checker();
    checker.check(draft);
    const at = draft.indexOf('\n\n', draft.length / 2) + 2;
    const change = { start: at, end: at, text: '（一）加强组织领导。\n\n（二）压实工作责任。\n\n' };
    const text = applied(draft, change);
    splitWork.lines = 0;
    const incremental = checker.check(text, [change]);
    assert.ok(splitWork.lines <= 10, `${splitWork.lines} lines split again`);
    assert.deepStrictEqual(incremental.findings, checkText(text).findings);
  });

  it('gives the findings and markers of the paragraphs before an edit again, not copies, and those after it moved', () => {
    // Each section has a half-width comma in Chinese (a punctuation-width finding) and a numbered heading (a marker);
    // the paragraphs differ (a paragraph text met twice has its findings placed again at each).
    let n = 0;
    const draft = longDraft(300).replace(/加强组织领导，/g, () => `加强第${++n}项组织领导,`);
    const checker = new Checker();
    const before = checker.check(draft);
    const at = draft.indexOf('推动高质量发展', draft.length / 2);
    const change = { start: at, end: at, text: '的' };
    const text = applied(draft, change);
    const after = checker.check(text, [change]);
    const fresh = checkText(text);
    assert.deepStrictEqual(after.findings, fresh.findings);
    const width = (r: typeof before) => r.findings.filter((f) => f.rule === 'punctuation-width');
    const [old, now] = [width(before), width(after)];
    assert.strictEqual(now.length, 300);
    const editedParagraph = text.lastIndexOf('\n', at) + 1;
    const untouched = now.filter((f) => f.span.start < editedParagraph);
    assert.ok(untouched.length > 100 && untouched.length < 200, `${untouched.length} findings before the edit`);
    untouched.forEach((f, i) => assert.strictEqual(f, old[i], `finding ${i} before the edit is a copy`));
    for (const f of now.filter((f) => f.span.start > at)) assert.ok(!old.includes(f), 'a finding after the edit kept its old place');
    const markersBefore = after.model.markers.filter((m) => m.start < editedParagraph);
    assert.ok(markersBefore.length > 50, `${markersBefore.length} markers before the edit`);
    markersBefore.forEach((m, i) => assert.strictEqual(m, before.model.markers[i], `marker ${i} before the edit is a copy`));
    assert.deepStrictEqual(after.model.markers, fresh.model.markers);
  });

  it('splits the whole text again when changes do not fit the text last checked', () => {
    const draft = longDraft(20);
    const checker = new Checker();
    checker.check(draft);
    const text = draft + '加强领导。';
    // A change that claims to remove characters: the lengths do not add up, so the text is split whole.
    splitWork.lines = 0;
    const r = checker.check(text, [{ start: 0, end: 3, text: '' }]);
    assert.ok(splitWork.lines >= r.model.lines.lineCount - 1, `${splitWork.lines} lines split`);
    assert.deepStrictEqual(r.findings, checkText(text).findings);
  });
});
