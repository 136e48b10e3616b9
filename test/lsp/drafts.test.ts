// Which documents the server checks (speechDraft.languages, speechDraft.ignore)
// and 讲稿助手：检查整个工作区 (speechDraft/checkWorkspace): every draft of the
// files the client found checked and published, with progress the writer may
// cancel; notices, ignored, unreadable and GB18030 files skipped; open drafts
// left to their own checks.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { ClientCapabilities } from 'vscode-languageserver-protocol';
import type { CheckWorkspaceResult, WorkspaceFile } from '../../server/src/protocol';
import { TestClient, type DiagnosticsModel } from '../helpers/lspClient';

const GAP = '在全县防汛工作会议上的讲话\n\n同志们：\n\n一、认清形势\n\n今年汛期来得早。\n\n三、狠抓落实\n\n要压实责任。\n';
// Its lookalike: the same speech numbered right.
const NO_GAP = GAP.replace('三、', '二、');
const NOTICE = '关于做好2025年防汛工作的通知\n\n各乡镇人民政府：\n\n一、提高认识\n\n三、落实责任\n';
// 讲话 in GB18030 (not UTF-8).
const GB18030 = Buffer.from([0xbd, 0xb2, 0xbb, 0xb0, 0x0a]);

type Progress = { kind: string; title?: string; message?: string; percentage?: number; cancellable?: boolean };

function withProgress(client: TestClient): { created: string[]; events: Array<{ token: string; value: Progress }> } {
  const seen = { created: [] as string[], events: [] as Array<{ token: string; value: Progress }> };
  client.connection.onRequest('window/workDoneProgress/create', (p: { token: string }) => {
    seen.created.push(p.token);
    return null;
  });
  client.connection.onNotification('$/progress', (p: { token: string; value: Progress }) => {
    seen.events.push(p);
  });
  return seen;
}

const progressCapability = (caps: ClientCapabilities) => {
  caps.window = { ...caps.window, workDoneProgress: true };
};

