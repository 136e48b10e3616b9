// The rule docs (docs/rules/<id>.md), embedded in the bundle for hover.

import type { RuleId } from '../core';
import numberingSequence from '../../../docs/rules/numbering-sequence.md';
import numberingStyle from '../../../docs/rules/numbering-style.md';
import numberingHierarchy from '../../../docs/rules/numbering-hierarchy.md';
import outlineConsistency from '../../../docs/rules/outline-consistency.md';
import announcedCount from '../../../docs/rules/announced-count.md';
import headingStyle from '../../../docs/rules/heading-style.md';
import headingParallelism from '../../../docs/rules/heading-parallelism.md';
import speechStructure from '../../../docs/rules/speech-structure.md';
import punctuationWidth from '../../../docs/rules/punctuation-width.md';
import punctuationPairs from '../../../docs/rules/punctuation-pairs.md';
import punctuationRepeat from '../../../docs/rules/punctuation-repeat.md';
import placeholder from '../../../docs/rules/placeholder.md';
import webResidue from '../../../docs/rules/web-residue.md';
import wordUsage from '../../../docs/rules/word-usage.md';
import repeatedWord from '../../../docs/rules/repeated-word.md';
import speechLength from '../../../docs/rules/speech-length.md';

const DOCS: Partial<Record<RuleId, string>> = {
  'numbering-sequence': numberingSequence,
  'numbering-style': numberingStyle,
  'numbering-hierarchy': numberingHierarchy,
  'outline-consistency': outlineConsistency,
  'announced-count': announcedCount,
  'heading-style': headingStyle,
  'heading-parallelism': headingParallelism,
  'speech-structure': speechStructure,
  'punctuation-width': punctuationWidth,
  'punctuation-pairs': punctuationPairs,
  'punctuation-repeat': punctuationRepeat,
  'placeholder': placeholder,
  'web-residue': webResidue,
  'word-usage': wordUsage,
  'repeated-word': repeatedWord,
  'speech-length': speechLength,
};

/** The wrong and right examples of a rule's doc, as Markdown. */
export function ruleExamples(id: RuleId): string {
  const doc = DOCS[id] ?? '';
  const sections = doc.split(/^## /m).slice(1);
  return sections
    .filter((s) => /^(错误示例|正确示例)/.test(s))
    .map((s) => `**${s.slice(0, s.indexOf('\n')).trim()}**\n${s.slice(s.indexOf('\n')).trim()}`)
    .join('\n\n');
}
