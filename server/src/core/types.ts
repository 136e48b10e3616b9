// Shared vocabulary of the core. Offsets are UTF-16 code units into the document
// text exactly as given (BOM and line endings included), which is what LSP speaks.

import type { RuleId } from './rules';

export type Severity = 'error' | 'warning' | 'info';
/** What a rule's severity may be set to, in the order the editor lists them. */
export const SEVERITY_SETTINGS = ['off', 'info', 'warning', 'error'] as const;
export type SeveritySetting = (typeof SEVERITY_SETTINGS)[number];
export type Locale = 'zh-cn' | 'en';

/** A registered rule's id (the list is `rules/index.ts`). */
export type { RuleId };

/** A stretch of text, `end` exclusive. */
export interface Span {
  start: number;
  end: number;
}

export interface TextEdit extends Span {
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Safe fixes cannot change what the speech says; only they run under `check --fix`. */
  safe: boolean;
}

export interface RelatedInfo {
  span: Span;
  message: string;
}

export interface Finding {
  rule: RuleId;
  severity: Severity;
  span: Span;
  message: string;
  related?: RelatedInfo[];
  /** The first fix is the preferred one. */
  fixes?: Fix[];
  /** Rendered faded by editors (text that should go). */
  unnecessary?: boolean;
  /** Said by the checker itself, not a rule (a limit reached): ranked first, so that no cap drops it. */
  notice?: boolean;
  /** The findings this one stands for (a paragraph's many half-width marks: see `grouping.ts`). */
  members?: Finding[];
}

export interface Localized {
  zh: string;
  en: string;
}
