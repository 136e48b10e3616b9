// The catalogue of download-site residue (server/src/core/residue/catalogue.json)
// is data: each entry compiles, finds each of its examples, holds one of its
// `needs` words in every match (the trigger that lets most paragraphs pass
// unread depends on it), and shows its first example in the rule's doc page.
// Configured patterns (`residuePatterns`) run on the linear engine.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { checkText, mergeConfig, validateConfig } from '../../server/src/core';
import { RESIDUE_ENTRIES, residueLines } from '../../server/src/core/residue/residue';
import { urlSpans } from '../../server/src/core/text/urls';
import { repoRoot } from '../helpers/corpus';

const matchesOf = (entry: (typeof RESIDUE_ENTRIES)[number], line: string): string[] =>
  entry.finder === 'urls' ? urlSpans(line).map((s) => line.slice(s.start, s.end)) : [...line.matchAll(new RegExp(entry.pattern!, 'gu'))].map((m) => m[0]);

describe('the download-site residue catalogue', () => {
  it('names each entry once, in both languages, with examples', () => {
    const ids = RESIDUE_ENTRIES.map((e) => e.id);
    assert.strictEqual(new Set(ids).size, ids.length);
    for (const e of RESIDUE_ENTRIES) {
      assert.match(e.id, /^[a-z]+(-[a-z]+)*$/);
      assert.match(e.name.zh, /[\u4e00-\u9fff]/, e.id);
      assert.match(e.name.en, /[A-Za-z]{3}/, e.id);
      assert.ok(e.examples.length > 0 && e.needs.length > 0, e.id);
      assert.ok(['anywhere', 'lineStart', 'ownLine'].includes(e.where) && ['match', 'sentence', 'rest', 'siteName'].includes(e.extent), e.id);
    }
  });

  it('finds each example of each entry, as residue of the web-residue rule, and every match holds one of the words the entry needs', () => {
    for (const e of RESIDUE_ENTRIES) {
      for (const example of e.examples) {
        const found = matchesOf(e, example);
        assert.ok(found.length > 0, `${e.id}: its pattern misses its example “${example}”`);
        for (const m of found) assert.ok(e.needs.some((w) => m.includes(w)), `${e.id}: “${m}” holds none of ${e.needs.join(' ')}`);
        const lines = residueLines(example);
        assert.strictEqual(lines.length, 1, `${e.id}: “${example}” is not residue`);
        const covered = lines[0].pieces.map((s) => example.slice(s.start, s.end)).join('|');
        for (const m of found) assert.ok(covered.includes(m) || lines[0].whole, `${e.id}: “${m}” is not inside the residue found, “${covered}”`);
        assert.ok(checkText(example).findings.some((f) => f.rule === 'web-residue'), `${e.id}: no finding on “${example}”`);
      }
    }
  });

  it('shows each entry with its first example on the rule’s doc page', () => {
    const page = fs.readFileSync(path.join(repoRoot, 'docs', 'rules', 'web-residue.md'), 'utf8');
    for (const e of RESIDUE_ENTRIES) {
      assert.ok(page.includes(`| \`${e.id}\` |`), `${e.id} is not on the page: run npm run generate`);
      assert.ok(page.includes(e.examples[0].replace(/\|/g, '\\|')), `${e.id}: its example is not on the page`);
    }
  });

  it('takes configured patterns: a line left with punctuation and dates only goes whole, otherwise the match alone', () => {
    const { config, problems } = validateConfig({ residuePatterns: ['某某资讯站', '(x+x+)+y', '(a)\\1'] }, 'rc.json');
    assert.deepStrictEqual(config.residuePatterns, ['某某资讯站', '(x+x+)+y']);
    assert.strictEqual(problems[0].key, 'residuePatterns[2]');
    const text = '在全县工作会议上的讲话\n\n某某资讯站 2024-05-06\n\n要抓好落实，某某资讯站整理，推动发展。\n\n' + 'x'.repeat(5000) + '\n';
    const r = checkText(text, { config: mergeConfig(config) });
    const residue = r.findings.filter((f) => f.rule === 'web-residue').map((f) => text.slice(f.span.start, f.span.end));
    assert.deepStrictEqual(residue, ['某某资讯站 2024-05-06', '某某资讯站']);
    // Without the setting, neither is residue.
    assert.deepStrictEqual(checkText(text).findings.filter((f) => f.rule === 'web-residue'), []);
  });
});
