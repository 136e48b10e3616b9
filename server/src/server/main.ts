// The Speech Draft language server. Start it with `node server.js --stdio`
// (any LSP client) or over IPC (the VS Code client).

import {
  CodeActionKind,
  createConnection,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  LSPErrorCodes,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type DiagnosticServerCancellationData,
  type DocumentDiagnosticReport,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { draftFormat, fnv1a, formatProblem, resolveLocale, translator, type Locale } from '../core';
import { CheckWorkspaceRequest, DocumentInfoRequest, ExportDocxRequest, MoveSectionRequest, OutlineRequest, ServerStatusRequest, StatsRequest, type Request } from '../protocol';
import * as path from 'path';
import { Analyzer, type Analysis } from './analysis';
import { codeActions, FIX_ALL_KIND, isFixAllData, resolveFixAll, type ActionSupport } from './codeActions';
import { COMMAND_IDS, commandEdit } from './commands';
import { completions } from './completion';
import { Debouncer, toDiagnostic } from './diagnostics';
import { moveSection } from './edits/moveSection';
import { fixAllStats } from './fixAll';
import { watchFraming } from './framing';
import { hover } from './hover';
import { documentSymbols, outlineNodes, stats } from './outline';
import { foldingRanges, selectionRange } from './ranges';
import { checksDocument, Settings, workspaceFoldersOf, type DocumentSettings } from './settings';
import { WorkspaceCheck } from './workspaceCheck';

const connection = createConnection(ProposedFeatures.all);
// Nothing but protocol may reach stdout: route the console to the client's log.
console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
console.info = console.log;
console.warn = (...args: unknown[]) => connection.console.warn(args.map(String).join(' '));
console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));
process.on('uncaughtException', (e) => connection.console.error(`speech-draft: ${e.stack ?? e}`));
process.on('unhandledRejection', (e) => connection.console.error(`speech-draft: ${e instanceof Error ? e.stack : String(e)}`));

const documents = new TextDocuments(TextDocument);
const debouncer = new Debouncer();
/** Config-file changes come in storms (a branch switch, a build): re-read once they quieten. */
const watchedFiles = new Debouncer();
const CONFIG_FILES = 'config files';
const WATCHED_FILES_QUIET_MS = 200;
/** …and at most once in this long while a storm lasts. */
const WATCHED_FILES_MAX_WAIT_MS = 1000;
let lastConfigReread = -Infinity;
const shownProblems = new Set<string>();

let locale: Locale = 'zh-cn';
let t = translator(locale);
let settings: Settings;
let analyzer: Analyzer;
let pullDiagnostics = false;
let relatedSupport = false;
let refreshSupport = false;
let support: ActionSupport = { relatedInformation: false, resolveEdit: false, applyEdit: false, documentChanges: false };
let dynamicConfiguration = false;
let dynamicWatchers = false;
/** The text each document had when it was last saved or opened, for on-save checking. */
const savedText = new Map<string, { version: number; text: string }>();

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const caps = params.capabilities;
  locale = resolveLocale(params.locale);
  t = translator(locale);
  pullDiagnostics = !!caps.textDocument?.diagnostic;
  // Pull clients declare it under `diagnostic` (3.18), older ones only under `publishDiagnostics`.
  relatedSupport = !!(caps.textDocument?.publishDiagnostics?.relatedInformation || caps.textDocument?.diagnostic?.relatedInformation);
  refreshSupport = !!caps.workspace?.diagnostics?.refreshSupport;
  dynamicConfiguration = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
  dynamicWatchers = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  const codeAction = caps.textDocument?.codeAction;
  support = {
    relatedInformation: relatedSupport,
    // The action's `data` must come back with the resolve request.
    resolveEdit: !!(codeAction?.dataSupport && codeAction.resolveSupport?.properties.includes('edit')),
    applyEdit: !!caps.workspace?.applyEdit,
    documentChanges: !!caps.workspace?.workspaceEdit?.documentChanges,
  };
  settings = new Settings(connection, !!caps.workspace?.configuration, params.initializationOptions, workspaceFoldersOf(params));
  analyzer = new Analyzer(locale, logRuleError);
  return {
    capabilities: {
      // Offsets are UTF-16 code units throughout, the encoding every client must support.
      positionEncoding: 'utf-16',
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      diagnosticProvider: pullDiagnostics ? { interFileDependencies: false, workspaceDiagnostics: false } : undefined,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, FIX_ALL_KIND], resolveProvider: true },
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      selectionRangeProvider: true,
      hoverProvider: true,
      completionProvider: { resolveProvider: false },
      executeCommandProvider: { commands: COMMAND_IDS },
    },
    serverInfo: { name: 'speech-draft', version: typeof SPEECH_DRAFT_VERSION === 'string' ? SPEECH_DRAFT_VERSION : 'dev' },
  };
});

