import type { DocumentRule } from './types';

export const speechStructure = {
  id: 'speech-structure',
  name: { zh: '讲稿结构', en: 'Speech structure' },
  description: {
    zh: '讲话稿缺少标题、称呼或结尾，或预告了正文却没有展开。',
    en: 'A speech with no title, no salutation, no closing, or a body announced but not delivered.',
  },
  defaultSeverity: 'info',
  fixes: 'none',
  blocksExport: 'error',
  scope: 'document',
  check(model, { t, report }) {
    const speech = model.paragraphs.filter((p) => !p.comment && !model.parts.outline?.paragraphs.includes(p.index));
    if (speech.length === 0) return;
    const first = speech[0];
    const last = speech[speech.length - 1];
    // The first character, whole (a surrogate pair is one character).
    const firstChar = model.text.codePointAt(first.start) ?? 0;
    const head = { start: first.start, end: first.start === first.end ? first.end : first.start + (firstChar > 0xffff ? 2 : 1) };
    const { parts } = model;
    if (!parts.title) report({ span: head, message: t('The speech has no title line (such as 在…会议上的讲话).') });
    if (!parts.salutation) report({ span: head, message: t('The speech has no salutation (such as 同志们：).') });
    if (!parts.closing && speech.length > 1)
      report({ span: { start: last.start, end: last.end }, message: t('The speech has no closing (such as 同志们，… or 谢谢大家！).') });
    if (parts.transition && !model.items.some((i) => i.marker.start > parts.transition!.end)) {
      report({ span: parts.transition, message: t('The body is announced here, but no numbered sections follow.') });
    }
  },
} as const satisfies DocumentRule;
