// Runs the command as a user does: the bundled dist/cli.js in a child process.
// The bundle is rebuilt once per test run, so the tests see the current sources.

import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { repoRoot } from '../helpers/corpus';
import { fixtureDir } from '../helpers/fixtures';

export type { JsonFinding } from '../../server/src/cli/output';

export const cliPath = path.join(repoRoot, 'dist', 'cli.js');
export const cliFixtures = path.join(fixtureDir, 'cli');

let built = false;

/** For a `before` hook: bundles dist/cli.js with the project's esbuild script. */
export function buildCli(): void {
  if (built) return;
  execFileSync(process.execPath, ['esbuild.mjs'], { cwd: repoRoot, stdio: 'pipe' });
  built = true;
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
  /** Killed (SIGKILL) after `timeout` milliseconds: it hung. */
  timedOut?: boolean;
}

/** Chinese unless `env` says otherwise; no colours forced either way. `timeout` kills a run that hangs. */
export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeout?: number } = {}): CliRun {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'zh_CN.UTF-8', ...options.env };
  for (const key of ['LC_ALL', 'LC_MESSAGES', 'NO_COLOR']) if (!(options.env && key in options.env)) delete env[key];
  const r = spawnSync(process.execPath, [cliPath, ...args], {
    cwd: options.cwd ?? repoRoot,
    encoding: 'utf8',
    env,
    timeout: options.timeout,
    killSignal: 'SIGKILL',
  });
  const timedOut = (r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
  if (r.error && !timedOut) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, timedOut };
}

/**
 * Runs as an unprivileged user where the tests run as root (root ignores
 * permissions, so a permission test would prove nothing); undefined when that
 * is not possible here.
 */
export function runCliUnprivileged(args: string[]): CliRun | undefined {
  if (process.getuid?.() !== 0) return runCli(args);
  if (spawnSync('setpriv', ['--version']).status !== 0) return undefined;
  const nobody = ['--reuid=65534', '--regid=65534', '--clear-groups'];
  const r = spawnSync('setpriv', [...nobody, process.execPath, cliPath, ...args], {
    cwd: os.tmpdir(),
    encoding: 'utf8',
    env: { PATH: process.env.PATH, LANG: 'zh_CN.UTF-8' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tempDirs: string[] = [];
process.on('exit', () => {
  for (const dir of tempDirs) {
    // A test that failed half-way may have left a folder without permissions.
    spawnSync('chmod', ['-R', 'u+rwx', dir]);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-draft-cli-'));
  tempDirs.push(dir);
  return dir;
}

/** Copies fixture files (relative to test/fixtures/cli) into a fresh temporary folder. */
export function copyFixtures(...names: string[]): string {
  const dir = tempDir();
  for (const name of names) fs.cpSync(path.join(cliFixtures, name), path.join(dir, name), { recursive: true });
  return dir;
}
