// The published corpora hold professionally edited texts: a finding on one of
// them is a false positive unless it is a genuine defect of the source. The
// accepted ones are listed, each with its reason, in one machine-read file;
// this test holds the checker to that list both ways, for the rules it names.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { checkText } from '../../server/src/core';
import { readCorpus, repoRoot, requireCorpus } from '../helpers/corpus';
import { provideBuiltWordingData } from '../helpers/wording';

interface AcceptedEntry {
  file: string;
  line: number | number[];
  rule: string;
  reason: string;
}

interface AcceptedList {
  rules: string[];
  accepted: AcceptedEntry[];
}

const LIST_FILE = path.join(repoRoot, 'test', 'fixtures', 'corpus-accepted.json');

function corpusTexts(dir: string): string[] {
  return ['published', 'published-more'].flatMap((sub) =>
    fs.existsSync(path.join(dir, sub))
      ? fs
          .readdirSync(path.join(dir, sub))
          .filter((f) => f.endsWith('.txt'))
          .sort()
          .map((f) => `${sub}/${f}`)
      : [],
  );
}

const keyOf = (file: string, line: number, rule: string) => `${file}:${line}: ${rule}`;

describe('findings on the published corpora', function () {
  const list = JSON.parse(fs.readFileSync(LIST_FILE, 'utf8')) as AcceptedList;

  it('are listed with a reason, each for a rule the list governs', () => {
    for (const e of list.accepted) {
      assert.ok(list.rules.includes(e.rule), `${e.file}: rule ${e.rule} is not among the governed rules`);
      assert.ok(e.reason && e.reason.trim().length >= 10, `${e.file}:${e.line}: ${e.rule} needs a reason`);
    }
  });

  it('are exactly the accepted ones: none missing from the list, none listed and gone', function () {
    const dir = requireCorpus(this);
    // The typo rule is silent without its data: loaded as the server loads it.
    provideBuiltWordingData();
    const files = corpusTexts(dir);
    assert.ok(files.length >= 10, 'the corpus folders hold the texts');
    const accepted = new Map<string, string>();
    for (const e of list.accepted) for (const line of [e.line].flat()) accepted.set(keyOf(e.file, line, e.rule), e.reason);
    const found = new Map<string, string>();
    for (const file of files) {
      const text = readCorpus(dir, file);
      const r = checkText(text);
      assert.deepStrictEqual(r.ruleErrors, [], file);
      for (const f of r.findings) {
        if (!list.rules.includes(f.rule)) continue;
        const key = keyOf(file, r.model.lines.positionAt(f.span.start).line + 1, f.rule);
        if (!found.has(key)) found.set(key, f.message);
      }
    }
    const unexpected = [...found].filter(([k]) => !accepted.has(k)).map(([k, m]) => `${k}: ${m}`);
    const gone = [...accepted.keys()].filter((k) => !found.has(k) && files.includes(k.split(':')[0]));
    assert.deepStrictEqual({ unexpected, gone }, { unexpected: [], gone: [] });
  });
});
