// The language server as an editor sees it, over stdio.

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { repo } from './drafts.mjs';
import { summarize } from './stats.mjs';

const require = createRequire(join(repo, 'package.json'));
const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-languageserver-protocol/node');

const now = () => Number(process.hrtime.bigint()) / 1e6;

function positionAt(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

function rssOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) * 1024;
}

/** The server over stdio, initialized with these capabilities; diagnostics published with debounce 0. */
async function startServer(capabilities) {
  const t0 = now();
  const child = spawn(process.execPath, [join(repo, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const published = new Map();
  let wake = () => {};
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    published.set(p.uri, p);
    wake();
  });
  conn.onNotification('window/logMessage', () => {});
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({ debounce: 0 })));
  conn.onRequest('client/registerCapability', () => null);
  conn.listen();
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, locale: 'zh-cn', capabilities });
  const coldStart = now() - t0;
  await conn.sendNotification('initialized', {});

  const waitFor = (uri, version) =>
    new Promise((resolve) => {
      const check = () => {
        const p = published.get(uri);
        if (p && p.version === version) {
          wake = () => {};
          resolve(p);
        }
      };
      wake = check;
      check();
    });
  const stop = async () => {
    await conn.sendRequest('shutdown');
    await conn.sendNotification('exit');
    conn.dispose();
    child.kill();
  };
  return { child, conn, coldStart, waitFor, stop };
}

/**
 * A draft of 113,000 characters typed with half-width commas (the bench's
 * drafts with their full-width commas turned half-width, up to 4,956 of them):
 * code-action requests at the cursor, as VS Code sends one on every cursor
 * move, with VS Code's capabilities (resolve support, documentChanges); then
 * resolving one fix-all, the work that used to be done on every request.
 */
export async function benchCodeActions(base, { commas = 4956, moves = 30 } = {}) {
  let missing = commas - (base.match(/,/g) ?? []).length;
  const text = base.replace(/，/g, (comma) => (missing-- > 0 ? ',' : comma));
  const { conn, waitFor, stop } = await startServer({
    workspace: { configuration: true, applyEdit: true, workspaceEdit: { documentChanges: true } },
    textDocument: {
      publishDiagnostics: { versionSupport: true },
      codeAction: { dataSupport: true, resolveSupport: { properties: ['edit'] }, codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'source'] } } },
    },
  });
  const uri = 'untitled:bench-commas.txt';
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
  const diagnostics = (await waitFor(uri, 1)).diagnostics.filter((d) => d.code === 'punctuation-width');
  const samples = [];
  let actions = [];
  for (let i = 0; i < moves; i++) {
    const range = diagnostics[Math.floor((i * diagnostics.length) / moves)].range;
    const t = now();
    actions = await conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } });
    samples.push(now() - t);
  }
  const fixAll = actions.find((a) => a.kind === 'quickfix' && a.data?.rule === 'punctuation-width');
  const t = now();
  const resolved = await conn.sendRequest('codeAction/resolve', fixAll);
  const resolveMs = now() - t;
  await stop();
  return {
    chars: text.length,
    commas: (text.match(/,/g) ?? []).length,
    findings: diagnostics.length,
    cursor: summarize(samples),
    resolveMs,
    resolvedEdits: resolved.edit?.documentChanges?.[0]?.edits.length ?? 0,
  };
}

export async function benchServer(drafts, { edits = 200 } = {}) {
  const { child, conn, coldStart, waitFor, stop } = await startServer({ workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } });

  // Open the 100,000-character draft: time to its first diagnostics.
  const text = drafts.get(100_000);
  const uri = 'untitled:bench-100k.txt';
  let t = now();
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
  const first = await waitFor(uri, 1);
  const openToDiagnostics = now() - t;

  // One-character edits in the middle, each to its new diagnostics.
  const mid = text.indexOf('\n', Math.floor(text.length / 2)) - 5;
  const samples = [];
  let current = text;
  for (let i = 0; i < edits; i++) {
    const version = i + 2;
    const insert = i % 2 === 0;
    const change = insert
      ? { range: { start: positionAt(current, mid), end: positionAt(current, mid) }, text: '的' }
      : { range: { start: positionAt(current, mid), end: positionAt(current, mid + 1) }, text: '' };
    current = insert ? current.slice(0, mid) + '的' + current.slice(mid) : current.slice(0, mid) + current.slice(mid + 1);
    t = now();
    await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    await waitFor(uri, version);
    samples.push(now() - t);
  }
  const outlineSamples = [];
  for (let i = 0; i < 30; i++) {
    t = now();
    await conn.sendRequest('speechDraft/outline', { textDocument: { uri } });
    outlineSamples.push(now() - t);
  }
  // Every draft open at once: the server's resident memory.
  for (const [size, draft] of drafts) {
    if (size === 100_000) continue;
    const u = `untitled:bench-${size}.txt`;
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: u, languageId: 'plaintext', version: 1, text: draft } });
    await waitFor(u, 1);
  }
  const rss = rssOf(child.pid);
  await stop();
  return {
    coldStartMs: coldStart,
    openToDiagnosticsMs: openToDiagnostics,
    diagnosticsOn100k: first.diagnostics.length,
    edit: summarize(samples),
    outline: summarize(outlineSamples),
    rssBytes: rss,
  };
}
