// The 讲话提纲 tree view: one node per heading, nested by level, with each
// section's characters, minutes and findings; it follows the active draft and
// refreshes as the writer types. Nodes can be dragged to move their section
// (the server makes the edit).

import * as vscode from 'vscode';
import type { SpeechServer } from './speechServer';
import { HeadingTreeRequest, type HeadingTreeNode } from '../../server/src/protocol';
import { moveSection } from './moveSection';
import { isDraft } from './settings';

const MIME = 'application/vnd.code.tree.speechdraft.outline';

export class HeadingTreeProvider implements vscode.TreeDataProvider<HeadingTreeNode>, vscode.TreeDragAndDropController<HeadingTreeNode> {
  readonly dropMimeTypes = [MIME];
  readonly dragMimeTypes = [MIME];
  private readonly changed = new vscode.EventEmitter<HeadingTreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  /** The draft shown, and its heading tree. */
  document: vscode.TextDocument | undefined;
  nodes: HeadingTreeNode[] = [];
  private parents = new Map<HeadingTreeNode, HeadingTreeNode | undefined>();
  private timer: NodeJS.Timeout | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly refreshed = new vscode.EventEmitter<void>();
  /** Fires after each refresh; tests wait on it. */
  readonly onDidRefresh = this.refreshed.event;

  constructor(private readonly server: SpeechServer) {
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor((e) => {
        // Focus moving to the tree or a panel keeps the last draft shown.
        if (e && isDraft(e.document)) void this.refresh();
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === this.document) this.refreshSoon();
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d === this.document) void this.refresh();
      }),
      vscode.languages.onDidChangeDiagnostics(() => this.refreshSoon()),
    );
  }

  refreshSoon(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), 250);
  }

  async refresh(): Promise<void> {
    const active = vscode.window.activeTextEditor?.document;
    const doc = isDraft(active) ? active : this.document && !this.document.isClosed ? this.document : undefined;
    this.document = doc;
    this.nodes = [];
    if (doc && this.server.isRunning()) {
      try {
        const result = await this.server.sendRequest(HeadingTreeRequest, { textDocument: { uri: doc.uri.toString() } });
        this.nodes = result?.nodes ?? [];
      } catch {
        // the server restarts: the next change refreshes
      }
    }
    this.parents.clear();
    const index = (list: HeadingTreeNode[], parent: HeadingTreeNode | undefined) =>
      list.forEach((n) => {
        this.parents.set(n, parent);
        index(n.children, n);
      });
    index(this.nodes, undefined);
    void vscode.commands.executeCommand('setContext', 'speechDraft.hasOutline', this.nodes.length > 0);
    this.changed.fire(undefined);
    this.refreshed.fire();
  }

  getTreeItem(node: HeadingTreeNode): vscode.TreeItem {
    const item = new vscode.TreeItem(`${node.marker}${node.heading}`, node.children.length ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
    item.description = vscode.l10n.t('{0} chars · {1} min', node.chars, node.minutes.toFixed(1));
    const problems = node.findings.error + node.findings.warning;
    item.iconPath = node.findings.error
      ? new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'))
      : problems
        ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'))
        : new vscode.ThemeIcon(node.kind === 'heading' ? 'symbol-namespace' : 'symbol-enum-member');
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${escape(node.marker + node.heading)}**\n\n`);
    tooltip.appendMarkdown(
      vscode.l10n.t('{0} characters, about {1} minutes. Errors {2}, warnings {3}, infos {4}.', node.chars, node.minutes.toFixed(1), node.findings.error, node.findings.warning, node.findings.info),
    );
    item.tooltip = tooltip;
    item.contextValue = node.section ? 'section' : 'inlineItem';
    if (this.document) {
      item.command = {
        command: 'speechDraft.revealSection',
        title: vscode.l10n.t('Go to the heading'),
        arguments: [this.document.uri, node.selectionRange],
      };
    }
    return item;
  }

  getChildren(node?: HeadingTreeNode): HeadingTreeNode[] {
    return node ? node.children : this.nodes;
  }

  getParent(node: HeadingTreeNode): HeadingTreeNode | undefined {
    return this.parents.get(node);
  }

  /**
   * The node as it is in the current tree: a node handed in by a command may
   * come from a tree the last refresh replaced. Matched by where it starts.
   */
  current(node: HeadingTreeNode): HeadingTreeNode | undefined {
    if (this.parents.has(node)) return node;
    const same = (a: HeadingTreeNode) => a.selectionRange.start.line === node.selectionRange.start.line && a.selectionRange.start.character === node.selectionRange.start.character;
    return [...this.parents.keys()].find(same);
  }

  /** Plain text of the heading tree (sections only), indented by level, for the clipboard. */
  asText(): string {
    const lines: string[] = [];
    const walk = (list: HeadingTreeNode[]) =>
      list.forEach((n) => {
        if (!n.section) return;
        lines.push(`${'　　'.repeat(n.depth)}${n.marker}${n.heading}`);
        walk(n.children);
      });
    walk(this.nodes);
    return lines.join('\n');
  }

  handleDrag(source: readonly HeadingTreeNode[], data: vscode.DataTransfer): void {
    data.set(MIME, new vscode.DataTransferItem(source[0]));
  }

  async handleDrop(target: HeadingTreeNode | undefined, data: vscode.DataTransfer): Promise<void> {
    const dragged = data.get(MIME)?.value as HeadingTreeNode | undefined;
    const source = dragged && this.current(dragged);
    target = target && this.current(target);
    if (!source || !target || source === target || !this.document) return;
    await moveSection(this.server, this.document, source, target);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.disposables.forEach((d) => d.dispose());
    this.changed.dispose();
    this.refreshed.dispose();
  }
}

function escape(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|]/g, '\\$&');
}
