// Per open document, everything the server holds for it, in one object that
// goes whole when the document closes: the text last saved (or opened), which
// on-save mode checks; the analysis of the live text and that of the saved
// text, in two slots (the writer types, requests ask about the live text and
// diagnostics stay those of the saved one, and neither evicts the other); the
// checker both are made with; and the rule errors already logged.

import type { CancellationToken, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Analyzer, type Analysis, type DocumentChecker } from './analysis';
import type { Notices } from './notices';
import { checksDocument, type DocumentSettings, type Settings } from './settings';

interface DocumentSession {
  saved: { version: number; text: string };
  live?: Analysis;
  /** Made in on-save mode only. */
  savedAnalysis?: Analysis;
  checker?: DocumentChecker;
  readonly loggedRuleErrors: Set<string>;
}

/** Tells a pulled report apart from the last one: same server run, settings and checked version mean the same findings. */
const RUN = Date.now().toString(36);
export const resultIdOf = (a: Analysis): string => `${RUN}:${a.settings.generation}:${a.version}`;

export class Sessions {
  private readonly byUri = new Map<string, DocumentSession>();

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: Settings,
    private readonly analyzer: Analyzer,
    private readonly notices: Notices,
  ) {}

  opened(doc: TextDocument): void {
    this.byUri.set(doc.uri, { saved: { version: doc.version, text: doc.getText() }, loggedRuleErrors: new Set() });
  }

  saved(doc: TextDocument): void {
    this.sessionOf(doc).saved = { version: doc.version, text: doc.getText() };
  }

  /** Nothing of a closed document stays: its analyses, checker, configuration, settings, saved text and logged errors. */
  closed(uri: string): void {
    this.byUri.delete(uri);
    this.analyzer.release(uri);
    this.settings.forget(uri);
  }

  /**
   * The analysis of the live text a request about `uri` is answered from, its
   * settings resolved once; null when the document is not open or not checked,
   * the request was cancelled, or the document changed while the request
   * waited (its positions are stale: the client will ask again).
   */
  async current(uri: string, token?: CancellationToken): Promise<Analysis | null> {
    const doc = this.documents.get(uri);
    if (!doc || token?.isCancellationRequested) return null;
    const version = doc.version;
    const s = await this.settings.forDocument(uri);
    if (this.documents.get(uri) !== doc || (token && (token.isCancellationRequested || doc.version !== version))) return null;
    return this.analysis(doc, s, 'live');
  }

  /**
   * The analysis diagnostics are made from, under settings the caller has
   * resolved: the live text, or in on-save mode the text last saved. Made at
   * once (no await between reading the text and its version).
   */
  forDiagnostics(doc: TextDocument, s: DocumentSettings): Analysis | null {
    return this.analysis(doc, s, s.run === 'onSave' ? 'saved' : 'live');
  }

  private analysis(doc: TextDocument, s: DocumentSettings, slot: 'live' | 'saved'): Analysis | null {
    if (!checksDocument(s, doc.languageId)) return null;
    const session = this.sessionOf(doc);
    const checker = this.analyzer.checkerFor(doc.uri, session.checker, s, doc.languageId);
    if (checker !== session.checker) {
      session.checker = checker;
      session.live = session.savedAnalysis = undefined;
    }
    const { version, text } = slot === 'saved' ? session.saved : { version: doc.version, text: doc.getText() };
    // The live and the saved text are often the same version: one check serves both slots.
    let a = [session.live, session.savedAnalysis].find((x) => x && x.version === version && x.text === text);
    if (a) a = this.analyzer.withSettings(a, s);
    if (!a) {
      a = this.analyzer.check(doc.uri, checker, version, text, s);
      for (const e of a.result.ruleErrors) this.notices.ruleError(session.loggedRuleErrors, doc.uri, e.rule, e.error);
    }
    if (slot === 'live') session.live = a;
    else session.savedAnalysis = a;
    // On type, the saved text's analysis is of no use: it goes rather than waiting for the close.
    if (s.run !== 'onSave') session.savedAnalysis = undefined;
    this.notices.configProblems(s.problems);
    return a;
  }

  /** A document opened before the server listened still gets a session, its current text taken as saved. */
  private sessionOf(doc: TextDocument): DocumentSession {
    let session = this.byUri.get(doc.uri);
    if (!session) {
      this.opened(doc);
      session = this.byUri.get(doc.uri)!;
    }
    return session;
  }

  /** Documents the server holds an analysis for. */
  get analyzed(): number {
    let n = 0;
    for (const s of this.byUri.values()) if (s.live || s.savedAnalysis) n++;
    return n;
  }
}
