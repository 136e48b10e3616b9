// punctuation-width decides which marks turn full-width from a queue (a mark
// looked at again only when something it depends on turned). It must decide
// exactly as the fixpoint it replaced, kept in test/core/reference, given the
// same marks, and its work must grow with the paragraph, not with its square.

import * as assert from 'assert';
import fc from 'fast-check';
import { DEFAULT_CONFIG } from '../../server/src/core';
import { notProse } from '../../server/src/core/paragraphInput';
import { scanMarkers } from '../../server/src/core/parse/markers';
import { mergeSpans } from '../../server/src/core/text/verbatim';
import { collect, decide, proseView, widthWork } from '../../server/src/core/text/widthDecision';
import { fuzzParams } from '../helpers/drafts';
import { referenceDecide } from './reference/punctuationWidth';

/** The paragraph as the rule reads it, and the marks it decides about. */
function inputs(text: string) {
  const skipped = mergeSpans([...notProse(text, { ...DEFAULT_CONFIG }), ...scanMarkers(text).map((m) => ({ start: m.start, end: m.end }))]);
  const view = proseView(text, skipped);
  return { view, ...collect(view, text) };
}

const decided = (decider: typeof decide, text: string) => {
  const { view, single, pairs } = inputs(text);
  return [...decider(view, single, pairs)];
};

describe('punctuation-width decision', function () {
  this.timeout(120000);

  it('turns exactly the marks the fixpoint it replaced turns, on random paragraphs', () => {
    const pieces = [...',,,::;;??!!(())[]""\'\'', ...'中文的工作。，（）“”', ...'aAbZ xy', ...'0123', '  ', '\u3000', '\n', '𠀀', 'http://a.b/c(d)', 'www.x.cn,', "don't", '1,000', '10:30', '一、', '（一）', '1)', '`a,b`', '](x,y)', '&nbsp;', '<a href="x,y">'];
    const paragraph = fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((a) => a.join(''));
    fc.assert(
      fc.property(paragraph, (text) => {
        assert.deepStrictEqual(decided(decide, text), decided(referenceDecide, text), JSON.stringify(text));
      }),
      fuzzParams(3000),
    );
  });

  it('agrees on long Latin chains that turn one bracket pair after another', () => {
    for (const text of ['中' + '(a)'.repeat(300), '(a)'.repeat(300) + '中', 'x' + '(ab cd)'.repeat(100) + '。', '中, ' + 'ab, cd, '.repeat(200), '中 ' + '(a) '.repeat(300)]) {
      assert.deepStrictEqual(decided(decide, text), decided(referenceDecide, text));
    }
  });

  it('does work in proportion to the paragraph on the shapes that were quadratic', () => {
    const shapes: Record<string, (n: number) => string> = {
      'half-width commas after Chinese': (n) => '我们' + ','.repeat(n) + '工作',
      'commas typed in Chinese text': (n) => '我们要抓好落实,'.repeat(n / 8),
      'quotation marks repeated': (n) => '他说' + '""'.repeat(n / 2),
      'brackets nested deep': (n) => '中' + '('.repeat(n / 2) + '甲' + ')'.repeat(n / 2),
      'a Latin chain turning pair by pair': (n) => '中' + ' (a)'.repeat(n / 4),
      'English with commas': (n) => '他说' + 'one, two, '.repeat(n / 10),
    };
    for (const [name, make] of Object.entries(shapes)) {
      const steps = [10_000, 20_000, 40_000].map((n) => {
        widthWork.steps = 0;
        const { view, single, pairs } = inputs(make(n));
        decide(view, single, pairs);
        return widthWork.steps;
      });
      // Linear, with a log factor from the tree: doubling the text at most about doubles the work.
      assert.ok(steps[1] <= steps[0] * 2.4 && steps[2] <= steps[1] * 2.4, `${name}: ${steps.join(', ')} steps`);
    }
  });
});
