// A rule's severity one click from its finding (将此规则改为提示 / 关闭), and
// "在本工作区接受“…”" for a word, phrase or placeholder written on purpose. The
// server offers them; the client asks where and writes the settings or the
// `.speechdraftrc.json` (the server never writes the user's files). Offered
// only to a client that says it runs these commands (`clientCommands` in
// `initializationOptions`).

import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver/node';
import { acceptablePhrase, ruleById, type Finding, type Translate } from '../core';
import { ClientCommands, type AcceptPhraseArgs, type ConfigTargets, type SetRuleSeverityArgs } from '../protocol';
import type { Analysis } from './analysis';

function targets(a: Analysis): ConfigTargets {
  const s = a.settings;
  return { uri: a.uri, configFile: s.configFile?.path, trusted: s.trusted };
}

/** The rule's severity actions: to info (unless it is already), and off. */
export function severityActions(a: Analysis, f: Finding, diagnostic: Diagnostic, t: Translate, clientCommands: ReadonlySet<string>): CodeAction[] {
  const rule = ruleById(f.rule);
  if (!rule || !clientCommands.has(ClientCommands.setRuleSeverity)) return [];
  const ruleName = t(rule.name.en);
  const current = a.config.rules[rule.id] ?? rule.defaultSeverity;
  const choices: Array<{ severity: SetRuleSeverityArgs['severity']; title: string }> = [];
  if (current !== 'info') choices.push({ severity: 'info', title: t('Make rule “{0}” an info…', ruleName) });
  choices.push({ severity: 'off', title: t('Turn rule “{0}” off…', ruleName) });
  return choices.map(({ severity, title }) => {
    const args: SetRuleSeverityArgs = { ...targets(a), rule: rule.id, ruleName, severity, configFileSeverity: a.settings.configFile?.rules[rule.id] };
    return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title, command: ClientCommands.setRuleSeverity, arguments: [args] } };
  });
}

/**
 * "在本工作区接受“…”": for a finding on a word, phrase or placeholder (not the
 * structure: a marker or a heading is not a word to accept), in a trusted
 * workspace (an untrusted one does not read the list).
 */
export function acceptAction(a: Analysis, f: Finding, diagnostic: Diagnostic, t: Translate, clientCommands: ReadonlySet<string>): CodeAction | undefined {
  if (!clientCommands.has(ClientCommands.acceptPhrase) || !a.settings.trusted || f.members) return undefined;
  if (ruleById(f.rule)?.blocksExport === 'error') return undefined;
  const phrase = acceptablePhrase(a.text, f);
  if (!phrase) return undefined;
  const title = t('Accept “{0}” in this workspace', phrase);
  const args: AcceptPhraseArgs = { ...targets(a), phrase };
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title, command: ClientCommands.acceptPhrase, arguments: [args] } };
}
