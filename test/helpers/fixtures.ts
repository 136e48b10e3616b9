// Rule fixtures: Chinese drafts with each defect written in and, on the line
// right below it, the expected finding: `<!-- expect rule-id [rule-id…] -->`
// (one id per expected finding). A fixture line with no such comment must
// have no finding of the rule under test, nor of the rules a
// `<!-- fixture-rules rule-id… -->` line names (a case that concerns two rules).
// Below that, `<!-- fixed 改后的行 -->` says what the line reads once the first
// fix of each of its findings (of the rule under test) is applied,
// `<!-- fixed-empty -->` that it is left empty, and `<!-- fixed -->` that the
// line goes, with its line break.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { applyFixes, Checker, mergeConfig, validateConfig, type CheckOptions, type CheckResult } from '../../server/src/core';
import { repoRoot } from './corpus';

const EXPECT = /^\s*<!--\s*expect\s+([^>]*?)\s*-->\s*$/;
const FIXED = /^\s*<!--\s*fixed(-empty)?(?:\s+(\S.*?))?\s*-->\s*$/;
/** Lines that say what is expected of the line above them. */
const annotation = (line: string) => EXPECT.test(line) || FIXED.test(line);
/** `<!-- fixture-config {"targetMinutes": 1} -->`: settings for this fixture. */
const FIXTURE_CONFIG = /^\s*<!--\s*fixture-config\s+(\{.*\})\s*-->\s*$/m;
/** `<!-- fixture-rules announced-count -->`: further rules whose findings must be exactly the expected ones. */
const FIXTURE_RULES = /^\s*<!--\s*fixture-rules\s+([^>]*?)\s*-->\s*$/m;

export const fixtureDir = path.join(repoRoot, 'test', 'fixtures');

export function readFixture(relative: string): string {
  return fs.readFileSync(path.join(fixtureDir, relative), 'utf8');
}

/** The line (0-based) an annotation on line i speaks of: the nearest one above that is neither blank nor an annotation. */
function targetOf(lines: readonly string[], i: number): number {
  let target = i - 1;
  while (target >= 0 && (annotation(lines[target]) || lines[target].trim() === '')) target--;
  return target;
}

/** Expected fixes: 0-based line -> what it reads after its fixes (undefined: the line goes). */
export function fixedLines(text: string): Map<number, string | undefined> {
  const out = new Map<number, string | undefined>();
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    const m = FIXED.exec(line);
    if (m) out.set(targetOf(lines, i), m[1] ? '' : m[2]);
  });
  return out;
}

/** Expected findings: rule id -> list of 1-based lines (a line repeats once per finding). */
export function expectations(text: string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((line, i) => {
    const m = EXPECT.exec(line);
    if (!m) return;
    const target = targetOf(lines, i);
    for (const id of m[1].split(/\s+/)) {
      if (!out.has(id)) out.set(id, []);
      out.get(id)!.push(target + 1);
    }
  });
  return out;
}

/** Lines (1-based) of the findings of one rule, one entry per finding. */
export function findingLines(result: CheckResult, rule: string): number[] {
  return result.findings.filter((f) => f.rule === rule).map((f) => result.model.lines.positionAt(f.span.start).line + 1);
}

/** Checks a fixture file and asserts exactly the expected findings of `rule`. */
export function assertFixture(relative: string, rule: string, options: CheckOptions = {}): CheckResult {
  const text = readFixture(relative);
  const configured = FIXTURE_CONFIG.exec(text);
  if (configured && !options.config) {
    const { config, problems } = validateConfig(JSON.parse(configured[1]), relative);
    assert.deepStrictEqual(problems, [], 'fixture-config must be valid');
    options = { ...options, config: mergeConfig(config) };
  }
  const result = new Checker(options).check(text);
  const further = FIXTURE_RULES.exec(text)?.[1].split(/\s+/) ?? [];
  for (const id of [rule, ...further]) {
    const expected = (expectations(text).get(id) ?? []).sort((a, b) => a - b);
    const actual = findingLines(result, id).sort((a, b) => a - b);
    const detail = result.findings
      .filter((f) => f.rule === id)
      .map((f) => `  line ${result.model.lines.positionAt(f.span.start).line + 1}: ${f.message}`)
      .join('\n');
    assert.deepStrictEqual(actual, expected, `${relative}: findings of ${id} on lines ${actual} but expected ${expected}\n${detail}`);
  }
  for (const [line, after] of fixedLines(text)) {
    const onLine = result.findings.filter((f) => f.rule === rule && result.model.lines.positionAt(f.span.start).line === line);
    const fixes = onLine.flatMap((f) => (f.fixes ? [f.fixes[0]] : []));
    assert.ok(fixes.length > 0, `${relative}:${line + 1}: a fix is expected, and no finding of ${rule} there has one`);
    const lines = text.split('\n');
    const expectedText = (after === undefined ? [...lines.slice(0, line), ...lines.slice(line + 1)] : [...lines.slice(0, line), after, ...lines.slice(line + 1)]).join('\n');
    const fixed = applyFixes(text, fixes).text;
    assert.strictEqual(fixed.split('\n')[line], expectedText.split('\n')[line], `${relative}:${line + 1}: the line after the fixes of ${rule}`);
    assert.strictEqual(fixed, expectedText, `${relative}:${line + 1}: the fixes of ${rule} change this line only`);
  }
  return result;
}

/** Further cases of a rule: `rules/<id>.<case>.txt` besides its fixture and its clean draft. */
export function caseFixtures(rule: string): string[] {
  const dir = path.join(fixtureDir, 'rules');
  return fs
    .readdirSync(dir)
    .filter((f) => f.startsWith(`${rule}.`) && f.endsWith('.txt') && f !== `${rule}.txt` && f !== `${rule}.clean.txt`)
    .sort()
    .map((f) => path.join('rules', f));
}

/** Every paragraph (blank-line separated) of the rules' fixtures: texts written to meet each rule, for a fast path tested against its plain one. */
export function ruleFixtureParagraphs(): string[] {
  const dir = path.join(fixtureDir, 'rules');
  const texts: string[] = [];
  for (const f of fs.readdirSync(dir)) if (f.endsWith('.txt')) texts.push(...fs.readFileSync(path.join(dir, f), 'utf8').split(/\n\s*\n/));
  return texts;
}

/** `count` strings of 0 to `below − 1` pieces drawn from `pieces`, by a linear congruential generator from `seed`: the same strings on every run. */
export function seededStrings(pieces: readonly string[], count: number, below: number, seed: number): string[] {
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) >>> 16;
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    let s = '';
    for (let n = next() % below; n > 0; n--) s += pieces[next() % pieces.length];
    out.push(s);
  }
  return out;
}
