// The language server as an editor sees it, over stdio: opens, edits and
// requests, each timed to the server's answer, against a trivial server that
// only keeps the text (`trivialServer.cjs`) in the same run.

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { build, repo } from './drafts.mjs';
import { summarize } from './stats.mjs';

const require = createRequire(join(repo, 'package.json'));
const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-languageserver-protocol/node');

const now = () => Number(process.hrtime.bigint()) / 1e6;

export const SERVER = join(build, 'dist', 'server.js');
export const TRIVIAL_SERVER = join(repo, 'bench', 'trivialServer.cjs');

function rssOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) * 1024;
}

/** Offsets of the line starts of a text (\n, \r\n and a lone \r end a line, as in LSP). */
function lineStarts(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

/**
 * What the client knows of one open document: its text, version and the last report it holds.
 * Kept as an editor keeps it: an edit moves the line starts it passes (no new string of the whole
 * text per keystroke: at 1,000,000 characters that string, and the collections it causes in the
 * client, cost ~5 ms inside the timed window, which a real editor's piece tree does not pay); the
 * text is made from the edits only when read.
 */
class ClientDocument {
  constructor(text) {
    this.whole = text;
    /** Edits not yet applied to `whole`, in order: [start, end, newText]. */
    this.pending = [];
    this.version = 1;
    this.starts = lineStarts(text);
    /** A \r anywhere: line starts taken from the whole text again after each edit (the LSP's \r\n and lone \r). */
    this.withCR = text.includes('\r');
    this.resultId = undefined;
    this.items = 0;
  }

  get text() {
    for (const [start, end, newText] of this.pending) this.whole = this.whole.slice(0, start) + newText + this.whole.slice(end);
    this.pending = [];
    return this.whole;
  }

  positionAt(offset) {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - this.starts[lo] };
  }

  /** The LSP change for replacing [start, end) with `newText`; the text moves on. */
  change(start, end, newText) {
    const range = { start: this.positionAt(start), end: this.positionAt(end) };
    this.pending.push([start, end, newText]);
    this.version++;
    if (this.withCR || newText.includes('\r')) {
      this.withCR = true;
      this.starts = lineStarts(this.text);
      return { range, text: newText };
    }
    // Only \n ends a line: the starts up to the edit stay, a start whose \n was replaced goes, the new text's come, the rest move.
    const delta = newText.length - (end - start);
    const next = [];
    let k = 0;
    while (k < this.starts.length && this.starts[k] <= start) next.push(this.starts[k++]);
    for (let i = newText.indexOf('\n'); i >= 0; i = newText.indexOf('\n', i + 1)) next.push(start + i + 1);
    while (k < this.starts.length && this.starts[k] <= end) k++;
    while (k < this.starts.length) next.push(this.starts[k++] + delta);
    this.starts = next;
    return { range, text: newText };
  }
}

/**
 * A server over stdio. `pull`: diagnostics pulled (`textDocument/diagnostic`,
 * as VS Code does), else pushed; settings answer debounce 0.
 */
export async function startServer({ script = SERVER, pull = true, nodeArgs = [], capabilities = {} } = {}) {
  const t0 = now();
  const child = spawn(process.execPath, [...nodeArgs, script, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const published = new Map();
  let wake = () => {};
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    published.set(p.uri, p);
    wake();
  });
  conn.onNotification('window/logMessage', () => {});
  conn.onNotification('window/showMessage', () => {});
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({ debounce: 0 })));
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('workspace/diagnostic/refresh', () => null);
  conn.listen();
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    locale: 'zh-cn',
    capabilities: {
      ...capabilities,
      workspace: { configuration: true, ...(pull ? { diagnostics: { refreshSupport: true } } : {}), ...capabilities.workspace },
      textDocument: { publishDiagnostics: { versionSupport: true }, ...(pull ? { diagnostic: {} } : {}), ...capabilities.textDocument },
    },
  });
  const coldStartMs = now() - t0;
  await conn.sendNotification('initialized', {});
  const docs = new Map();

  const waitForPublish = (uri, version) =>
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

  const server = {
    child,
    conn,
    coldStartMs,
    docs,
    async open(uri, text, languageId = 'plaintext') {
      docs.set(uri, new ClientDocument(text));
      await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    },
    /**
     * The didChange of an edit, made ready to send: the client's own upkeep of its text (its line
     * starts moved, `ClientDocument`) is not the server's time, so the timed rows call what this
     * returns after it.
     */
    prepare(uri, start, end, newText) {
      const doc = docs.get(uri);
      const change = doc.change(start, end, newText);
      const params = { textDocument: { uri, version: doc.version }, contentChanges: [change] };
      return () => conn.sendNotification('textDocument/didChange', params);
    },
    async change(uri, start, end, newText) {
      await server.prepare(uri, start, end, newText)();
    },
    /** The server's answer for the document's current version: a pull report (`unchanged` included) or the publish of that version. */
    async answer(uri) {
      const doc = docs.get(uri);
      if (!pull) {
        const p = await waitForPublish(uri, doc.version);
        doc.items = p.diagnostics.length;
        return p;
      }
      const r = await conn.sendRequest('textDocument/diagnostic', { textDocument: { uri }, previousResultId: doc.resultId });
      doc.resultId = r.resultId;
      if (r.kind === 'full') {
        doc.items = r.items.length;
        doc.reportBytes = Buffer.byteLength(JSON.stringify(r.items));
      }
      return r;
    },
    async close(uri) {
      docs.delete(uri);
      await conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    },
    rss: () => rssOf(child.pid),
    async stop() {
      await conn.sendRequest('shutdown');
      await conn.sendNotification('exit');
      conn.dispose();
      child.kill();
    },
  };
  return server;
}

