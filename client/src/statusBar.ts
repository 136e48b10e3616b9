// Status bar: characters, minutes at the configured rate, findings; a click
// opens the outline view.

import * as vscode from 'vscode';
import type { SpeechServer } from './speechServer';
import { StatsRequest, type StatsResult } from '../../server/src/protocol';
import { isDraft } from './settings';

export class StatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('speechDraft.stats', vscode.StatusBarAlignment.Right, 100);
  /** The last numbers shown, for tests and the statistics command. */
  last: StatsResult | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly server: SpeechServer) {
    this.item.name = vscode.l10n.t('Speech Draft statistics');
    this.item.command = 'speechDraft.outline.focus';
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document) this.refreshSoon();
      }),
      vscode.languages.onDidChangeDiagnostics(() => this.refreshSoon()),
    );
    void this.refresh();
  }

  refreshSoon(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), 300);
  }

  async refresh(): Promise<void> {
    const doc = vscode.window.activeTextEditor?.document;
    if (!isDraft(doc) || !this.server.isRunning()) {
      this.item.hide();
      return;
    }
    try {
      const stats = await this.server.sendRequest(StatsRequest, { textDocument: { uri: doc.uri.toString() } });
      if (!stats) return this.item.hide();
      this.last = stats;
      const problems = stats.findings.error + stats.findings.warning;
      this.item.text = vscode.l10n.t('$(book) {0} chars · {1} min · $(warning) {2}', stats.chars, stats.minutes.toFixed(1), problems);
      const over = stats.targetMinutes > 0 && stats.minutes > stats.targetMinutes;
      this.item.tooltip = vscode.l10n.t(
        '{0} characters, about {1} minutes at {2} a minute (target {3}). Errors {4}, warnings {5}, infos {6}. Click to open the outline.',
        stats.chars,
        stats.minutes.toFixed(1),
        stats.speakingRate,
        stats.targetMinutes,
        stats.findings.error,
        stats.findings.warning,
        stats.findings.info,
      );
      this.item.backgroundColor = over ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
      this.item.show();
    } catch {
      // the server restarts or the document closed: the next event refreshes
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.item.dispose();
    this.disposables.forEach((d) => d.dispose());
  }
}
