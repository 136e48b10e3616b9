// How far up a draft's `.speechdraftrc.json` is looked for. The command line:
// to the first folder holding `.git`, or the home folder, whichever comes
// first, and never into a folder anyone may write to (like /tmp). The
// language server: to the workspace folder; a draft outside every workspace
// folder gets its own folder's file only. In an untrusted workspace the file
// may only make findings louder: nothing that hides one or costs unbounded time.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { buildCli, runCli, tempDir } from '../cli/runCli';
import { TestClient } from '../helpers/lspClient';
import { HANG_MS } from './specialFiles';
import { skipBecause } from '../helpers/skip';

// Line 3's half-width colon is a punctuation-width finding, unless a config file switches the rule off.
const DRAFT = '在全县防汛工作会议上的讲话\n\n同志们:\n\n今天开会，部署防汛工作。\n';
const SWITCH_OFF = JSON.stringify({ rules: { 'punctuation-width': 'off' } });

function tree(files: Record<string, string | null>): string {
  const root = tempDir();
  for (const [rel, content] of Object.entries(files)) {
    const p = path.join(root, rel);
    if (content === null) fs.mkdirSync(p, { recursive: true });
    else {
      fs.mkdirSync(path.dirname(p), { recursive: true });
      fs.writeFileSync(p, content);
    }
  }
  return root;
}

describe('where the command line looks for .speechdraftrc.json', function () {
  this.timeout(120000);
  before(buildCli);

  /** Whether the config file switching punctuation-width off applied to `draft`. */
  function applied(root: string, draft: string, home = path.join(root, 'home')): boolean {
    fs.mkdirSync(home, { recursive: true });
    const r = runCli(['check', '--format', 'json', path.join(root, draft)], { env: { HOME: home }, timeout: HANG_MS });
    assert.notStrictEqual(r.status, 2, r.stderr);
    return !(JSON.parse(r.stdout) as Array<{ rule: string }>).some((f) => f.rule === 'punctuation-width');
  }

  it('stops at the first folder holding .git: a file above the repository does not apply, one at its top does', () => {
    const above = tree({ '.speechdraftrc.json': SWITCH_OFF, 'repo/.git/HEAD': 'ref: refs/heads/main\n', 'repo/drafts/d.txt': DRAFT });
    assert.strictEqual(applied(above, 'repo/drafts/d.txt'), false);
    const atTop = tree({ 'repo/.speechdraftrc.json': SWITCH_OFF, 'repo/.git/HEAD': 'ref: refs/heads/main\n', 'repo/drafts/d.txt': DRAFT });
    assert.strictEqual(applied(atTop, 'repo/drafts/d.txt'), true);
    // A worktree or submodule has a .git file, not a folder: it ends the search too.
    const worktree = tree({ '.speechdraftrc.json': SWITCH_OFF, 'wt/.git': 'gitdir: /elsewhere\n', 'wt/d.txt': DRAFT });
    assert.strictEqual(applied(worktree, 'wt/d.txt'), false);
  });

  it('stops at the home folder: a file above it does not apply, one in it does', () => {
    const above = tree({ '.speechdraftrc.json': SWITCH_OFF, 'home/notes/d.txt': DRAFT });
    assert.strictEqual(applied(above, 'home/notes/d.txt'), false);
    const inHome = tree({ 'home/.speechdraftrc.json': SWITCH_OFF, 'home/notes/d.txt': DRAFT });
    assert.strictEqual(applied(inHome, 'home/notes/d.txt'), true);
  });

  it('never looks in a folder anyone may write to, such as /tmp, nor above it', function () {
    if (process.platform === 'win32') skipBecause(this, 'Windows has no folders anyone may write to in this sense');
    const root = tree({ 'shared/.speechdraftrc.json': SWITCH_OFF, 'shared/mine/d.txt': DRAFT, 'shared/d.txt': DRAFT });
    fs.chmodSync(path.join(root, 'shared'), 0o1777);
    assert.strictEqual(applied(root, 'shared/mine/d.txt'), false, 'from a folder below it');
    assert.strictEqual(applied(root, 'shared/d.txt'), false, 'from a draft inside it');
    // Without the world-writable bit the same file applies: the walk itself goes on up.
    fs.chmodSync(path.join(root, 'shared'), 0o755);
    assert.strictEqual(applied(root, 'shared/mine/d.txt'), true);
  });
});

