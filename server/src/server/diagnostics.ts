// Findings as LSP diagnostics, pushed (publishDiagnostics) or pulled
// (textDocument/diagnostic), on type (debounced) or on save. A round (a
// change, an open, a save, a refresh, or a pull) resolves the document's
// settings once and checks at most once. A list the client holds already is
// not sent again (`GivenLists`): no publish, or a pull answered `unchanged`.

import {
  DiagnosticSeverity,
  DiagnosticTag,
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type Connection,
  type Diagnostic,
  type DiagnosticServerCancellationData,
  type DocumentDiagnosticParams,
  type DocumentDiagnosticReport,
  type TextDocuments,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ranked, type Finding, type LineIndex, type SpeechModel, type Translate } from '../core';
import type { Analysis } from './analysis';
import { RULE_DOC_BASE, toRange } from './convert';
import { Debouncer } from './debouncer';
import { GivenLists } from './diagnosticLists';
import type { Sessions } from './session';
import type { DocumentSettings, Settings } from './settings';

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information };

export function toDiagnostic(uri: string, lines: LineIndex, f: Finding, relatedSupport: boolean): Diagnostic {
  const d: Diagnostic = {
    range: toRange(lines, f.span),
    severity: SEVERITY[f.severity],
    code: f.rule,
    codeDescription: { href: `${RULE_DOC_BASE}${f.rule}.md` },
    source: 'speech-draft',
    message: f.message,
  };
  if (f.unnecessary) d.tags = [DiagnosticTag.Unnecessary];
  if (relatedSupport && f.related?.length) {
    d.relatedInformation = f.related.map((r) => ({ location: { uri, range: toRange(lines, r.span) }, message: r.message }));
  }
  return d;
}

/** More diagnostics than this help nobody and slow every editor: the rest are counted in one. */
const MAX_DIAGNOSTICS = 5000;

/** Diagnostics made from findings (counted by the tests: an edit makes those of what it moved). */
export const diagnosticStats = { made: 0 };

/** The diagnostic made of a finding, with what it was made over: given again for the same finding where its lines are the same. */
const madeOf = new WeakMap<Finding, { diagnostic: Diagnostic; lines: LineIndex; uri: string; relatedSupport: boolean }>();

/**
 * `now` is `was` moved by `edit` to the same lines and characters: the text keeps its number of
 * lines, both show the same (message, rule, severity, look), and every place of `was` lies on a
 * line after the one the edit ends on, moved as the edit moves it.
 */
function sameRangeMoved(was: Finding, now: Finding, before: LineIndex, after: LineIndex, edit: { start: number; oldEnd: number; newEnd: number }): boolean {
  if (before.lineCount !== after.lineCount || was.message !== now.message || was.rule !== now.rule || was.severity !== now.severity || was.unnecessary !== now.unnecessary) return false;
  if ((was.related?.length ?? 0) !== (now.related?.length ?? 0)) return false;
  const firstLine = before.lineAt(edit.oldEnd) + 1;
  if (firstLine >= before.lineCount || was.span.start < before.lineStarts[firstLine]) return false;
  const delta = edit.newEnd - edit.oldEnd;
  const moved = (a: { start: number; end: number }, b: { start: number; end: number }) => b.start === a.start + delta && b.end === a.end + delta;
  if (!moved(was.span, now.span)) return false;
  return (was.related ?? []).every((r, i) => r.span.start >= before.lineStarts[firstLine] && moved(r.span, now.related![i].span) && r.message === now.related![i].message);
}

/** The greatest offset a diagnostic of the finding shows. */
function lastPlaceOf(f: Finding): number {
  let last = f.span.end;
  if (f.related) for (const r of f.related) last = Math.max(last, r.span.end);
  return last;
}

/** `now` and `was` show the same before the edit: the same places (where the text and its lines are as they were), rule, severity, look and messages. */
function sameBefore(was: Finding, now: Finding, edit: { start: number }): boolean {
  if (was.message !== now.message || was.rule !== now.rule || was.severity !== now.severity || was.unnecessary !== now.unnecessary) return false;
  if (was.span.start !== now.span.start || was.span.end !== now.span.end || lastPlaceOf(was) >= edit.start) return false;
  if ((was.related?.length ?? 0) !== (now.related?.length ?? 0)) return false;
  return (was.related ?? []).every((r, i) => r.message === now.related![i].message && r.span.start === now.related![i].span.start && r.span.end === now.related![i].span.end);
}

/** The findings each model's diagnostics were last made of (ranked): where a finding made anew after an edit looks for its equal. */
const shownOf = new WeakMap<SpeechModel, readonly Finding[]>();

