// The language client for the server (dist/server.js, over IPC) and the draft
// languages. A bundle of its own (dist/languageClient.js), loaded by
// `SpeechServer` when the first draft opens.

import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { ClientCommands, WORD_DOCUMENT_SCHEME } from '../../server/src/protocol';
import { CrashHandler } from './crashes';
import { linkRuleDocs } from './ruleDocs';
import { SECTION } from './settings';

// The commands that write the user's settings run from quick fixes, when this bundle is loaded already.
export { ruleSettingCommands } from './ruleSettings';

/**
 * Every language a draft may be written in goes to the server; the server
 * checks only those in `speechDraft.languages`, so that changing the setting
 * needs no restart.
 */
const LANGUAGES = ['speech', 'plaintext', 'markdown'];

function documentSelector() {
  return [
    ...LANGUAGES.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    // The read-only view of a Word document (client/src/wordDocument.ts).
    { scheme: WORD_DOCUMENT_SCHEME, language: 'speech' },
  ];
}

export function createLanguageClient(context: vscode.ExtensionContext): { client: LanguageClient; crashes: CrashHandler } {
  const crashes = new CrashHandler();
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    synchronize: {
      configurationSection: SECTION,
      fileEvents: vscode.workspace.createFileSystemWatcher('**/.speechdraftrc.json'),
    },
    // The commands of ClientCommands this extension runs (ruleSettings.ts): the server offers their quick fixes.
    initializationOptions: { trusted: vscode.workspace.isTrusted, clientCommands: Object.values(ClientCommands) },
    outputChannelName: vscode.l10n.t('Speech Draft'),
    errorHandler: crashes,
    // A finding's code opens its rule's page inside VS Code (the server links the website, for other editors).
    middleware: {
      handleDiagnostics: (uri, diagnostics, next) => next(uri, diagnostics.map(linkRuleDocs)),
      provideDiagnostics: async (document, previousResultId, token, next) => {
        const report = await next(document, previousResultId, token);
        if (report && report.kind === 'full') report.items = report.items.map(linkRuleDocs);
        return report;
      },
    },
  };
  return { client: new LanguageClient('speechDraft', vscode.l10n.t('Speech Draft'), serverOptions, clientOptions), crashes };
}
