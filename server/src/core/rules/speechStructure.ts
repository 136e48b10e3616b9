import { withCutNote } from '../model/facts';
import type { DocumentRule } from './types';

// A speech has its title, salutation and closing; a work report (政府工作报告)
// its title and salutation, with no closing formula by design; an article or a
// notice none of them, so nothing is asked of it (see `TextForm`).
export const speechStructure = {
  id: 'speech-structure',
  name: { zh: '讲稿结构', en: 'Speech structure' },
  description: {
    zh: '讲话稿缺少标题、称呼或结尾，或预告了正文却没有展开。文章、通知等不是讲话稿的文字不检查。',
    en: 'A speech with no title, no salutation, no closing, or a body announced but not delivered. Texts that are not speeches (articles, notices) are not checked.',
  },
  defaultSeverity: 'info',
  fixes: 'none',
  blocksExport: 'error',
  scope: 'document',
  reads: 'structure',
  check(model, { t, report }) {
    const { parts } = model;
    if (parts.form === 'text') return;
    const outline = new Set(parts.outlineBlock?.paragraphs);
    const speech = model.paragraphs.filter((p) => !p.comment && !outline.has(p.index));
    if (speech.length === 0) return;
    const first = speech[0];
    // Where a download is cut, the speech ends at the site's note: the lines after it are the site's.
    const cut = parts.cut;
    let end = speech.length - 1;
    if (cut) while (end > 0 && speech[end].start > cut.start) end--;
    const last = speech[end];
    // The first character, whole (a surrogate pair is one character).
    const firstChar = model.text.codePointAt(first.start) ?? 0;
    const head = { start: first.start, end: first.start === first.end ? first.end : first.start + (firstChar > 0xffff ? 2 : 1) };
    if (!parts.title) report({ span: head, message: t('The speech has no title line (such as 在…会议上的讲话).') });
    if (!parts.salutation) report({ span: head, message: t('The speech has no salutation (such as 同志们：).') });
    if (parts.form === 'speech' && !parts.closing && speech.length > 1)
      report({ span: { start: last.start, end: last.end }, message: withCutNote(t('The speech has no closing (such as 同志们，… or 谢谢大家！).'), model, t) });
    const transition = parts.transition;
    // A counted announcement with no list after it is announced-count's.
    const counted = transition && model.announcements.some((a) => a.count !== undefined && a.span.start < transition.end && transition.start < a.span.end);
    if (transition && !counted && !model.items.some((i) => i.marker.start > transition.end)) {
      report({ span: transition, message: withCutNote(t('The body is announced here, but no numbered sections follow.'), model, t) });
    }
  },
} as const satisfies DocumentRule;
