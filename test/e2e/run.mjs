// Runs the extension's integration suite inside a real VS Code: code-server's
// extension host, driven by Debian's Chromium through playwright-core. Then
// looks at the workbench as a person does and saves screenshots.
// Usage: node test/e2e/run.mjs   (after `npm run build` and `tsc -p .`)

import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { ensureCodeServer, freePort, startCodeServer } from './codeServer.mjs';
import { installChineseLanguagePack, LOCALE } from './languagePack.mjs';
import { forwardConsole } from './pageConsole.mjs';
import { lookAtWorkbench } from './workbench.mjs';
import { lookAtTheWritersDay } from './writerDay.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const suite = join(repo, 'out', 'test', 'e2e', 'suite', 'index.js');
const corpus = process.env.SPEECH_DRAFT_CORPUS ?? resolve(repo, '..', 'shared', 'corpus');
const TIMEOUT_MS = Number(process.env.SPEECH_DRAFT_E2E_TIMEOUT ?? 300000);
const log = (...a) => console.log('[e2e]', ...a);

for (const needed of [join(repo, 'dist', 'client.js'), join(repo, 'dist', 'server.js'), suite]) {
  if (!existsSync(needed)) {
    console.error(`[e2e] missing ${needed}: run \`npm run build && npx tsc -p .\` first`);
    process.exit(2);
  }
}

// Undone last first: the browser, code-server, then the temp folder. One run
// of them only, even when a signal and a failing main() both ask for it.
const cleanups = [];
let cleaning;
function cleanup() {
  cleaning ??= (async () => {
    while (cleanups.length) {
      try {
        await cleanups.pop()();
      } catch {
        // best effort
      }
    }
  })();
  return cleaning;
}
let stopping = false;
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, async () => {
    if (stopping) return;
    stopping = true;
    log(`${sig}: stopping`);
    await cleanup();
    process.exit(130);
  });
}

function workspaceCopy(root) {
  const ws = join(root, 'workspace');
  cpSync(join(repo, 'test', 'e2e', 'workspace'), ws, { recursive: true });
  if (existsSync(join(corpus, 'model-address.txt'))) cpSync(join(corpus, 'model-address.txt'), join(ws, 'model-address.txt'));
  else log('../shared/corpus is absent: the model-address test will skip');
  return ws;
}

function workbenchUrl(port, ws, withTests) {
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [['extensionDevelopmentPath', remote(repo)], ['skipWelcome', 'true']];
  if (withTests) payload.push(['extensionTestsPath', remote(suite)]);
  return `http://127.0.0.1:${port}/?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

async function main() {
  const started = Date.now();
  const entry = await ensureCodeServer(log);
  const root = mkdtempSync(join(tmpdir(), 'speech-draft-e2e-'));
  cleanups.push(() => rmSync(root, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }));
  const port = await freePort();
  const userDataDir = join(root, 'user-data');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  const extensionsDir = join(root, 'extensions');
  // The writers' VS Code runs in Chinese: so does this one.
  installChineseLanguagePack({ entry, root, extensionsDir, userDataDir, log });
  const server = await startCodeServer({ port, userDataDir, extensionsDir, workspace: workspaceCopy(root), locale: LOCALE, log });
  cleanups.push(() => server.stop());
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    // Playwright's own handlers exit at once on a signal, before code-server is stopped: ours close everything.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  cleanups.push(() => browser.close());

  // Phase 1: the mocha suite in the extension host.
  const ws = join(root, 'workspace');
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  let resolveExit;
  const exited = new Promise((r) => (resolveExit = r));
  await page.exposeFunction('codeAutomationExit', (code) => resolveExit(code));
  const consoleDrained = forwardConsole(page);
  await page.goto(workbenchUrl(port, ws, true));
  const timeout = new Promise((r) => setTimeout(() => r('timeout'), TIMEOUT_MS));
  const code = await Promise.race([exited, timeout]);
  if (code === 'timeout') {
    console.error(`[e2e] timed out: the suite did not finish within ${TIMEOUT_MS / 1000} s (SPEECH_DRAFT_E2E_TIMEOUT, in ms); screenshot in test/e2e/screenshots/timeout.png`);
    mkdirSync(join(repo, 'test', 'e2e', 'screenshots'), { recursive: true });
    await page.screenshot({ path: join(repo, 'test', 'e2e', 'screenshots', 'timeout.png') }).catch(() => undefined);
    await cleanup();
    process.exit(1);
  }
  await consoleDrained();
  log(`suite finished with exit code ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await page.close();

  // Phase 2: the workbench as a person sees it, in the workspace as shipped
  // (a draft a test of phase 1 saved, as the refactor preview may, is put back).
  cpSync(join(repo, 'test', 'e2e', 'workspace'), ws, { recursive: true });
  let looked = true;
  try {
    const shots = join(repo, 'test', 'e2e', 'screenshots');
    mkdirSync(shots, { recursive: true });
    const page2 = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page2.goto(workbenchUrl(port, ws, false));
    try {
      await lookAtTheWritersDay(page2, shots, log, ws);
      await lookAtWorkbench(page2, shots, log);
    } catch (e) {
      await page2.screenshot({ path: join(shots, 'failure.png') }).catch(() => undefined);
      throw e;
    }
    await page2.close();
  } catch (e) {
    looked = false;
    console.error(`[e2e] workbench check failed: ${e.stack ?? e}`);
  }
  log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await cleanup();
  process.exit(code === 0 && looked ? 0 : 1);
}

main().catch(async (e) => {
  // Interrupted: the signal handler reports and exits.
  if (stopping) return;
  console.error(`[e2e] ${e.stack ?? e}`);
  await cleanup();
  process.exit(1);
});
