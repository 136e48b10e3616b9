// Edits the writer sees before they apply: renumbering and writing the
// 【提纲】 rewrite text the finding does not point at, so they go out with a
// change annotation that needs confirmation, and VS Code shows its refactor
// preview. Only to clients that take annotations (in `documentChanges`).

import type { WorkspaceEdit } from 'vscode-languageserver/node';
import type { Finding, Fix, Span, TextEdit } from '../core';
import { toEdits, workspaceEdit, type EditSource } from './convert';

export const PREVIEW_ANNOTATION = 'speechDraft.preview';

export interface EditSupport {
  /** Edits go out as `documentChanges` naming the document version. */
  documentChanges: boolean;
  /** The client takes change annotations (`workspace.workspaceEdit.changeAnnotationSupport`). */
  changeAnnotations: boolean;
}

/** The edit, to be confirmed in a preview labelled `label` where the client can show one. */
export function previewedEdit(source: EditSource, edits: readonly TextEdit[], support: EditSupport, label: string): WorkspaceEdit {
  if (!support.documentChanges || !support.changeAnnotations) return workspaceEdit(source, edits, support.documentChanges);
  const annotated = toEdits(source.lines, edits).map((e) => ({ ...e, annotationId: PREVIEW_ANNOTATION }));
  return {
    documentChanges: [{ textDocument: { uri: source.uri, version: source.version }, edits: annotated }],
    changeAnnotations: { [PREVIEW_ANNOTATION]: { label, needsConfirmation: true } },
  };
}

const meets = (e: Span, s: Span) => e.start <= s.end && s.start <= e.end;

/**
 * A fix that could change what the speech says and edits text the finding
 * does not point at (itself or its related places), or rewrites the whole
 * 【提纲】 (`outline`, its span).
 */
export function needsPreview(f: Finding, fix: Fix, outline: Span | undefined): boolean {
  if (fix.safe) return false;
  const rewritesOutline = (e: Span) => !!outline && e.start <= outline.start && outline.end <= e.end;
  return fix.edits.some((e) => rewritesOutline(e) || (!meets(e, f.span) && !(f.related ?? []).some((r) => meets(e, r.span))));
}
