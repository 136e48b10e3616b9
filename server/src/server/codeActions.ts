// Code actions: a quick fix per fix of each finding, fix-all of a rule,
// source.fixAll.speech-draft, suppression comments, renumbering a list.
//
// A cursor request (VS Code sends one on every cursor move) costs what the
// findings at the cursor cost: the fix-all actions it offers carry no edit.
// Their edits are computed when the client resolves them (`codeAction/resolve`),
// or by a server command when the client cannot resolve; only a request whose
// `only` asks for source.fixAll gets the whole-draft edit at once.

import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver/node';
import { byRank, groupedRule, renumberWithOutline, ruleById, type Finding, type Fix, type SpeechModel, type TextEdit, type Translate } from '../core';
import { Commands } from '../protocol';
import type { Analysis } from './analysis';
import { workspaceEdit } from './convert';
import { toDiagnostic } from './diagnostics';
import { fixAllEditsOf, safeFixCount } from './fixAll';
import { needsPreview, previewedEdit } from './preview';
import { acceptAction, severityActions } from './ruleActions';
import { writerFixes, type PlannedAction } from './writerFixes';

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
  /** The client takes change annotations, so an edit can ask to be confirmed in a preview. */
  changeAnnotations: boolean;
  /** The client shows a place of a document on request (`window/showDocument`). */
  showDocument: boolean;
  /** The commands of `ClientCommands` the client runs (it says so in `initializationOptions.clientCommands`). */
  clientCommands: ReadonlySet<string>;
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

  /** The edit; with a preview label, to be confirmed in a preview where the client shows one. */
  edit(edits: readonly TextEdit[], preview?: string) {
    return preview ? previewedEdit(sourceOf(this.a), edits, this.support, preview) : workspaceEdit(sourceOf(this.a), edits, this.support.documentChanges);
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
    const name = ruleNameOf(f.rule, this.t);
    const { start, indent, eol } = lineStartAndIndent(model, f.span.start);
    const bom = model.text.charCodeAt(0) === 0xfeff ? 1 : 0;
    this.actions.push(
      {
        title: this.t('Disable “{0}” for this line ({1})', name, f.rule),
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: this.edit([{ start, end: start, newText: `${indent}<!-- speech-draft-disable-next-line ${f.rule} -->${eol}` }]),
      },
      {
        title: this.t('Disable “{0}” for this file ({1})', name, f.rule),
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: this.edit([{ start: bom, end: bom, newText: `<!-- speech-draft-disable-file ${f.rule} -->${eol}` }]),
      },
    );
  }

  quickFix(fix: Fix, diagnostic: Diagnostic, preferred: boolean, preview: boolean): void {
    const edit = this.edit(fix.edits, preview ? fix.title : undefined);
    this.actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: preferred || undefined, edit });
  }

  planned(p: PlannedAction, diagnostic: Diagnostic): void {
    const action: CodeAction = { title: p.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: p.preferred || undefined };
    if (p.edits) action.edit = this.edit(p.edits, p.preview);
    if (p.command) action.command = p.command;
    this.actions.push(action);
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

/** The rule's name in the writer's language (`全角标点`), as the hover and the settings name it. */
export function ruleNameOf(id: string, t: Translate): string {
  const rule = ruleById(id);
  return rule ? t(rule.name.en) : id;
}

const touches = (f: Finding, from: number, to: number) => f.span.start <= to && from <= f.span.end;

/**
 * The findings touching [from, to], a group also where one of its marks does;
 * structure first. Findings are sorted by start (a group starts at its first
 * mark), so the scan stops past `to`.
 */
function findingsAt(findings: readonly Finding[], from: number, to: number): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    if (f.span.start > to) break;
    if (touches(f, from, to) || f.members?.some((m) => touches(m, from, to))) out.push(f);
  }
  return out.sort(byRank);
}

/** The title of a rule's fix-all: the rule's own words where it has them (`全部改为全角（110 处）`). */
function fixAllTitle(rule: string, count: number, t: Translate): string {
  const grouped = groupedRule(rule);
  return grouped ? t(grouped.fixAll, count) : t('Fix all “{0}” problems ({1})', ruleNameOf(rule, t), count);
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
  const severityOffered = new Set<string>();
  for (const f of here) {
    const diagnostic = toDiagnostic(a.uri, model.lines, f, support.relatedInformation);
    // The writer's fixes first (a lost heading back before any renumbering), then the rule's.
    const writer = writerFixes(a, f, t, support.showDocument);
    writer.first.forEach((p) => b.planned(p, diagnostic));
    const own = (f.fixes ?? []).filter((fix) => !writer.replaces(fix));
    const preferredTaken = writer.first.some((p) => p.preferred);
    own.forEach((fix, i) => b.quickFix(fix, diagnostic, !preferredTaken && i === 0 && own.length === 1 && !writer.last.length, needsPreview(f, fix, model.parts.outlineBlock?.span)));
    writer.last.forEach((p) => b.planned(p, diagnostic));
    const sameRule = safeFixCount(a, f.rule);
    if (sameRule > 1 && !fixAllOffered.has(f.rule)) {
      fixAllOffered.add(f.rule);
      const action: CodeAction = { title: fixAllTitle(f.rule, sameRule, t), kind: CodeActionKind.QuickFix, diagnostics: [diagnostic] };
      b.actions.push(b.lazyFixAll(action, f.rule));
    }
    const accept = acceptAction(a, f, diagnostic, t, support.clientCommands);
    if (accept) b.actions.push(accept);
    // A rule's severity once, at the first of its findings here.
    if (!severityOffered.has(f.rule)) {
      severityOffered.add(f.rule);
      b.actions.push(...severityActions(a, f, diagnostic, t, support.clientCommands));
    }
    b.suppressions(f, diagnostic);
  }
  // Renumbering the list the cursor stands on, wherever it is wrong or not.
  const item = model.items.find((i) => i.marker.start <= from && from <= i.marker.end);
  const edits = item ? renumberWithOutline(model, [item.group]) : undefined;
  if (item && edits?.length && !here.some((f) => f.rule === 'numbering-sequence')) {
    const title = t('Renumber this list');
    b.actions.push({ title, kind: CodeActionKind.RefactorRewrite, edit: b.edit(edits, title) });
  }
  return b.actions;
}

/** Fills in the edit of a fix-all action, computed on the analysis given (the document as it is now). */
export function resolveFixAll(a: Analysis, action: CodeAction, support: ActionSupport): CodeAction {
  const data = action.data as FixAllData;
  const edits = fixAllEditsOf(a, data.rule);
  return { ...action, data: { ...data, version: a.version }, edit: workspaceEdit(sourceOf(a), edits, support.documentChanges) };
}
