// Over LSP: 将此规则改为提示/关闭 and 在本工作区接受“…” offered to a client that
// runs them (VS Code's, which says so in initializationOptions), with what
// the client needs to ask where and write: the `.speechdraftrc.json` that
// applies, what it sets for the rule, and whether the workspace is trusted.
// The accept list written to that file quiets the finding.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { ClientCommands, type AcceptPhraseArgs, type SetRuleSeverityArgs } from '../../server/src/protocol';
import { TestClient } from '../helpers/lspClient';

const DRAFT = ['一、做好会议筹备', '', '请××同志做好会议记录，会后形成纪要。', '', '三、抓好工作落实', '', '各部门要按分工抓好落实。', ''].join('\n');

describe('rule severity and accept quick fixes (over LSP)', function () {
  this.timeout(30000);
  let client: TestClient;
  let dir: string;
  let rc: string;
  let uri: string;
  beforeEach(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'speech-draft-rules-')));
    rc = path.join(dir, '.speechdraftrc.json');
    fs.writeFileSync(rc, JSON.stringify({ rules: { placeholder: 'error' } }, null, 2));
    uri = pathToFileURL(path.join(dir, 'draft.txt')).href;
  });
  afterEach(async () => {
    await client?.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function actionsFor(rule: string, options: { commands?: boolean; trusted?: boolean } = {}): Promise<CodeAction[]> {
    const { commands = true, trusted = true } = options;
    client = new TestClient({
      model: 'push',
      workspaceFolders: [dir],
      initializationOptions: { trusted, clientCommands: commands ? Object.values(ClientCommands) : undefined },
    });
    await client.initialize();
    await client.open(uri, DRAFT);
    const diag = (await client.diagnosticsFor(uri)).find((d) => d.code === rule)!;
    assert.ok(diag, `a ${rule} finding`);
    return client.codeActionsFor(uri, diag);
  }
  const argsOf = <T>(a: CodeAction | undefined) => a?.command?.arguments?.[0] as T;

  it('offers the rule turned to info or off, with the file that applies and what it sets', async () => {
    const actions = await actionsFor('placeholder');
    const info = actions.find((a) => a.title === '将规则“占位符”改为提示…');
    const off = actions.find((a) => a.title === '关闭规则“占位符”…');
    assert.ok(info && off, actions.map((a) => a.title).join(' | '));
    assert.strictEqual(info.command!.command, ClientCommands.setRuleSeverity);
    assert.deepStrictEqual(argsOf<SetRuleSeverityArgs>(info), {
      uri,
      configFile: rc,
      trusted: true,
      rule: 'placeholder',
      ruleName: '占位符',
      severity: 'info',
      configFileSeverity: 'error',
    });
    assert.strictEqual(argsOf<SetRuleSeverityArgs>(off).severity, 'off');
    assert.strictEqual(info.kind, 'quickfix');
    assert.deepStrictEqual(info.diagnostics?.map((d) => d.code), ['placeholder']);
  });

  it('offers to accept the placeholder in this workspace, and the accepted text quiets it', async () => {
    const actions = await actionsFor('placeholder');
    const accept = actions.find((a) => a.title === '在本工作区接受“××”')!;
    assert.ok(accept, actions.map((a) => a.title).join(' | '));
    assert.deepStrictEqual(argsOf<AcceptPhraseArgs>(accept), { uri, configFile: rc, trusted: true, phrase: '××' });
    // What the client writes: the file's `accept`.
    fs.writeFileSync(rc, JSON.stringify({ rules: { placeholder: 'error' }, accept: ['××'] }, null, 2));
    client.forgetDiagnostics(uri);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(rc).href, type: 2 }] });
    const after = await client.diagnosticsFor(uri);
    assert.ok(!after.some((d) => d.code === 'placeholder'), after.map((d) => d.message).join(' '));
    assert.ok(after.some((d) => d.code === 'numbering-sequence'), 'other findings stay');
  });

  it('offers no accept for the structure, nor in an untrusted workspace, and nothing to a client without the commands', async () => {
    const structure = await actionsFor('numbering-sequence');
    assert.ok(!structure.some((a) => a.title.startsWith('在本工作区接受')));
    assert.ok(structure.some((a) => a.title === '关闭规则“序号连续”…'));
    await client.shutdown();
    const untrusted = await actionsFor('placeholder', { trusted: false });
    assert.ok(!untrusted.some((a) => a.title.startsWith('在本工作区接受')));
    assert.strictEqual(argsOf<SetRuleSeverityArgs>(untrusted.find((a) => a.title === '关闭规则“占位符”…')).trusted, false);
    await client.shutdown();
    const other = await actionsFor('placeholder', { commands: false });
    assert.ok(!other.some((a) => a.command && Object.values(ClientCommands).includes(a.command.command as never)), other.map((a) => a.title).join(' | '));
  });

  it('offers info only where the rule is not info already', async () => {
    fs.writeFileSync(rc, JSON.stringify({ rules: { placeholder: 'info' } }));
    const actions = await actionsFor('placeholder');
    assert.ok(!actions.some((a) => a.title === '将规则“占位符”改为提示…'));
    assert.ok(actions.some((a) => a.title === '关闭规则“占位符”…'));
  });
});
