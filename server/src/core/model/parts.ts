// Finds the parts of a speech around its body: title, date and speaker lines,
// salutation (see `vocatives.ts`), the transition that announces the body and
// the closing. Also what the text is: a speech, a work report (its own
// opening, no closing formula by design), or another text (an article, a
// notice) that has none of these parts. Where a download is cut: `cut.ts`.

import { startsWithMarker } from '../parse/markers';
import type { Paragraph } from '../parse/paragraphs';
import type { Span } from '../types';
import type { TextForm } from './types';
import { findSalutation, startsWithVocative } from './vocatives';
import { isShortLine, paragraphSpan as span } from './lines';

const TITLE =
  /(讲话|致辞|致词|贺词|贺辞|开幕辞|闭幕辞|开幕词|闭幕词|祝酒辞|祝酒词|答谢辞|发言|主持词|报告|讲稿|演讲|党课|说明|动员令)(稿|提纲)?\s*([（(]全文[）)])?$|^在.{2,60}(会|会议|大会|仪式|典礼|座谈|研讨班|培训班|论坛|活动|峰会)(上|时)|^[^。！？：:]{0,30}(讲话|讲稿|党课|发言|致辞|主持词)(稿)?[：:]/;
/** A title that makes the text a speech: words said aloud at a meeting. */
const SPEECH_TITLE =
  /讲话|致辞|致词|贺词|贺辞|开幕辞|闭幕辞|开幕词|闭幕词|祝酒辞|祝酒词|答谢辞|发言|主持词|讲稿|演讲|党课|在.{2,60}(上|时)的(报告|讲话|发言)/;
/** A work report: read to a congress, it opens with its salutation and ends on its last task, with no closing formula. */
const WORK_REPORT = /工作报告/;
/**
 * `我代表国务院，向大会作政府工作报告` / `我受国务院的委托，现在向大会提出关于…的报告`;
 * the budget's and the plan's reports: `受县人民政府委托，现将…执行情况报告如下`.
 */
const REPORT_OPENING = /(代表|委托)[^。！？]{0,24}?向(大会|会议|全会)(作|做|报告|提出)|(作|做)[^。！？，]{0,10}工作报告|受[^。！？]{0,24}?委托[^。！？]{0,60}?报告如下/;
/** A title run into the body, as in a speech stored on one line. */
const TITLE_PREFIX = /^在[^。！？，]{2,60}?(上|时)的讲话/;
const DATE =
  /^[（(]?\s*([0-9０-９]{4}|[〇一二三四五六七八九零]{4})\s*年\s*[0-9０-９一二三四五六七八九十]{1,3}\s*月\s*[0-9０-９一二三四五六七八九十]{1,3}\s*日\s*([，,、]\s*[\u4e00-\u9fff]{1,10}\s*)?[）)]?$/;
