// What the server tells the writer and its log about itself: a config problem
// is shown once until the configuration changes, a rule that throws is logged
// once per document and error (not on every keystroke).

import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver/node';
import { formatProblem, type ConfigProblem, type Locale, type Translate } from '../core';

export class Notices {
  private readonly shownProblems = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly locale: Locale,
    private readonly t: Translate,
  ) {}

  /** Shows the problems not shown since the configuration last changed. */
  configProblems(problems: readonly ConfigProblem[]): void {
    const fresh = problems.map(formatProblem).filter((p) => !this.shownProblems.has(p));
    if (fresh.length === 0) return;
    fresh.forEach((p) => this.shownProblems.add(p));
    const lines = problems.map((p) => `${p.source}: ${p.key}: ${this.locale === 'en' ? p.message.en : p.message.zh}`);
    void this.connection.sendNotification(ShowMessageNotification.type, {
      type: MessageType.Error,
      message: this.t('Speech Draft configuration problem (the defaults are used instead): {0}', lines.join('; ')),
    });
  }

  /** The configuration changed: its problems are shown again. */
  configChanged(): void {
    this.shownProblems.clear();
  }

  /** Logs a rule's failure unless `logged` (the document's) holds it already. */
  ruleError(logged: Set<string>, uri: string, rule: string, error: string): void {
    const key = `${rule}\u0000${error}`;
    if (logged.has(key)) return;
    logged.add(key);
    this.connection.console.error(`speech-draft: rule ${rule} failed on ${uri}: ${error}`);
  }
}