describe('where the language server looks for .speechdraftrc.json, and what an untrusted one may set', function () {
  this.timeout(120000);

  async function findings(options: { folders: string[]; trusted?: boolean }, file: string, text = DRAFT) {
    const client = new TestClient({ model: 'push', workspaceFolders: options.folders, initializationOptions: { trusted: options.trusted ?? true } });
    try {
      await client.initialize();
      const uri = pathToFileURL(file).href;
      await client.open(uri, text);
      const diagnostics = await client.diagnosticsFor(uri);
      // Problems with the configuration come in one message, once.
      await new Promise((r) => setTimeout(r, 300));
      return { diagnostics, messages: client.messages.map((m) => m.message) };
    } finally {
      await client.shutdown();
    }
  }
  const hasWidth = (r: { diagnostics: Array<{ code?: unknown }> }) => r.diagnostics.some((d) => d.code === 'punctuation-width');

  it('stops at the workspace folder: a file above it does not apply, one in it does', async () => {
    const root = tree({ '.speechdraftrc.json': SWITCH_OFF, 'ws/sub/d.txt': DRAFT });
    assert.strictEqual(hasWidth(await findings({ folders: [path.join(root, 'ws')] }, path.join(root, 'ws/sub/d.txt'))), true);
    fs.writeFileSync(path.join(root, 'ws/.speechdraftrc.json'), SWITCH_OFF);
    assert.strictEqual(hasWidth(await findings({ folders: [path.join(root, 'ws')] }, path.join(root, 'ws/sub/d.txt'))), false);
  });

  it('gives a draft outside every workspace folder its own folder’s file only', async () => {
    const root = tree({ 'ws/a.txt': DRAFT, 'out/.speechdraftrc.json': SWITCH_OFF, 'out/sub/d.txt': DRAFT, 'out/d.txt': DRAFT });
    const folders = [path.join(root, 'ws')];
    assert.strictEqual(hasWidth(await findings({ folders }, path.join(root, 'out/sub/d.txt'))), true, 'not from the folder above');
    assert.strictEqual(hasWidth(await findings({ folders }, path.join(root, 'out/d.txt'))), false, 'from its own folder');
    // With no workspace folder at all (a lone file), the same.
    assert.strictEqual(hasWidth(await findings({ folders: [] }, path.join(root, 'out/sub/d.txt'))), true);
  });

  it('in an untrusted workspace, lets a file make findings louder only, and says once what it ignored', async () => {
    // 一、 then 三、: numbering-sequence (a warning by default) may be raised to an error.
    const text = '在全县防汛工作会议上的讲话\n\n同志们:\n\n一、提高认识\n\n三、落实责任\n';
    const rc = {
      rules: { 'punctuation-width': 'off', 'numbering-sequence': 'error', 'placeholder': 'info' },
      targetMinutes: 0,
      headingMaxLength: 1000,
      placeholderPatterns: ['〔待定〕'],
      residuePatterns: ['提高认识'],
      wordUsage: [{ wrong: '认识', right: '认知' }],
    };
    const root = tree({ 'ws/.speechdraftrc.json': JSON.stringify(rc), 'ws/d.txt': text });
    const folders = [path.join(root, 'ws')];
    const trusted = await findings({ folders, trusted: true }, path.join(root, 'ws/d.txt'), text);
    assert.strictEqual(hasWidth(trusted), false, 'trusted: the file applies whole');
    const untrusted = await findings({ folders, trusted: false }, path.join(root, 'ws/d.txt'), text);
    assert.strictEqual(hasWidth(untrusted), true, 'a rule is not switched off');
    assert.strictEqual(untrusted.diagnostics.find((d) => d.code === 'numbering-sequence')?.severity, 1, 'but may be raised to an error');
    assert.ok(!untrusted.diagnostics.some((d) => d.code === 'word-usage'), 'its words are not used');
    assert.ok(!untrusted.diagnostics.some((d) => d.code === 'web-residue'), 'nor its residue patterns');
    assert.ok(trusted.diagnostics.some((d) => d.code === 'web-residue'), 'which apply in a trusted workspace');
    assert.strictEqual(untrusted.messages.length, 1, untrusted.messages.join('\n'));
    for (const key of ['rules.punctuation-width', 'rules.placeholder', 'targetMinutes', 'headingMaxLength', 'placeholderPatterns', 'residuePatterns', 'wordUsage']) {
      assert.ok(untrusted.messages[0].includes(`${key}: 未使用：此工作区不受信任。`), `${key}: ${untrusted.messages[0]}`);
    }
    assert.ok(!untrusted.messages[0].includes('numbering-sequence'), 'what it may set is not reported');
  });

  it('in an untrusted workspace, a pattern that would backtrack for ever is never compiled: the server answers', async () => {
    // `(a+){25}!!` passes the syntactic guard and takes exponential time on a run of a's.
    const root = tree({ 'ws/.speechdraftrc.json': JSON.stringify({ placeholderPatterns: ['(a+){25}!!'] }) });
    const text = `同志们:${'a'.repeat(40)}\n`;
    const r = await findings({ folders: [path.join(root, 'ws')], trusted: false }, path.join(root, 'ws/d.txt'), text);
    assert.strictEqual(hasWidth(r), true);
    assert.match(r.messages[0], /placeholderPatterns: 未使用：此工作区不受信任。/);
  });
});
