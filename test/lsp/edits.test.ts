// The server's pure text producers, without a connection: syncing a body
// heading from its 【提纲】 item, and writing the 【提纲】 from the body.

import * as assert from 'assert';
import { applyEdits, buildModel, updateOutlineBlockEdit, type TextEdit } from '../../server/src/core';
import { flatOutlineBlockItems, headingSyncEdits } from '../../server/src/server/edits/headingSync';
import { readFixture } from '../helpers/fixtures';

// 【提纲】 one item per line, with two sub-items; the body's （二） and 二、 have drifted from it.
const draft = readFixture('lsp/outline-draft.txt');

const apply = (text: string, edits: TextEdit[]): string => applyEdits(text, edits);

describe('heading sync from the 【提纲】', () => {
  const model = buildModel(draft);

  it('counts outline items depth first', () => {
    assert.deepStrictEqual(
      flatOutlineBlockItems(model).map((o) => o.marker.text + o.text),
      ['一、提高站位，统一思想', '（一）把握总体要求', '（二）明确目标任务', '二、压实责任，强化落实'],
    );
  });

  it('rewrites only the heading text of the item asked for, by index', () => {
    const sub = headingSyncEdits(model, { index: 2 });
    assert.strictEqual(sub.length, 1);
    assert.strictEqual(apply(draft, sub), draft.replace('\n（二）明确工作目标\n', '\n（二）明确目标任务\n'));
    const top = headingSyncEdits(model, { index: 3 });
    assert.strictEqual(apply(draft, top), draft.replace('\n二、压实责任，全面强化落实\n', '\n二、压实责任，强化落实\n'));
  });

  it('finds the pair from a position on the heading (marker included) or on the 【提纲】 item', () => {
    const byIndex = headingSyncEdits(model, { index: 3 });
    const bodyMarker = draft.lastIndexOf('二、压实责任');
    const outlineItem = draft.indexOf('二、压实责任');
    assert.ok(outlineItem < bodyMarker);
    assert.deepStrictEqual(headingSyncEdits(model, { offset: bodyMarker }), byIndex);
    assert.deepStrictEqual(headingSyncEdits(model, { offset: bodyMarker + 6 }), byIndex);
    assert.deepStrictEqual(headingSyncEdits(model, { offset: outlineItem + 1 }), byIndex);
  });

  it('offers nothing where heading and item agree, off a heading, or past the last item', () => {
    assert.deepStrictEqual(headingSyncEdits(model, { index: 0 }), []);
    assert.deepStrictEqual(headingSyncEdits(model, { index: 1 }), []);
    assert.deepStrictEqual(headingSyncEdits(model, { index: 4 }), []);
    assert.deepStrictEqual(headingSyncEdits(model, { offset: draft.indexOf('守土尽责') }), []);
    const noOutline = draft.slice(draft.indexOf('\n\n') + 2);
    assert.deepStrictEqual(headingSyncEdits(buildModel(noOutline), { offset: noOutline.indexOf('二、') }), []);
  });
});

describe('writing the 【提纲】 from the body', () => {
  const body = draft.slice(draft.indexOf('\n\n') + 2);
  const expected = ['一、提高站位，统一思想', '（一）把握总体要求', '（二）明确工作目标', '二、压实责任，全面强化落实'];

  it('keeps a block of one item per line in that form, replacing only the block', () => {
    const edit = updateOutlineBlockEdit(buildModel(draft))!;
    const out = apply(draft, [edit]);
    assert.strictEqual(out, ['【提纲】', ...expected].join('\n') + draft.slice(draft.indexOf('\n\n')));
  });

  it('keeps a one-line block on one line', () => {
    const oneLine = '【提纲】一、提高站位，统一思想。二、压实责任，强化落实。\n' + body;
    const out = apply(oneLine, [updateOutlineBlockEdit(buildModel(oneLine))!]);
    assert.strictEqual(out, '【提纲】' + expected.map((l) => l + '。').join('') + '\n' + body);
  });

  it('inserts a block at the top where there is none, in the draft’s line endings', () => {
    const crlf = body.replace(/\n/g, '\r\n');
    const edit = updateOutlineBlockEdit(buildModel(crlf))!;
    assert.deepStrictEqual([edit.start, edit.end], [0, 0]);
    assert.strictEqual(apply(crlf, [edit]), ['【提纲】', ...expected, '', ''].join('\r\n') + crlf);
  });
});