/** Open → answer, in ms. */
async function timeOpen(server, uri, text) {
  const t = now();
  await server.open(uri, text);
  await server.answer(uri);
  return now() - t;
}

/**
 * `runs` edits at `offset` of the open document, each timed from its
 * didChange to the server's answer: `make(i, doc)` gives the edit, as
 * [start, end, newText], from the client's document (its `text` read only where needed).
 */
async function timeEdits(server, uri, runs, make) {
  const samples = [];
  const kinds = { full: 0, unchanged: 0 };
  for (let i = 0; i < runs; i++) {
    const [start, end, newText] = make(i, server.docs.get(uri));
    const send = server.prepare(uri, start, end, newText);
    const t = now();
    await send();
    const r = await server.answer(uri);
    samples.push(now() - t);
    if (r.kind) kinds[r.kind]++;
  }
  return { ...summarize(samples), ...kinds };
}

/** One character typed over another and back, in turn (`quiet`: where, and which two; see run.mjs). */
const typing = ({ at, from, to }) => (i) => [at, at + 1, i % 2 === 0 ? to : from];

/**
 * The language-server rows. `drafts`: the texts (see run.mjs); `quiet`: per
 * draft, a character to type over another and back that changes no finding; `paste`: the
 * 10,000 characters pasted; `section`: [start, end) of a section of the
 * 1,000,000-character draft to delete.
 */
