// The peers' own test cases (AutoCorrect, zhlint) that hold Chinese text, run
// through our punctuation rules with their safe fixes applied as `check --fix`
// applies them. Each case agrees with the peer's expected output, or is listed
// in exceptions.json with its category and reason; the list is enforced both
// ways. See test/fixtures/peers/README.md for the sources and the comparison.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { fixUntilSettled } from '../../server/src/cli/fixLoop';
import { allRules, Checker, type DraftFormat } from '../../server/src/core';
import { fixtureDir } from '../helpers/fixtures';

const PEERS = path.join(fixtureDir, 'peers');
const SOURCES = ['autocorrect', 'zhlint'] as const;
/** What the comparison covers: punctuation width, pairs and repeats in Chinese text. */
const PUNCTUATION_RULES = allRules.filter((r) => ['punctuation-width', 'punctuation-pairs', 'punctuation-repeat'].includes(r.id));
/** Chinese text: what makes a line of a peer's document a case. */
const HAN = /\p{Script=Han}/u;
const CATEGORIES = ['differs-from-GB/T-15834', 'out-of-scope', 'not-yet'] as const;
type Category = (typeof CATEGORIES)[number];

interface PeerCase {
  id: string;
  source: string;
  file: string;
  line: number;
  kind: string;
  input: string;
  expected: string;
  format: DraftFormat;
  /** Set for a line of a fixture document: the case is checked within the whole document. */
  document?: string;
}
interface PeerDocument {
  file: string;
  format: DraftFormat;
  input: string;
}
interface PeerData {
  source: { name: string; commit: string };
  /** Per peer file: cases read, and how many of them hold Chinese text. */
  counts: Record<string, { cases: number; chinese: number }>;
  documents: PeerDocument[];
  cases: PeerCase[];
}
interface Exception {
  id: string;
  category: Category;
  /** For a `not-yet` case: the work item it waits for (one short name shared by the cases it covers). */
  item?: string;
  reason: string;
  /**
   * What our rules must produce instead of the peer's expectation: the peer's
   * output corrected to what GB/T 15834 asks of an official document, or with
   * the out-of-scope change undone. A `differs` or `out-of-scope` case with a
   * target must meet it; a `not-yet` case with a target is done when it does.
   */
  target?: string;
}

const readJson = <T>(name: string): T => JSON.parse(fs.readFileSync(path.join(PEERS, name), 'utf8')) as T;

function fixed(text: string, format: DraftFormat): string {
  return fixUntilSettled(new Checker({ rules: PUNCTUATION_RULES, format }), text).text;
}

/**
 * The comparison, restricted to what our rules own: spacing (spaces the peers
 * put between Chinese and Latin text, or take away around marks and code) is
 * out of scope, so two texts that differ in spaces alone agree. Every other
 * character must be the same.
 */
function agreement(ours: string, expected: string): 'same' | 'same-but-spacing' | undefined {
  if (ours === expected) return 'same';
  const squeeze = (s: string) => s.replace(/ /g, '');
  return squeeze(ours) === squeeze(expected) ? 'same-but-spacing' : undefined;
}

/** Our output for every case: a document is fixed whole, and its lines are the cases. */
function outputs(data: PeerData): Map<string, string> {
  const byDocument = new Map(data.documents.map((d) => [d.file, fixed(d.input, d.format).split('\n')]));
  return new Map(data.cases.map((c) => [c.id, c.document ? (byDocument.get(c.document)![c.line - 1] ?? '') : fixed(c.input, c.format)]));
}

const show = (c: PeerCase, ours: string, target?: string) =>
  `  ${c.id}\n    input:    ${JSON.stringify(c.input)}\n    expected: ${JSON.stringify(c.expected)}\n` +
  (target !== undefined ? `    target:   ${JSON.stringify(target)}\n` : '') +
  `    ours:     ${JSON.stringify(ours)}`;

