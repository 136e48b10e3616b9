// Helpers for tests inside VS Code: wait on events, never on fixed sleeps.

import * as vscode from 'vscode';
import type { SpeechDraftApi } from '../../../client/src/extension';

export const EXTENSION_ID = 'speech-draft.speech-draft';

export async function api(): Promise<SpeechDraftApi> {
  const ext = vscode.extensions.getExtension<SpeechDraftApi>(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  return ext.isActive ? ext.exports : ext.activate();
}

export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder');
  return vscode.Uri.joinPath(folder.uri, name);
}

/** Resolves when `ready()` returns a value, re-checking whenever an event fires; rejects after `timeout`. */
export function waitFor<T>(events: vscode.Event<unknown>[], ready: () => T | undefined, what: string, timeout = 20000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const first = ready();
    if (first !== undefined) return resolve(first);
    const subs: vscode.Disposable[] = [];
    const done = (f: () => void) => {
      subs.forEach((s) => s.dispose());
      clearTimeout(timer);
      f();
    };
    const timer = setTimeout(() => done(() => reject(new Error(`timed out waiting for ${what}`))), timeout);
    for (const e of events) {
      subs.push(
        e(() => {
          const v = ready();
          if (v !== undefined) done(() => resolve(v));
        }),
      );
    }
  });
}

export function speechDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'speech-draft');
}

/** Waits until the draft's diagnostics satisfy `ok` (they arrive after the server checked the text). */
export function diagnosticsWhere(uri: vscode.Uri, ok: (d: vscode.Diagnostic[]) => boolean, what: string): Promise<vscode.Diagnostic[]> {
  return waitFor([vscode.languages.onDidChangeDiagnostics], () => {
    const d = speechDiagnostics(uri);
    return ok(d) ? d : undefined;
  }, what);
}

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/**
 * Applies an edit VS Code holds in its refactor preview (the server marks
 * renumbering and writing the 【提纲】 as needing confirmation), as the writer
 * does: the preview lists such edits unchecked, so the draft's node (the
 * first) is checked, then Apply pressed, until `done()` holds. The preview
 * gives extensions no event when it opens, and a second toggle would uncheck
 * the edits: each try waits a second for the preview first.
 */
export async function applyInPreview(done: () => boolean, what: string, tries = 15): Promise<void> {
  const run = (command: string) => Promise.resolve(vscode.commands.executeCommand(command)).catch(() => undefined);
  for (let i = 0; i < tries && !done(); i++) {
    await new Promise((r) => setTimeout(r, 1000));
    if (done()) return;
    await run('list.focusFirst');
    await run('refactorPreview.toggleCheckedState');
    await run('refactorPreview.apply');
  }
  if (!done()) throw new Error(`timed out waiting for ${what} in the refactor preview`);
}
