// Rule docs inside VS Code: the shipped docs/rules/<id>.md in the Markdown
// preview, never a website the office network may not reach. A finding's code
// links there (the server's https link, kept for other editors, is replaced on
// the way in); 讲稿助手：打开规则说明 picks a rule by its Chinese name.

import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { RULE_NAMES } from './ruleNames';
import { ruleLabel, ruleName } from './ruleLabel';

export const OPEN_RULE_DOCS = 'speechDraft.openRuleDocs';

/** The command link a finding's code carries: the rule's page in the preview. */
export function ruleDocsLink(rule: string): vscode.Uri {
  return vscode.Uri.parse(`command:${OPEN_RULE_DOCS}?${encodeURIComponent(JSON.stringify([rule]))}`);
}

/** A diagnostic of ours with its code linking the shipped page (others as they are). */
export function linkRuleDocs(d: vscode.Diagnostic): vscode.Diagnostic {
  if (d.source !== 'speech-draft' || typeof d.code !== 'object' || !(String(d.code.value) in RULE_NAMES)) return d;
  d.code = { value: d.code.value, target: ruleDocsLink(String(d.code.value)) };
  return d;
}

/** Opens one rule's page, or asks which (by name, the id beside it). */
export async function openRuleDocs(extensionPath: string, rule?: string): Promise<void> {
  const dir = path.join(extensionPath, 'docs', 'rules');
  let id = typeof rule === 'string' && rule in RULE_NAMES ? rule : undefined;
  if (!id) {
    const items = Object.keys(RULE_NAMES).map((r) => {
      // A page: `# id`, its generated header, then its summary.
      const [, , summary = ''] = readSafe(path.join(dir, `${r}.md`)).split(/\n\n/);
      return { label: ruleName(r), description: r, detail: summary.replace(/\s+/g, ' ').slice(0, 80), id: r };
    });
    const pick = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Open the documentation of a rule'), matchOnDescription: true });
    id = pick?.id;
  }
  if (!id) return;
  const page = vscode.Uri.file(path.join(dir, `${id}.md`));
  try {
    await vscode.commands.executeCommand('markdown.showPreview', page);
  } catch {
    // No Markdown preview (the built-in extension disabled): the page as text.
    await vscode.window.showTextDocument(page);
  }
  void vscode.window.setStatusBarMessage(ruleLabel(id), 3000);
}

function readSafe(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
