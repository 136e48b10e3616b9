// The quick fixes that write the user's choice, inside VS Code: accepting a
// placeholder writes the workspace's .speechdraftrc.json and quiets it; a
// rule turned off goes to the workspace settings, or to the file that applies
// (which takes precedence), as the writer picks in the quick pick.

import * as assert from 'assert';
import * as vscode from 'vscode';
import { ClientCommands } from '../../../server/src/protocol';
import { api, codeOf, diagnosticsWhere, workspaceFile } from './util';

// The half-width comma stays a finding whatever happens to the placeholder: the draft is seen checked.
const DRAFT = '一、做好会议筹备\n\n请××同志做好会议记录，会后形成纪要。\n\n二、抓好工作落实\n\n各部门要按分工抓好落实,确保按期完成。\n';

/** Runs the action's command, pressing Enter in the quick pick it shows (the item `down` places below the first) until `done` holds. */
async function runPicking(action: vscode.CodeAction, down: number, done: () => Promise<boolean>): Promise<void> {
  const running = vscode.commands.executeCommand(action.command!.command, ...(action.command!.arguments ?? []));
  // A quick pick gives extensions no event when it opens: try again every 200 ms.
  for (let i = 0; i < 100 && !(await done()); i++) {
    for (let k = 0; k < down; k++) await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    if (!(await done())) await new Promise((r) => setTimeout(r, 200));
  }
  await running;
  assert.ok(await done(), 'the choice was written');
}

describe('writing the rule settings and the accept list', () => {
  const draft = workspaceFile('rule-settings.speech');
  const rc = workspaceFile('.speechdraftrc.json');
  let doc: vscode.TextDocument;

  before(async () => {
    await api();
    await vscode.workspace.fs.writeFile(draft, Buffer.from(DRAFT, 'utf8'));
  });
  beforeEach(async () => {
    doc = await vscode.workspace.openTextDocument(draft);
    await vscode.window.showTextDocument(doc);
  });
  afterEach(async () => {
    await vscode.workspace.getConfiguration('speechDraft').update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace.fs.delete(rc).then(undefined, () => undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
  after(async () => {
    await vscode.workspace.fs.delete(draft).then(undefined, () => undefined);
  });

  const placeholder = () => diagnosticsWhere(doc.uri, (d) => d.some((x) => codeOf(x) === 'placeholder'), 'the placeholder reported');
  const quiet = () => diagnosticsWhere(doc.uri, (d) => d.length > 0 && !d.some((x) => codeOf(x) === 'placeholder'), 'the placeholder quiet');
  async function actionFor(command: string, severity?: string): Promise<vscode.CodeAction> {
    const [d] = (await placeholder()).filter((x) => codeOf(x) === 'placeholder');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range);
    const action = actions.find((a) => a.command?.command === command && (!severity || (a.command.arguments?.[0] as { severity: string }).severity === severity));
    assert.ok(action, actions.map((a) => a.title).join(' | '));
    return action;
  }
  const rcText = async () => Buffer.from(await vscode.workspace.fs.readFile(rc)).toString('utf8');

  it('accepts a placeholder in this workspace: written to a new .speechdraftrc.json, and quiet', async () => {
    const accept = await actionFor(ClientCommands.acceptPhrase);
    await vscode.commands.executeCommand(accept.command!.command, ...(accept.command!.arguments ?? []));
    assert.deepStrictEqual(JSON.parse(await rcText()), { accept: ['××'] });
    await quiet();
  });

  it('turns a rule off in the workspace settings, the first choice', async () => {
    const off = await actionFor(ClientCommands.setRuleSeverity, 'off');
    const rules = () => vscode.workspace.getConfiguration('speechDraft').inspect<Record<string, string>>('rules')?.workspaceValue;
    await runPicking(off, 0, async () => rules()?.placeholder === 'off');
    await quiet();
  });

  it('turns a rule off in the .speechdraftrc.json that sets it, listed first, keeping the rest of the file as written', async () => {
    const written = '{\n  "speakingRate": 180,\n  "rules": { "placeholder": "error" }\n}\n';
    await vscode.workspace.fs.writeFile(rc, Buffer.from(written, 'utf8'));
    // The server has read the file once the placeholder is an error.
    await diagnosticsWhere(doc.uri, (d) => d.some((x) => codeOf(x) === 'placeholder' && x.severity === vscode.DiagnosticSeverity.Error), 'the file read');
    const off = await actionFor(ClientCommands.setRuleSeverity, 'off');
    assert.strictEqual((off.command!.arguments![0] as { configFileSeverity: string }).configFileSeverity, 'error');
    await runPicking(off, 0, async () => (await rcText()).includes('"off"'));
    const text = await rcText();
    assert.ok(text.startsWith('{\n  "speakingRate": 180,\n  "rules": {'), text);
    assert.deepStrictEqual(JSON.parse(text), { speakingRate: 180, rules: { placeholder: 'off' } });
    await quiet();
  });
});
