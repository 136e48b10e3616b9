// The `speechDraft/moveSection` answer: the core's move as an LSP edit for the
// version it was made from, or the reason it cannot move in the writer's language.

import { moveSectionEdit, type MoveTarget, type Translate } from '../../core';
import type { MoveSectionParams, MoveSectionResult } from '../../protocol';
import type { Position } from 'vscode-languageserver/node';
import type { Analysis } from '../analysis';
import { workspaceEdit } from '../convert';

const isPosition = (p: unknown): p is Position =>
  !!p && typeof p === 'object' && Number.isInteger((p as Position).line) && Number.isInteger((p as Position).character);

export function moveSection(a: Analysis, params: MoveSectionParams, t: Translate): MoveSectionResult | null {
  const lines = a.result.model.lines;
  const { position, to } = params;
  if (!isPosition(position) || !(to === 'up' || to === 'down' || isPosition(to))) return null;
  const target: MoveTarget = typeof to === 'string' ? to : { offset: lines.offsetAt(to) };
  const outcome = moveSectionEdit(a.result.model, lines.offsetAt(position), target);
  switch (outcome.kind) {
    case 'moved':
      return { status: 'moved', version: a.version, edit: workspaceEdit({ uri: a.uri, version: a.version, lines }, [outcome.edit], false) };
    case 'refused':
      return {
        status: 'refused',
        message:
          outcome.reason === 'own-line'
            ? t('This item does not begin its own line, so it cannot be moved.')
            : t('A section can only move among its sibling sections.'),
      };
    case 'none':
      return null;
  }
}
