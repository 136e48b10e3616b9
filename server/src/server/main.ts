// The Speech Draft language server. Start it with `node server.js --stdio`
// (any LSP client) or over IPC (the VS Code client).
//
// Wiring only: each feature is a module of its own (diagnostics, code
// actions, commands, hover, completion, ranges, the heading tree, export,
// status); the documents' state lives in `session.ts`, settings in
// `settings.ts`; the custom requests are declared in `protocol.ts`.

import {
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ProposedFeatures,
  TextDocuments,
  type CancellationToken,
  type ExecuteCommandParams,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { resolveLocale, translator, type Locale, type Translate } from '../core';
import {
  AnnotateWordDocumentRequest,
  CheckWorkspaceRequest,
  Commands,
  DocumentInfoRequest,
  ExportDocxRequest,
  GroupedMarksRequest,
  HeadingTreeRequest,
  MoveSectionRequest,
  ReadWordDocumentRequest,
  ServerStatusRequest,
  StatsRequest,
  type Request,
} from '../protocol';
import { Analyzer, type Analysis } from './analysis';
import { clientSupport, serverCapabilities, type ClientSupport } from './capabilities';
import { codeActions, isFixAllData, resolveFixAll } from './codeActions';
import { commandEdit, revealParams } from './commands';
import { completions } from './completion';
import { ConfigFileWatch } from './configWatch';
import { Diagnostics, diagnosticsOf } from './diagnostics';
import { moveSection } from './edits/moveSection';
import { exportDocx } from './exportDocx';
import { watchFraming } from './framing';
import { groupedMarksOf } from './groupedMarks';
import { documentSymbols, headingTreeNodes, kindsOf, stats } from './headingTree';
import { hover } from './hover';
import { Notices } from './notices';
import { foldingRanges, selectionRange } from './ranges';
import { DocumentChanges, Sessions } from './session';
import { Settings, workspaceFoldersOf } from './settings';
import { documentInfo, serverStatus } from './status';
import { annotateWordDocument, readWordDocument } from './wordDocuments';
import { RULE_DOCS } from './ruleDocs';
import { warmUp, warmUpTexts, watchInput } from './warmUp';
import { prefetchBundledWordingData } from '../node/wordingData';
import { WorkspaceCheck } from './workspaceCheck';

const connection = createConnection(ProposedFeatures.all);
// Nothing but protocol may reach stdout: route the console to the client's log.
console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
console.info = console.log;
console.warn = (...args: unknown[]) => connection.console.warn(args.map(String).join(' '));
console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));
process.on('uncaughtException', (e) => connection.console.error(`speech-draft: ${e.stack ?? e}`));
process.on('unhandledRejection', (e) => connection.console.error(`speech-draft: ${e instanceof Error ? e.stack : String(e)}`));

// The document store: each change is recorded as it is applied, so that a check can be made around it.
const documentChanges = new DocumentChanges();
const documents = new TextDocuments({ create: TextDocument.create, update: documentChanges.update });
// The wording rules' data, beside this bundle: read from now on, off the main thread, taken when one of them first runs.
prefetchBundledWordingData(__dirname);
// The warm-up waits while the client is sending (see warmUp.ts).
watchInput(process.argv.includes('--stdio'));

/** What `initialize` settles, for the handlers below. */
interface Server {
  locale: Locale;
  t: Translate;
  client: ClientSupport;
  settings: Settings;
  analyzer: Analyzer;
  sessions: Sessions;
  notices: Notices;
  diagnostics: Diagnostics;
  workspaceCheck: WorkspaceCheck;
}
let server: Server;

declare const SPEECH_DRAFT_VERSION: string | undefined;

connection.onInitialize((params) => {
  const locale = resolveLocale(params.locale);
  const t = translator(locale);
  const client = clientSupport(params.capabilities, params.initializationOptions);
  const settings = new Settings(connection, client.configuration, params.initializationOptions, workspaceFoldersOf(params), (uri) => documents.get(uri)?.languageId);
  const analyzer = new Analyzer(locale);
  const notices = new Notices(connection, locale, t);
  const sessions = new Sessions(documents, settings, analyzer, notices, documentChanges);
  const diagnostics = new Diagnostics(connection, documents, sessions, settings, client.diagnostics, t);
  const workspaceCheck = new WorkspaceCheck({
    connection,
    documents,
    settings,
    analyzer,
    diagnosticsOf: (a) => diagnosticsOf(a, client.diagnostics.relatedInformation, t),
    t,
    pulls: client.diagnostics.pull,
  });
  server = { locale, t, client, settings, analyzer, sessions, notices, diagnostics, workspaceCheck };
  return {
    capabilities: serverCapabilities(client),
    serverInfo: { name: 'speech-draft', version: typeof SPEECH_DRAFT_VERSION === 'string' ? SPEECH_DRAFT_VERSION : 'dev' },
  };
});

connection.onInitialized(() => {
  if (server.client.dynamicConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'speechDraft' });
  if (server.client.dynamicWatchers) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/.speechdraftrc.json' }] });
  }
  // Off the critical path: short rounds while the client is quiet, none once a draft is open.
  warmUp(server.locale, warmUpTexts(RULE_DOCS), () => documents.keys().length > 0);
});

