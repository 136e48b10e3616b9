// The wording rules (typo, formulation, number-usage) on the published
// speeches and reports of ../shared/corpus: what they report there, each with
// its reason below, and nothing else. Skipped where the corpus is absent.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { checkText } from '../../server/src/core';
import { requireCorpus } from '../helpers/corpus';
import { provideBuiltWordingData, wordingRules } from '../helpers/wording';

/**
 * `folder/NN line rule “text”`, in text order. Genuine defects of the sources:
 * 股分制 (a variant the 1988 report still used; today 股份制), and the 1957
 * report writing the same unit in Chinese numerals and Arabic digits
 * (三千一百零八公里 beside 500公里, 五元 beside 446元). Quiet by class, not by
 * listing (typoFinder.ts): a term of a family the dictionary lacks (人己关系
 * beside 群己), an idiom split or turned round (思危 beside 居安).
 */
const EXPECTED = [
  'published-more/28 70 number-usage “三千一百零八”',
  'published-more/28 169 number-usage “五”',
  'published-more/32 234 typo “股分制”',
];
/** Full-width digits in running text, genuine by GB/T 15835: per text, how many. */
const FULL_WIDTH_DIGITS: Record<string, number> = { 'published-more/04': 1, 'published-more/08': 23, 'published-more/32': 84 };

describe('wording rules on the published corpus', function () {
  let texts: Array<{ id: string; text: string }>;
  before(function () {
    const dir = requireCorpus(this);
    provideBuiltWordingData();
    texts = ['published', 'published-more'].flatMap((folder) =>
      fs
        .readdirSync(path.join(dir, folder))
        .filter((f) => f.endsWith('.txt'))
        .sort()
        .map((f) => ({ id: `${folder}/${f.slice(0, 2)}`, text: fs.readFileSync(path.join(dir, folder, f), 'utf8') })),
    );
    assert.strictEqual(texts.length, 32);
  });

  it('report only the findings listed, each for its reason', () => {
    const found: string[] = [];
    const fullWidth: Record<string, number> = {};
    for (const { id, text } of texts) {
      const r = checkText(text, { rules: wordingRules });
      assert.deepStrictEqual(r.ruleErrors, [], id);
      for (const f of r.findings) {
        if (f.rule === 'number-usage' && f.fixes?.[0].safe) {
          fullWidth[id] = (fullWidth[id] ?? 0) + 1;
          assert.match(text.slice(f.span.start, f.span.end), /^[０-９]+(?:[．.][０-９]+)?$/);
          continue;
        }
        found.push(`${id} ${r.model.lines.positionAt(f.span.start).line + 1} ${f.rule} “${text.slice(f.span.start, f.span.end)}”`);
      }
    }
    assert.deepStrictEqual(found, EXPECTED);
    assert.deepStrictEqual(fullWidth, FULL_WIDTH_DIGITS);
  });
});
