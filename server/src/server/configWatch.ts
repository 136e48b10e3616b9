// Config-file changes come in storms (a branch switch, a build): a lone change
// is read at once; within a storm, once it quietens, and at the latest a
// second after the last read.

import { Debouncer } from './debouncer';

const QUIET_MS = 200;
/** …and at most once in this long while a storm lasts. */
const MAX_WAIT_MS = 1000;
const KEY = 'config files';

export class ConfigFileWatch {
  private readonly debouncer = new Debouncer();
  private lastReread = -Infinity;

  constructor(private readonly reread: () => void) {}

  /** A `.speechdraftrc.json` changed (`workspace/didChangeWatchedFiles`). */
  changed(): void {
    const since = Date.now() - this.lastReread;
    if (since >= MAX_WAIT_MS) this.run();
    else this.debouncer.schedule(KEY, Math.min(QUIET_MS, MAX_WAIT_MS - since), () => this.run());
  }

  private run(): void {
    this.lastReread = Date.now();
    this.debouncer.cancel(KEY);
    this.reread();
  }
}
