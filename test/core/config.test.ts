// Configuration: validation with file, key and reason; the shipped JSON schema
// agrees with what the checker accepts; unsafe patterns are refused.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { checkPatternSafety, DEFAULT_CONFIG, mergeConfig, RULE_IDS, validateConfig } from '../../server/src/core';
import { parseConfigText } from '../../server/src/node/configFiles';
import { repoRoot } from '../helpers/corpus';

describe('configuration', () => {
  const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, 'schemas', 'speechdraftrc.schema.json'), 'utf8'));

  it('ships a schema whose rule ids and keys are the checker’s', () => {
    assert.deepStrictEqual(Object.keys(schema.properties.rules.properties), [...RULE_IDS]);
    const keys = Object.keys(schema.properties).filter((k) => k !== '$schema');
    for (const key of keys) {
      const sample = DEFAULT_CONFIG[key as keyof typeof DEFAULT_CONFIG];
      assert.deepStrictEqual(validateConfig({ [key]: sample }, 'x').problems, [], key);
    }
    assert.deepStrictEqual(validateConfig({ notAKey: 1 }, 'x').problems.map((p) => p.key), ['notAKey']);
    assert.deepStrictEqual(keys.sort(), Object.keys(DEFAULT_CONFIG).sort());
  });

  it('describes every key and rule of the schema in Chinese and English, with the bounds the checker enforces', () => {
    const described: Array<[string, { description?: string }]> = [
      ...Object.entries<{ description?: string }>(schema.properties),
      ...Object.entries<{ description?: string }>(schema.properties.rules.properties).map(([id, v]): [string, { description?: string }] => [`rules.${id}`, v]),
    ];
    for (const [key, value] of described) {
      assert.match(value.description ?? '', /[\u4e00-\u9fff].*\/ .*[A-Za-z]{3}/, `${key} needs “中文 / English”`);
    }
    for (const key of ['speakingRate', 'targetMinutes', 'sectionTargetMinutes', 'headingMaxLength']) {
      const { minimum, maximum } = schema.properties[key];
      const problems = (value: number) => validateConfig({ [key]: value }, 'x').problems.length;
      assert.deepStrictEqual([problems(minimum), problems(maximum), problems(minimum - 1), problems(maximum + 1)], [0, 0, 1, 1], key);
    }
  });

  it('keeps what is valid and names each problem', () => {
    const { config, problems } = validateConfig(
      { rules: { 'placeholder': 'off', 'nope': 'off', 'heading-style': 'loud' }, speakingRate: 'fast', targetMinutes: 20 },
      '/drafts/.speechdraftrc.json',
    );
    assert.deepStrictEqual(config.rules, { placeholder: 'off' });
    assert.strictEqual(config.targetMinutes, 20);
    assert.strictEqual(config.speakingRate, undefined);
    assert.deepStrictEqual(
      problems.map((p) => [p.source, p.key]),
      [
        ['/drafts/.speechdraftrc.json', 'rules.nope'],
        ['/drafts/.speechdraftrc.json', 'rules.heading-style'],
        ['/drafts/.speechdraftrc.json', 'speakingRate'],
      ],
    );
    assert.match(problems[0].message.zh, /未知的规则 id“nope”/);
    assert.match(problems[0].message.en, /Unknown rule id "nope"/);
  });

  it('reports bad JSON with its line and column, and falls back to defaults', () => {
    const { config, problems } = parseConfigText('{\n  "rules": {\n    "placeholder": "off",\n  }\n}', 'rc.json');
    assert.deepStrictEqual(config, {});
    assert.strictEqual(problems.length, 1);
    assert.match(problems[0].key, /^line 4, column \d+$/);
    assert.deepStrictEqual(mergeConfig(config), mergeConfig());
  });

  it('refuses patterns the engine cannot run, and keeps the rest (shapes that backtrack badly too: the engine never backtracks)', () => {
    assert.strictEqual(checkPatternSafety('(a+)+$'), undefined);
    assert.strictEqual(checkPatternSafety('(x|xx)*y'), undefined);
    assert.strictEqual(checkPatternSafety('(\\w*)+'), undefined);
    assert.ok(checkPatternSafety('(a)\\1'));
    assert.ok(checkPatternSafety('['));
    assert.strictEqual(checkPatternSafety('〔待定〕'), undefined);
    assert.strictEqual(checkPatternSafety('[甲乙丙]某'), undefined);
    const { config, problems } = validateConfig({ placeholderPatterns: ['(a)\\1', '(a+)+$', '〔待定〕'] }, 'rc.json');
    assert.deepStrictEqual(config.placeholderPatterns, ['(a+)+$', '〔待定〕']);
    assert.strictEqual(problems[0].key, 'placeholderPatterns[0]');
    assert.match(problems[0].message.zh, /反向引用/);
  });
});