export async function benchServer({ d100k, d1m, d2m, variants100k, comma100k, comma1m, paste, section, quiet, quick = false }, log = () => {}) {
  const out = {};
  const EDITS = quick ? 60 : 300;
  const BIG_EDITS = quick ? 5 : 20;

  // A fresh server's first open is one sample per server: the median of FRESH servers, so that one slow start does not decide the row.
  const FRESH = quick ? 1 : 3;
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  log(`fresh servers (${FRESH}): cold start and the first open of 100,000 characters…`);
  const colds = [];
  const firsts = [];
  for (let k = 1; k < FRESH; k++) {
    const s = await startServer();
    colds.push(s.coldStartMs);
    firsts.push(await timeOpen(s, 'untitled:first.txt', d100k));
    await s.stop();
  }
  {
    const s = await startServer();
    colds.push(s.coldStartMs);
    firsts.push(await timeOpen(s, 'untitled:first.txt', d100k));
    out.coldStartMs = median(colds);
    out.firstOpen100kMs = median(firsts);
    await s.close('untitled:first.txt');
    // Steady state: ten more opens of distinct drafts, then the timed ones.
    for (let i = 0; i < 10; i++) {
      await timeOpen(s, `untitled:warm-${i}.txt`, variants100k[i]);
      await s.close(`untitled:warm-${i}.txt`);
    }
    const opens = [];
    for (let i = 10; i < variants100k.length; i++) {
      opens.push(await timeOpen(s, `untitled:steady-${i}.txt`, variants100k[i]));
      await s.close(`untitled:steady-${i}.txt`);
    }
    out.steadyOpen100k = summarize(opens);
    await s.stop();
  }

  log(`fresh servers (${FRESH}) left to warm themselves for two seconds, then the first open of 100,000 characters…`);
  const warmed = [];
  for (let k = 0; k < FRESH; k++) {
    const s = await startServer();
    await new Promise((resolve) => setTimeout(resolve, 2000));
    warmed.push(await timeOpen(s, 'untitled:first-warmed.txt', d100k));
    await s.stop();
  }
  out.firstOpenWarmed100kMs = median(warmed);

  log('edits at 100,000 characters, ours and the trivial server…');
  for (const [name, script] of [
    ['ours', SERVER],
    ['trivial', TRIVIAL_SERVER],
  ]) {
    const s = await startServer({ script });
    const uri = 'untitled:edit-100k.txt';
    await timeOpen(s, uri, d100k);
    out[`edit100k_${name}`] = await timeEdits(s, uri, EDITS, typing(quiet.d100k));
    if (name === 'ours') {
      // The same edit on the draft with 900 findings, in the same server.
      const c = 'untitled:commas-100k.txt';
      await timeOpen(s, c, comma100k);
      out.commaFindings = s.docs.get(c).items;
      out.commaReportBytes = s.docs.get(c).reportBytes;
      out.edit100k_commas = await timeEdits(s, c, EDITS, typing(quiet.comma100k));
      out.edit100k_again = await timeEdits(s, uri, EDITS, typing(quiet.d100k));
      const outline = [];
      for (let i = 0; i < 30; i++) {
        const t = now();
        await s.conn.sendRequest('speechDraft/outline', { textDocument: { uri } });
        outline.push(now() - t);
      }
      out.outline = summarize(outline);
    }
    await s.stop();
  }

  log('edits at 1,000,000 characters: a character, a 10,000-character paste, a section deleted…');
  {
    const s = await startServer();
    const uri = 'untitled:edit-1m.txt';
    // Warmed first on other texts, as the 2M open after it is: the 1M/2M ratio compares two optimised checks.
    for (let i = 0; i < Math.min(10, variants100k.length); i++) {
      await timeOpen(s, `untitled:warm-1m-${i}.txt`, variants100k[i]);
      await s.close(`untitled:warm-1m-${i}.txt`);
    }
    out.open1mMs = await timeOpen(s, uri, d1m);
    out.edit1m = await timeEdits(s, uri, EDITS, typing(quiet.d1m));
    const mid = paste.at;
    // Paste, then take it back: only the pastes are timed (each a list that changed).
    const pastes = [];
    const sections = [];
    // Each round puts the draft back as it was: the section it deletes is the same each time.
    const removed = d1m.slice(section.start, section.end);
    for (let i = 0; i < BIG_EDITS; i++) {
      let send = s.prepare(uri, mid, mid, paste.text);
      let t = now();
      await send();
      await s.answer(uri);
      pastes.push(now() - t);
      await s.change(uri, mid, mid + paste.text.length, '');
      await s.answer(uri);
      send = s.prepare(uri, section.start, section.end, '');
      t = now();
      await send();
      await s.answer(uri);
      sections.push(now() - t);
      await s.change(uri, section.start, section.start, removed);
      await s.answer(uri);
    }
    if (s.docs.get(uri).text !== d1m) throw new Error('bench: the paste and deletion rounds did not put the 1M draft back');
    out.paste1m = summarize(pastes);
    out.sectionDelete1m = summarize(sections);
    out.diagnostics1m = s.docs.get(uri).items;
    await s.close(uri);
    out.open2mMs = await timeOpen(s, 'untitled:open-2m.txt', d2m);
    await s.close('untitled:open-2m.txt');
    // Every comma half-width: the 5,000-diagnostic cap.
    out.openCap1mMs = await timeOpen(s, 'untitled:cap-1m.txt', comma1m);
    out.capFindings = s.docs.get('untitled:cap-1m.txt').items;
    out.capReportBytes = s.docs.get('untitled:cap-1m.txt').reportBytes;
    await s.stop();
  }

  log('memory with a 2,000,000-character draft open in a fresh server…');
  {
    const s = await startServer();
    await timeOpen(s, 'untitled:rss-2m.txt', d2m);
    out.rss2mBytes = s.rss();
    await s.stop();
  }
  return out;
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
  const s = await startServer({
    pull: false,
    capabilities: {
      workspace: { applyEdit: true, workspaceEdit: { documentChanges: true } },
      textDocument: { codeAction: { dataSupport: true, resolveSupport: { properties: ['edit'] }, codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'source'] } } } },
    },
  });
  const uri = 'untitled:bench-commas.txt';
  await s.open(uri, text);
  const diagnostics = (await s.answer(uri)).diagnostics.filter((d) => d.code === 'punctuation-width');
  const samples = [];
  let actions = [];
  for (let i = 0; i < moves; i++) {
    const range = diagnostics[Math.floor((i * diagnostics.length) / moves)].range;
    const t = now();
    actions = await s.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } });
    samples.push(now() - t);
  }
  const fixAll = actions.find((a) => a.kind === 'quickfix' && a.data?.rule === 'punctuation-width');
  const t = now();
  const resolved = fixAll ? await s.conn.sendRequest('codeAction/resolve', fixAll) : undefined;
  const resolveMs = now() - t;
  await s.stop();
  return {
    chars: text.length,
    commas: (text.match(/,/g) ?? []).length,
    findings: diagnostics.length,
    cursor: summarize(samples),
    resolveMs,
    resolvedEdits: resolved?.edit?.documentChanges?.[0]?.edits.length ?? 0,
  };
}
