// What the client was last given for each document, so that a list that did
// not change is not sent again: a pushing client gets no new publish, a
// pulling one `unchanged`. Lists are compared in LSP terms (ranges, codes,
// messages), so an edit that only shifts findings within unchanged lines is
// no change, and one that moves a finding's position is.

import type { Diagnostic, DiagnosticRelatedInformation, Range } from 'vscode-languageserver/node';
import type { Analysis } from './analysis';

/** A result id prefix for this server run: a report of an earlier run is never taken for a current one. */
const RUN = `${Date.now().toString(36)}.${process.pid.toString(36)}`;

export interface GivenList {
  items: Diagnostic[];
  /** Changes exactly when `items` does. */
  resultId: string;
  /** The analysis it was made from: a second round on the same one reuses the list. */
  from: Analysis | null;
}

const sameRange = (a: Range, b: Range): boolean =>
  a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;

const sameRelated = (a: DiagnosticRelatedInformation[] | undefined, b: DiagnosticRelatedInformation[] | undefined): boolean => {
  if (!a || !b) return a === b;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i].message !== b[i].message || a[i].location.uri !== b[i].location.uri || !sameRange(a[i].location.range, b[i].location.range)) return false;
  }
  return true;
};

function sameDiagnostic(a: Diagnostic, b: Diagnostic): boolean {
  return (
    sameRange(a.range, b.range) &&
    a.message === b.message &&
    a.code === b.code &&
    a.severity === b.severity &&
    a.source === b.source &&
    a.codeDescription?.href === b.codeDescription?.href &&
    (a.tags ?? []).join() === (b.tags ?? []).join() &&
    JSON.stringify(a.data) === JSON.stringify(b.data) &&
    sameRelated(a.relatedInformation, b.relatedInformation)
  );
}

export function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  // A diagnostic given again (a finding before the edit) is the same object: no need to look inside.
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && !sameDiagnostic(a[i], b[i])) return false;
  return true;
}

export class GivenLists {
  private readonly byUri = new Map<string, GivenList>();
  private next = 0;

  /**
   * The list for `from` (made by `make` unless the last one came from the
   * same analysis), and whether it differs from the one the client was last
   * given; it becomes the one given.
   */
  update(uri: string, from: Analysis | null, make: () => Diagnostic[]): { list: GivenList; changed: boolean } {
    const last = this.byUri.get(uri);
    if (last && from && last.from === from) return { list: last, changed: false };
    const items = make();
    if (last && sameDiagnostics(last.items, items)) {
      last.from = from;
      return { list: last, changed: false };
    }
    const list = { items, resultId: `${RUN}:${++this.next}`, from };
    this.byUri.set(uri, list);
    return { list, changed: true };
  }

  has(uri: string): boolean {
    return this.byUri.has(uri);
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
  }
}