describe('language server: which drafts, and the whole workspace', function () {
  this.timeout(60000);
  let dir: string;
  const uriOf = (name: string) => pathToFileURL(path.join(dir, name)).href;
  const write = (name: string, content: string | Buffer) => {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  };

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-draft-drafts-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const model of ['push', 'pull'] as DiagnosticsModel[]) {
    it(`checks only the languages named and not what speechDraft.ignore matches (${model})`, async () => {
      const client = new TestClient({ model, settings: { languages: ['speech'], ignore: ['旧稿/**', '**/*草稿*.speech'] }, workspaceFolders: [dir] });
      try {
        await client.initialize();
        const checked = async (name: string, languageId: string) => {
          await client.open(uriOf(name), GAP, languageId);
          return (await client.diagnosticsFor(uriOf(name))).some((d) => d.code === 'numbering-sequence');
        };
        assert.strictEqual(await checked('新稿/讲话.speech', 'speech'), true);
        assert.strictEqual(await checked('旧稿/讲话.speech', 'speech'), false);
        assert.strictEqual(await checked('新稿/讲话草稿.speech', 'speech'), false);
        assert.strictEqual(await checked('新稿/讲话.txt', 'plaintext'), false, 'plaintext is not among the languages');
        await client.changeSettings({ languages: ['speech', 'plaintext'], ignore: [] });
        assert.strictEqual(await checked('旧稿/讲话2.speech', 'speech'), true, 'no longer ignored');
        assert.strictEqual(await checked('新稿/讲话2.txt', 'plaintext'), true);
      } finally {
        await client.shutdown();
      }
    });
  }

  it('checks every draft of the workspace with progress, and skips what is not one', async () => {
    write('讲话.speech', GAP);
    write('一稿/讲话.txt', GAP);
    write('一稿/定稿.txt', NO_GAP);
    write('通知.txt', NOTICE);
    write('gb18030.txt', GB18030);
    write('旧稿/讲话.speech', GAP);
    write('打开的.speech', GAP);
    const client = new TestClient({ model: 'push', settings: { languages: ['speech'], ignore: ['旧稿/**'] }, workspaceFolders: [dir], tweakCapabilities: progressCapability });
    const progress = withProgress(client);
    try {
      await client.initialize();
      await client.open(uriOf('打开的.speech'), NO_GAP, 'speech');
      await client.diagnosticsFor(uriOf('打开的.speech'));
      const files: WorkspaceFile[] = [
        { uri: uriOf('讲话.speech'), languageId: 'speech' },
        { uri: uriOf('一稿/讲话.txt'), languageId: 'plaintext', ifSpeechLike: true },
        { uri: uriOf('一稿/定稿.txt'), languageId: 'plaintext', ifSpeechLike: true },
        { uri: uriOf('通知.txt'), languageId: 'plaintext', ifSpeechLike: true },
        { uri: uriOf('gb18030.txt'), languageId: 'plaintext', ifSpeechLike: true },
        { uri: uriOf('旧稿/讲话.speech'), languageId: 'speech' },
        { uri: uriOf('不存在.speech'), languageId: 'speech' },
        { uri: uriOf('打开的.speech'), languageId: 'speech' },
      ];
      const before = client.publishLog.length;
      const result = await client.request<CheckWorkspaceResult>('speechDraft/checkWorkspace', { files });
      assert.deepStrictEqual(result, { checked: 3, withFindings: result.withFindings, findings: result.findings, skipped: 4, cancelled: false });
      const published = client.publishLog.slice(before);
      const codesOf = (name: string) => published.filter((p) => p.uri === uriOf(name)).flatMap((p) => p.codes);
      assert.ok(codesOf('讲话.speech').includes('numbering-sequence'));
      assert.ok(codesOf('一稿/讲话.txt').includes('numbering-sequence'), 'a speech-like .txt is checked as a speech');
      assert.ok(!codesOf('一稿/定稿.txt').includes('numbering-sequence'));
      assert.deepStrictEqual(
        [...new Set(published.map((p) => p.uri))].sort(),
        [uriOf('一稿/定稿.txt'), uriOf('一稿/讲话.txt'), uriOf('讲话.speech')].sort(),
        'nothing for the notice, the GB18030 file, the ignored or missing one, nor the open draft',
      );
      assert.strictEqual(result.findings, published.reduce((n, p) => n + p.codes.length, 0));
      assert.strictEqual(result.withFindings, published.filter((p) => p.codes.length > 0).length);
      // Progress: created by the server, begun with a title, reported per file, ended.
      assert.strictEqual(progress.created.length, 1);
      const mine = progress.events.filter((e) => e.token === progress.created[0]).map((e) => e.value);
      assert.strictEqual(mine[0].kind, 'begin');
      assert.strictEqual(mine[0].title, '正在检查工作区');
      assert.strictEqual(mine[0].cancellable, true);
      assert.strictEqual(mine.filter((v) => v.kind === 'report').length, files.length);
      assert.strictEqual(mine[2].message, '第 2 个，共 8 个：讲话.txt');
      assert.strictEqual(mine[mine.length - 1].kind, 'end');
      // Nothing of the files checked is kept.
      const status = await client.request<{ analyzed: number; cachedSettings: number }>('speechDraft/serverStatus', undefined);
      assert.deepStrictEqual([status.analyzed, status.cachedSettings], [1, 1]);
    } finally {
      await client.shutdown();
    }
  });

  it('takes back what it published for a file once that file opens, where the client pulls', async () => {
    write('讲话.speech', GAP);
    const client = new TestClient({ model: 'pull', settings: { languages: ['speech'] }, workspaceFolders: [dir] });
    try {
      await client.initialize();
      await client.request('speechDraft/checkWorkspace', { files: [{ uri: uriOf('讲话.speech'), languageId: 'speech' }] });
      assert.ok(client.publishLog.some((p) => p.uri === uriOf('讲话.speech') && p.codes.includes('numbering-sequence')));
      await client.open(uriOf('讲话.speech'), GAP, 'speech');
      await client.until(() => client.publishLog[client.publishLog.length - 1].codes.length === 0 || undefined, 'the published diagnostics taken back');
      assert.ok((await client.diagnosticsFor(uriOf('讲话.speech'))).some((d) => d.code === 'numbering-sequence'), 'pulled instead');
    } finally {
      await client.shutdown();
    }
  });

  it('stops when the writer cancels the progress', async () => {
    const files: WorkspaceFile[] = [];
    for (let i = 0; i < 300; i++) {
      write(`稿${i}.speech`, GAP);
      files.push({ uri: uriOf(`稿${i}.speech`), languageId: 'speech' });
    }
    const client = new TestClient({ model: 'push', settings: { languages: ['speech'] }, workspaceFolders: [dir], tweakCapabilities: progressCapability });
    const progress = withProgress(client);
    try {
      await client.initialize();
      client.connection.onNotification('$/progress', (p: { token: string; value: Progress }) => {
        progress.events.push(p);
        if (p.value.kind === 'report' && p.value.message?.startsWith('第 3 个')) void client.connection.sendNotification('window/workDoneProgress/cancel', { token: p.token });
      });
      const result = await client.request<CheckWorkspaceResult>('speechDraft/checkWorkspace', { files });
      assert.strictEqual(result.cancelled, true);
      assert.ok(result.checked >= 2 && result.checked < 300, `${result.checked} checked`);
      assert.strictEqual(progress.events[progress.events.length - 1].value.kind, 'end');
    } finally {
      await client.shutdown();
    }
  });
});
