// Shared vocabulary of the core. Offsets are UTF-16 code units into the document
// text exactly as given (BOM and line endings included), which is what LSP speaks.

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';
export type Locale = 'zh-cn' | 'en';

export const RULE_IDS = [
  'numbering-sequence',
  'numbering-style',
  'numbering-hierarchy',
  'outline-consistency',
  'announced-count',
  'heading-style',
  'heading-parallelism',
  'speech-structure',
  'punctuation-width',
  'punctuation-pairs',
  'punctuation-repeat',
  'placeholder',
  'web-residue',
  'word-usage',
  'repeated-word',
  'speech-length',
] as const;
/**
 * The wording rules (typo, formulation, number usage): written, not yet in the
 * catalogue (RULE_IDS and allRules); they are checked by passing them to the
 * checker (`rules`) until they are registered.
 */
export const WORDING_RULE_IDS = ['typo', 'formulation', 'number-usage'] as const;
export type WordingRuleId = (typeof WORDING_RULE_IDS)[number];
export type RuleId = (typeof RULE_IDS)[number] | WordingRuleId;

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
}

export interface Localized {
  zh: string;
  en: string;
}
