// A real VS Code for the extension's tests: code-server (VS Code's server build
// and web workbench), installed on first use into a cache outside the
// repository, as ../shared/docs/real-vscode.md describes.

import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, lstatSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const CODE_SERVER_VERSION = '4.100.3';
const cacheRoot = process.env.SPEECH_DRAFT_E2E_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'speech-draft-e2e');
export const installDir = join(cacheRoot, `code-server-${CODE_SERVER_VERSION}`);
const doneMarker = join(installDir, '.install-complete');
// A directory, because mkdir is atomic: the run that creates it installs, the others wait.
const lockDir = `${installDir}.lock`;
export const entry = join(installDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

function run(cmd, args, cwd, env = {}) {
  execFileSync(cmd, args, { cwd, stdio: ['ignore', 'ignore', 'inherit'], env: { ...nativeBuildEnv(), ...process.env, ...env } });
}

/**
 * node-gyp fetches Node.js headers from nodejs.org, which these machines cannot
 * reach; Debian's (NodeSource's) nodejs package ships them under /usr/include/node.
 * Used only when npm has no nodedir of its own (environment or .npmrc).
 */
let buildEnv;
function nativeBuildEnv() {
  if (buildEnv) return buildEnv;
  buildEnv = {};
  if (process.execPath !== '/usr/bin/node' || !existsSync('/usr/include/node/node_version.h')) return buildEnv;
  const configured = execFileSync('npm', ['config', 'get', 'nodedir'], { encoding: 'utf8' }).trim();
  if (!configured || configured === 'undefined' || configured === 'null') buildEnv = { npm_config_nodedir: '/usr' };
  return buildEnv;
}

/**
 * Installs code-server once. A half-done install (no marker) is redone from
 * scratch; runs started at the same time wait for the one that installs.
 */
export async function ensureCodeServer(log = console.log) {
  if (existsSync(doneMarker)) return entry;
  await withInstallLock(log, () => {
    if (!existsSync(doneMarker)) install(log);
  });
  return entry;
}

async function withInstallLock(log, work) {
  mkdirSync(cacheRoot, { recursive: true });
  for (let waited = 0; ; waited++) {
    try {
      mkdirSync(lockDir);
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
    }
    const holder = Number(readSafe(join(lockDir, 'pid')));
    // A lock left by a run that died (or one that never wrote its pid) is taken over.
    if (!isAlive(holder) && waited > 2) {
      log(`taking over the install lock of a run that stopped (pid ${holder || '?'})`);
      rmSync(lockDir, { recursive: true, force: true });
      continue;
    }
    if (waited === 0 && isAlive(holder)) log(`waiting for another run (pid ${holder}) to finish installing code-server`);
    if (waited > 900) throw new Error(`code-server install lock ${lockDir} held for 15 minutes`);
    await sleep(1000);
  }
  try {
    writeFileSync(join(lockDir, 'pid'), String(process.pid));
    work();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

function readSafe(p) {
  try {
    return readFileSync(p, 'utf8');
  } catch {
    return '';
  }
}

function isAlive(pid) {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

function install(log) {
  log(`installing code-server ${CODE_SERVER_VERSION} into ${installDir} (once; about a minute)`);
  rmSync(installDir, { recursive: true, force: true });
  mkdirSync(installDir, { recursive: true });
  writeFileSync(join(installDir, 'package.json'), JSON.stringify({ name: 'speech-draft-e2e-vscode', private: true }));
  const npm = 'npm';
  const quiet = ['--no-audit', '--no-fund', '--loglevel=error'];
  // Its install scripts fail here (root, kerberos, ripgrep download): install without them, then build what is needed.
  run(npm, ['install', '--ignore-scripts', ...quiet, `code-server@${CODE_SERVER_VERSION}`], installDir);
  const vscode = join(installDir, 'node_modules', 'code-server', 'lib', 'vscode');
  run(npm, ['install', '--omit=dev', '--ignore-scripts', ...quiet], vscode);
  run(npm, ['install', '--omit=dev', '--ignore-scripts', ...quiet], join(vscode, 'extensions'));
  run(npm, ['rebuild', ...quiet, 'node-pty', '@parcel/watcher', 'kerberos', '@vscode/spdlog', 'native-watchdog', '@vscode/deviceid'], vscode, {
    npm_config_yes: 'true',
  });
  const rgDir = join(vscode, 'node_modules', '@vscode', 'ripgrep', 'bin');
  mkdirSync(rgDir, { recursive: true });
  if (!existsSync(join(rgDir, 'rg'))) symlinkSync('/usr/bin/rg', join(rgDir, 'rg'));
  const asar = join(vscode, 'node_modules.asar');
  if (!lstatSafe(asar)) symlinkSync('node_modules', asar);
  run(npm, ['rebuild', ...quiet, 'argon2'], installDir);
  writeFileSync(doneMarker, new Date().toISOString());
}

function lstatSafe(p) {
  try {
    return lstatSync(p);
  } catch {
    return undefined;
  }
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** Starts code-server on loopback; resolves when it answers HTTP. */
export async function startCodeServer({ port, userDataDir, extensionsDir, workspace, locale, log }) {
  const child = spawn(
    process.execPath,
    [
      entry,
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--user-data-dir', userDataDir,
      '--extensions-dir', extensionsDir,
      ...(locale ? ['--locale', locale] : []),
      workspace,
    ],
    // Its own process group: code-server forks its server and extension hosts,
    // and killing only the first process leaves them running.
    { stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  const killGroup = (signal) => {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  // Last resort when the harness exits without stopping it (process.exit, an uncaught error).
  const onExit = () => killGroup('SIGKILL');
  process.on('exit', onExit);
  const exited = new Promise((r) => child.once('exit', r));
  /** Stops code-server and everything it started: TERM, then KILL after 3 s. */
  const stop = async () => {
    killGroup('SIGTERM');
    await Promise.race([exited, sleep(3000)]);
    killGroup('SIGKILL');
    // Wait until the whole group is gone, so that nothing writes into its folders any more.
    for (let i = 0; i < 40 && isAlive(-child.pid); i++) await sleep(50);
    process.off('exit', onExit);
  };
  let output = '';
  child.stdout.on('data', (b) => (output += b));
  child.stderr.on('data', (b) => (output += b));
  const deadline = Date.now() + 60000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`code-server exited (${child.exitCode}):\n${output}`);
    }
    try {
      const r = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not start within 60 s:\n${output}`);
    }
    await sleep(200);
  }
  log?.(`code-server ${CODE_SERVER_VERSION} listening on 127.0.0.1:${port}`);
  return { child, stop, output: () => output };
}
