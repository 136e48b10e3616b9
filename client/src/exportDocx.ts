// 讲稿助手：导出为 Word — the draft as a .docx in the official layout. The
// server checks first; placeholders, download-site text or structural errors
// stop the export unless the writer chooses to export anyway (never the
// dialog's default: that is reviewing them one by one).

import * as vscode from 'vscode';
import type { SpeechServer } from './speechServer';
import { ExportDocxRequest, type ExportProblem } from '../../server/src/protocol';
import { ruleLabel } from './ruleLabel';
import { ruleOf } from './diagnosticCode';

export interface ExportArgs {
  /** Where to write, without asking (tests, other extensions). */
  target?: vscode.Uri;
  /** Export even when problems would stop it, without asking. */
  force?: boolean;
}

function defaultTarget(doc: vscode.TextDocument): vscode.Uri {
  if (doc.uri.scheme === 'file') return doc.uri.with({ path: doc.uri.path.replace(/(\.(txt|md|speech))?$/i, '.docx') });
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return folder ? vscode.Uri.joinPath(folder, '讲话稿.docx') : vscode.Uri.file('讲话稿.docx');
}

export async function exportDocx(server: SpeechServer, doc: vscode.TextDocument, args: ExportArgs = {}): Promise<vscode.Uri | undefined> {
  const textDocument = { uri: doc.uri.toString() };
  let result = await server.sendRequest(ExportDocxRequest, { textDocument, force: !!args.force });
  if (!result) return undefined;
  if (result.status === 'blocked') {
    const list = result.problems
      .slice(0, 8)
      .map((p) => vscode.l10n.t('Line {0}: {1}', p.line + 1, p.message))
      .join('\n');
    const more = result.problems.length > 8 ? '\n' + vscode.l10n.t('…and {0} more.', result.problems.length - 8) : '';
    // The first button is the dialog's default (Enter): reviewing the problems, never exporting them.
    const review: vscode.MessageItem = { title: vscode.l10n.t('Review One by One') };
    const anyway: vscode.MessageItem = { title: vscode.l10n.t('Export Anyway') };
    const cancel: vscode.MessageItem = { title: vscode.l10n.t('Cancel'), isCloseAffordance: true };
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('{0} problems should be fixed before printing.', result.problems.length),
      { modal: true, detail: list + more },
      review,
      anyway,
      cancel,
    );
    if (choice === review) {
      await reviewProblems(doc, result.problems);
      return undefined;
    }
    if (choice !== anyway) return undefined;
    result = await server.sendRequest(ExportDocxRequest, { textDocument, force: true });
    if (!result || result.status !== 'done') return undefined;
  }
  const target =
    args.target ??
    (await vscode.window.showSaveDialog({
      defaultUri: defaultTarget(doc),
      filters: { [vscode.l10n.t('Word document')]: ['docx'] },
      title: vscode.l10n.t('Export as Word'),
    }));
  if (!target) return undefined;
  await vscode.workspace.fs.writeFile(target, Buffer.from(result.data, 'base64'));
  if (!args.target) {
    const warnings = result.warnings ? ' ' + vscode.l10n.t('({0} warnings in the draft.)', result.warnings) : '';
    void vscode.window.showInformationMessage(vscode.l10n.t('Exported to {0}.', vscode.workspace.asRelativePath(target)) + warnings);
  }
  return target;
}

/**
 * 逐项查看: the problems that stop the export in a quick pick, each opening its
 * line (the finding itself selected, where its diagnostic is on that line).
 */
export async function reviewProblems(doc: vscode.TextDocument, problems: readonly ExportProblem[]): Promise<void> {
  const items = problems.map((p) => ({
    label: vscode.l10n.t('Line {0}', p.line + 1),
    description: ruleLabel(p.rule),
    detail: p.message,
    problem: p,
  }));
  const pick = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Problems to fix before printing'),
    placeHolder: vscode.l10n.t('Pick one to go to its line'),
    matchOnDetail: true,
  });
  if (!pick) return;
  const { line, rule } = pick.problem;
  const finding = vscode.languages.getDiagnostics(doc.uri).find((d) => ruleOf(d) === rule && d.range.start.line === line);
  const range = finding?.range ?? doc.lineAt(Math.min(line, doc.lineCount - 1)).range;
  const editor = await vscode.window.showTextDocument(doc);
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
