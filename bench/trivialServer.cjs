// The floor the edit rows are measured against: a language server that keeps
// each document (incremental sync, the library's own TextDocument) and answers
// with nothing: an empty publish for a pushing client, an empty report for a
// pulling one. What it costs is the protocol, the pipes and the text's upkeep.
const path = require('path');
const repo = path.resolve(__dirname, '..');
const fromRepo = require('module').createRequire(path.join(repo, 'package.json'));
const { createConnection, TextDocuments, TextDocumentSyncKind } = fromRepo('vscode-languageserver/node');
const { TextDocument } = fromRepo('vscode-languageserver-textdocument');

const connection = createConnection();
const documents = new TextDocuments(TextDocument);
let pull = false;
connection.onInitialize((params) => {
  pull = !!params.capabilities.textDocument?.diagnostic;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      diagnosticProvider: pull ? { interFileDependencies: false, workspaceDiagnostics: false } : undefined,
    },
  };
});
const publish = (doc) => {
  if (!pull) void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: [] });
};
documents.onDidOpen((e) => publish(e.document));
documents.onDidChangeContent((e) => publish(e.document));
connection.languages.diagnostics.on(() => ({ kind: 'full', items: [] }));
documents.listen(connection);
connection.listen();