/** One round's making of diagnostics: the analysis, and the findings of the check before by start, indexed when first asked. */
interface Round {
  a: Analysis;
  relatedSupport: boolean;
  before?: Map<number, Finding[]>;
}

/** The findings the diagnostics of the check before were made of, by start (made once a round, when a finding is new). */
function findingsBefore(round: Round): Map<number, Finding[]> {
  if (round.before) return round.before;
  const byStart = (round.before = new Map<number, Finding[]>());
  const shown = round.a.result.edited && shownOf.get(round.a.result.edited.previous);
  if (shown) for (const f of shown) byStart.get(f.span.start)?.push(f) ?? byStart.set(f.span.start, [f]);
  return byStart;
}

/**
 * The finding's diagnostic: the one made at the check before, where the finding is given again
 * (the same object) before the edit (`CheckResult.edited`: there the text and its lines are the
 * same), where it is a move of one (`movedFrom`), or where a finding of the check before shows
 * the same (a document rule's, made anew by each check: the same places before the edit, or moved
 * alike onto the same lines after it), so that an edit converts and compares what it changed,
 * not every finding.
 */
function diagnosticOf(round: Round, f: Finding): Diagnostic {
  const { a, relatedSupport } = round;
  const { model, edited } = a.result;
  const made = madeOf.get(f);
  const current = (m: typeof made): m is NonNullable<typeof made> =>
    m !== undefined && edited !== undefined && m.lines === edited.previous.lines && m.uri === a.uri && m.relatedSupport === relatedSupport;
  // Given again after the edit too (an edit that kept the length, a character typed over another): its range is the same where its lines are.
  if (current(made) && (lastPlaceOf(f) < edited!.edit.start || sameRangeMoved(f, f, edited!.previous.lines, model.lines, edited!.edit))) {
    made.lines = model.lines;
    return made.diagnostic;
  }
  // A finding moved past an edit that kept the number of lines, on lines after the edit's: its range is the same.
  const was = edited?.movedFrom.get(f);
  const before = was && madeOf.get(was);
  if (was && current(before) && sameRangeMoved(was, f, edited!.previous.lines, model.lines, edited!.edit)) {
    madeOf.set(f, { ...before, lines: model.lines });
    return before.diagnostic;
  }
  // A finding of the check before that shows the same: at the same start before the edit, or moved by it after.
  if (edited) {
    const { edit, previous } = edited;
    const early = lastPlaceOf(f) < edit.start;
    for (const equal of findingsBefore(round).get(early ? f.span.start : f.span.start - (edit.newEnd - edit.oldEnd)) ?? []) {
      const was = madeOf.get(equal);
      if (!current(was) || !(early ? sameBefore(equal, f, edit) : sameRangeMoved(equal, f, previous.lines, model.lines, edit))) continue;
      madeOf.set(f, { ...was, lines: model.lines });
      return was.diagnostic;
    }
  }
  const diagnostic = toDiagnostic(a.uri, model.lines, f, relatedSupport);
  diagnosticStats.made++;
  madeOf.set(f, { diagnostic, lines: model.lines, uri: a.uri, relatedSupport });
  return diagnostic;
}

export function diagnosticsOf(a: Analysis, relatedSupport: boolean, t: Translate): Diagnostic[] {
  // Structure first: where the cap cuts, it cuts typography.
  const findings = ranked(a.result.findings);
  const round: Round = { a, relatedSupport };
  const shown = findings.slice(0, MAX_DIAGNOSTICS).map((f) => diagnosticOf(round, f));
  shownOf.set(a.result.model, findings.length > MAX_DIAGNOSTICS ? findings.slice(0, MAX_DIAGNOSTICS) : findings);
  if (findings.length > MAX_DIAGNOSTICS) {
    const last = shown[shown.length - 1];
    shown.push({
      range: last.range,
      severity: DiagnosticSeverity.Information,
      source: 'speech-draft',
      message: t('{0} more findings are not shown.', findings.length - MAX_DIAGNOSTICS),
    });
  }
  return shown;
}

/** How the client takes diagnostics. */
export interface DiagnosticsSupport {
  /** It pulls them (`textDocument/diagnostic`); else they are pushed. */
  pull: boolean;
  relatedInformation: boolean;
  /** It re-pulls when asked (`workspace/diagnostic/refresh`). */
  refresh: boolean;
}

