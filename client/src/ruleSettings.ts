// The client half of two quick fixes the server offers: a rule's severity
// (将此规则改为提示 / 关闭), written where the user chooses — the workspace
// settings or the `.speechdraftrc.json` that applies to the draft, which
// takes precedence — and "在本工作区接受“…”", added to that file's `accept`.
// A file is edited in place (jsonc-parser: the rest stays as written) and
// written through a temporary file; the server sees the change and checks again.

import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
// The ES module build: its UMD build loads its parts with a require() the bundler cannot follow.
import { applyEdits, modify, parse, type JSONPath, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import { ClientCommands, type AcceptPhraseArgs, type SetRuleSeverityArgs } from '../../server/src/protocol';
import { SECTION } from './settings';

const CONFIG_FILE = '.speechdraftrc.json';

/** Where a `.speechdraftrc.json` that applies to the draft goes: its workspace folder, else its own folder. */
function configFileFor(draft: vscode.Uri, existing: string | undefined): vscode.Uri | undefined {
  if (existing) return vscode.Uri.file(existing);
  const folder = vscode.workspace.getWorkspaceFolder(draft);
  if (folder) return vscode.Uri.joinPath(folder.uri, CONFIG_FILE);
  return draft.scheme === 'file' ? vscode.Uri.file(path.join(path.dirname(draft.fsPath), CONFIG_FILE)) : undefined;
}

const shown = (file: vscode.Uri) => vscode.workspace.asRelativePath(file);

/** The file's text: from its editor if it is open (unsaved changes included), else from the disk; undefined when there is none. */
async function currentText(file: vscode.Uri): Promise<{ text: string; doc?: vscode.TextDocument } | undefined> {
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === file.toString());
  if (doc) return { text: doc.getText(), doc };
  try {
    return { text: Buffer.from(await vscode.workspace.fs.readFile(file)).toString('utf8').replace(/^\uFEFF/, '') };
  } catch {
    return undefined;
  }
}

/** Writes through a temporary file and a rename in the same folder: a crash leaves the old file or the new one. */
async function writeAtomically(file: vscode.Uri, text: string): Promise<void> {
  if (file.scheme !== 'file') return vscode.workspace.fs.writeFile(file, Buffer.from(text, 'utf8'));
  const temp = `${file.fsPath}.${process.pid}-${Date.now().toString(36)}.tmp`;
  await fs.promises.writeFile(temp, text, 'utf8');
  await fs.promises.rename(temp, file.fsPath);
}

/**
 * Sets `value` at `at` in the JSON file (created when missing), the rest as
 * written; false when the file is not a JSON object (it is left alone and the
 * user told).
 */
export async function editConfigFile(file: vscode.Uri, at: JSONPath, value: unknown, arrayInsertion = false): Promise<boolean> {
  const current = await currentText(file);
  const text = current && current.text.trim() ? current.text : '{}\n';
  const errors: ParseError[] = [];
  const root: unknown = parse(text, errors, { disallowComments: true, allowTrailingComma: false });
  if (errors.length || !root || typeof root !== 'object' || Array.isArray(root)) {
    const open = vscode.l10n.t('Open');
    const answer = await vscode.window.showErrorMessage(vscode.l10n.t('{0} is not a valid JSON object: it was left as it is.', shown(file)), open);
    if (answer === open) await vscode.window.showTextDocument(file);
    return false;
  }
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const next = applyEdits(text, modify(text, at, value, { formattingOptions: { insertSpaces: true, tabSize: 2, eol }, isArrayInsertion: arrayInsertion }));
  if (current?.doc) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(file, new vscode.Range(current.doc.positionAt(0), current.doc.positionAt(current.doc.getText().length)), next);
    await vscode.workspace.applyEdit(edit);
    await current.doc.save();
  } else {
    await writeAtomically(file, next);
  }
  return true;
}

interface Target extends vscode.QuickPickItem {
  write(): Promise<boolean>;
  place: string;
}

async function setRuleSeverity(args: SetRuleSeverityArgs): Promise<void> {
  const draft = vscode.Uri.parse(args.uri);
  const severity = args.severity === 'off' ? vscode.l10n.t('severity: off') : vscode.l10n.t('severity: info');
  const inWorkspace = !!vscode.workspace.workspaceFolders?.length;
  const settingsPlace = inWorkspace ? vscode.l10n.t('Workspace settings') : vscode.l10n.t('User settings');
  const settings: Target = {
    label: settingsPlace,
    description: `${SECTION}.rules`,
    // The file wins over the settings: say so where it sets this rule.
    detail: args.configFileSeverity && args.configFile ? vscode.l10n.t('{0} sets this rule to “{1}” and takes precedence: a change here would not show.', shown(vscode.Uri.file(args.configFile)), args.configFileSeverity) : undefined,
    place: settingsPlace,
    write: async () => {
      const config = vscode.workspace.getConfiguration(SECTION, draft);
      const inspected = config.inspect<Record<string, string>>('rules');
      const current = (inWorkspace ? inspected?.workspaceValue : inspected?.globalValue) ?? {};
      await config.update('rules', { ...current, [args.rule]: args.severity }, inWorkspace ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global);
      return true;
    },
  };
  const targets: Target[] = [settings];
  // A file of an untrusted workspace may only raise severities: not offered there.
  const file = args.trusted ? configFileFor(draft, args.configFile) : undefined;
  if (file) {
    const target: Target = {
      label: args.configFile ? shown(file) : vscode.l10n.t('A new {0}', shown(file)),
      description: args.configFile ? vscode.l10n.t('applies to this draft and takes precedence') : undefined,
      place: shown(file),
      write: () => editConfigFile(file, ['rules', args.rule], args.severity),
    };
    if (args.configFileSeverity) targets.unshift(target);
    else targets.push(target);
  }
  const picked = await vscode.window.showQuickPick(targets, { placeHolder: vscode.l10n.t('Where should rule “{0}” be set to {1}?', args.ruleName, severity) });
  if (!picked || !(await picked.write())) return;
  void vscode.window.setStatusBarMessage(vscode.l10n.t('Rule “{0}” is now {1} ({2}).', args.ruleName, severity, picked.place), 5000);
}

async function acceptPhrase(args: AcceptPhraseArgs): Promise<void> {
  const file = args.trusted ? configFileFor(vscode.Uri.parse(args.uri), args.configFile) : undefined;
  if (!file) return;
  const current = await currentText(file);
  let accepted: unknown;
  try {
    accepted = current?.text.trim() ? (JSON.parse(current.text) as { accept?: unknown }).accept : undefined;
  } catch {
    accepted = undefined; // editConfigFile says what is wrong with the file
  }
  if (Array.isArray(accepted) && accepted.includes(args.phrase)) {
    void vscode.window.setStatusBarMessage(vscode.l10n.t('“{0}” is already accepted ({1}).', args.phrase, shown(file)), 5000);
    return;
  }
  const written = Array.isArray(accepted) ? await editConfigFile(file, ['accept', -1], args.phrase, true) : await editConfigFile(file, ['accept'], [args.phrase]);
  if (written) void vscode.window.setStatusBarMessage(vscode.l10n.t('“{0}” is accepted in this workspace ({1}).', args.phrase, shown(file)), 5000);
}

/** The commands, by id, for the extension to register. */
export function ruleSettingCommands(): Record<string, (args: never) => Promise<void>> {
  return {
    [ClientCommands.setRuleSeverity]: (args: SetRuleSeverityArgs) => setRuleSeverity(args),
    [ClientCommands.acceptPhrase]: (args: AcceptPhraseArgs) => acceptPhrase(args),
  };
}
