// Offset <-> line/character mapping. Recognises \n, \r\n and a lone \r as line
// ends, as LSP does.

export interface Position {
  line: number;
  /** UTF-16 code units from the line start. */
  character: number;
}

/** One stretch of a text replaced: `[start, oldEnd)` of the text before became `[start, newEnd)` of the text after. */
export interface EditRange {
  start: number;
  oldEnd: number;
  newEnd: number;
}

export class LineIndex {
  /** Offset of the first character of each line. */
  readonly lineStarts: number[];

  constructor(
    readonly text: string,
    lineStarts?: number[],
  ) {
    if (lineStarts) {
      this.lineStarts = lineStarts;
      return;
    }
    const starts = [0];
    if (text.indexOf('\r') < 0) {
      // The common case: jump from one \n to the next natively.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    } else {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 13 /* \r */) {
          if (text.charCodeAt(i + 1) === 10) i++;
          starts.push(i + 1);
        } else if (c === 10) {
          starts.push(i + 1);
        }
      }
    }
    this.lineStarts = starts;
  }

  /**
   * The index of `text`, which is this index's text with `edit` applied: the line starts
   * before the edit are kept, those after it shifted, and only the edited stretch is read.
   * A line start at `p` depends on the characters at `p - 1` and `p` (a `\r` before a `\n`
   * ends no line), so the starts from `edit.start` to `edit.newEnd` are found again.
   */
  edited(text: string, edit: EditRange): LineIndex {
    const old = this.lineStarts;
    const delta = edit.newEnd - edit.oldEnd;
    let k = 0;
    let hi = old.length;
    while (k < hi) {
      const mid = (k + hi) >> 1;
      if (old[mid] < edit.start) k = mid + 1;
      else hi = mid;
    }
    const from = k;
    const found: number[] = [];
    for (let i = Math.max(0, edit.start - 1); i < edit.newEnd; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) found.push(i + 1);
    }
    while (k < old.length && old[k] < edit.oldEnd + 1) k++;
    // An edit that keeps the length and the line starts it covers: the starts are the old ones, not copied (the list is never changed).
    if (delta === 0 && k - from === found.length && found.every((s, i) => s === old[from + i])) return new LineIndex(text, old);
    const starts = from > 0 ? old.slice(0, from) : [0];
    for (const s of found) starts.push(s);
    for (; k < old.length; k++) starts.push(old[k] + delta);
    return new LineIndex(text, starts);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  lineAt(offset: number): number {
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** End of a line's content, before its line break. */
  lineEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    let end = next;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineAt(clamped);
    return { line, character: Math.min(clamped, this.lineEnd(line)) - this.lineStarts[line] };
  }

  offsetAt(pos: Position): number {
    if (pos.line >= this.lineStarts.length) return this.text.length;
    if (pos.line < 0) return 0;
    const start = this.lineStarts[pos.line];
    return Math.min(start + Math.max(0, pos.character), this.lineEnd(pos.line));
  }

  /** 1-based line and column counted in Unicode characters (code points), for people. */
  humanPosition(offset: number): { line: number; column: number } {
    return this.humanPositions([offset])[0];
  }

  /**
   * `humanPosition` of many offsets, in their order, counting each line once
   * from its start however many offsets fall on it: linear in the text and the
   * offsets, where one count per offset would cost offsets × line length.
   * `work.steps` counts the code units stepped over. A surrogate pair is one
   * character; an offset between its halves counts the first half as one.
   */
  humanPositions(offsets: readonly number[], work?: { steps: number }): Array<{ line: number; column: number }> {
    const { text } = this;
    const order = offsets.map((_, k) => k).sort((a, b) => offsets[a] - offsets[b]);
    const out = new Array<{ line: number; column: number }>(offsets.length);
    // Where the count has got to: `column` is that of the code unit at `i`, on `line`.
    let line = -1;
    let i = 0;
    let column = 1;
    let steps = 0;
    for (const k of order) {
      const pos = this.positionAt(offsets[k]);
      if (pos.line !== line) {
        line = pos.line;
        i = this.lineStarts[line];
        column = 1;
      }
      const end = this.lineStarts[line] + pos.character;
      let split = false;
      while (i < end) {
        steps++;
        const c = text.charCodeAt(i);
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
          const d = text.charCodeAt(i + 1);
          if (d >= 0xdc00 && d <= 0xdfff) {
            // The offset falls between the halves: the count stays before the pair for the offsets after it.
            if (i + 1 === end) {
              split = true;
              break;
            }
            i++;
          }
        }
        i++;
        column++;
      }
      out[k] = { line: line + 1, column: split ? column + 1 : column };
    }
    if (work) work.steps += steps;
    return out;
  }
}
