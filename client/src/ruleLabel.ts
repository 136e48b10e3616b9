// A rule as the extension shows it: its name in the writer's language (Chinese
// unless VS Code runs in English), the id beside it as the code.

import * as vscode from 'vscode';
import { RULE_NAMES } from './ruleNames';

export function ruleName(id: string): string {
  const names = RULE_NAMES[id];
  if (!names) return id;
  return vscode.env.language.startsWith('en') ? names.en : names.zh;
}

/** `序号连续（numbering-sequence）`. */
export function ruleLabel(id: string): string {
  const name = ruleName(id);
  return name === id ? id : vscode.l10n.t('{0} ({1})', name, id);
}
