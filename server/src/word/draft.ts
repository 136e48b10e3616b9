// A .docx read as a draft: the text the checker sees and the way back from
// each of its characters to the file.

import { DocxError, fileError, PartError } from './errors';
import { DocxPackage } from './package';
import { readDocument, type Piece, type ReadResult, type WordParagraph, type WordPlace } from './reader';
import type { ZipLimits } from './zip';

export interface ReadOptions {
  /** The file's name, for messages. */
  file?: string;
  limits?: ZipLimits;
}

export class WordDraft {
  /** The draft: one paragraph a line, a blank line between paragraphs (so that no two ever join). */
  readonly text: string;
  readonly paragraphs: readonly WordParagraph[];
  readonly file: string;

  /** @internal */
  constructor(
    /** @internal */ readonly read: ReadResult,
    file: string,
  ) {
    this.text = read.text;
    this.paragraphs = read.paragraphs;
    this.file = file;
  }

  /** The piece holding `offset`, or undefined between paragraphs and past the end. @internal */
  pieceAt(offset: number): Piece | undefined {
    const pieces = this.read.pieces;
    let lo = 0;
    let hi = pieces.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const p = pieces[mid];
      if (offset < p.start) hi = mid - 1;
      else if (offset >= p.end) lo = mid + 1;
      else return p;
    }
    return undefined;
  }

  /** Where the character at `offset` comes from; undefined between paragraphs. */
  locate(offset: number): WordPlace | undefined {
    const p = this.pieceAt(offset);
    if (!p) return undefined;
    return { paragraph: p.paragraph, xmlParagraph: p.xmlParagraph, run: p.run, offset: p.runOffset + offset - p.start, label: p.kind === 'label' };
  }

  /** The paragraph holding `offset`: between two paragraphs, the one before; -1 before the first. */
  paragraphAt(offset: number): number {
    const ps = this.paragraphs;
    let lo = 0;
    let hi = ps.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (ps[mid].start <= offset) (found = mid), (lo = mid + 1);
      else hi = mid - 1;
    }
    return found;
  }
}

/** Runs `f`, turning the readers' errors into errors that name the file. */
export function naming<T>(file: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof PartError) throw fileError(e, file);
    if (e instanceof DocxError) throw e;
    // Anything else is a file the readers did not foresee: still a message, never a crash.
    throw fileError(new PartError('corrupt', '{0} is damaged: {1}.', [(e as Error).message ?? String(e)]), file);
  }
}

export function readDocx(bytes: Uint8Array, options: ReadOptions = {}): WordDraft {
  const file = options.file ?? '';
  return naming(file, () => new WordDraft(readDocument(new DocxPackage(bytes, file, options.limits)), file));
}
