// Code actions: a quick fix per fix of each finding, fix-all of a rule,
// source.fixAll.speech-draft, suppression comments, renumbering a list.
//
// A cursor request (VS Code sends one on every cursor move) costs what the
// findings at the cursor cost: the fix-all actions it offers carry no edit.
// Their edits are computed when the client resolves them (`codeAction/resolve`),
// or by a server command when the client cannot resolve; only a request whose
// `only` asks for source.fixAll gets the whole-draft edit at once.

import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver/node';
import { renumberEdits, type Finding, type Fix, type SpeechModel, type TextEdit, type Translate } from '../core';
import { Commands } from '../protocol';
import type { Analysis } from './analysis';
import { workspaceEdit } from './convert';
import { toDiagnostic } from './diagnostics';
import { fixAllEditsOf, safeFixCount } from './fixAll';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.speech-draft`;

/** What the client can do with the actions it gets. */
export interface ActionSupport {
  relatedInformation: boolean;
  /** `codeAction/resolve` may fill in `edit`. */
  resolveEdit: boolean;
  /** The client answers `workspace/applyEdit`, so an action may run a server command instead. */
  applyEdit: boolean;
  /** Edits go out as `documentChanges` naming the document version. */
  documentChanges: boolean;
}

/** What a fix-all action left unresolved carries: the document, its version, and the rule (none: every rule). */
export interface FixAllData {
  fixAll: true;
  uri: string;
  version: number;
  rule?: string;
}

export function isFixAllData(data: unknown): data is FixAllData {
  const d = data as Partial<FixAllData> | null;
  return !!d && typeof d === 'object' && d.fixAll === true && typeof d.uri === 'string' && (d.rule === undefined || typeof d.rule === 'string');
}

const sourceOf = (a: Analysis) => ({ uri: a.uri, version: a.version, lines: a.result.model.lines });

function lineStartAndIndent(model: SpeechModel, offset: number): { start: number; indent: string; eol: string } {
  const line = model.lines.lineAt(offset);
  // On the first line, after a byte order mark: the mark must stay first.
  const start = line === 0 && model.text.charCodeAt(0) === 0xfeff ? 1 : model.lines.lineStarts[line];
  const indent = /^[ \t\u3000]*/.exec(model.text.slice(start, model.lines.lineEnd(line)))![0];
  return { start, indent, eol: /\r\n/.test(model.text) ? '\r\n' : '\n' };
}

class ActionBuilder {
  readonly actions: CodeAction[] = [];

  constructor(
    private readonly a: Analysis,
    readonly t: Translate,
    readonly support: ActionSupport,
  ) {}

  edit(edits: readonly TextEdit[]) {
    return workspaceEdit(sourceOf(this.a), edits, this.support.documentChanges);
  }

  /** A fix-all action without its edit: resolved later, or run as a server command. */
  lazyFixAll(action: CodeAction, rule: string | undefined): CodeAction {
    const { a, support } = this;
    if (support.resolveEdit) return { ...action, data: { fixAll: true, uri: a.uri, version: a.version, rule } satisfies FixAllData };
    if (support.applyEdit) {
      const command = rule === undefined ? { command: Commands.fixAll, arguments: [a.uri] } : { command: Commands.fixAllOfRule, arguments: [a.uri, rule] };
      return { ...action, command: { title: action.title, ...command } };
    }
    // A client that can do neither gets the edit now: slow on large drafts, but it works.
    return resolveFixAll(a, { ...action, data: { fixAll: true, uri: a.uri, version: a.version, rule } }, support);
  }

  suppressions(f: Finding, diagnostic: Diagnostic): void {
    const { model } = this.a.result;
    const { start, indent, eol } = lineStartAndIndent(model, f.span.start);
    const bom = model.text.charCodeAt(0) === 0xfeff ? 1 : 0;
    this.actions.push(
      {
        title: this.t('Disable {0} for this line', f.rule),
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: this.edit([{ start, end: start, newText: `${indent}<!-- speech-draft-disable-next-line ${f.rule} -->${eol}` }]),
      },
      {
        title: this.t('Disable {0} for this file', f.rule),
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: this.edit([{ start: bom, end: bom, newText: `<!-- speech-draft-disable-file ${f.rule} -->${eol}` }]),
      },
    );
  }

  quickFix(fix: Fix, diagnostic: Diagnostic, preferred: boolean): void {
    this.actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: preferred || undefined, edit: this.edit(fix.edits) });
  }
}

/** Whether the request takes actions of this kind. */
function wants(params: CodeActionParams, kind: string): boolean {
  const only = params.context.only;
  return !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
}

/** Whether the request names source.fixAll itself (as on save), not just any source action or anything at all. */
function asksForFixAll(params: CodeActionParams): boolean {
  return !!params.context.only?.some((k) => k === CodeActionKind.SourceFixAll || k === FIX_ALL_KIND);
}

/** The findings touching [from, to]: findings are sorted by start, so the scan stops past `to`. */
function findingsAt(findings: readonly Finding[], from: number, to: number): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    if (f.span.start > to) break;
    if (from <= f.span.end) out.push(f);
  }
  return out;
}

export function codeActions(a: Analysis, params: CodeActionParams, t: Translate, support: ActionSupport): CodeAction[] {
  const { model, findings } = a.result;
  const from = model.lines.offsetAt(params.range.start);
  const to = model.lines.offsetAt(params.range.end);
  const b = new ActionBuilder(a, t, support);
  if (wants(params, FIX_ALL_KIND)) {
    const action: CodeAction = { title: t('Fix all safe problems in this draft'), kind: FIX_ALL_KIND };
    if (asksForFixAll(params)) {
      const edits = fixAllEditsOf(a, undefined);
      if (edits.length) b.actions.push({ ...action, edit: b.edit(edits) });
    } else if (safeFixCount(a) > 0) b.actions.push(b.lazyFixAll(action, undefined));
  }
  if (!wants(params, CodeActionKind.QuickFix)) return b.actions;
  const here = findingsAt(findings, from, to);
  const fixAllOffered = new Set<string>();
  for (const f of here) {
    const diagnostic = toDiagnostic(a.uri, model.lines, f, support.relatedInformation);
    (f.fixes ?? []).forEach((fix, i) => b.quickFix(fix, diagnostic, i === 0 && f.fixes!.length === 1));
    const sameRule = safeFixCount(a, f.rule);
    if (sameRule > 1 && !fixAllOffered.has(f.rule)) {
      fixAllOffered.add(f.rule);
      const action: CodeAction = { title: t('Fix all {0} problems ({1})', f.rule, sameRule), kind: CodeActionKind.QuickFix, diagnostics: [diagnostic] };
      b.actions.push(b.lazyFixAll(action, f.rule));
    }
    b.suppressions(f, diagnostic);
  }
  // Renumbering the list the cursor stands on, wherever it is wrong or not.
  const item = model.items.find((i) => i.marker.start <= from && from <= i.marker.end);
  const edits = item ? renumberEdits(item.group) : undefined;
  if (item && edits?.length && !here.some((f) => f.rule === 'numbering-sequence')) {
    b.actions.push({ title: t('Renumber this list'), kind: CodeActionKind.RefactorRewrite, edit: b.edit(edits) });
  }
  return b.actions;
}

/** Fills in the edit of a fix-all action, computed on the analysis given (the document as it is now). */
export function resolveFixAll(a: Analysis, action: CodeAction, support: ActionSupport): CodeAction {
  const data = action.data as FixAllData;
  const edits = fixAllEditsOf(a, data.rule);
  return { ...action, data: { ...data, version: a.version }, edit: workspaceEdit(sourceOf(a), edits, support.documentChanges) };
}
