import type { SpeechModel } from '../model/types';
import { RESIDUE_TRIGGER, residueLines, type ResidueLine } from '../residue/residue';
import type { TextEdit } from '../types';
import type { DocumentRule } from './types';

/**
 * Deletes one line and its line break; a blank line left doubled goes too. The
 * last line takes the break before it, unless that line goes as well.
 */
function deleteLine(model: SpeechModel, line: number, isResidue: (line: number) => boolean): TextEdit {
  const { lines, text } = model;
  const start = lines.lineStarts[line];
  const isBlank = (l: number) => l >= 0 && l < lines.lineCount && text.slice(lines.lineStarts[l], lines.lineEnd(l)).trim() === '';
  if (line + 1 < lines.lineCount) {
    const afterNext = line + 2 < lines.lineCount ? lines.lineStarts[line + 2] : text.length;
    const end = isBlank(line + 1) && (line === 0 || isBlank(line - 1)) ? afterNext : lines.lineStarts[line + 1];
    return { start, end, newText: '' };
  }
  const joinBefore = line > 0 && !isResidue(line - 1);
  return { start: joinBefore ? lines.lineEnd(line - 1) : start, end: text.length, newText: '' };
}

const NO_RESIDUE: readonly ResidueLine[] = Object.freeze([]);

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
  // A line's findings are its paragraph's text's; deleting a line reads the lines next to it, in the paragraphs
  // next to it: after an edit, the new paragraphs and one either side are looked at.
  reads: 'paragraphs',
  check(model, { t, report, memo, mayMatch, config, edited }) {
    const { text, lines, paragraphs } = model;
    const residueOf = (k: number): readonly ResidueLine[] => {
      const p = paragraphs[k];
      if (p.comment || (!config.residuePatterns.length && !mayMatch(p, RESIDUE_TRIGGER))) return NO_RESIDUE;
      // Most paragraphs have nothing of the kind: remembered per paragraph text.
      return memo(p.text, (t) => residueLines(t, config));
    };
    /** Whether a line is residue whole (a paragraph's lines are its own, or the paragraph before's). */
    const wholeResidue = (line: number, k: number): boolean => {
      while (k >= 0 && paragraphs[k].firstLine > line) k--;
      if (k < 0 || paragraphs[k].lastLine < line) return false;
      const p = paragraphs[k];
      return residueOf(k).some((r) => r.whole && lines.lineAt(p.start + r.start) === line);
    };
    const range = edited && { from: Math.max(0, edited.from - 1), to: Math.min(paragraphs.length, edited.to + 1) };
    for (let k = range?.from ?? 0; k < (range?.to ?? paragraphs.length); k++) {
      const p = paragraphs[k];
      for (const r of residueOf(k)) {
        const start = p.start + r.start;
        const end = p.start + r.end;
        if (r.whole) {
          const line = lines.lineAt(start);
          report({
            span: { start, end },
            message: t('This line was copied from a download site: remove it.'),
            unnecessary: true,
            fixes: [{ title: t('Remove the line'), edits: [deleteLine(model, line, (l) => wholeResidue(l, k))], safe: false }],
          });
          continue;
        }
        for (const piece of r.pieces) {
          const span = { start: p.start + piece.start, end: p.start + piece.end };
          const residue = text.slice(span.start, span.end);
          report({
            span,
            message: t('“{0}” was copied from a download site: remove it.', residue),
            unnecessary: true,
            fixes: [{ title: t('Remove “{0}”', residue), edits: [{ ...span, newText: '' }], safe: false }],
          });
        }
      }
    }
    return range;
  },
} as const satisfies DocumentRule;
