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
import { rankOf, ranked, sameItems, type CheckResult, type Finding, type LineIndex, type SpeechModel, type Translate } from '../core';
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

/**
 * What a model's diagnostics were last made of: the findings shown (ranked), their ranks, and the
 * diagnostic of each, made over `lines` for `uri`. The next check's findings look here for their
 * equals, so that an edit converts and compares what it changed, not every finding.
 */
interface MadeList {
  findings: readonly Finding[];
  ranks: Uint8Array;
  /** Per finding, the least and the greatest offset its diagnostic shows (`placesOf`). */
  firstPlaces: Int32Array;
  lastPlaces: Int32Array;
  diagnostics: readonly Diagnostic[];
  lines: LineIndex;
  uri: string;
  relatedSupport: boolean;
}
const madeOf = new WeakMap<SpeechModel, MadeList>();

/** A finding's place in the ranked list: 0 for the checker's notices, then `rankOf`'s plus one. */
const rankClass = (f: Finding) => (f.notice ? 0 : rankOf(f.rule) + 1);

/** `now` and `was` show the same: rule, severity, look and messages. */
function sameLook(was: Finding, now: Finding): boolean {
  return was.message === now.message && was.rule === now.rule && was.severity === now.severity && was.unnecessary === now.unnecessary && (was.related?.length ?? 0) === (now.related?.length ?? 0);
}

/** `now` shows what `was` showed before the edit, where the text and its lines are as they were: the same look at the same places, all before the edit. */
function sameBefore(was: Finding, now: Finding, editStart: number): boolean {
  if (!sameLook(was, now) || was.span.start !== now.span.start || was.span.end !== now.span.end || lastPlaceOf(was) >= editStart) return false;
  return (was.related ?? []).every((r, i) => r.message === now.related![i].message && r.span.start === now.related![i].span.start && r.span.end === now.related![i].span.end);
}

/**
 * `now` is `was` moved by the edit to the same lines and characters: the text keeps its number of
 * lines, both show the same, and every place of `was` lies on a line after the one the edit ends
 * on (from `after`, an offset of the text before), moved as the edit moves it.
 */
function sameMoved(was: Finding, now: Finding, after: number, delta: number): boolean {
  const moved = (a: { start: number; end: number }, b: { start: number; end: number }) => b.start === a.start + delta && b.end === a.end + delta;
  if (!sameLook(was, now) || was.span.start < after || !moved(was.span, now.span)) return false;
  return (was.related ?? []).every((r, i) => r.span.start >= after && moved(r.span, now.related![i].span) && r.message === now.related![i].message);
}

/** The greatest offset a diagnostic of the finding shows. */
function lastPlaceOf(f: Finding): number {
  let last = f.span.end;
  if (f.related) for (const r of f.related) last = Math.max(last, r.span.end);
  return last;
}

/** The least offset a diagnostic of the finding shows. */
function firstPlaceOf(f: Finding): number {
  let first = f.span.start;
  if (f.related) for (const r of f.related) first = Math.min(first, r.span.start);
  return first;
}

/**
 * The diagnostics of `findings` (ranked): where the check was made around an edit
 * (`CheckResult.edited`), a finding that shows what one of the check before showed — the same
 * object or not (a document rule makes its own each check), at the same places before the edit or
 * moved alike onto the same lines after it — keeps that one's diagnostic. Both lists are ranked and
 * in order of place within a rank, so one walk of the list before, its place carried along, finds
 * each equal. The same object where that walk stands (most findings of a paragraph not re-checked)
 * is taken by its recorded places alone, without reading the finding.
 */
