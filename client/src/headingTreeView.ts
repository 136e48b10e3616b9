// The 讲话提纲 tree view: one node per heading, nested by level, with each
// section's characters, minutes and findings, marked by its worst finding; a
// lost item as a node of its own where it is missing (`（缺少 二、）`); the
// 【提纲】 block with its items, the opening and the closing. It follows the
// active draft and refreshes as the writer types. Sections can be dragged to
// move them (the server makes the edit).

import * as vscode from 'vscode';
import type { SpeechServer } from './speechServer';
import { HeadingTreeRequest, type HeadingTreeNode, type HeadingTreeNodeKind, type SeverityName } from '../../server/src/protocol';
import { moveSection } from './moveSection';
import { isDraft } from './settings';

const MIME = 'application/vnd.code.tree.speechdraft.outline';

/** Every kind of node the view shows (the server sends the heading tree alone to a client that names none). */
export const VIEW_KINDS: HeadingTreeNodeKind[] = ['heading', 'runin', 'inline', 'gap', 'outlineBlock', 'outlineItem', 'opening', 'closing'];

/** The numbered items of the body: what moves, and what the heading tree is. */
export const isHeadingTreeNode = (n: HeadingTreeNode): boolean => n.kind === 'heading' || n.kind === 'runin' || n.kind === 'inline';

const SEVERITY_ICON: Record<SeverityName, vscode.ThemeIcon> = {
  error: new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground')),
  warning: new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
  info: new vscode.ThemeIcon('info', new vscode.ThemeColor('editorInfo.foreground')),
};

/** A node's own icon where it has no finding. */
const KIND_ICON: Record<HeadingTreeNodeKind, string> = {
  heading: 'symbol-namespace',
  runin: 'symbol-enum-member',
  inline: 'symbol-enum-member',
  gap: 'debug-disconnect',
  outlineBlock: 'list-ordered',
  outlineItem: 'symbol-key',
  opening: 'debug-start',
  closing: 'debug-stop',
};

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
    let nodes: HeadingTreeNode[] = [];
    if (doc && this.server.isRunning()) {
      try {
        const result = await this.server.sendRequest(HeadingTreeRequest, { textDocument: { uri: doc.uri.toString() }, kinds: VIEW_KINDS });
        nodes = result?.nodes ?? [];
      } catch {
        // the server restarts: the next change refreshes
      }
    }
    // Replaced at once when the answer is in: the tree is never seen empty while a refresh waits.
    this.document = doc;
    this.nodes = nodes;
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
    const item = new vscode.TreeItem(labelOf(node), collapsibleState(node));
    const timed = node.kind !== 'gap' && node.kind !== 'outlineBlock' && node.kind !== 'outlineItem';
    const length = vscode.l10n.t('{0} chars · {1} min', node.chars, node.minutes.toFixed(1));
    // A gap shows the heading the 【提纲】 gives it; the opening and closing their first words.
    const words = node.label !== undefined && node.heading ? node.heading : '';
    item.description = [words, timed ? length : ''].filter(Boolean).join(' · ') || undefined;
    item.iconPath = node.worst ? SEVERITY_ICON[node.worst] : new vscode.ThemeIcon(KIND_ICON[node.kind] ?? 'circle-outline');
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${escape(labelOf(node))}**${words ? ` ${escape(words)}` : ''}\n\n`);
    if (node.kind === 'gap') tooltip.appendMarkdown(vscode.l10n.t('A numbered item is missing here: a section may have been lost. The quick fixes on the next heading insert it from the 【提纲】 or renumber.'));
    else if (timed) {
      tooltip.appendMarkdown(
        vscode.l10n.t('{0} characters, about {1} minutes. Errors {2}, warnings {3}, infos {4}.', node.chars, node.minutes.toFixed(1), node.findings.error, node.findings.warning, node.findings.info),
      );
    } else tooltip.appendMarkdown(vscode.l10n.t('Errors {0}, warnings {1}, infos {2}.', node.findings.error, node.findings.warning, node.findings.info));
    item.tooltip = tooltip;
    item.contextValue = node.section ? 'section' : isHeadingTreeNode(node) ? 'inlineItem' : node.kind;
    if (this.document) {
      item.command = {
        command: 'speechDraft.revealSection',
        title: node.kind === 'gap' ? vscode.l10n.t('Go to where the item is missing') : vscode.l10n.t('Go to the heading'),
        arguments: [this.document.uri, node.selectionRange],
      };
    }
    return item;
  }

  /** The heading tree's top-level nodes (the numbered items of the body), without the other kinds. */
  headings(): HeadingTreeNode[] {
    return this.nodes.filter(isHeadingTreeNode);
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
    // A gap's place may be the next item's marker: the kind tells them apart.
    const same = (a: HeadingTreeNode) =>
      a.kind === node.kind && a.selectionRange.start.line === node.selectionRange.start.line && a.selectionRange.start.character === node.selectionRange.start.character;
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
    // Only the body's items move, and only next to one another.
    if (!source || !target || source === target || !this.document || !source.section || !isHeadingTreeNode(target)) return;
    await moveSection(this.server, this.document, source, target);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.disposables.forEach((d) => d.dispose());
    this.changed.dispose();
    this.refreshed.dispose();
  }
}

/** What the view shows: the item's marker and heading, or the server's label (`（缺少 二、）`, `【提纲】`, `开头`). */
function labelOf(node: HeadingTreeNode): string {
  return node.label ?? `${node.marker}${node.heading}`;
}

function collapsibleState(node: HeadingTreeNode): vscode.TreeItemCollapsibleState {
  if (!node.children.length) return vscode.TreeItemCollapsibleState.None;
  // The 【提纲】 repeats the headings: folded until the writer opens it.
  return node.kind === 'outlineBlock' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded;
}

function escape(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|]/g, '\\$&');
}