declare const SPEECH_DRAFT_VERSION: string | undefined;

connection.onInitialized(() => {
  if (dynamicConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'speechDraft' });
  if (dynamicWatchers) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/.speechdraftrc.json' }] });
  }
});

/** A rule that throws is logged once per document and error, not on every keystroke. */
const loggedRuleErrors = new Map<string, Set<string>>();
function logRuleError(uri: string, rule: string, error: string): void {
  const key = `${rule}\u0000${error}`;
  let logged = loggedRuleErrors.get(uri);
  if (!logged) loggedRuleErrors.set(uri, (logged = new Set()));
  if (logged.has(key)) return;
  logged.add(key);
  connection.console.error(`speech-draft: rule ${rule} failed on ${uri}: ${error}`);
}

/** Shows each distinct config problem once, until the configuration changes. */
function reportProblems(a: Analysis): void {
  const fresh = a.settings.problems.map(formatProblem).filter((p) => !shownProblems.has(p));
  if (fresh.length === 0) return;
  fresh.forEach((p) => shownProblems.add(p));
  const lines = a.settings.problems.map((p) => `${p.source}: ${p.key}: ${locale === 'en' ? p.message.en : p.message.zh}`);
  void connection.sendNotification(ShowMessageNotification.type, {
    type: MessageType.Error,
    message: t('Speech Draft configuration problem (the defaults are used instead): {0}', lines.join('; ')),
  });
}

/**
 * The analysis of an open document under the settings given, made at once
 * (no await between reading the text and its version): the current text, or
 * in on-save mode the text last saved. Null where its language is not checked.
 */
function analysisWith(doc: TextDocument, s: DocumentSettings): Analysis | null {
  if (!checksDocument(s, doc.languageId)) return null;
  const saved = savedText.get(doc.uri);
  const a =
    s.run === 'onSave' && saved
      ? analyzer.analyzeText(doc.uri, saved.version, saved.text, s, doc.languageId)
      : analyzer.analyzeText(doc.uri, doc.version, doc.getText(), s, doc.languageId);
  reportProblems(a);
  return a;
}

/**
 * The analysis a request about `uri` is answered from; null when the document
 * is not open, the request was cancelled, or the document changed while the
 * request waited (its positions are stale: the client will ask again).
 */
async function analysisFor(uri: string, token?: CancellationToken): Promise<Analysis | null> {
  const doc = documents.get(uri);
  if (!doc || token?.isCancellationRequested) return null;
  const version = doc.version;
  const s = await settings.forDocument(uri);
  if (documents.get(uri) !== doc || (token && (token.isCancellationRequested || doc.version !== version))) return null;
  if (!checksDocument(s, doc.languageId)) return null;
  const a = analyzer.analyzeText(uri, doc.version, doc.getText(), s, doc.languageId);
  reportProblems(a);
  return a;
}

/** The analysis diagnostics are made from: the current text, or in on-save mode the text last saved. */
async function diagnosticsAnalysis(uri: string): Promise<Analysis | null> {
  if (!documents.get(uri)) return null;
  const s = await settings.forDocument(uri);
  const doc = documents.get(uri);
  return doc ? analysisWith(doc, s) : null;
}

/** More diagnostics than this help nobody and slow every editor: the rest are counted in one. */
const MAX_DIAGNOSTICS = 5000;

