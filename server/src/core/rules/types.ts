// What a rule is: data (id, descriptions, default severity) and one check.

import type { SpeechDraftConfig } from '../config/config';
import type { Translate } from '../l10n';
import type { SpeechModel } from '../model/types';
import type { MarkerToken } from '../parse/markers';
import type { Paragraph } from '../parse/paragraphs';
import type { Trigger } from '../triggers';
import type { Finding, Localized, RuleId, Severity } from '../types';

/**
 * A finding may carry its own severity (a skipped level is only info); it
 * applies while the user has not set the rule's severity.
 */
export type Report = (finding: Omit<Finding, 'rule' | 'severity'> & { severity?: Severity }) => void;

export interface RuleContext {
  t: Translate;
  config: SpeechDraftConfig;
  report: Report;
  /**
   * Per-paragraph work of a document rule, remembered by paragraph text between
   * checks (with the same config and locale), so that an edit redoes only the
   * paragraphs it touched. `compute` must depend on the text alone.
   */
  memo<T>(paragraphText: string, compute: (text: string) => T): T;
}

export interface DocumentRuleContext extends RuleContext {
  /**
   * False only if the paragraph holds no match of `trigger` (see `Trigger`):
   * lets a document rule pass over most paragraphs without looking at them.
   */
  mayMatch(paragraph: Paragraph, trigger: Trigger): boolean;
}

/** One paragraph, offsets local to its text. */
export interface ParagraphInput {
  text: string;
  markers: readonly MarkerToken[];
  format: DraftFormat;
}

export type DraftFormat = 'text' | 'markdown';

interface RuleBase {
  id: RuleId;
  description: Localized;
  defaultSeverity: Severity;
  /** Offers a fix for at least some of its findings. */
  fixable: boolean;
}

/** Needs the whole structure. */
export interface DocumentRule extends RuleBase {
  scope: 'document';
  /** What the rule asks `mayMatch` about, under this config: declared so that one pass over the text answers all rules. */
  triggers?(config: SpeechDraftConfig): Trigger[];
  check(model: SpeechModel, ctx: DocumentRuleContext): void;
}

/** Needs one paragraph only: results are cached by paragraph text. */
export interface ParagraphRule extends RuleBase {
  scope: 'paragraph';
  /**
   * A pattern that every paragraph with a finding matches, under this config;
   * other paragraphs are not checked. Undefined where there is none.
   */
  trigger?(config: SpeechDraftConfig): Trigger | undefined;
  check(paragraph: ParagraphInput, ctx: RuleContext): void;
}

export type Rule = DocumentRule | ParagraphRule;
