// What a rule is: data (id, names, description, default severity, what it
// fixes, whether it stops the Word export) and one check.

import type { SpeechDraftConfig } from '../config/config';
import type { Translate } from '../l10n';
import type { SpeechModel } from '../model/types';
import type { MarkerToken } from '../parse/markers';
import type { Paragraph } from '../parse/paragraphs';
import type { Trigger } from '../triggers';
import type { Finding, Localized, Severity, Span } from '../types';

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
  /**
   * For a rule that reads paragraph by paragraph (`reads: 'paragraphs'`), when the model was made
   * after an edit of the text the rule last checked: which paragraphs are new. Undefined otherwise.
   */
  edited?: EditedParagraphs;
  /** What the rule kept at its last check (`keep`), given with `edited`: its draft-wide context, to update rather than work out again. */
  kept?: unknown;
  /** Keeps a value for the next check's `kept` (a rule that reads paragraph by paragraph; kept anew at every check). */
  keep(value: unknown): void;
}

/** Paragraphs `[from, to)` of the model replaced `[from, oldTo)` of `previous`; those before are the same, those after moved. */
export interface EditedParagraphs {
  previous: SpeechModel;
  from: number;
  oldTo: number;
  to: number;
  /** The rule's `memo` of paragraph `k` of `previous` (a paragraph the edit removed). */
  memoBefore<T>(k: number, compute: (text: string) => T): T;
}

/** Paragraphs `[from, to)` of a model, by index. */
export interface ParagraphRange {
  from: number;
  to: number;
}

/** One paragraph, offsets local to its text. */
export interface ParagraphInput {
  text: string;
  markers: readonly MarkerToken[];
  format: DraftFormat;
  /**
   * The stretches that are not prose, sorted and apart: code, markup and
   * addresses, and download-site residue. The text rules neither report nor
   * rewrite inside them. Made on the first call (see `paragraphInput.ts`).
   */
  verbatim(): readonly Span[];
}

export type DraftFormat = 'text' | 'markdown';

/**
 * What a rule's findings offer: no fix, quick fixes for the editor only (they
 * could change what the speech says), safe fixes (`check --fix` applies them),
 * or some of each.
 */
export type FixKind = 'none' | 'editor' | 'safe' | 'mixed';

/** Whether findings stop the Word export: always, when their severity is error, never. */
export type ExportBlock = 'always' | 'error' | 'never';

interface RuleBase {
  /** Kebab-case; its `RuleId` type comes from the list in `rules/index.ts`. */
  id: string;
  /** Short, as a reviewer names the check: `序号连续`. */
  name: Localized;
  description: Localized;
  defaultSeverity: Severity;
  fixes: FixKind;
  blocksExport: ExportBlock;
}

/** Needs the whole structure. */
export interface DocumentRule extends RuleBase {
  scope: 'document';
  /** What the rule asks `mayMatch` about, under this config: declared so that one pass over the text answers all rules. */
  triggers?(config: SpeechDraftConfig): Trigger[];
  /**
   * `structure`: the rule reads only the structure — markers, items, lists, announcements, parts,
   * the texts of the paragraphs holding a marker or an announcement, paragraph bounds and lines —
   * never the prose of other paragraphs, character counts, `memo` or `mayMatch`. After an edit of
   * prose alone its findings are the last check's, moved (`model/moved.ts`), and it is not run.
   *
   * `paragraphs`: the findings that start in a paragraph (from its start to the next one's) depend
   * on its text and place, on the paragraphs around it as far as the rule looks, and on a draft-wide
   * context the rule keeps (`keep`, `kept`). Given `edited`, the rule may check only the paragraphs
   * around the new ones and return them (`[from, to)`, holding `[edited.from, edited.to)`): it then
   * reports every finding that starts in them and none elsewhere, and the checker gives the others'
   * findings again, moved. Returning nothing, it checked the whole draft.
   */
  reads?: 'structure' | 'paragraphs';
  check(model: SpeechModel, ctx: DocumentRuleContext): ParagraphRange | void;
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

/** A rule as its file declares it; registered in `rules/index.ts`, its id is a `RuleId`. */
export type RuleSpec = DocumentRule | ParagraphRule;
