// Special files for the robustness tests, always inside a private temporary
// folder: never a system path itself.

import { spawnSync } from 'child_process';
import * as fs from 'fs';

/** A hang is a failure: a run still going after this long is killed and fails its test. */
export const HANG_MS = 30000;

/** Why a test that needs a named pipe or /dev/zero skips. */
export const NO_FIFO = 'this system makes no named pipes (or has no /dev/zero)';

/** Makes a named pipe at `file`; false where there are none (Windows). */
export function mkfifo(file: string): boolean {
  if (process.platform === 'win32') return false;
  return spawnSync('mkfifo', [file]).status === 0 && fs.lstatSync(file).isFIFO();
}

/** A symbolic link at `link` to `/dev/zero`: reading through it would never end, and the device is never written. */
export function linkToDevZero(link: string): boolean {
  if (!fs.existsSync('/dev/zero')) return false;
  fs.symlinkSync('/dev/zero', link);
  return true;
}
