// Every rule has a fixture: defects with the expected finding written next to
// them, and a clean draft where the rule must stay silent; some have further
// cases (`<id>.<case>.txt`), each a draft of one kind with its findings marked.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { allRules } from '../../server/src/core';
import { assertFixture, caseFixtures, fixtureDir } from '../helpers/fixtures';

describe('rule fixtures', () => {
  for (const rule of allRules) {
    describe(rule.id, () => {
      it('finds each defect written into its fixture', () => {
        const file = path.join('rules', `${rule.id}.txt`);
        assert.ok(fs.existsSync(path.join(fixtureDir, file)), `missing fixture ${file}`);
        const result = assertFixture(file, rule.id);
        assert.ok(result.findings.some((f) => f.rule === rule.id), 'the fixture must contain at least one defect');
      });
      it('stays silent on its clean draft', () => {
        const file = path.join('rules', `${rule.id}.clean.txt`);
        assert.ok(fs.existsSync(path.join(fixtureDir, file)), `missing fixture ${file}`);
        assertFixture(file, rule.id);
      });
      for (const file of caseFixtures(rule.id)) {
        it(`finds exactly what ${path.basename(file)} marks`, () => assertFixture(file, rule.id));
      }
      it('has a Chinese and an English description and a doc page', () => {
        assert.ok(/[\u4e00-\u9fff]/.test(rule.description.zh));
        assert.match(rule.description.en, /^[A-Z][a-z]*\b.*[a-z]{3}/);
        const doc = path.join(fixtureDir, '..', '..', 'docs', 'rules', `${rule.id}.md`);
        assert.ok(fs.existsSync(doc), `missing ${doc}`);
        const text = fs.readFileSync(doc, 'utf8');
        assert.match(text, /错误示例|Wrong/);
        assert.match(text, /正确示例|Right/);
      });
    });
  }
});
