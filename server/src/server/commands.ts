// Commands computed by the server: renumber the draft, write the 【提纲】 from
// the body, sync one heading from its 【提纲】 item, fix all (of one rule).

import type { Position, Range, ShowDocumentParams, WorkspaceEdit } from 'vscode-languageserver/node';
import { message, renumberWithOutline, updateOutlineBlockEdit, type TextEdit, type Translate } from '../core';
import { Commands } from '../protocol';
import type { Analysis } from './analysis';
import { workspaceEdit } from './convert';
import { headingSyncEdits, type SyncTarget } from './edits/headingSync';
import { fixAllEditsOf } from './fixAll';
import { previewedEdit, type EditSupport } from './preview';

/** Renumbers every list, the 【提纲】 following (`renumberWithOutline`). */
export function renumberAllEdits(a: Analysis): TextEdit[] {
  return renumberWithOutline(a.result.model, a.result.model.groups);
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

/** Renumbering and writing the 【提纲】 rewrite much of the draft: the writer confirms them in a preview. */
const PREVIEWED: ReadonlyMap<string, string> = new Map([
  [Commands.renumber, message('Renumber the draft')],
  [Commands.updateOutlineBlock, message('Update the 【提纲】 from the body')],
]);

/**
 * The command's edit, computed from one analysis and naming its version (as
 * `documentChanges`, where the client takes them): a keystroke that lands
 * before the client applies it makes the client refuse it, never misplace it.
 */
export function commandEdit(command: string, a: Analysis, args: unknown[], support: EditSupport, t: Translate): WorkspaceEdit | null {
  let edits: TextEdit[] = [];
  switch (command) {
    case Commands.renumber:
      edits = renumberAllEdits(a);
      break;
    case Commands.updateOutlineBlock: {
      const e = updateOutlineBlockEdit(a.result.model);
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
  if (!edits.length) return null;
  const source = { uri: a.uri, version: a.version, lines: a.result.model.lines };
  const label = PREVIEWED.get(command);
  return label ? previewedEdit(source, edits, support, t(label)) : workspaceEdit(source, edits, support.documentChanges);
}

const isPosition = (p: unknown): p is Position => !!p && typeof (p as Position).line === 'number' && typeof (p as Position).character === 'number';

/** `speechDraft.server.reveal` [uri, range]: the place to show, selected. */
export function revealParams(args: unknown[]): ShowDocumentParams | undefined {
  const [uri, range] = args as [unknown, Partial<Range> | undefined];
  if (typeof uri !== 'string' || !range || !isPosition(range.start) || !isPosition(range.end)) return undefined;
  return { uri, selection: { start: range.start, end: range.end }, takeFocus: true };
}
