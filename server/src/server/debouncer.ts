// Work that waits for quiet: a check after the last keystroke, a re-read of
// config files after the last change event of a storm.

/**
 * Runs a task per key after a quiet period; a newer request replaces the
 * pending one. A delay of 0 still waits for the messages already received
 * (the next turn of the event loop), so a burst of changes runs the task once.
 */
export class Debouncer {
  private timers = new Map<string, { cancel(): void }>();

  schedule(key: string, delay: number, task: () => void): void {
    this.cancel(key);
    const run = () => {
      this.timers.delete(key);
      task();
    };
    if (delay <= 0) {
      const immediate = setImmediate(run);
      this.timers.set(key, { cancel: () => clearImmediate(immediate) });
    } else {
      const timer = setTimeout(run, delay);
      this.timers.set(key, { cancel: () => clearTimeout(timer) });
    }
  }

  cancel(key: string): void {
    this.timers.get(key)?.cancel();
    this.timers.delete(key);
  }
}