describe('peers’ test cases (AutoCorrect, zhlint) under the punctuation rules', () => {
  const data = SOURCES.map((s) => readJson<PeerData>(`${s}.json`));
  const cases = data.flatMap((d) => d.cases);
  const exceptions = readJson<Exception[]>('exceptions.json');
  const listed = new Map(exceptions.map((e) => [e.id, e]));

  it('list each exception once, for a case that exists, with a category and a reason', () => {
    const ids = new Set(cases.map((c) => c.id));
    assert.strictEqual(ids.size, cases.length, 'case ids are unique');
    assert.strictEqual(listed.size, exceptions.length, 'an exception is listed once');
    for (const e of exceptions) {
      assert.ok(ids.has(e.id), `${e.id}: no such case`);
      assert.ok(CATEGORIES.includes(e.category), `${e.id}: category ${e.category}`);
      assert.ok(e.reason.trim().length > 10, `${e.id}: a reason a later engineer can act on`);
    }
  });

  it('state in the README the totals the data files hold', () => {
    const readme = fs.readFileSync(path.join(PEERS, 'README.md'), 'utf8');
    const row = (name: string, read: number, chinese: number) => new RegExp(`^\\| ${name} \\|.*\\| ${read} \\| ${chinese} \\|$`, 'm');
    let read = 0;
    for (const d of data) {
      const n = Object.values(d.counts).reduce((sum, c) => sum + c.cases, 0);
      read += n;
      assert.ok(readme.includes(d.source.commit), `README names ${d.source.name} commit ${d.source.commit}`);
      assert.match(readme, row(d.source.name, n, d.cases.length), `README states ${n} ${d.source.name} cases read, ${d.cases.length} with Chinese text`);
    }
    assert.match(readme, row('total', read, cases.length), `README states the totals ${read} and ${cases.length}`);
  });

  it('leave alone every line without Chinese text in the peers’ documents', () => {
    for (const d of data) {
      for (const doc of d.documents) {
        const ours = fixed(doc.input, doc.format).split('\n');
        const changed = doc.input.split('\n').flatMap((line, i) => (HAN.test(line) || ours[i] === line ? [] : [`  ${doc.file}:${i + 1} ${JSON.stringify(line)} → ${JSON.stringify(ours[i])}`]));
        assert.deepStrictEqual(changed, [], `${d.source.name} ${doc.file}`);
      }
    }
  });

  it('agree with each case, or list it with its reason; a listed case that agrees is taken off the list', () => {
    const ours = new Map(data.flatMap((d) => [...outputs(d)]));
    const totals = { same: 0, 'same-but-spacing': 0, 'differs-from-GB/T-15834': 0, 'out-of-scope': 0, 'not-yet': 0 };
    const items = new Map<string, number>();
    const unlisted: string[] = [];
    const nowAgree: string[] = [];
    const offTarget: string[] = [];
    const done: string[] = [];
    for (const c of cases) {
      const out = ours.get(c.id)!;
      const e = listed.get(c.id);
      if (!e) {
        const verdict = agreement(out, c.expected);
        if (verdict) totals[verdict]++;
        else unlisted.push(show(c, out));
        continue;
      }
      totals[e.category]++;
      const why = `\n    listed as ${e.category}: ${e.reason}`;
      if (e.category === 'not-yet') {
        items.set(e.item ?? e.reason, (items.get(e.item ?? e.reason) ?? 0) + 1);
        // Done: take it off the list, or (with a target) list it as a difference from the peer.
        if (agreement(out, e.target ?? c.expected)) done.push(show(c, out, e.target) + why);
        continue;
      }
      if (agreement(out, c.expected)) nowAgree.push(show(c, out) + why);
      else if (e.target !== undefined && !agreement(out, e.target)) offTarget.push(show(c, out, e.target) + why);
    }
    const agree = totals.same + totals['same-but-spacing'];
    console.log(
      `      ${cases.length} peer cases: ${agree} agree (${totals['same-but-spacing']} of them after spacing normalisation), ` +
        `${totals['differs-from-GB/T-15834']} differ from GB/T 15834, ${totals['out-of-scope']} out of scope, ${totals['not-yet']} not yet:`,
    );
    for (const [item, n] of [...items].sort((a, b) => b[1] - a[1])) console.log(`        ${String(n).padStart(3)}  ${item}`);
    const problems = [
      unlisted.length ? `${unlisted.length} cases disagree and are not in exceptions.json:\n${unlisted.join('\n')}` : '',
      nowAgree.length ? `${nowAgree.length} listed cases now agree with the peer; take them off exceptions.json:\n${nowAgree.join('\n')}` : '',
      offTarget.length ? `${offTarget.length} listed cases miss their GB/T 15834 target:\n${offTarget.join('\n')}` : '',
      done.length ? `${done.length} not-yet cases are done; take them off exceptions.json (or, with a target, list them as differs-from-GB/T-15834):\n${done.join('\n')}` : '',
    ].filter(Boolean);
    assert.ok(problems.length === 0, problems.join('\n\n'));
  });
});
