// Stretches of a paragraph that are not the speech's prose and keep every
// character as typed: addresses, code and markup (inline code, HTML tags and
// entities, Markdown link targets, `:::` containers, `{{…}}` macros), and the
// text that came with a download (the residue spans, see core/residue). The
// text rules never report or rewrite inside them. They are recognised whatever
// the draft's format: none of them can be the prose of a Chinese speech, so a
// rule never asks whether the source was Markdown. Blocks of code and front
// matter are not paragraphs at all (parse/verbatimBlocks.ts).

import type { Span } from '../types';
import { urlSpans } from './urls';

/** `&nbsp;` `&#34;` `&#x4e2d;`. */
const ENTITY = /&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});/g;
/** An HTML tag with its attributes (their quotes, colons and Chinese titles are markup). */
const TAG = /<\/?[A-Za-z][A-Za-z0-9-]*(?:[ \t\n][^<>]*)?\/?>/g;
/** Elements whose content is code as well. */
const CODE_ELEMENT = /^<(code|kbd|samp|var|tt)\b/i;
/** `` `a,b` `` and ``` ``a`b`` ```: a run of backticks closed by a run of the same length. */
const BACKTICKS = /`+/g;
/** `:::tip` opening and `:::` closing a container (VuePress, markdown-it). */
const CONTAINER = /:{3,}/g;
/** An emoticon of ASCII marks standing apart: `;-)`, `:-(`, `:)` (not `公告:(美股)`). */
const EMOTICON = /(?<!\S)[:;]-?[()DPp](?!\S)/g;
/** `- : 说明` (a definition item of MDN's Markdown): the colon is syntax. */
const DEFINITION_COLON = /(?<=^|\n)[ \t]*[-*+][ \t]+:(?=[ \t])/g;
/** What an e-mail address is made of, on either side of its `@`. */
const EMAIL_CHAR = /[A-Za-z0-9._%+-]/;
/** What a link's target looks like: an address, or a name in ASCII. */
const LINK_TARGET = /[#/.:]|^[\x21-\x7e]+$/;
/** What every construct above starts with: a paragraph with none of it has no verbatim stretch but its URLs. */
const STARTS = /[&<`:;{\]@-]/;

function each(re: RegExp, text: string, out: Span[], adjust?: (m: RegExpExecArray) => Span | undefined): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const span = adjust ? adjust(m) : { start: m.index, end: m.index + m[0].length };
    if (span && span.end > span.start) out.push(span);
  }
}

/** Inline code: from a run of backticks to the next run of the same length (none: the backticks are text). */
function inlineCode(text: string, out: Span[]): void {
  BACKTICKS.lastIndex = 0;
  for (let m = BACKTICKS.exec(text); m; m = BACKTICKS.exec(text)) {
    const fence = m[0];
    let close = text.indexOf(fence, m.index + fence.length);
    // A longer run is not the closing one: look on past it.
    while (close >= 0 && (text[close + fence.length] === '`' || text[close - 1] === '`')) {
      let end = close;
      while (text[end] === '`') end++;
      close = text.indexOf(fence, end);
    }
    if (close < 0) continue;
    out.push({ start: m.index, end: close + fence.length });
    BACKTICKS.lastIndex = close + fence.length;
  }
}

/** HTML tags and comments; `<code>…</code>` whole. */
function markup(text: string, out: Span[]): void {
  for (let at = text.indexOf('<!--'); at >= 0; at = text.indexOf('<!--', at + 4)) {
    const end = text.indexOf('-->', at + 4);
    if (end < 0) break;
    out.push({ start: at, end: end + 3 });
    at = end;
  }
  TAG.lastIndex = 0;
  for (let m = TAG.exec(text); m; m = TAG.exec(text)) {
    const element = CODE_ELEMENT.exec(m[0]);
    const close = element ? text.toLowerCase().indexOf(`</${element[1].toLowerCase()}>`, m.index + m[0].length) : -1;
    const end = close >= 0 ? close + element![1].length + 3 : m.index + m[0].length;
    out.push({ start: m.index, end });
    TAG.lastIndex = end;
  }
}

