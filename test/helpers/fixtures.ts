// Rule fixtures: Chinese drafts with each defect written in and, on the line
// right below it, the expected finding: `<!-- expect rule-id [rule-id…] -->`
// (one id per expected finding). A fixture line with no such comment must
// have no finding of the rule under test, nor of the rules a
// `<!-- fixture-rules rule-id… -->` line names (a case that concerns two rules).

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Checker, mergeConfig, validateConfig, type CheckOptions, type CheckResult } from '../../server/src/core';
import { repoRoot } from './corpus';

const EXPECT = /^\s*<!--\s*expect\s+([^>]*?)\s*-->\s*$/;
/** `<!-- fixture-config {"targetMinutes": 1} -->`: settings for this fixture. */
const FIXTURE_CONFIG = /^\s*<!--\s*fixture-config\s+(\{.*\})\s*-->\s*$/m;
/** `<!-- fixture-rules announced-count -->`: further rules whose findings must be exactly the expected ones. */
const FIXTURE_RULES = /^\s*<!--\s*fixture-rules\s+([^>]*?)\s*-->\s*$/m;

export const fixtureDir = path.join(repoRoot, 'test', 'fixtures');

export function readFixture(relative: string): string {
  return fs.readFileSync(path.join(fixtureDir, relative), 'utf8');
}

/** Expected findings: rule id -> list of 1-based lines (a line repeats once per finding). */
export function expectations(text: string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((line, i) => {
    const m = EXPECT.exec(line);
    if (!m) return;
    let target = i - 1;
    while (target >= 0 && (EXPECT.test(lines[target]) || lines[target].trim() === '')) target--;
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
