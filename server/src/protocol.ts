// Custom requests and command ids, declared once and shared by the language
// server and the VS Code client. Types and constants only: the client bundles
// this file and nothing else of the server.

import type { Position, Range, TextDocumentIdentifier, WorkspaceEdit } from 'vscode-languageserver-protocol';

/**
 * A custom request: its method, and the types of its parameters and result for
 * both sides. Plain data, so that the extension's first bundle carries no LSP
 * library (the client library loads when the first draft opens).
 */
export interface Request<P, R> {
  readonly method: string;
  /** Never set: carries the types. */
  readonly types?: { params: P; result: R };
}

export interface FindingCounts {
  error: number;
  warning: number;
  info: number;
}

export type SeverityName = 'error' | 'warning' | 'info';

/**
 * What a node of the 讲话提纲 view stands for: a numbered item of the body
 * (`heading`, `runin`, `inline`: the heading tree), a lost item (`gap`: `一、`
 * then `三、`), the 【提纲】 block (`outlineBlock`) and its items
 * (`outlineItem`), the opening (title, salutation and what comes before the
 * first heading) and the closing.
 */
export type HeadingTreeNodeKind = 'heading' | 'runin' | 'inline' | 'gap' | 'outlineBlock' | 'outlineItem' | 'opening' | 'closing';

/**
 * A node of the 讲话提纲 view: the heading tree (the body's headings, nested by
 * level), and for a client that names them in the request, the other kinds.
 */
export interface HeadingTreeNode {
  /** The marker as written: `一、`, `（二）`, `第三，`; for a gap the missing marker (`二、`); empty for the other kinds but `outlineItem`. */
  marker: string;
  /** The heading text; for a gap the heading the 【提纲】 gives it, if any; for the opening and closing their first words. */
  heading: string;
  kind: HeadingTreeNodeKind;
  /**
   * What the view shows for a node that is not a numbered item, in the
   * client's language: `（缺少 二、）`, `【提纲】`, `开头`, `结尾`. Undefined for
   * items (`marker` + `heading`).
   */
  label?: string;
  /** A heading or run-in heading: listed when the heading tree is copied, and movable. */
  section: boolean;
  depth: number;
  /** The whole section (for a gap: where the lost item would stand, empty). */
  range: Range;
  /** The marker and the heading text (for a gap: the likely cut, or the next item's marker). */
  selectionRange: Range;
  chars: number;
  /** To one decimal (shown with it: `3.0`). */
  minutes: number;
  /** Findings inside the section, by severity. */
  findings: FindingCounts;
  /** The severity of the worst finding inside the node (a gap: its own finding's); undefined when it has none. */
  worst?: SeverityName;
  children: HeadingTreeNode[];
}

/** A request about one document. */
export interface DocumentParams {
  textDocument: TextDocumentIdentifier;
}

export interface HeadingTreeResult {
  version: number;
  nodes: HeadingTreeNode[];
}

export interface StatsResult {
  version: number;
  chars: number;
  minutes: number;
  speakingRate: number;
  targetMinutes: number;
  paragraphs: number;
  findings: FindingCounts;
}

export interface DocumentInfoResult {
  version: number;
  /** Length in UTF-16 code units. */
  length: number;
  /** FNV-1a of the UTF-16 code units, as 8 hex digits. */
  hash: string;
  /**
   * The last version a diagnostics round has answered for: published, or
   * found to have the list the client holds and so not sent again.
   */
  answeredVersion?: number;
}

export interface HeadingTreeRequestParams extends DocumentParams {
  /**
   * The kinds of node the view shows. Without it, the heading tree alone
   * (`heading`, `runin`, `inline`), as clients before the other kinds expect.
   */
  kinds?: HeadingTreeNodeKind[];
}

