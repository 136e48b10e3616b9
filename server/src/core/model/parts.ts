// Finds the parts of a speech around its body: title, date and speaker lines,
// salutation, the transition that announces the body, and the closing.

import { startsWithMarker } from '../parse/markers';
import type { Paragraph } from '../parse/paragraphs';
import type { Span } from '../types';

const TITLE =
  /(讲话|致辞|发言|报告|讲稿|演讲|动员令)(稿|提纲)?([（(]全文[）)])?$|^在.{2,60}(会|会议|大会|仪式|典礼|座谈|研讨班|培训班|论坛|活动)(上|时)/;
/** A title run into the body, as in a speech stored on one line. */
const TITLE_PREFIX = /^在[^。！？，]{2,60}?(上|时)的讲话/;
const DATE =
  /^[（(]?\s*([0-9０-９]{4}|[〇一二三四五六七八九零]{4})\s*年\s*[0-9０-９一二三四五六七八九十]{1,3}\s*月\s*[0-9０-９一二三四五六七八九十]{1,3}\s*日\s*[）)]?$/;
const DATE_PREFIX = /^[（(]\s*[0-9０-９]{4}\s*年\s*[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*日\s*[）)]/;
const SALUTATION =
  /^(同志们|同志们、朋友们|同志们，朋友们|朋友们|各位代表|各位委员|各位领导|各位来宾|各位同事|女士们、先生们|女士们，先生们|尊敬的[^。！？]{1,40})[：:]$/;
const HEADING_START = /^[（(]?[一二三四五六七八九十0-9０-９]{1,3}[）)、.．]/;
const SPEAKER = /^[\u4e00-\u9fff][\u4e00-\u9fff \u3000]{1,7}$/;
const CLOSING = /^(同志们|同志们、朋友们|同志们，朋友们)[，,！!]/;
const THANKS = /^(谢谢大家|谢谢|谢谢各位)[！!。.]?$/;
const TRANSITION =
  /(下面|以下|这里|接下来|今天)[，,]?[^。！？\n]{0,24}?(讲|谈|提|强调|说)[^。！？\n]{0,16}?(意见|问题|要求|看法|体会|想法|几点|方面|建议)[^。！？\n]{0,8}?[。！？：:]/;

export interface FrontMatter {
  title?: Span;
  date?: Span;
  speaker?: Span;
  salutation?: Span;
  /** Index of the first body paragraph among those given. */
  bodyStartParagraph: number;
  bodyStart: number;
}

function isShortLine(p: Paragraph): boolean {
  return p.text.length <= 80 && !/[。！？]/.test(p.text.replace(/[。！？]$/, '')) && !/[。]$/.test(p.text);
}

/** Title lines come before the salutation, or before the first paragraph of prose. */
export function findFrontMatter(paragraphs: Paragraph[]): FrontMatter {
  const fm: FrontMatter = { bodyStartParagraph: 0, bodyStart: 0 };
  const limit = Math.min(paragraphs.length, 16);
  let salutation = -1;
  for (let i = 0; i < limit; i++) {
    if (SALUTATION.test(paragraphs[i].text)) {
      salutation = i;
      break;
    }
  }
  const frontEnd = salutation >= 0 ? salutation : limit;
  let lastFront = -1;
  for (let i = 0; i < frontEnd; i++) {
    const p = paragraphs[i];
    // Front matter ends at the first heading, or at the first prose when there is no salutation.
    if (HEADING_START.test(p.text)) break;
    if (!isShortLine(p)) {
      if (i === 0) {
        matchRunInTitle(p, fm);
        if (fm.title) lastFront = 0;
      }
      if (salutation < 0) break;
      continue;
    }
    const span = { start: p.start, end: p.end };
    if (!fm.title && TITLE.test(p.text)) {
      fm.title = span;
      lastFront = i;
    } else if (!fm.date && DATE.test(p.text)) {
      fm.date = span;
      lastFront = i;
    } else if (fm.title && !fm.speaker && SPEAKER.test(p.text)) {
      fm.speaker = span;
      lastFront = i;
    }
  }
  if (salutation >= 0) {
    fm.salutation = { start: paragraphs[salutation].start, end: paragraphs[salutation].end };
    lastFront = salutation;
  }
  if (lastFront >= 0) {
    fm.bodyStartParagraph = lastFront + 1;
    fm.bodyStart = paragraphs[lastFront].end;
    // A title run into the body leaves the body in the same paragraph.
    if (lastFront === 0 && !isShortLine(paragraphs[0]) && salutation < 0) {
      fm.bodyStartParagraph = 0;
      fm.bodyStart = (fm.speaker ?? fm.date ?? fm.title)!.end;
    }
  }
  return fm;
}

function matchRunInTitle(p: Paragraph, fm: FrontMatter): void {
  const t = TITLE_PREFIX.exec(p.text);
  if (!t) return;
  fm.title = { start: p.start, end: p.start + t[0].length };
  const d = DATE_PREFIX.exec(p.text.slice(t[0].length));
  if (!d) return;
  fm.date = { start: fm.title.end, end: fm.title.end + d[0].length };
}

/** The closing: a last `同志们，…` in the final fifth of the text, or a closing `谢谢大家！`. */
export function findClosing(text: string, paragraphs: Paragraph[], after: number): Span | undefined {
  // The closing starts in the final fifth of the text, or is one of the last two paragraphs (a short draft).
  const threshold = Math.max(after, Math.floor(text.length * 0.8));
  const speech = paragraphs.filter((p) => !p.comment);
  for (let i = speech.length - 1; i >= 0; i--) {
    const p = speech[i];
    const near = i >= speech.length - 2;
    if (p.start < threshold && !near) break;
    // Numbered items after it mean the speech goes on: not a closing.
    if (startsWithMarker(p.text)) break;
    if (p.start >= after && CLOSING.test(p.text)) return { start: p.start, end: lastEnd(paragraphs) };
  }
  const last = [...paragraphs].reverse().find((p) => !p.comment);
  if (last && last.start >= after && THANKS.test(last.text)) return { start: last.start, end: last.end };
  return undefined;
}

function lastEnd(paragraphs: Paragraph[]): number {
  for (let i = paragraphs.length - 1; i >= 0; i--) if (!paragraphs[i].comment) return paragraphs[i].end;
  return 0;
}

/** The sentence announcing the body, searched between `from` and `to`. */
export function findTransition(text: string, from: number, to: number): Span | undefined {
  const slice = text.slice(from, to);
  const m = TRANSITION.exec(slice);
  return m ? { start: from + m.index, end: from + m.index + m[0].length } : undefined;
}
