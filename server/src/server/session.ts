// Per open document, everything the server holds for it, in one object that
// goes whole when the document closes: the text last saved (or opened), which
// on-save mode checks; the analysis of the live text and that of the saved
// text, in two slots (the writer types, requests ask about the live text and
// diagnostics stay those of the saved one, and neither evicts the other); the
// checker both are made with; and the rule errors already logged.

import type { CancellationToken, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { TextChange } from '../core';
import { Analyzer, type Analysis, type DocumentChecker } from './analysis';
import type { Notices } from './notices';
import { checksDocument, type DocumentSettings, type Settings } from './settings';

/** The changes that took a document from one version to the next, as offsets (`TextChange`). */
interface VersionChange {
  from: number;
  to: number;
  changes: TextChange[];
}

/** More changes than this held unchecked (a document not checked, say) and they go: the next check is whole. */
const MAX_HELD_CHANGES = 4096;

/**
 * The changes of each open document since its checker last checked it, recorded as the document
 * store applies them (`update`, given to `TextDocuments`): what lets a check after an edit be
 * made around the edit (`Checker.check(text, changes)`).
 */
export class DocumentChanges {
  private readonly byUri = new Map<string, VersionChange[]>();

  /** `TextDocument.update`, one change at a time so that each range is read against the text it applies to. */
  readonly update = (doc: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument => {
    const from = doc.version;
    const offsets: TextChange[] = [];
    let whole = false;
    for (const c of changes) {
      if ('range' in c) offsets.push({ start: doc.offsetAt(c.range.start), end: doc.offsetAt(c.range.end), text: c.text });
      else whole = true;
      doc = TextDocument.update(doc, [c], version);
    }
    let log = this.byUri.get(doc.uri);
    if (!log) this.byUri.set(doc.uri, (log = []));
    if (whole || log.length >= MAX_HELD_CHANGES) log.length = 0;
    else log.push({ from, to: version, changes: offsets });
    return doc;
  };

  /** The changes from `version` to `to`, when every one of them is known; those up to `to` are forgotten. */
  since(uri: string, version: number, to: number): TextChange[] | undefined {
    const log = this.byUri.get(uri);
    if (!log) return undefined;
    let k = log.findIndex((v) => v.from === version);
    const out: TextChange[] = [];
    let at = version;
    for (; k >= 0 && k < log.length && at !== to; k++) {
      if (log[k].from !== at) break;
      out.push(...log[k].changes);
      at = log[k].to;
    }
    const known = at === to;
    const done = log.findIndex((v) => v.to > to);
    log.splice(0, done < 0 ? log.length : done);
    return known ? out : undefined;
  }

  closed(uri: string): void {
    this.byUri.delete(uri);
  }
}

interface DocumentSession {
  saved: { version: number; text: string };
  live?: Analysis;
  /** Made in on-save mode only. */
  savedAnalysis?: Analysis;
  checker?: DocumentChecker;
  /** The version the checker last checked (live or saved): what the recorded changes are counted from. */
  checkedVersion?: number;
  readonly loggedRuleErrors: Set<string>;
}

export class Sessions {
  private readonly byUri = new Map<string, DocumentSession>();

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: Settings,
    private readonly analyzer: Analyzer,
    private readonly notices: Notices,
    private readonly changes: DocumentChanges,
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
    this.changes.closed(uri);
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
      session.live = session.savedAnalysis = session.checkedVersion = undefined;
    }
    const { version, text } = slot === 'saved' ? session.saved : { version: doc.version, text: doc.getText() };
    // The live and the saved text are often the same version: one check serves both slots.
    let a = [session.live, session.savedAnalysis].find((x) => x && x.version === version && x.text === text);
    if (a) a = this.analyzer.withSettings(a, s);
    if (!a) {
      // The changes since the checker's last check, when all are known and lead to this version: a check around them.
      const changes = session.checkedVersion === undefined ? undefined : this.changes.since(doc.uri, session.checkedVersion, version);
      a = this.analyzer.check(doc.uri, checker, version, text, s, changes);
      session.checkedVersion = version;
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
