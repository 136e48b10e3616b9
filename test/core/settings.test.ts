// The settings table is the one place a setting is declared: the checker's
// config has exactly its checker settings (the compiler checks), its defaults,
// and validation enforces its bounds.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { boundsOf, DEFAULT_CONFIG, defaultsOf, mergeConfig, SETTING_GROUPS, SETTINGS, validateConfig, type CheckerSettingKey, type SpeechDraftConfig } from '../../server/src/core';
import { repoRoot } from '../helpers/corpus';

// Fails to compile when a key is in SpeechDraftConfig but not in the table as a checker setting, or the other way round.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const checkerKeysMatch: Same<CheckerSettingKey, keyof SpeechDraftConfig> = true;

describe('the settings table', () => {
  it('holds the checker’s keys and defaults', () => {
    assert.ok(checkerKeysMatch);
    assert.deepStrictEqual(Object.keys(DEFAULT_CONFIG), SETTINGS.filter((s) => s.scope === 'checker').map((s) => s.key));
    assert.deepStrictEqual(mergeConfig(), { ...DEFAULT_CONFIG });
    assert.deepStrictEqual({ ...DEFAULT_CONFIG }, defaultsOf('checker'));
  });

  it('gives fresh defaults: changing a merged config leaves the next one alone', () => {
    const first = mergeConfig();
    first.placeholderPatterns.push('〔待定〕');
    first.rules.placeholder = 'off';
    assert.deepStrictEqual(mergeConfig().placeholderPatterns, []);
    assert.deepStrictEqual(mergeConfig().rules, {});
  });

  for (const spec of SETTINGS.filter((s) => s.scope === 'checker' && s.type === 'number')) {
    it(`validates ${spec.key} within its bounds (${spec.minimum}–${spec.maximum})`, () => {
      const [min, max] = boundsOf(spec);
      const problems = (value: unknown) => validateConfig({ [spec.key]: value }, 'rc.json').problems.length;
      assert.deepStrictEqual([problems(min), problems(max), problems(spec.default), problems(min - 1), problems(max + 1), problems('5')], [0, 0, 0, 1, 1, 1]);
      assert.strictEqual((validateConfig({ [spec.key]: max }, 'rc.json').config as Record<string, unknown>)[spec.key], max);
    });
  }

  it('describes every setting in Chinese and in English, and declares bounds for every number', () => {
    for (const s of SETTINGS) {
      assert.match(s.description.zh, /[\u4e00-\u9fff]/, s.key);
      assert.match(s.description.en, /^[A-Z`][^\u4e00-\u9fff]*[a-z]{3}/, s.key);
      if (s.type === 'number') assert.ok(Number.isFinite(s.minimum) && Number.isFinite(s.maximum), `${s.key} needs bounds`);
    }
  });

  it('names every setting in Chinese first on the settings page, in a group with a Chinese title', () => {
    const zh = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.nls.zh-cn.json'), 'utf8'));
    const en = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.nls.json'), 'utf8'));
    for (const s of SETTINGS) {
      assert.match(s.title.zh, /^[\u4e00-\u9fff]/, s.key);
      assert.ok(s.group in SETTING_GROUPS, s.key);
      assert.ok(zh[`config.${s.key}`].startsWith(`**${s.title.zh}**：`), zh[`config.${s.key}`]);
      assert.ok(en[`config.${s.key}`].startsWith(`**${s.title.en}**: `), en[`config.${s.key}`]);
    }
    const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    for (const category of pkg.contributes.configuration as Array<{ title: string }>) assert.match(zh[category.title.slice(1, -1)], /^[\u4e00-\u9fff]/);
  });
});