const DATE_PREFIX = /^[（(]\s*[0-9０-９]{4}\s*年\s*[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*日\s*[）)]/;

const HEADING_START = /^[（(]?[一二三四五六七八九十0-9０-９]{1,3}[）)、.．]/;
const SPEAKER = /^[\u4e00-\u9fff][\u4e00-\u9fff \u3000]{1,7}$/;
/** `谢谢大家！`, or a short last paragraph ending so (`我的发言完毕，谢谢大家！`). */
const THANKS = /^(.{0,20}[，,])?(谢谢大家|谢谢|谢谢各位)[！!。.]?$/;
/**
 * `最后，预祝大会圆满成功！` `让我们…！` `祝愿大家…！` `希望同志们…`; what
 * a report or a statement ends with: `以上报告，请予审议。` `不妥之处，请批评指正。`;
 * and a chair's (主持词): `现在散会。` `会议到此结束。` `我宣布，大会闭幕！`
 */
const CLOSING_FORMULA =
  /^(最后[，,]\s*)?(预祝|祝愿|衷心祝愿|再次祝|祝大家|祝各位|祝同志们|让我们|希望(同志们|大家|各位|你们))|^以上(报告|汇报|发言|意见|讲话|是我|就是我)|请予(审议|评议)|不妥之处|批评指正|(发言|汇报|讲话|主持词)(完毕|到此结束|就到这里)|散会[。！!]?$|(会议|大会|活动|仪式|典礼|座谈会|论坛)(到此|就此)(结束|闭幕)|宣布[^。！？]{0,30}(闭幕|结束)[。！!]?$/;
/** Lines after the speech: a news footer, `——某某在…的讲话`, `（原标题：…）`. */
const TRAILER = /^([（(].{0,120}[）)]|《\s*人民日报\s*》.*|[—－-]{1,2}.{2,60}(讲话|演讲|致辞|发言|报告|开幕辞|闭幕辞|主持词)|(责任编辑|编辑|来源|原标题)[：:].*)$/;
/** `下面，我讲几点意见。`; the verb is the speaker's, not part of a word (`座谈会`, `讲话`, `提高`). */
const TRANSITION =
  /(下面|以下|这里|接下来|今天)[，,]?[^。！？\n]{0,24}?(?<![座演宣])(讲|谈|提|强调|说)(?![话判高升了过])[^。！？\n]{0,16}?(意见|问题|要求|看法|体会|想法|几点|方面|建议)[^。！？\n]{0,8}?[。！？：:]/;

export interface FrontMatter {
  title?: Span;
  date?: Span;
  speaker?: Span;
  salutation?: Span;
  /** A numbered heading above the title and salutation: a book's chapter heading left in. */
  strayHeading?: Span;
  form: TextForm;
  /** Index of the first body paragraph among those given. */
  bodyStartParagraph: number;
  bodyStart: number;
}

/** Title lines come before the salutation, or before the first paragraph of prose. */
export function findFrontMatter(paragraphs: Paragraph[]): FrontMatter {
  const fm: FrontMatter = { form: 'text', bodyStartParagraph: 0, bodyStart: 0 };
  const limit = Math.min(paragraphs.length, 16);
  const salutation = findSalutation(paragraphs, limit);
  const frontEnd = salutation ? salutation.index : limit;
  const titles: string[] = [];
  let lastFront = -1;
  for (let i = 0; i < frontEnd; i++) {
    const p = paragraphs[i];
    // Front matter ends at the first heading, or at the first prose when there is no salutation.
    if (HEADING_START.test(p.text)) {
      if (!salutation) break;
      fm.strayHeading ??= span(p);
      continue;
    }
    if (!isShortLine(p)) {
      if (i === 0) {
        matchRunInTitle(p, fm);
        if (fm.title) {
          lastFront = 0;
          titles.push(p.text);
        }
      }
      if (!salutation) break;
      continue;
    }
    const next = paragraphs[i + 1];
    if (TITLE.test(p.text) || (next && isShortLine(next) && DATE.test(next.text) && !DATE.test(p.text) && !SPEAKER.test(p.text))) {
      fm.title ??= span(p);
      titles.push(p.text);
      lastFront = i;
    } else if (!fm.date && DATE.test(p.text)) {
      fm.date = span(p);
      lastFront = i;
    } else if (fm.title && !fm.speaker && SPEAKER.test(p.text)) {
      fm.speaker = span(p);
      lastFront = i;
    }
  }
  if (salutation) {
    fm.salutation = salutation.span;
    if (salutation.before) {
      fm.title ??= salutation.before;
      titles.push(paragraphs[salutation.index].text.slice(0, salutation.before.end - salutation.before.start));
    }
    lastFront = salutation.index;
  }
  if (lastFront >= 0) {
    fm.bodyStartParagraph = lastFront + 1;
    fm.bodyStart = paragraphs[lastFront].end;
    if (salutation?.runIn !== undefined) {
      // The body goes on after the salutation, in its paragraph.
      fm.bodyStartParagraph = salutation.index;
      fm.bodyStart = salutation.runIn;
    } else if (lastFront === 0 && !isShortLine(paragraphs[0]) && !salutation) {
      // A title run into the body leaves the body in the same paragraph.
      fm.bodyStartParagraph = 0;
      fm.bodyStart = (fm.speaker ?? fm.date ?? fm.title)!.end;
    }
  }
  const delegates = salutation !== undefined && /^各位(代表|委员)/.test(salutation.text);
  fm.form = formOf(titles, salutation !== undefined, delegates, paragraphs.slice(fm.bodyStartParagraph, fm.bodyStartParagraph + 3));
  return fm;
}

/** A work report by its title or its opening words; a speech by its title or its salutation; anything else is another text. */
function formOf(titles: string[], saluted: boolean, delegates: boolean, opening: Paragraph[]): TextForm {
  if (titles.some((t) => WORK_REPORT.test(t))) return 'report';
  // `各位代表：` and `我代表国务院，向大会作政府工作报告`: a congress report, not a Party congress's (`同志们：`).
  if (saluted) return delegates && opening.some((p) => REPORT_OPENING.test(p.text)) ? 'report' : 'speech';
  return titles.some((t) => SPEECH_TITLE.test(t)) ? 'speech' : 'text';
}

function matchRunInTitle(p: Paragraph, fm: FrontMatter): void {
  const t = TITLE_PREFIX.exec(p.text);
  if (!t) return;
  fm.title = { start: p.start, end: p.start + t[0].length };
  const d = DATE_PREFIX.exec(p.text.slice(t[0].length));
  if (!d) return;
  fm.date = { start: fm.title.end, end: fm.title.end + d[0].length };
}

/**
 * The closing: a last `同志们，…` (any vocative) in the final fifth of the
 * text, or a closing formula (`谢谢大家！`, `最后，预祝…`, `让我们…`) among the
 * last paragraphs; news footers after it do not count. Nothing after `until`
 * (where the text is cut) is looked at, nor comments, nor what `skip` passes by
 * (the 【提纲】). The paragraphs are read from the last, no further back than needed.
 */
export function findClosing(text: string, paragraphs: readonly Paragraph[], after: number, until = text.length, skip?: (p: Paragraph) => boolean): Span | undefined {
  // The speech paragraphs before `until`, from the last (`fromEnd[0]`), found as far back as asked.
  const fromEnd: Paragraph[] = [];
  let k = paragraphs.length;
  const at = (r: number): Paragraph | undefined => {
    while (fromEnd.length <= r && k > 0) {
      const p = paragraphs[--k];
      if (!p.comment && p.start < until && !skip?.(p)) fromEnd.push(p);
    }
    return fromEnd[r];
  };
  // `last`: the last paragraph but the trailers after it (one is always kept).
  let last = 0;
  while (at(last + 1) && TRAILER.test(at(last)!.text)) last++;
  if (!at(0)) return undefined;
  const end = at(0)!.end;
  // The closing starts in the final fifth of the text, or is one of the last two paragraphs (a short draft).
  const threshold = Math.max(after, Math.floor(Math.min(text.length, until) * 0.8));
  let found: Span | undefined;
  for (let r = last; at(r); r++) {
    const p = at(r)!;
    const near = r <= last + 1;
    if (p.start < threshold && !near) break;
    // Numbered items after it mean the speech goes on: not a closing.
    if (startsWithMarker(p.text) && !CLOSING_FORMULA.test(p.text)) break;
    if (p.start < after) break;
    if (startsWithVocative(p.text)) return { start: p.start, end };
    if (near && (CLOSING_FORMULA.test(p.text) || (r === last && THANKS.test(p.text)))) found = { start: p.start, end };
  }
  return found;
}

/** The sentence announcing the body, searched between `from` and `to`. */
export function findTransition(text: string, from: number, to: number): Span | undefined {
  const slice = text.slice(from, to);
  const m = TRANSITION.exec(slice);
  return m ? { start: from + m.index, end: from + m.index + m[0].length } : undefined;
}
