// What the client can do (read once from `initialize`) and what the server
// offers in return.

import { CodeActionKind, TextDocumentSyncKind, type ClientCapabilities, type ServerCapabilities } from 'vscode-languageserver/node';
import { FIX_ALL_KIND, type ActionSupport } from './codeActions';
import { COMMAND_IDS } from './commands';
import type { DiagnosticsSupport } from './diagnostics';

export interface ClientSupport {
  diagnostics: DiagnosticsSupport;
  actions: ActionSupport;
  /** It answers `workspace/configuration`: settings are pulled per document, not pushed. */
  configuration: boolean;
  /** It lets the server register for settings and watched files after `initialized`. */
  dynamicConfiguration: boolean;
  dynamicWatchers: boolean;
}

/** The commands of `ClientCommands` the client says it runs (`initializationOptions.clientCommands`). */
function clientCommandsOf(options: unknown): Set<string> {
  const list = (options as { clientCommands?: unknown } | null)?.clientCommands;
  return new Set(Array.isArray(list) ? list.filter((c): c is string => typeof c === 'string') : []);
}

export function clientSupport(caps: ClientCapabilities, initializationOptions?: unknown): ClientSupport {
  // Pull clients declare it under `diagnostic` (3.18), older ones only under `publishDiagnostics`.
  const relatedInformation = !!(caps.textDocument?.publishDiagnostics?.relatedInformation || caps.textDocument?.diagnostic?.relatedInformation);
  const codeAction = caps.textDocument?.codeAction;
  return {
    diagnostics: { pull: !!caps.textDocument?.diagnostic, relatedInformation, refresh: !!caps.workspace?.diagnostics?.refreshSupport },
    actions: {
      relatedInformation,
      // The action's `data` must come back with the resolve request.
      resolveEdit: !!(codeAction?.dataSupport && codeAction.resolveSupport?.properties.includes('edit')),
      applyEdit: !!caps.workspace?.applyEdit,
      documentChanges: !!caps.workspace?.workspaceEdit?.documentChanges,
      changeAnnotations: !!caps.workspace?.workspaceEdit?.changeAnnotationSupport,
      showDocument: !!caps.window?.showDocument?.support,
      clientCommands: clientCommandsOf(initializationOptions),
    },
    configuration: !!caps.workspace?.configuration,
    dynamicConfiguration: !!caps.workspace?.didChangeConfiguration?.dynamicRegistration,
    dynamicWatchers: !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration,
  };
}

export function serverCapabilities(client: ClientSupport): ServerCapabilities {
  return {
    // Offsets are UTF-16 code units throughout, the encoding every client must support.
    positionEncoding: 'utf-16',
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
    diagnosticProvider: client.diagnostics.pull ? { interFileDependencies: false, workspaceDiagnostics: false } : undefined,
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, FIX_ALL_KIND], resolveProvider: true },
    documentSymbolProvider: true,
    foldingRangeProvider: true,
    selectionRangeProvider: true,
    hoverProvider: true,
    completionProvider: { resolveProvider: false },
    executeCommandProvider: { commands: COMMAND_IDS },
  };
}