documents.onDidOpen((e) => {
  server.workspaceCheck.opened(e.document.uri);
  server.sessions.opened(e.document);
  void server.diagnostics.schedule(e.document.uri, 'open');
});
documents.onDidChangeContent((e) => void server.diagnostics.schedule(e.document.uri, 'change'));
documents.onDidSave((e) => {
  server.sessions.saved(e.document);
  void server.diagnostics.schedule(e.document.uri, 'save');
  server.diagnostics.askToPull();
});
documents.onDidClose((e) => {
  server.diagnostics.closed(e.document.uri);
  server.sessions.closed(e.document.uri);
});

/** Settings or a config file changed: everything is resolved and checked again, and config problems shown again. */
function settingsChanged(pushed?: unknown): void {
  server.settings.reset(pushed);
  server.notices.configChanged();
  server.diagnostics.refreshAll();
}
connection.onDidChangeConfiguration((change) => settingsChanged(change.settings ?? undefined));
const configFiles = new ConfigFileWatch(() => settingsChanged());
connection.onDidChangeWatchedFiles(() => configFiles.changed());

connection.languages.diagnostics.on((params, token) => server.diagnostics.pull(params, token));

/** A handler answered from the analysis of the document `uriOf` names (`Sessions.current`), or `none` without one. */
function fromAnalysis<P, R>(uriOf: (params: P) => unknown, none: R, answer: (a: Analysis, params: P) => R | Promise<R>) {
  return async (params: P, token: CancellationToken): Promise<R> => {
    const uri = uriOf(params);
    const a = typeof uri === 'string' ? await server.sessions.current(uri, token) : null;
    return a && !token.isCancellationRequested ? answer(a, params) : none;
  };
}
/** The same for a request about its `textDocument`. */
const onDocument = <P extends { textDocument: { uri: string } }, R>(none: R, answer: (a: Analysis, params: P) => R | Promise<R>) =>
  fromAnalysis((params: P) => params.textDocument.uri, none, answer);

connection.onCodeAction(onDocument([], (a, params) => codeActions(a, params, server.t, server.client.actions)));
// A fix-all action offered without its edit: computed now, on the document as it is.
connection.onCodeActionResolve(async (action, token) => {
  const a = isFixAllData(action.data) ? await server.sessions.current(action.data.uri, token) : null;
  return a && !token.isCancellationRequested ? resolveFixAll(a, action, server.client.actions) : action;
});
connection.onDocumentSymbol(onDocument([], (a) => documentSymbols(a, server.t)));
connection.onFoldingRanges(onDocument([], (a) => foldingRanges(a.result.model)));
connection.onSelectionRanges(onDocument([], (a, params) => params.positions.map((p) => selectionRange(a.result.model, p))));
connection.onHover(onDocument(null, (a, params) => hover(a, params.position, server.t)));
connection.onCompletion(onDocument([], (a, params) => completions(a.result.model, params.position, server.t)));
const runCommand = fromAnalysis((params: ExecuteCommandParams) => params.arguments?.[0], null, async (a, params) => {
  const edit = commandEdit(params.command, a, params.arguments ?? [], server.client.actions, server.t);
  if (edit) await connection.workspace.applyEdit({ label: params.command, edit });
  return edit;
});
connection.onExecuteCommand(async (params, token) => {
  if (params.command !== Commands.reveal) return runCommand(params, token);
  const show = revealParams(params.arguments ?? []);
  if (show && server.client.actions.showDocument) await connection.window.showDocument(show);
  return null;
});

/** Answers one of the custom requests of `protocol.ts`, typed by it. */
function onRequest<P, R>(request: Request<P, R>, handler: (params: P, token: CancellationToken) => R | Promise<R>): void {
  connection.onRequest(request.method, (params: P, token: CancellationToken) => Promise.resolve(handler(params, token)));
}

onRequest(HeadingTreeRequest, onDocument(null, (a, params) => ({ version: a.version, nodes: headingTreeNodes(a, server.t, kindsOf(params.kinds)) })));
onRequest(StatsRequest, onDocument(null, stats));
onRequest(GroupedMarksRequest, (params) => groupedMarksOf(params.textDocument.uri, documents, server.settings, server.sessions));
onRequest(MoveSectionRequest, onDocument(null, (a, params) => moveSection(a, params, server.t)));
onRequest(ExportDocxRequest, onDocument(null, (a, params) => exportDocx(a, params, documents.get(a.uri)?.languageId)));
onRequest(ServerStatusRequest, () => serverStatus(documents, server.sessions, server.analyzer, server.settings));
onRequest(DocumentInfoRequest, (params) => documentInfo(documents, server.diagnostics, params));
onRequest(ReadWordDocumentRequest, (params) => readWordDocument(params, server.locale, server.t));
onRequest(AnnotateWordDocumentRequest, onDocument(null, (a, params) => annotateWordDocument(a, params, server.locale, server.t)));
onRequest(CheckWorkspaceRequest, (params, token) => server.workspaceCheck.run(params, token));

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
