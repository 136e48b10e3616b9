// One finding per stretch of text: several patterns look in turn, and a match
// overlapping a stretch taken before is dropped. Asking every taken stretch
// about every match is quadratic on a paragraph full of findings; taken
// stretches kept in order, asked about in order, cost one step a match.

import type { Span } from '../types';

/** Steps taken by the look-ups below, for the tests that count work on growing inputs. */
export const spanWork = { steps: 0 };

export class TakenSpans {
  /** Taken in earlier passes: in order of start, never overlapping. */
  private before: Span[] = [];
  /** Taken in this pass, in order too. */
  private now: Span[] = [];
  /** The first of `before` that may overlap what is asked next. */
  private next = 0;

  /** Starts a pass: what it asks about comes in order of start (as a pattern's matches do). */
  beginPass(): void {
    if (this.now.length) this.before = merge(this.before, this.now);
    this.now = [];
    this.next = 0;
  }

  /** True if the stretch overlaps one taken before, in this pass or an earlier one. */
  overlaps(start: number, end: number): boolean {
    spanWork.steps++;
    const before = this.before;
    while (this.next < before.length && before[this.next].end <= start) {
      spanWork.steps++;
      this.next++;
    }
    const b = before[this.next];
    if (b && b.start < end && start < b.end) return true;
    // Taken in this pass, in order and never overlapping: only the last can reach this far.
    const last = this.now[this.now.length - 1];
    return last !== undefined && last.start < end && start < last.end;
  }

  take(span: Span): void {
    this.now.push(span);
  }

  /** Everything taken, in order of start. */
  all(): Span[] {
    this.beginPass();
    return this.before;
  }
}

function merge(a: readonly Span[], b: readonly Span[]): Span[] {
  const out: Span[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    spanWork.steps++;
    out.push(j >= b.length || (i < a.length && a[i].start <= b[j].start) ? a[i++] : b[j++]);
  }
  return out;
}