export class Diagnostics {
  private readonly debouncer = new Debouncer();
  private readonly given = new GivenLists();
  /** Per document, the last version a round has answered for (published, or found unchanged). */
  private readonly answered = new Map<string, number>();
  /** Per document, the publishes still being written. */
  private readonly writing = new Map<string, Promise<void>>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly sessions: Sessions,
    private readonly settings: Settings,
    private readonly support: DiagnosticsSupport,
    private readonly t: Translate,
  ) {}

  /**
   * Starts a round for a pushing client: on open, save and refresh at once, on a
   * change after the debounce (with debounce 0 too, the check waits for the
   * changes already received: versions they supersede are never checked).
   * A pulling client asks by itself, so nothing is resolved for it here.
   */
  async schedule(uri: string, reason: 'open' | 'change' | 'save'): Promise<void> {
    if (this.support.pull || !this.documents.get(uri)) return;
    try {
      const s = await this.settings.forDocument(uri);
      if (!this.documents.get(uri) || (reason === 'change' && s.run === 'onSave')) return;
      if (reason === 'change') this.debouncer.schedule(uri, s.debounce, () => this.publish(uri, s));
      else {
        this.debouncer.cancel(uri);
        this.publish(uri, s);
      }
    } catch (e) {
      this.connection.console.error(`speech-draft: ${e instanceof Error ? e.stack : String(e)}`);
    }
  }

  /**
   * Checks a document and publishes its diagnostics, labelled with the version
   * checked. It reads the document as it is when it runs and sends at once, so
   * a publish never follows one of a newer version.
   */
  private publish(uri: string, s: DocumentSettings): void {
    const doc = this.documents.get(uri);
    // Settings changed meanwhile: the refresh that follows every reset publishes instead.
    if (!doc || !this.settings.isCurrent(s)) return;
    try {
      const a = this.sessions.forDiagnostics(doc, s);
      const { list, changed } = this.given.update(uri, a, () => (a ? diagnosticsOf(a, this.support.relatedInformation, this.t) : []));
      const sent = changed ? this.connection.sendDiagnostics({ uri, version: a?.version ?? doc.version, diagnostics: list.items }) : undefined;
      this.answeredOnceSent(uri, doc.version, sent);
    } catch (e) {
      this.connection.console.error(`speech-draft: ${e instanceof Error ? e.stack : String(e)}`);
    }
  }

  /** A round's answer counts once its publish, and every publish before it, is written: what follows it on the wire never overtakes them. */
  private answeredOnceSent(uri: string, version: number, sent: Promise<void> | undefined): void {
    const writing = Promise.all([this.writing.get(uri), sent]).then(
      () => undefined,
      () => undefined,
    );
    this.writing.set(uri, writing);
    void writing.then(() => {
      if (this.writing.get(uri) === writing) this.writing.delete(uri);
      if (this.given.has(uri) && (this.answered.get(uri) ?? 0) < version) this.answered.set(uri, version);
    });
  }

  /** The last version of a document a round has answered for: its publish, or none because its list was unchanged. */
  answeredVersion(uri: string): number | undefined {
    return this.answered.get(uri);
  }

  /** A pull: the full report, or `unchanged` when the client holds it already. */
  async pull(params: DocumentDiagnosticParams, token: CancellationToken): Promise<DocumentDiagnosticReport | ResponseError<DiagnosticServerCancellationData>> {
    // An empty report here would wipe the client's diagnostics; a cancelled request gets an error instead,
    // and the client asks again (else a draft opened while the server starts stays unchecked).
    const cancelled = () => new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled', { retriggerRequest: true });
    const uri = params.textDocument.uri;
    if (token.isCancellationRequested) return cancelled();
    if (!this.documents.get(uri)) return { kind: 'full', items: [] };
    const s = await this.settings.forDocument(uri);
    const doc = this.documents.get(uri);
    const a = doc ? this.sessions.forDiagnostics(doc, s) : null;
    if (!a) return { kind: 'full', items: [] };
    if (token.isCancellationRequested) return cancelled();
    const { list } = this.given.update(uri, a, () => diagnosticsOf(a, this.support.relatedInformation, this.t));
    if (doc) this.answered.set(uri, doc.version);
    if (params.previousResultId === list.resultId) return { kind: 'unchanged', resultId: list.resultId };
    return { kind: 'full', resultId: list.resultId, items: list.items };
  }

  /** Settings or config files changed: every open document is checked again (a pulling client is asked to pull). */
  refreshAll(): void {
    this.askToPull();
    for (const doc of this.documents.all()) void this.schedule(doc.uri, 'open');
  }

  /** On save, a pulling client in on-save mode must pull again to see the saved text's findings. */
  askToPull(): void {
    if (this.support.pull && this.support.refresh) void this.connection.languages.diagnostics.refresh();
  }

  closed(uri: string): void {
    this.debouncer.cancel(uri);
    this.given.forget(uri);
    this.answered.delete(uri);
    if (!this.support.pull) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}
