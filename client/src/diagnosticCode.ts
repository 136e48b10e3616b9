// A diagnostic's rule id. VS Code hands the code back as `{ value, target }`
// when the server gave it a `codeDescription` (the rule's page), as a plain
// string or number otherwise.

import type * as vscode from 'vscode';

export const SOURCE = 'speech-draft';

/** The rule of one of our diagnostics; undefined for anyone else's. */
export function ruleOf(d: vscode.Diagnostic): string | undefined {
  if (d.source !== SOURCE || d.code === undefined) return undefined;
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}
