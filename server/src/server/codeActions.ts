// Code actions: a quick fix per fix of each finding, fix-all of a rule,
// source.fixAll.speech-draft, suppression comments, renumbering a list.

import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver/node';
import { applyFixes, renumberEdits, safeFixes, type Finding, type Fix, type SpeechModel, type TextEdit, type Translate } from '../core';
import type { Analysis } from './analysis';
import { workspaceEdit } from './convert';
import { toDiagnostic } from './diagnostics';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.speech-draft`;

/** The edits of every safe fix that can be applied together in one pass. */
export function fixAllEdits(text: string, findings: readonly Finding[]): TextEdit[] {
  return applyFixes(text, safeFixes(findings)).applied.flatMap((f) => f.edits);
}

function lineStartAndIndent(model: SpeechModel, offset: number): { start: number; indent: string; eol: string } {
  const line = model.lines.lineAt(offset);
  // On the first line, after a byte order mark: the mark must stay first.
  const start = line === 0 && model.text.charCodeAt(0) === 0xfeff ? 1 : model.lines.lineStarts[line];
  const indent = /^[ \t\u3000]*/.exec(model.text.slice(start, model.lines.lineEnd(line)))![0];
  return { start, indent, eol: /\r\n/.test(model.text) ? '\r\n' : '\n' };
}

function suppressions(a: Analysis, f: Finding, diagnostic: Diagnostic, t: Translate): CodeAction[] {
  const { model } = a.result;
  const { start, indent, eol } = lineStartAndIndent(model, f.span.start);
  const bom = model.text.charCodeAt(0) === 0xfeff ? 1 : 0;
  return [
    {
      title: t('Disable {0} for this line', f.rule),
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: workspaceEdit(a.uri, model.lines, [{ start, end: start, newText: `${indent}<!-- speech-draft-disable-next-line ${f.rule} -->${eol}` }]),
    },
    {
      title: t('Disable {0} for this file', f.rule),
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: workspaceEdit(a.uri, model.lines, [{ start: bom, end: bom, newText: `<!-- speech-draft-disable-file ${f.rule} -->${eol}` }]),
    },
  ];
}

function quickFix(a: Analysis, fix: Fix, diagnostic: Diagnostic, preferred: boolean): CodeAction {
  return {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: preferred || undefined,
    edit: workspaceEdit(a.uri, a.result.model.lines, fix.edits),
  };
}

function wants(params: CodeActionParams, kind: string): boolean {
  const only = params.context.only;
  return !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
}

export function codeActions(a: Analysis, params: CodeActionParams, t: Translate, relatedSupport: boolean): CodeAction[] {
  const { model, findings } = a.result;
  const from = model.lines.offsetAt(params.range.start);
  const to = model.lines.offsetAt(params.range.end);
  const actions: CodeAction[] = [];
  if (wants(params, FIX_ALL_KIND)) {
    const edits = fixAllEdits(a.text, findings);
    if (edits.length) actions.push({ title: t('Fix all safe problems in this draft'), kind: FIX_ALL_KIND, edit: workspaceEdit(a.uri, model.lines, edits) });
  }
  if (!wants(params, CodeActionKind.QuickFix)) return actions;
  const here = findings.filter((f) => f.span.start <= to && from <= f.span.end);
  const fixAllOffered = new Set<string>();
  for (const f of here) {
    const diagnostic = toDiagnostic(a.uri, model.lines, f, relatedSupport);
    (f.fixes ?? []).forEach((fix, i) => actions.push(quickFix(a, fix, diagnostic, i === 0 && f.fixes!.length === 1)));
    const sameRule = findings.filter((g) => g.rule === f.rule && g.fixes?.[0]?.safe);
    if (sameRule.length > 1 && !fixAllOffered.has(f.rule)) {
      fixAllOffered.add(f.rule);
      actions.push({
        title: t('Fix all {0} problems ({1})', f.rule, sameRule.length),
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: workspaceEdit(a.uri, model.lines, fixAllEdits(a.text, sameRule)),
      });
    }
    actions.push(...suppressions(a, f, diagnostic, t));
  }
  // Renumbering the list the cursor stands on, wherever it is wrong or not.
  const item = model.items.find((i) => i.marker.start <= from && from <= i.marker.end);
  const edits = item ? renumberEdits(item.group) : undefined;
  if (item && edits?.length && !here.some((f) => f.rule === 'numbering-sequence')) {
    actions.push({ title: t('Renumber this list'), kind: CodeActionKind.RefactorRewrite, edit: workspaceEdit(a.uri, model.lines, edits) });
  }
  return actions;
}
