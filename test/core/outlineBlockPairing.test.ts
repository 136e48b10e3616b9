// Pairing the 【提纲】 with the body: each item with its heading or none, and
// how they differ. The outline-consistency rule and the heading sync both use it.

import * as assert from 'assert';
import { allPairs, buildModel, pairOutlineBlock, type OutlineBlockLevel } from '../../server/src/core';
import { headingDrifts } from '../../server/src/server/edits/headingSync';

// The 【提纲】 puts 压实责任 first, words two items otherwise, lists 优化营商环境 that the body lacks,
// and lacks the body's 加强组织保障.
const draft = [
  '【提纲】',
  '一、压实责任，强化落实',
  '二、提高站位，统一思想',
  '（一）把握总体要求',
  '（二）明确目标任务',
  '三、优化营商环境',
  '',
  '同志们：',
  '',
  '一、提高站位，统一思想',
  '',
  '（一）把握总体要求',
  '',
  '（二）明确工作目标',
  '',
  '二、压实责任，全面强化落实',
  '',
  '三、加强组织保障',
  '',
].join('\n');

type Shown = { pairs: Array<[string, string, string[], Shown | undefined]>; unmatched: string[]; unlisted: string[] };
function shown(level: OutlineBlockLevel): Shown {
  return {
    pairs: level.pairs.map((p) => [
      p.item.text,
      p.heading.headingText,
      [p.reworded ? 'reworded' : '', p.outOfOrder ? 'out of order' : ''].filter(Boolean),
      p.children && shown(p.children),
    ]),
    unmatched: level.unmatched.map((o) => o.text),
    unlisted: level.unlisted.map((h) => h.headingText),
  };
}

describe('pairing the 【提纲】 with the body', () => {
  const model = buildModel(draft);

  it('pairs each item with its heading, level by level, and says how they differ', () => {
    assert.deepStrictEqual(shown(pairOutlineBlock(model)!), {
      pairs: [
        [
          '提高站位，统一思想',
          '提高站位，统一思想',
          ['out of order'],
          {
            pairs: [
              ['把握总体要求', '把握总体要求', [], undefined],
              ['明确目标任务', '明确工作目标', ['reworded'], undefined],
            ],
            unmatched: [],
            unlisted: [],
          },
        ],
        ['压实责任，强化落实', '压实责任，全面强化落实', ['reworded'], undefined],
      ],
      unmatched: ['优化营商环境'],
      unlisted: ['加强组织保障'],
    });
  });

  it('is undefined without a 【提纲】, and lists every pair depth first', () => {
    assert.strictEqual(pairOutlineBlock(buildModel(draft.slice(draft.indexOf('同志们')))), undefined);
    assert.deepStrictEqual(allPairs(pairOutlineBlock(model)).map((p) => p.item.text), ['提高站位，统一思想', '把握总体要求', '明确目标任务', '压实责任，强化落实']);
    assert.deepStrictEqual(allPairs(undefined), []);
  });

  it('gives the heading sync exactly the reworded pairs', () => {
    assert.deepStrictEqual(
      headingDrifts(model).map((d) => [draft.slice(d.heading.start, d.heading.end), draft.slice(d.outlineBlockItem.start, d.outlineBlockItem.end), d.edit.newText]),
      [
        ['明确工作目标', '明确目标任务', '明确目标任务'],
        ['压实责任，全面强化落实', '压实责任，强化落实', '压实责任，强化落实'],
      ],
    );
  });
});
