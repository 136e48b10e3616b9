import type { SpeechModel } from '../model/types';
import { RESIDUE_TRIGGER, residueLines } from '../residue/residue';
import type { TextEdit } from '../types';
import type { DocumentRule } from './types';

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

/** What download sites, forums and news pages leave in a text copied from them: the catalogue is residue/catalogue.json. */
export const webResidue = {
  id: 'web-residue',
  name: { zh: '网页残留', en: 'Download-site residue' },
  description: {
    zh: '从文库、范文网站、论坛和新闻网页复制带来的残留文字：网站名称和网址、“下面是小编为大家整理的……”、“预览结束”“此处省略N字”“本文N元”、代写广告、页码、“发表时间：……来源：……”“【打印】【关闭】”等，可在配置中增加。',
    en: 'Text copied from a download site, forum or news page: site names and addresses, editors’ blurbs, preview and payment notices, ads, page numbers, news headers and toolbars, and configured patterns.',
  },
  defaultSeverity: 'warning',
  fixes: 'editor',
  blocksExport: 'always',
  scope: 'document',
  // Configured patterns can match anything.
  triggers: (config) => (config.residuePatterns.length ? [] : [RESIDUE_TRIGGER]),
  check(model, { t, report, memo, mayMatch, config }) {
    const { text, lines } = model;
    const found: Array<{ line: number; start: number; end: number; whole: boolean; pieces: Array<{ start: number; end: number }> }> = [];
    for (const p of model.paragraphs) {
      if (p.comment || (!config.residuePatterns.length && !mayMatch(p, RESIDUE_TRIGGER))) continue;
      // Most paragraphs have nothing of the kind: remembered per paragraph text.
      for (const r of memo(p.text, (t) => residueLines(t, config))) {
        const line = lines.lineAt(p.start + r.start);
        found.push({ line, start: p.start + r.start, end: p.start + r.end, whole: r.whole, pieces: r.pieces.map((s) => ({ start: p.start + s.start, end: p.start + s.end })) });
      }
    }
    const residueLineSet = new Set(found.filter((f) => f.whole).map((f) => f.line));
    for (const { line, start, end, whole, pieces } of found) {
      if (whole) {
        report({
          span: { start, end },
          message: t('This line was copied from a download site: remove it.'),
          unnecessary: true,
          fixes: [{ title: t('Remove the line'), edits: [deleteLine(model, line, residueLineSet)], safe: false }],
        });
        continue;
      }
      for (const span of pieces) {
        const residue = text.slice(span.start, span.end);
        report({
          span,
          message: t('“{0}” was copied from a download site: remove it.', residue),
          unnecessary: true,
          fixes: [{ title: t('Remove “{0}”', residue), edits: [{ ...span, newText: '' }], safe: false }],
        });
      }
    }
  },
} as const satisfies DocumentRule;
