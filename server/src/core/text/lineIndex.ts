// Offset <-> line/character mapping. Recognises \n, \r\n and a lone \r as line
// ends, as LSP does.

export interface Position {
  line: number;
  /** UTF-16 code units from the line start. */
  character: number;
}

export class LineIndex {
  /** Offset of the first character of each line. */
  readonly lineStarts: number[];

  constructor(readonly text: string) {
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
    const pos = this.positionAt(offset);
    const start = this.lineStarts[pos.line];
    let column = 1;
    for (let i = start; i < start + pos.character; i++) {
      const c = this.text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < start + pos.character) i++;
      column++;
    }
    return { line: pos.line + 1, column };
  }
}
