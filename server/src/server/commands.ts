// Commands computed by the server: renumber the draft, write the 【提纲】 from
// the body, sync one heading from its 【提纲】 item, fix all (of one rule).

import type { Position, WorkspaceEdit } from 'vscode-languageserver/node';
import { renumberEdits, updateOutlineEdit, type TextEdit } from '../core';
import { Commands } from '../protocol';
import type { Analysis } from './analysis';
import { workspaceEdit } from './convert';
import { headingSyncEdits, type SyncTarget } from './edits/headingSync';
import { fixAllEditsOf } from './fixAll';

/** Renumbers every list; a list whose edits would clash with one already taken waits for the next run. */
export function renumberAllEdits(a: Analysis): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const group of a.result.model.groups) {
    const e = renumberEdits(group) ?? [];
    if (e.some((x) => edits.some((y) => x.start < y.end && y.start < x.end))) continue;
    edits.push(...e);
  }
  return edits;
}

/**
 * The command's second argument: a position (on the body heading or on its
 * 【提纲】 item), or the index of the 【提纲】 item (depth first), bare or as `{ index }`.
 */
function syncTarget(a: Analysis, arg: unknown): SyncTarget | undefined {
  if (typeof arg === 'number' && Number.isInteger(arg)) return { index: arg };
  if (!arg || typeof arg !== 'object') return undefined;
  const o = arg as Partial<Position> & { index?: unknown };
  if (typeof o.index === 'number' && Number.isInteger(o.index)) return { index: o.index };
  if (typeof o.line === 'number' && typeof o.character === 'number') return { offset: a.result.model.lines.offsetAt({ line: o.line, character: o.character }) };
  return undefined;
}

export const COMMAND_IDS = Object.values(Commands);

/**
 * The command's edit, computed from one analysis and naming its version (as
 * `documentChanges`, where the client takes them): a keystroke that lands
 * before the client applies it makes the client refuse it, never misplace it.
 */
export function commandEdit(command: string, a: Analysis, args: unknown[], documentChanges: boolean): WorkspaceEdit | null {
  let edits: TextEdit[] = [];
  switch (command) {
    case Commands.renumber:
      edits = renumberAllEdits(a);
      break;
    case Commands.updateOutlineBlock: {
      const e = updateOutlineEdit(a.result.model);
      if (e && a.text.slice(e.start, e.end) !== e.newText) edits = [e];
      break;
    }
    case Commands.syncHeadingFromOutlineBlock: {
      const target = syncTarget(a, args[1]);
      edits = target ? headingSyncEdits(a.result.model, target) : [];
      break;
    }
    case Commands.fixAllOfRule:
      edits = typeof args[1] === 'string' ? fixAllEditsOf(a, args[1]) : [];
      break;
    case Commands.fixAll:
      edits = fixAllEditsOf(a, undefined);
      break;
  }
  return edits.length ? workspaceEdit({ uri: a.uri, version: a.version, lines: a.result.model.lines }, edits, documentChanges) : null;
}
