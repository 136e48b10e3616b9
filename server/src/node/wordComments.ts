// The findings of a Word draft as the comments written into its annotated
// copy, grouped as the editor groups them: a paragraph with more than three
// half-width marks gets one comment over them all (from the first to the
// last), not one per mark; every other finding is a comment of its own.
// Shared by `speech-draft annotate` and the server's annotate request.

import type { Finding, Translate } from '../core';
import type { WordComment, WordDraft } from '../word/api';

const WIDTH_RULE = 'punctuation-width';
/** More marks than this in one paragraph are one comment. */
export const MARKS_PER_PARAGRAPH = 3;

export function wordComments(findings: readonly Finding[], draft: Pick<WordDraft, 'paragraphAt' | 'text'>, t: Translate): WordComment[] {
  const marksByParagraph = new Map<number, Finding[]>();
  for (const f of findings) {
    if (f.rule !== WIDTH_RULE) continue;
    const p = draft.paragraphAt(f.span.start);
    const list = marksByParagraph.get(p);
    if (list) list.push(f);
    else marksByParagraph.set(p, [f]);
  }
  const comments: WordComment[] = [];
  const grouped = new Set<number>();
  for (const f of findings) {
    const p = f.rule === WIDTH_RULE ? draft.paragraphAt(f.span.start) : undefined;
    const marks = p === undefined ? undefined : marksByParagraph.get(p);
    if (!marks || marks.length <= MARKS_PER_PARAGRAPH) {
      comments.push({ start: f.span.start, end: f.span.end, message: f.message, suggestion: f.fixes?.[0]?.title, rule: f.rule });
      continue;
    }
    if (grouped.has(p!)) continue;
    grouped.add(p!);
    const shown = [...new Set(marks.map((m) => draft.text.slice(m.span.start, m.span.end)))].join(' ');
    const full = [...new Set(marks.map((m) => m.fixes?.[0]?.edits[0]?.newText).filter((x): x is string => !!x))].join(' ');
    comments.push({
      start: Math.min(...marks.map((m) => m.span.start)),
      end: Math.max(...marks.map((m) => m.span.end)),
      message: t('{0} half-width punctuation marks in this paragraph ({1}): Chinese text takes full-width ones.', marks.length, shown),
      suggestion: full ? t('Write {0}', full) : undefined,
      rule: WIDTH_RULE,
    });
  }
  return comments;
}
