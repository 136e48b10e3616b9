// Vocatives, what a salutation and a closing call the audience: the
// salutation above the body, in all the forms speeches take, and the vocative
// that opens a closing paragraph.

import type { Paragraph } from '../parse/paragraphs';
import type { Span } from '../types';
import { isShortLine, paragraphSpan as span } from './lines';

// On a line of their own: `…们` and `各位…` of any kind, `尊敬的…`, `亲爱的…`.
// Run into a paragraph, where the words around are not known, only the usual ones.
const HAN = '\\u4e00-\\u9fff';
const HONORIFIC = `(?:尊敬的|亲爱的)[^，、,：:！!。；;\\n]{1,30}?`;
const ANY_VOCATIVE = `(?:${HONORIFIC}|各位(?:(?!的)[${HAN}]){1,6}?|(?![我你他她它咱人])[${HAN}]{1,8}?们)`;
const KNOWN_VOCATIVE = `(?:${HONORIFIC}|各位(?:代表|委员|领导|来宾|嘉宾|同事|同志|朋友|老师|同学|家长|专家)|(?:青年|年轻的|亲爱的|老|小|全体|在座的|广大)?(?:同志|朋友|女士|先生|同学|老师|同胞|代表|战友|乡亲|父老乡亲|家长|小朋友|孩子|姐妹|兄弟|来宾|嘉宾|委员|同事|伙伴|官兵|干部|职工|党员|学员|校友|青年)们)`;
const chain = (v: string) => `${v}(?:\\s*[，、,]\\s*${v})*`;
/** `同志们：` `女士们，先生们，朋友们：` `各位代表！` `尊敬的…：`. */
const SALUTATION_LINE = new RegExp(`^${chain(ANY_VOCATIVE)}\\s*[：:！!]$`);
/** `尊敬的奥朗德总统，` above `女士们，先生们，朋友们：`: one salutation over several lines. */
const SALUTATION_LINE_GOES_ON = new RegExp(`^${chain(ANY_VOCATIVE)}\\s*[，,]$`);
/** `同志们：今天…`; `各位代表，现在，我代表…` only as the first words of the speech. */
const SALUTATION_RUN_IN = new RegExp(`^${chain(KNOWN_VOCATIVE)}\\s*([：:！!，,])(?=\\S)`);
/** `…的说明习近平同志们：`: title, speaker and salutation on one line. */
const SALUTATION_AT_END = new RegExp(`${chain(KNOWN_VOCATIVE)}\\s*[：:]$`);

/** A paragraph opening with a vocative (`同志们，…` `各位代表！…` `青年朋友们，…`): a closing, near the end. */
const OPENS_WITH_VOCATIVE = new RegExp(`^${chain(ANY_VOCATIVE)}\\s*[，,！!]`);

export function startsWithVocative(text: string): boolean {
  return OPENS_WITH_VOCATIVE.test(text);
}

export interface Salutation {
  /** Paragraph index of its last line. */
  index: number;
  span: Span;
  /** Its first line's words. */
  text: string;
  /** Where the body goes on inside the same paragraph (a salutation run into it). */
  runIn?: number;
  /** Text before it on its line: the title (`…的说明习近平同志们：`). */
  before?: Span;
}

/** Only title lines before it: a `！` or `，` after a vocative is a salutation there, a section break later on. */
function onlyShortLinesBefore(paragraphs: Paragraph[], i: number): boolean {
  for (let k = 0; k < i; k++) if (!isShortLine(paragraphs[k])) return false;
  return true;
}

/** A title's word before a salutation on its line (`…的说明习近平同志们：`). */
const TITLE_WORD_INSIDE = /讲话|致辞|发言|报告|说明|演讲|主持词|讲稿/;

/** The salutation among the first `limit` paragraphs. */
export function findSalutation(paragraphs: Paragraph[], limit: number): Salutation | undefined {
  for (let i = 0; i < limit; i++) {
    const p = paragraphs[i];
    const text = p.text;
    if (SALUTATION_LINE.test(text)) {
      if (/[：:]$/.test(text) || onlyShortLinesBefore(paragraphs, i)) return { index: i, span: span(p), text };
      continue;
    }
    if (SALUTATION_LINE_GOES_ON.test(text)) {
      let j = i + 1;
      while (j < paragraphs.length && j < i + 12 && SALUTATION_LINE_GOES_ON.test(paragraphs[j].text)) j++;
      if (j < paragraphs.length && SALUTATION_LINE.test(paragraphs[j].text)) return { index: j, span: { start: p.start, end: paragraphs[j].end }, text };
      continue;
    }
    const runIn = SALUTATION_RUN_IN.exec(text);
    if (runIn && (/[：:]/.test(runIn[1]) || onlyShortLinesBefore(paragraphs, i))) {
      const end = p.start + runIn[0].length;
      return { index: i, span: { start: p.start, end }, text: runIn[0], runIn: end };
    }
    if (i < 3 && text.length <= 200) {
      const atEnd = SALUTATION_AT_END.exec(text);
      if (atEnd && atEnd.index > 0 && TITLE_WORD_INSIDE.test(text.slice(0, atEnd.index))) {
        const before = { start: p.start, end: p.start + atEnd.index };
        return { index: i, span: { start: before.end, end: p.end }, text: atEnd[0], before };
      }
    }
  }
  return undefined;
}

