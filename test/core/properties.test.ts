// Properties of the checker on random drafts made of real fragments: it never
// throws, its ranges are sound, its fixes touch nothing outside themselves and
// settle, renumbering changes only numerals.

import * as assert from 'assert';
import fc from 'fast-check';
import { applyFixes, Checker, checkText, renumberEdits, safeFixes, type TextEdit } from '../../server/src/core';
import { draftArbitrary, fuzzParams, fuzzTimeout, splitsSurrogatePair } from '../helpers/drafts';

const params = fuzzParams(300);

describe('checker properties (fast-check, fixed seed)', function () {
  this.timeout(fuzzTimeout(120000));

  it('never throws, and every range lies inside the text without splitting a surrogate pair', () => {
    fc.assert(
      fc.property(draftArbitrary, (text) => {
        const r = checkText(text);
        assert.deepStrictEqual(r.ruleErrors, []);
        for (const f of r.findings) {
          const spans = [f.span, ...(f.related ?? []).map((x) => x.span), ...(f.fixes ?? []).flatMap((x) => x.edits)];
          for (const s of spans) {
            assert.ok(0 <= s.start && s.start <= s.end && s.end <= text.length, `${f.rule}: ${JSON.stringify(s)}`);
            assert.ok(!splitsSurrogatePair(text, s.start) && !splitsSurrogatePair(text, s.end), `${f.rule} splits a pair`);
          }
        }
      }),
      params,
    );
  });

  it('changes text only inside the ranges of the fixes it applies, the text rules’ fixes among them', () => {
    // The fixes applied, by rule: the drafts hold residue lines, code, entities, invisible characters, spaced digits and doubled words.
    const appliedBy = new Map<string, number>();
    fc.assert(
      fc.property(draftArbitrary, (text) => {
        const findings = checkText(text).findings;
        const ruleOf = new Map(findings.flatMap((f) => (f.fixes ?? []).map((x) => [x, f.rule] as const)));
        const { text: out, applied } = applyFixes(text, [...ruleOf.keys()]);
        for (const fix of applied) appliedBy.set(ruleOf.get(fix)!, (appliedBy.get(ruleOf.get(fix)!) ?? 0) + 1);
        const edits = applied.flatMap((f) => f.edits).sort((a, b) => a.start - b.start);
        // Rebuild the output from the input outside the edits and the new texts inside them.
        let rebuilt = '';
        let at = 0;
        for (const e of edits) {
          rebuilt += text.slice(at, e.start) + e.newText;
          at = e.end;
        }
        assert.strictEqual(out, rebuilt + text.slice(at));
      }),
      params,
    );
    for (const rule of ['web-residue', 'stray-space', 'punctuation-width', 'punctuation-repeat', 'word-usage', 'repeated-word']) {
      assert.ok((appliedBy.get(rule) ?? 0) > 0, `no ${rule} fix applied on ${params.numRuns} drafts: ${JSON.stringify([...appliedBy])}`);
    }
  });

  it('settles: applying the safe fixes again and again ends with none left', () => {
    fc.assert(
      fc.property(draftArbitrary, (text) => {
        const checker = new Checker();
        let current = text;
        for (let pass = 0; pass < 10; pass++) {
          const fixes = safeFixes(checker.check(current).findings);
          if (fixes.length === 0) return;
          current = applyFixes(current, fixes).text;
        }
        assert.deepStrictEqual(safeFixes(checker.check(current).findings).map((f) => f.title), [], 'still fixable after 10 passes');
      }),
      params,
    );
  });

  it('renumbering rewrites numerals only, and keeps every other character in order', () => {
    fc.assert(
      fc.property(draftArbitrary, (text) => {
        const r = checkText(text);
        for (const group of r.model.groups) {
          const edits: TextEdit[] = renumberEdits(group) ?? [];
          for (const e of edits) {
            const marker = group.items.find((i) => i.marker.numeralStart === e.start && i.marker.numeralEnd === e.end);
            assert.ok(marker, `edit ${JSON.stringify(e)} is not a numeral`);
            assert.match(e.newText, /^([一二三四五六七八九十]+|[0-9０-９]+|[①-⑳]|首先|其次|再次|最后)$/);
          }
          const out = applyFixes(text, [{ title: '', edits, safe: false }]).text;
          const strip = (s: string, es: TextEdit[]) => {
            let kept = '';
            let at = 0;
            for (const e of [...es].sort((a, b) => a.start - b.start)) {
              kept += s.slice(at, e.start);
              at = e.end;
            }
            return kept + s.slice(at);
          };
          let shift = 0;
          const after = [...edits]
            .sort((a, b) => a.start - b.start)
            .map((e) => {
              const moved = { start: e.start + shift, end: e.start + shift + e.newText.length, newText: '' };
              shift += e.newText.length - (e.end - e.start);
              return moved;
            });
          assert.strictEqual(strip(out, after), strip(text, edits));
        }
      }),
      params,
    );
  });
});
