// Watches the bytes of an LSP stream (`Content-Length` framing) beside the
// library's reader and names the first framing error: a header without
// `Content-Length`, a length that is not a number, or one that lies (the body
// is not one JSON value of exactly that length). vscode-jsonrpc's reader goes
// deaf after one; the server exits instead (see main.ts for why).

const CR = 0x0d;
const LF = 0x0a;
/** No real header comes near this; garbage without a blank line must not be buffered for ever. */
const MAX_HEADER_BYTES = 8192;

const isSpace = (b: number) => b === 0x20 || b === 0x09 || b === LF || b === CR;

export class FrameChecker {
  private header: number[] = [];
  /** Body bytes still expected; -1 while reading a header. */
  private remaining = -1;
  private started = false;
  private ended = false;
  private depth = 0;
  private inString = false;
  private escaped = false;

  /** Feeds the next chunk; the first framing error met, if any (later input is not looked at). */
  push(chunk: Uint8Array): string | undefined {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (this.remaining < 0) {
        const error = this.headerByte(b);
        if (error) return error;
        continue;
      }
      const error = this.bodyByte(b);
      if (error) return error;
      if (--this.remaining === 0) {
        if (!this.ended) return 'the message is longer than its Content-Length';
        this.remaining = -1;
      }
    }
    return undefined;
  }

  private headerByte(b: number): string | undefined {
    this.header.push(b);
    const n = this.header.length;
    if (n > MAX_HEADER_BYTES) return `no end of header after ${MAX_HEADER_BYTES} bytes`;
    if (n < 4 || b !== LF || this.header[n - 2] !== CR || this.header[n - 3] !== LF || this.header[n - 4] !== CR) return undefined;
    const text = Buffer.from(this.header.slice(0, n - 4)).toString('latin1');
    this.header = [];
    let length: number | undefined;
    for (const line of text.split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon < 0) return `a header line without ":" (${JSON.stringify(line.slice(0, 40))})`;
      if (line.slice(0, colon).trim().toLowerCase() !== 'content-length') continue;
      const value = line.slice(colon + 1).trim();
      if (!/^\d{1,15}$/.test(value)) return `Content-Length is not a length (${JSON.stringify(value.slice(0, 40))})`;
      length = Number(value);
    }
    if (length === undefined) return 'a header without Content-Length';
    if (length === 0) return 'Content-Length is 0';
    this.remaining = length;
    this.started = this.ended = this.inString = this.escaped = false;
    this.depth = 0;
    return undefined;
  }

  /** Follows the body's JSON just enough to see where its one value ends. */
  private bodyByte(b: number): string | undefined {
    if (this.ended) return isSpace(b) ? undefined : 'the message is shorter than its Content-Length';
    if (!this.started) {
      if (isSpace(b)) return undefined;
      if (b !== 0x7b && b !== 0x5b) return 'the body is not a JSON object';
      this.started = true;
      this.depth = 1;
      return undefined;
    }
    if (this.inString) {
      if (this.escaped) this.escaped = false;
      else if (b === 0x5c) this.escaped = true;
      else if (b === 0x22) this.inString = false;
    } else if (b === 0x22) this.inString = true;
    else if (b === 0x7b || b === 0x5b) this.depth++;
    else if ((b === 0x7d || b === 0x5d) && --this.depth === 0) this.ended = true;
    return undefined;
  }
}

/** Calls `onError` once, on the first framing error of the stream's data. */
export function watchFraming(stream: NodeJS.ReadableStream, onError: (reason: string) => void): void {
  const checker = new FrameChecker();
  const onData = (chunk: Buffer | string) => {
    const error = checker.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    if (error === undefined) return;
    stream.off('data', onData);
    onError(error);
  };
  stream.on('data', onData);
}