function diagnosticsMade(a: Analysis, findings: readonly Finding[], relatedSupport: boolean): Diagnostic[] {
  const { model, edited } = a.result;
  const n = findings.length;
  const out = new Array<Diagnostic>(n);
  const ranks = new Uint8Array(n);
  const firstPlaces = new Int32Array(n);
  const lastPlaces = new Int32Array(n);
  const was = edited && madeOf.get(edited.previous);
  const reusable = was !== undefined && was.lines === edited!.previous.lines && was.uri === a.uri && was.relatedSupport === relatedSupport;
  const { start: editStart, oldEnd, newEnd } = edited?.edit ?? { start: 0, oldEnd: 0, newEnd: 0 };
  const before = edited?.previous.lines;
  const delta = newEnd - oldEnd;
  // The first offset of the text before on a line after the edit's (none where the number of lines changed: every range after the edit moved).
  const lineAfter = before && before.lineCount === model.lines.lineCount ? before.lineAt(oldEnd) + 1 : -1;
  const after = before && lineAfter > 0 && lineAfter < before.lineCount ? before.lineStarts[lineAfter] : Infinity;
  // The same object after the edit is at the same offsets only where the edit kept the length (`CheckResult.edited`).
  const sameAfter = delta === 0 ? after : Infinity;
  const P = reusable ? was.findings : [];
  if (reusable && n === P.length && sameLines(edited!, before!, model.lines) && sameItems(findings, P)) {
    // The same findings at the same offsets, on the same lines and characters: the last diagnostics themselves.
    madeOf.set(model, { ...was, lines: model.lines });
    return was.diagnostics as Diagnostic[];
  }
  let j = 0;
  for (let i = 0; i < n; i++) {
    const f = findings[i];
    if (j < P.length && P[j] === f && (was!.lastPlaces[j] < editStart || was!.firstPlaces[j] >= sameAfter)) {
      out[i] = was!.diagnostics[j];
      ranks[i] = was!.ranks[j];
      firstPlaces[i] = was!.firstPlaces[j];
      lastPlaces[i] = was!.lastPlaces[j];
      j++;
      continue;
    }
    ranks[i] = rankClass(f);
    firstPlaces[i] = firstPlaceOf(f);
    lastPlaces[i] = lastPlaceOf(f);
    if (reusable) {
      const early = lastPlaces[i] < editStart;
      const start = early ? f.span.start : f.span.start - delta;
      // Past the findings of the list before that rank or stand earlier; those at the same place are tried in turn.
      while (j < P.length && (was.ranks[j] < ranks[i] || (was.ranks[j] === ranks[i] && P[j].span.start < start))) j++;
      let found = -1;
      for (let k = j; k < P.length && was.ranks[k] === ranks[i] && P[k].span.start === start; k++) {
        if (early ? sameBefore(P[k], f, editStart) : sameMoved(P[k], f, after, delta)) {
          found = k;
          break;
        }
      }
      if (found >= 0) {
        out[i] = was.diagnostics[found];
        // The walk goes on past the one taken: the next finding is most likely the next one there.
        j = found + 1;
        continue;
      }
    }
    out[i] = toDiagnostic(a.uri, model.lines, f, relatedSupport);
    diagnosticStats.made++;
  }
  madeOf.set(model, { findings, ranks, firstPlaces, lastPlaces, diagnostics: out, lines: model.lines, uri: a.uri, relatedSupport });
  return out;
}

/**
 * Every offset is on the same line at the same character after the edit as before: the edit kept the
 * length and the line starts (the same list), and lies inside one line, short of its last two code
 * units (a line's end before its break is read from them: `\r\n`).
 */
function sameLines(edited: NonNullable<CheckResult['edited']>, before: LineIndex, lines: LineIndex): boolean {
  const { start, oldEnd, newEnd } = edited.edit;
  if (newEnd !== oldEnd || lines.lineStarts !== before.lineStarts) return false;
  const line = lines.lineAt(start);
  const next = line + 1 < lines.lineCount ? lines.lineStarts[line + 1] : Infinity;
  return newEnd <= next - 2;
}

export function diagnosticsOf(a: Analysis, relatedSupport: boolean, t: Translate): Diagnostic[] {
  // Structure first: where the cap cuts, it cuts typography.
  const findings = ranked(a.result.findings);
  const shown = diagnosticsMade(a, findings.length > MAX_DIAGNOSTICS ? findings.slice(0, MAX_DIAGNOSTICS) : findings, relatedSupport);
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
