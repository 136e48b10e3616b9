import type { Paragraph } from '../parse/paragraphs';
import type { SpeechModel } from '../model/types';
import type { Span, TextEdit } from '../types';
import { urlSpans } from '../text/urls';
import type { DocumentRule } from './types';

// What download sites wrap around a preview of someone else's document.
const PHRASES =
  /点击下载全文|下载全文|此处省略\s*\d+\s*字|预览结束|试读结束|全文\s*\d+\s*字|当前显示\s*\d+\s*字|还剩\s*\d+\s*字|本文\s*\d+(?:\.\d+)?\s*元|不往下看了|文鼎文库|百度文库|道客巴巴|原创力文档|豆丁网|[^\s，。]{0,4}范文网|免费下载|下载文档|查看全文|阅读全文|展开全文|付费阅读|VIP\s*专享|\d+\s*积分下载/g;
/** A residue phrase inside brackets takes the brackets with it: `（文鼎文库…）`. */
const BRACKETED = /[（(][^（）()\n]*[）)]/g;
const SHORT_LINE = 150;

function matches(re: RegExp, text: string): Span[] {
  const out: Span[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

/** Deletes whole lines: the paragraph's lines and one line break. */
function deleteLines(model: SpeechModel, p: Paragraph): TextEdit {
  const { lines, text } = model;
  const start = lines.lineStarts[p.firstLine];
  if (p.lastLine + 1 < lines.lineCount) return { start, end: lines.lineStarts[p.lastLine + 1], newText: '' };
  // The last line: take the line break before it instead.
  const before = p.firstLine > 0 ? lines.lineEnd(p.firstLine - 1) : start;
  return { start: before, end: text.length, newText: '' };
}

export const webResidue: DocumentRule = {
  id: 'web-residue',
  description: {
    zh: '从下载网站复制带来的残留文字：网址、“点击下载全文”“此处省略N字”“预览结束”“本文N元”等。',
    en: 'Text copied from a download site: URLs, 点击下载全文, 此处省略N字, 预览结束, 本文N元 and the like.',
  },
  defaultSeverity: 'warning',
  fixable: true,
  scope: 'document',
  check(model, { t, report }) {
    for (const p of model.paragraphs) {
      if (p.comment) continue;
      const phrases = matches(PHRASES, p.text);
      const urls = urlSpans(p.text);
      if (phrases.length === 0 && urls.length === 0) continue;
      if (phrases.length > 0 && p.text.length <= SHORT_LINE) {
        report({
          span: { start: p.start, end: p.end },
          message: t('This line was copied from a download site: remove it.'),
          unnecessary: true,
          fixes: [{ title: t('Remove the line'), edits: [deleteLines(model, p)], safe: false }],
        });
        continue;
      }
      const residue = [...phrases, ...urls];
      const spans: Span[] = [];
      for (const b of matches(BRACKETED, p.text)) if (residue.some((r) => r.start >= b.start && r.end <= b.end)) spans.push(b);
      for (const r of residue) if (!spans.some((s) => r.start < s.end && s.start < r.end)) spans.push(r);
      spans.sort((a, b) => a.start - b.start);
      for (const s of spans) {
        const span = { start: p.start + s.start, end: p.start + s.end };
        report({
          span,
          message: t('“{0}” was copied from a download site: remove it.', p.text.slice(s.start, s.end)),
          unnecessary: true,
          fixes: [{ title: t('Remove “{0}”', p.text.slice(s.start, s.end)), edits: [{ ...span, newText: '' }], safe: false }],
        });
      }
    }
  },
};
