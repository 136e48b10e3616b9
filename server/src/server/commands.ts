// Commands computed by the server: renumber the draft, write the 【提纲】 from
// the body, sync one heading from its outline item, fix all of one rule.

import type { Position, WorkspaceEdit } from 'vscode-languageserver/node';
import { renumberEdits, updateOutlineEdit, type TextEdit } from '../core';
import { Commands } from '../protocol';
import type { Analysis } from './analysis';
import { fixAllEdits } from './codeActions';
import { workspaceEdit } from './convert';

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

/** The heading-from-outline fix of the outline-consistency finding at a position. */
function syncHeadingEdits(a: Analysis, position: Position | undefined): TextEdit[] {
  const { model, findings } = a.result;
  const offset = position ? model.lines.offsetAt(position) : -1;
  const candidates = findings.filter((f) => f.rule === 'outline-consistency' && f.fixes && f.fixes.length > 1);
  const hit =
    candidates.find((f) => f.span.start <= offset && offset <= f.span.end) ??
    candidates.find((f) => f.related?.some((r) => r.span.start <= offset && offset <= r.span.end));
  return hit ? hit.fixes![1].edits : [];
}

export const COMMAND_IDS = Object.values(Commands);

export function commandEdit(command: string, a: Analysis, args: unknown[]): WorkspaceEdit | null {
  let edits: TextEdit[] = [];
  switch (command) {
    case Commands.renumber:
      edits = renumberAllEdits(a);
      break;
    case Commands.updateOutline: {
      const e = updateOutlineEdit(a.result.model);
      if (e && a.text.slice(e.start, e.end) !== e.newText) edits = [e];
      break;
    }
    case Commands.syncHeadingFromOutline:
      edits = syncHeadingEdits(a, args[1] as Position | undefined);
      break;
    case Commands.fixAllOfRule:
      edits = fixAllEdits(
        a.text,
        a.result.findings.filter((f) => f.rule === args[1]),
      );
      break;
  }
  return edits.length ? workspaceEdit(a.uri, a.result.model.lines, edits) : null;
}