function diagnosticsOf(a: Analysis) {
  const { findings, model } = a.result;
  const shown = findings.slice(0, MAX_DIAGNOSTICS).map((f) => toDiagnostic(a.uri, model.lines, f, relatedSupport));
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

/** Per open document: the last publish started. An earlier one still waiting is superseded and sends nothing. */
const latestPublish = new Map<string, number>();
let publishTickets = 0;

/**
 * Checks a document and publishes its diagnostics, labelled with the version
 * checked. Only the latest publish started for a document sends, so a
 * publish never follows one of a newer version.
 */
async function publish(uri: string): Promise<void> {
  if (pullDiagnostics || !documents.get(uri)) return;
  const ticket = ++publishTickets;
  latestPublish.set(uri, ticket);
  try {
    const s = await settings.forDocument(uri);
    const doc = documents.get(uri);
    if (!doc || latestPublish.get(uri) !== ticket) return;
    const a = analysisWith(doc, s);
    void connection.sendDiagnostics({ uri, version: a?.version ?? doc.version, diagnostics: a ? diagnosticsOf(a) : [] });
  } catch (e) {
    connection.console.error(`speech-draft: ${e instanceof Error ? e.stack : String(e)}`);
  }
}

async function schedule(uri: string, reason: 'open' | 'change' | 'save'): Promise<void> {
  const s = await settings.forDocument(uri);
  if (!documents.get(uri)) return;
  if (reason === 'change' && s.run === 'onSave') return;
  if (pullDiagnostics) return;
  if (reason !== 'change') {
    debouncer.cancel(uri);
    void publish(uri);
  }
  // With debounce 0 too, the check waits for the changes already received: versions they supersede are never checked.
  else debouncer.schedule(uri, s.debounce, () => void publish(uri));
}

function refreshAll(): void {
  shownProblems.clear();
  if (pullDiagnostics && refreshSupport) void connection.languages.diagnostics.refresh();
  for (const doc of documents.all()) void schedule(doc.uri, 'open');
}

const workspaceCheck = new WorkspaceCheck({ connection, documents, settings: () => settings, analyzer: () => analyzer, diagnosticsOf, t: () => t, pulls: () => pullDiagnostics });

documents.onDidOpen((e) => {
  workspaceCheck.opened(e.document.uri);
  savedText.set(e.document.uri, { version: e.document.version, text: e.document.getText() });
  void schedule(e.document.uri, 'open');
});
documents.onDidChangeContent((e) => void schedule(e.document.uri, 'change'));
documents.onDidSave((e) => {
  savedText.set(e.document.uri, { version: e.document.version, text: e.document.getText() });
  void schedule(e.document.uri, 'save');
  if (pullDiagnostics && refreshSupport) void connection.languages.diagnostics.refresh();
});
// Nothing of a closed document stays: its analysis, settings, saved text, pending work, logged errors.
documents.onDidClose((e) => {
  const uri = e.document.uri;
  debouncer.cancel(uri);
  analyzer.forget(uri);
  settings.forget(uri);
  savedText.delete(uri);
  latestPublish.delete(uri);
  loggedRuleErrors.delete(uri);
  if (!pullDiagnostics) void connection.sendDiagnostics({ uri, diagnostics: [] });
});

connection.onDidChangeConfiguration((change) => {
  settings.reset(change.settings ?? undefined);
  refreshAll();
});
function rereadConfigFiles(): void {
  lastConfigReread = Date.now();
  watchedFiles.cancel(CONFIG_FILES);
  settings.reset();
  refreshAll();
}
connection.onDidChangeWatchedFiles(() => {
  const since = Date.now() - lastConfigReread;
  // A lone change is read at once; within a storm, once it quietens (at the latest a second after the last read).
  if (since >= WATCHED_FILES_MAX_WAIT_MS) rereadConfigFiles();
  else watchedFiles.schedule(CONFIG_FILES, Math.min(WATCHED_FILES_QUIET_MS, WATCHED_FILES_MAX_WAIT_MS - since), rereadConfigFiles);
});

/** Tells a pulled report apart from the last one: same session, settings and checked version means same findings. */
const session = Date.now().toString(36);
const resultIdOf = (a: Analysis) => `${session}:${a.settings.generation}:${a.version}`;

connection.languages.diagnostics.on(async (params, token): Promise<DocumentDiagnosticReport | ResponseError<DiagnosticServerCancellationData>> => {
  // An empty report here would wipe the client's diagnostics; a cancelled request gets an error instead,
  // and the client asks again (else a draft opened while the server starts stays unchecked).
  const cancelled = () => new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled', { retriggerRequest: true });
  if (token.isCancellationRequested) return cancelled();
  const a = await diagnosticsAnalysis(params.textDocument.uri);
  if (!a) return { kind: 'full', items: [] };
  if (token.isCancellationRequested) return cancelled();
  const resultId = resultIdOf(a);
  if (params.previousResultId === resultId) return { kind: 'unchanged', resultId };
  return { kind: 'full', resultId, items: diagnosticsOf(a) };
});

connection.onCodeAction(async (params, token) => {
  const a = await analysisFor(params.textDocument.uri, token);
  return a && !token.isCancellationRequested ? codeActions(a, params, t, support) : [];
});

// A fix-all action offered without its edit: computed now, on the document as it is.
connection.onCodeActionResolve(async (action, token) => {
  if (!isFixAllData(action.data)) return action;
  const a = await analysisFor(action.data.uri, token);
  return a && !token.isCancellationRequested ? resolveFixAll(a, action, support) : action;
});

connection.onDocumentSymbol(async (params, token) => {
  const a = await analysisFor(params.textDocument.uri, token);
  return a ? documentSymbols(a, t) : [];
});

connection.onFoldingRanges(async (params, token) => {
  const a = await analysisFor(params.textDocument.uri, token);
  return a ? foldingRanges(a.result.model) : [];
});

connection.onSelectionRanges(async (params, token) => {
  const a = await analysisFor(params.textDocument.uri, token);
  return a ? params.positions.map((p) => selectionRange(a.result.model, p)) : [];
});

connection.onHover(async (params, token) => {
  const a = await analysisFor(params.textDocument.uri, token);
  return a ? hover(a, params.position, t) : null;
});

connection.onCompletion(async (params, token) => {
  const a = await analysisFor(params.textDocument.uri, token);
  return a ? completions(a.result.model, params.position, t) : [];
});

connection.onExecuteCommand(async (params, token) => {
  const uri = params.arguments?.[0];
  if (typeof uri !== 'string') return null;
  const a = await analysisFor(uri, token);
  if (!a) return null;
  const edit = commandEdit(params.command, a, params.arguments ?? [], support.documentChanges);
  if (edit) await connection.workspace.applyEdit({ label: params.command, edit });
  return edit;
});

/** Answers one of the custom requests of `protocol.ts`, typed by it. */
function onRequest<P, R>(request: Request<P, R>, handler: (params: P, token: CancellationToken) => R | Promise<R>): void {
  connection.onRequest(request.method, (params: P, token: CancellationToken) => Promise.resolve(handler(params, token)));
}

onRequest(OutlineRequest, async (params, token) => {
  const a = await analysisFor(params.textDocument.uri, token);
  return a ? { version: a.version, nodes: outlineNodes(a) } : null;
});

onRequest(StatsRequest, async (params, token) => {
  const a = await analysisFor(params.textDocument.uri, token);
  return a ? stats(a) : null;
});

onRequest(MoveSectionRequest, async (params, token) => {
  const a = await analysisFor(params.textDocument.uri, token);
  return a ? moveSection(a, params, t) : null;
});

// Cheap by design: it answers from the text alone, without checking.
/** The exporter, a bundle of its own loaded on first use (it is larger than the rest of the server). */
function exporter(): typeof import('../export/api') {
  return require(path.join(__dirname, 'export.js'));
}

onRequest(ExportDocxRequest, async (params, token) => {
  const a = await analysisFor(params.textDocument.uri, token);
  if (!a) return null;
  const { exportDocx, preflight } = exporter();
  const { blocking, warnings } = preflight(a.result.findings);
  if (blocking.length && !params.force) {
    const problems = blocking.map((f) => ({ rule: f.rule, line: a.result.model.lines.positionAt(f.span.start).line, message: f.message }));
    return { status: 'blocked' as const, problems, warnings: warnings.length };
  }
  const doc = documents.get(params.textDocument.uri);
  const report = { replaced: 0 };
  const bytes = await exportDocx(a.result.model, { markdown: draftFormat({ languageId: doc?.languageId }) === 'markdown', layout: { keepOutline: !!params.keepOutline } }, report);
  return { status: 'done' as const, data: Buffer.from(bytes).toString('base64'), warnings: warnings.length, replaced: report.replaced };
});

onRequest(CheckWorkspaceRequest, (params, token) => workspaceCheck.run(params, token));

// For tests and troubleshooting: what the server holds, and its memory.
onRequest(ServerStatusRequest, () => {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return {
    pid: process.pid,
    documents: documents.keys().length,
    analyzed: analyzer.size,
    cachedSettings: settings.size,
    configs: analyzer.configCount,
    checks: analyzer.checks,
    settingsLoads: settings.loads,
    fixAllRuns: fixAllStats.runs,
    heapUsed: m.heapUsed,
    rss: m.rss,
  };
});

onRequest(DocumentInfoRequest, (params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return null;
  const text = doc.getText();
  return { version: doc.version, length: text.length, hash: fnv1a(text) };
});

// After a framing error on stdin vscode-jsonrpc's reader goes deaf (`exit` included) and messages
// may have been lost. Resynchronising on the next header cannot bring them back: a lost didChange
// leaves the server's text unlike the editor's, and edits computed from it would land on the wrong
// lines. Exiting (status 1, so clients treat it as a crash) lets the client restart the server and
// send its documents again. Registered before the library's reader, so it sees each chunk first.
if (process.argv.includes('--stdio')) {
  watchFraming(process.stdin, (reason) => {
    process.stderr.write(`speech-draft: framing error on stdin (${reason}); exiting so that the client restarts the server\n`);
    process.exit(1);
  });
}

documents.listen(connection);
connection.listen();