/** The heading tree (the method keeps its first name: other editors call it). */
export const HeadingTreeRequest: Request<HeadingTreeRequestParams, HeadingTreeResult | null> = { method: 'speechDraft/outline' };
export const StatsRequest: Request<DocumentParams, StatsResult | null> = { method: 'speechDraft/stats' };
export interface ServerStatusResult {
  pid: number;
  /** Documents open. */
  documents: number;
  /** Documents the server holds an analysis for. */
  analyzed: number;
  /** Documents whose settings are held. */
  cachedSettings: number;
  /** Distinct configurations held, each with its compiled word lists (shared by the documents using it). */
  configs: number;
  /** Checks run since the start (an answer from the last analysis of a version is not one). */
  checks: number;
  /** Of those, the checks made around the changes since the document's last check (`Checker.check(text, changes)`). */
  checksAfterEdit: number;
  /** Settings loaded since the start. */
  settingsLoads: number;
  /** Settings asked for since the start, loaded or cached: once per diagnostics round or request. */
  settingsResolutions: number;
  /** Fix-all edits computed since the start (never to answer a cursor move). */
  fixAllRuns: number;
  /** The warm-up after `initialized`: rounds run of those planned, and whether an open stopped it before the end. */
  warmUp: { rounds: number; planned: number; stopped: boolean };
  /** Diagnostics made from findings since the start (one given again for a finding before an edit is not). */
  diagnosticsMade: number;
  /** After a garbage collection when the server runs with --expose-gc. */
  heapUsed: number;
  rss: number;
}

export const ServerStatusRequest: Request<void, ServerStatusResult> = { method: 'speechDraft/serverStatus' };
export interface ExportDocxParams {
  textDocument: TextDocumentIdentifier;
  /** Export even when placeholders, download-site text or structural errors are found. */
  force?: boolean;
  /** Keep the 【提纲】 block (`keepOutlineBlock` of the layout; the wire name stays). */
  keepOutline?: boolean;
}

export interface ExportProblem {
  rule: string;
  /** 0-based. */
  line: number;
  message: string;
}

export type ExportDocxResult =
  | { status: 'blocked'; problems: ExportProblem[]; warnings: number }
  | {
      status: 'done';
      /** The .docx, base64. */
      data: string;
      warnings: number;
      /** Characters XML cannot hold (U+FFFE, U+FFFF, lone surrogates, C0 controls but tab and line breaks), written as U+FFFD. */
      replaced: number;
    };

export const ExportDocxRequest: Request<ExportDocxParams, ExportDocxResult | null> = { method: 'speechDraft/exportDocx' };
/**
 * The marks a grouped finding stands for (`本段有 12 处半角标点`: each of the 12),
 * for the editor to underline lightly; the hover names each one.
 */
export interface GroupedMark {
  range: Range;
  rule: string;
  /** What is wrong with this mark (`半角“,”：应为“，”`). */
  message: string;
}

export interface GroupedMarksResult {
  version: number;
  marks: GroupedMark[];
}

export const GroupedMarksRequest: Request<DocumentParams, GroupedMarksResult | null> = { method: 'speechDraft/groupedMarks' };

/**
 * Commands the server offers in code actions and the VS Code client runs
 * (they write the user's settings or files, which the server never does):
 * arguments `[SetRuleSeverityArgs]` and `[AcceptPhraseArgs]`.
 */
export const ClientCommands = {
  setRuleSeverity: 'speechDraft.setRuleSeverity',
  acceptPhrase: 'speechDraft.acceptPhrase',
} as const;

/** Where the user's choice is written: the workspace settings, or a `.speechdraftrc.json`. */
export interface ConfigTargets {
  /** The draft. */
  uri: string;
  /** The `.speechdraftrc.json` that applies to the draft (a path), if any: it takes precedence over the settings. */
  configFile?: string;
  /** Whether a file of an untrusted workspace may lower findings (it may not: only the settings are offered then). */
  trusted: boolean;
}

export interface SetRuleSeverityArgs extends ConfigTargets {
  rule: string;
  /** The rule's name in the client's language (`全角标点`). */
  ruleName: string;
  severity: 'off' | 'info';
  /** The severity the `.speechdraftrc.json` sets for the rule, if it does: the settings cannot change it then. */
  configFileSeverity?: string;
}

export interface AcceptPhraseArgs extends ConfigTargets {
  /** The word, phrase or placeholder accepted in this workspace (`accept` of `.speechdraftrc.json`). */
  phrase: string;
}

export const DocumentInfoRequest: Request<DocumentParams, DocumentInfoResult | null> = { method: 'speechDraft/documentInfo' };

/**
 * Commands the server executes (`workspace/executeCommand`); arguments: [uri]
 * or [uri, position]. The editor's own palette commands (no arguments) are
 * `speechDraft.*` without `server`.
 */