/** The `!` of an image, `![说明](a.png)`, before the `[` that the `]` at `close` closes (looked for on its line, at most 200 back); -1 if none. */
function imageBang(text: string, close: number): number {
  let depth = 0;
  for (let i = close - 1; i >= 1 && close - i <= 200 && text[i] !== '\n'; i--) {
    if (text[i] === ']') depth++;
    else if (text[i] === '[' && depth-- === 0) return text[i - 1] === '!' ? i - 1 : -1;
  }
  return -1;
}

/** `](target)` of a link or image, its brackets balanced (`](…/A_(1))`), with the `]` that closes the link's text; and `{{macro(…)}}` / `{% tag %}`. */
function targetsAndMacros(text: string, out: Span[]): void {
  for (let at = text.indexOf(']('); at >= 0; at = text.indexOf('](', at + 1)) {
    let depth = 0;
    let end = -1;
    for (let i = at + 1; i < text.length && text[i] !== '\n'; i++) {
      if (text[i] === '(') depth++;
      else if (text[i] === ')' && --depth === 0) {
        end = i + 1;
        break;
      }
    }
    // `[成都](团800)` in a plain draft is two brackets: a target is an address (`#`, `/`, `.`, `:`) or plain ASCII.
    if (end < 0 || !LINK_TARGET.test(text.slice(at + 2, end - 1))) continue;
    const bang = imageBang(text, at);
    if (bang >= 0) out.push({ start: bang, end: bang + 1 });
    out.push({ start: at, end });
    at = end - 1;
  }
  for (const [open, close] of [
    ['{{', '}}'],
    ['{%', '%}'],
  ]) {
    for (let at = text.indexOf(open); at >= 0; at = text.indexOf(open, at + 2)) {
      const end = text.indexOf(close, at + 2);
      if (end < 0) break;
      out.push({ start: at, end: end + 2 });
      at = end;
    }
  }
}

/** `name@host.cn`: grown from each `@` (a pattern would try every start in a long Latin run). */
function emails(text: string, out: Span[]): void {
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && EMAIL_CHAR.test(text[start - 1])) start--;
    let end = at + 1;
    while (end < text.length && EMAIL_CHAR.test(text[end])) end++;
    while (end > at + 1 && text[end - 1] === '.') end--;
    if (start < at && text.slice(at + 1, end).includes('.')) out.push({ start, end });
    at = end - 1;
  }
}

/** Sorted by start, overlapping and touching stretches joined. */
export function mergeSpans(spans: Span[]): Span[] {
  if (spans.length < 2) return spans;
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [{ ...spans[0] }];
  for (let k = 1; k < spans.length; k++) {
    const last = out[out.length - 1];
    if (spans[k].start <= last.end) last.end = Math.max(last.end, spans[k].end);
    else out.push({ ...spans[k] });
  }
  return out;
}

/**
 * The stretches of one paragraph that are code, markup or addresses, sorted
 * and apart. `more`: other stretches to join in (the residue spans).
 */
export function verbatimSpans(text: string, more: readonly Span[] = []): Span[] {
  const out: Span[] = urlSpans(text);
  for (const s of more) out.push(s);
  if (STARTS.test(text)) {
    inlineCode(text, out);
    markup(text, out);
    targetsAndMacros(text, out);
    each(ENTITY, text, out);
    each(CONTAINER, text, out);
    each(EMOTICON, text, out);
    each(DEFINITION_COLON, text, out, (m) => ({ start: m.index + m[0].length - 1, end: m.index + m[0].length }));
    emails(text, out);
  }
  return mergeSpans(out);
}

/** The index of the first span ending after `at` (spans sorted and apart), by binary search. */
function firstEndingAfter(spans: readonly Span[], at: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].end <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** True if offset `at` lies inside one of the spans (sorted and apart). */
export function insideSpans(spans: readonly Span[], at: number): boolean {
  const k = firstEndingAfter(spans, at);
  return k < spans.length && spans[k].start <= at;
}

/** True if the stretch overlaps one of the spans (sorted and apart). */
export function overlapsSpans(spans: readonly Span[], start: number, end: number): boolean {
  const k = firstEndingAfter(spans, start);
  return k < spans.length && spans[k].start < end;
}
