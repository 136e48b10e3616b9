// The rule as it was before its overlap tests were made linear: the reference
// the new rule must agree with on random text (test/core/linearRules.test.ts).

import type { SpeechModel } from '../../../server/src/core/model/types';
import { isHan } from '../../../server/src/core/text/chars';
import { urlSpans } from '../../../server/src/core/text/urls';
import { WordList } from '../../../server/src/core/text/wordList';
import type { Span, TextEdit } from '../../../server/src/core/types';
import type { DocumentRule } from '../../../server/src/core/rules/types';

// What download sites wrap around a preview of someone else's document.
// Found wherever they stand:
const SITE_PHRASES = new RegExp(
  [
    '点击下载全文',
    '此处省略\\s*\\d+\\s*字',
    '预览(?:已)?结束',
    '试读(?:已)?结束',
    '全文\\s*\\d+\\s*字',
    '当前显示\\s*\\d+\\s*字',
    '还剩\\s*\\d+\\s*[字页]',
    '剩余\\s*\\d+\\s*页未读',
    '本文\\s*\\d+(?:\\.\\d+)?\\s*元',
    '不往下看了',
    '文鼎文库',
    '百度文库',
    '道客巴巴',
    '原创力文档',
    '豆丁网',
    // The site's name before 范文网 / 文库 is taken by SITE_NAMES below (a leading class here would make every position a start).
    '范文网',
    '文库(?=\\s*(?:www\\.|https?:))',
    '付费阅读',
    'VIP\\s*专享',
    '积分下载',
    '下载文档到电脑',
    '本文由用户上传',
  ].join('|'),
  'g',
);
// Ordinary words too (a speech may ask people to 阅读全文): residue only on a line of their own.
const LINE_ONLY_PHRASES = /下载全文|免费下载|立即下载|下载文档|查看全文|阅读全文|展开全文|继续阅读|收藏本文/g;
/** A speech may point to a government website; other URLs came with the copied text. */
const OFFICIAL_HOST = /^(?:https?:\/\/)?(?:[\w-]+\.)*(?:gov\.cn|gov|edu\.cn)(?:[:/?#]|$)/i;
/** A residue phrase inside brackets takes the brackets with it: `（文鼎文库…）`; and `……（…）……` the ellipses. */
const BRACKETED = /([…⋯]*)[（(][^（）()\n]*[）)]([…⋯]*)/g;

function matches(re: RegExp, text: string): Span[] {
  const out: Span[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

/** Bracketed stretches; the ellipses around one only when it has them on both sides. */
function bracketed(text: string): Span[] {
  const out: Span[] = [];
  BRACKETED.lastIndex = 0;
  for (let m = BRACKETED.exec(text); m; m = BRACKETED.exec(text)) {
    const both = m[1] !== '' && m[2] !== '';
    out.push({ start: m.index + (both ? 0 : m[1].length), end: m.index + m[0].length - (both ? 0 : m[2].length) });
  }
  return out;
}

/** A word every phrase above holds, or the start of a URL: most paragraphs have none. */
const RESIDUE_TRIGGER = new WordList(
  'http:// https:// www. 下载 省略 预览 试读 全文 显示 还剩 剩余 本文 不往下看了 文库 道客巴巴 原创力 豆丁网 范文网 付费阅读 VIP 继续阅读'.split(' '),
);

function hasResidue(text: string): boolean {
  const { strong, lineOnly } = residueSpans(text);
  return strong.length > 0 || lineOnly.length > 0;
}

/** What comes before a site's word: its name (某某范文网, 某某文库) or a number (10积分下载). */
const NAME_BEFORE: Record<string, RegExp> = {
  范文网: /[^\s，。、；：“”（）()]{0,2}$/,
  文库: /[\u4e00-\u9fff]{0,2}$/,
  积分下载: /\d+\s*$/,
};

/** The phrase found, widened back over the name or number that belongs to it. */
function withNameBefore(text: string, span: Span): Span {
  const word = text.slice(span.start, span.end);
  const key = Object.keys(NAME_BEFORE).find((k) => word.startsWith(k));
  if (!key) return span;
  const before = NAME_BEFORE[key].exec(text.slice(Math.max(0, span.start - 12), span.start));
  if (key === '积分下载' && !before) return { start: span.end, end: span.end };
  return { start: span.start - (before?.[0].length ?? 0), end: span.end };
}

function residueSpans(text: string): { strong: Span[]; lineOnly: Span[] } {
  const urls = urlSpans(text).filter((u) => !OFFICIAL_HOST.test(text.slice(u.start, u.end)));
  const phrases = matches(SITE_PHRASES, text)
    .map((s) => withNameBefore(text, s))
    .filter((s) => s.end > s.start);
  return { strong: [...phrases, ...urls], lineOnly: matches(LINE_ONLY_PHRASES, text) };
}

/**
 * Deletes one line and its line break; a blank line left doubled goes too. The
 * last line takes the break before it, unless that line goes as well.
 */
function deleteLine(model: SpeechModel, line: number, residueLines: ReadonlySet<number>): TextEdit {
  const { lines, text } = model;
  const start = lines.lineStarts[line];
  const isBlank = (l: number) => l >= 0 && l < lines.lineCount && text.slice(lines.lineStarts[l], lines.lineEnd(l)).trim() === '';
  if (line + 1 < lines.lineCount) {
    const afterNext = line + 2 < lines.lineCount ? lines.lineStarts[line + 2] : text.length;
    const end = isBlank(line + 1) && (line === 0 || isBlank(line - 1)) ? afterNext : lines.lineStarts[line + 1];
    return { start, end, newText: '' };
  }
  const joinBefore = line > 0 && !residueLines.has(line - 1);
  return { start: joinBefore ? lines.lineEnd(line - 1) : start, end: text.length, newText: '' };
}

interface LineFinding {
  line: number;
  start: number;
  end: number;
  content: string;
  strong: Span[];
  whole: boolean;
}

export const referenceWebResidue: DocumentRule = {
  id: 'web-residue',
  description: {
    zh: '从下载网站复制带来的残留文字：网址、“点击下载全文”“此处省略N字”“预览结束”“本文N元”等。',
    en: 'Text copied from a download site: URLs, 点击下载全文, 此处省略N字, 预览结束, 本文N元 and the like.',
  },
  defaultSeverity: 'warning',
  name: { zh: '', en: '' },
  fixes: 'none',
  blocksExport: 'never',
  scope: 'document',
  triggers: () => [RESIDUE_TRIGGER],
  check(model, { t, report, memo, mayMatch }) {
    const { text, lines } = model;
    // Line by line: a residue line inside a hard-wrapped paragraph goes alone.
    const found: LineFinding[] = [];
    for (const p of model.paragraphs) {
      // Most paragraphs have nothing of the kind: remember that per paragraph text.
      if (p.comment || !memo(p.text, (text) => mayMatch(p, RESIDUE_TRIGGER) && hasResidue(text))) continue;
      for (let line = p.firstLine; line <= p.lastLine; line++) {
        const start = Math.max(p.start, lines.lineStarts[line]);
        const end = Math.min(p.end, lines.lineEnd(line));
        const content = text.slice(start, end);
        const { strong, lineOnly } = residueSpans(content);
        if (strong.length === 0 && lineOnly.length === 0) continue;
        // The whole line is residue when nothing of the speech is left without it.
        let rest = content;
        for (const s of [...strong, ...lineOnly]) rest = rest.slice(0, s.start) + ' '.repeat(s.end - s.start) + rest.slice(s.end);
        const whole = ![...rest].some(isHan);
        if (whole || strong.length > 0) found.push({ line, start, end, content, strong, whole });
      }
    }
    const residueLines = new Set(found.filter((f) => f.whole).map((f) => f.line));
    for (const { line, start, end, content, strong, whole } of found) {
      if (whole) {
        report({
          span: { start, end },
          message: t('This line was copied from a download site: remove it.'),
          unnecessary: true,
          fixes: [{ title: t('Remove the line'), edits: [deleteLine(model, line, residueLines)], safe: false }],
        });
        continue;
      }
      const spans: Span[] = [];
      for (const b of bracketed(content)) if (strong.some((r) => r.start >= b.start && r.end <= b.end)) spans.push(b);
      for (const r of strong) if (!spans.some((s) => r.start < s.end && s.start < r.end)) spans.push(r);
      spans.sort((a, b) => a.start - b.start);
      for (const s of spans) {
        const span = { start: start + s.start, end: start + s.end };
        const residue = content.slice(s.start, s.end);
        report({
          span,
          message: t('“{0}” was copied from a download site: remove it.', residue),
          unnecessary: true,
          fixes: [{ title: t('Remove “{0}”', residue), edits: [{ ...span, newText: '' }], safe: false }],
        });
      }
    }
  },
};