export const Commands = {
  renumber: 'speechDraft.server.renumber',
  /** Writes the 【提纲】 block from the body's headings: [uri]. */
  updateOutlineBlock: 'speechDraft.server.updateOutline',
  /** [uri, position on the heading or its 【提纲】 item] or [uri, index of the 【提纲】 item, depth first]. */
  syncHeadingFromOutlineBlock: 'speechDraft.server.syncHeadingFromOutline',
  /** Applies every safe fix of one rule: [uri, ruleId]. */
  fixAllOfRule: 'speechDraft.server.fixAllOfRule',
  /** Applies every safe fix of the draft: [uri]. */
  fixAll: 'speechDraft.server.fixAll',
  /** Shows a place of the draft (`window/showDocument`): [uri, range]. */
  reveal: 'speechDraft.server.reveal',
} as const;

export interface MoveSectionParams {
  textDocument: TextDocumentIdentifier;
  /** On the section's marker or heading (a heading tree node's `selectionRange.start`). */
  position: Position;
  /** One place up or down among its siblings, or to the place of the sibling at this position. */
  to: 'up' | 'down' | Position;
}

/**
 * `moved`: the edit to apply, made for `version` of the document; `refused`:
 * why it cannot move, to show the writer; null: nothing to move (no section
 * there, already first or last, or the document changed meanwhile).
 */
export type MoveSectionResult = { status: 'moved'; version: number; edit: WorkspaceEdit } | { status: 'refused'; message: string };

export const MoveSectionRequest: Request<MoveSectionParams, MoveSectionResult | null> = { method: 'speechDraft/moveSection' };

/**
 * The read-only view of a Word document: `speechdraft-docx:` and the .docx's
 * path (`speechdraft-docx:/home/me/讲话稿.docx`), in language `speech`. The
 * server checks it as any draft, its settings those of the .docx's folder.
 */
export const WORD_DOCUMENT_SCHEME = 'speechdraft-docx';

export interface ReadWordDocumentParams {
  /** The .docx, a `file:` URI. */
  uri: string;
}

/** One paragraph of the view: a line of its text (paragraphs are separated by a blank line). */
export interface WordParagraphInfo {
  /** 0-based line in the text. */
  line: number;
  kind: 'title' | 'subtitle' | 'heading' | 'body';
  /** Heading level, 1–9. */
  level?: number;
  /** The automatic numbering label Word shows (`一、`), '' when none. */
  label: string;
  /** The paragraph's style as Word names it. */
  style?: string;
}

export interface ReadWordDocumentResult {
  /** The draft as Word shows it: one paragraph a line, a blank line between, numbering labels as text. */
  text: string;
  paragraphs: WordParagraphInfo[];
}

/** Reads a .docx for the view; a file that cannot be read is an error response (RequestFailed) saying why, naming the file. */
export const ReadWordDocumentRequest: Request<ReadWordDocumentParams, ReadWordDocumentResult> = { method: 'speechDraft/readWordDocument' };

export interface AnnotateWordDocumentParams {
  /** The view (`speechdraft-docx:`) whose findings are written. */
  textDocument: TextDocumentIdentifier;
  /** Where the copy goes, a `file:` URI ending in .docx; never the .docx itself. */
  target: string;
}

export interface AnnotateWordDocumentResult {
  comments: number;
  findings: number;
}

/** Writes the view's findings into a copy of its .docx as Word comments; null when the view is not open; an error response when it cannot. */
export const AnnotateWordDocumentRequest: Request<AnnotateWordDocumentParams, AnnotateWordDocumentResult | null> = { method: 'speechDraft/annotateWordDocument' };
/** One file of 讲稿助手：检查整个工作区, as the client found it (its language from `files.associations`). */
export interface WorkspaceFile {
  uri: string;
  languageId: string;
  /** A .txt with no association: checked as `speech` only if its first lines look like a speech. */
  ifSpeechLike?: boolean;
}

export interface CheckWorkspaceParams {
  files: WorkspaceFile[];
}

export interface CheckWorkspaceResult {
  /** Drafts checked (open ones are checked as they are and not counted). */
  checked: number;
  /** Of those, the drafts with findings. */
  withFindings: number;
  findings: number;
  /** Files not checked: not a speech, not in `speechDraft.languages`, ignored, unreadable or not UTF-8. */
  skipped: number;
  /** The writer stopped it from the progress notification. */
  cancelled: boolean;
}

/**
 * Checks the files given and publishes their diagnostics, with progress
 * (`window/workDoneProgress/create`, then `$/progress`).
 */
export const CheckWorkspaceRequest: Request<CheckWorkspaceParams, CheckWorkspaceResult> = { method: 'speechDraft/checkWorkspace' };
