// Whether a plain-text file looks like a speech draft, from its first lines
// only (cheap enough for every .txt the writer opens): a speech title, a
// salutation, a 【提纲】, numbered headings. A notice (通知) has a title and
// numbered headings too, an addressee (各有关单位：) rather than a salutation:
// it is not a speech, nor are notes or English text.

/** How much of the file is looked at. */
export const SPEECH_LIKE_PREFIX = 4000;

const TITLE_SPEECH = /(讲话|致辞|发言|讲稿|演讲|贺词|主持词|动员|工作报告|讲话提纲)(稿)?$/;
const TITLE_AT_MEETING = /^在.{2,60}(上|中|时)的(讲话|发言|致辞|报告|总结讲话)/;
const TITLE_OTHER_KIND = /(通知|通报|决定|请示|批复|函|纪要|公告|通告|意见|方案|办法|规定|细则|记录|笔记|简报|总结|计划|合同|协议)$/;
const SALUTATION = /^(同志们|各位|尊敬的|亲爱的|女士们|朋友们|老师们|同学们|乡亲们|大家好)[^。！？]{0,40}[：:，,！!]?$|同志们[：:]$/;
const NUMBERED_HEADING = /^[一二三四五六七八九十]{1,3}、/;

export interface SpeechSigns {
  title: boolean;
  salutation: boolean;
  outline: boolean;
  /** Lines opening with 一、 二、…: numbered first-level headings. */
  headings: number;
}

export function speechSigns(text: string): SpeechSigns {
  const lines = text
    .slice(0, SPEECH_LIKE_PREFIX)
    .replace(/^\ufeff/, '')
    .split(/\r\n|\r|\n/)
    .map((l) => l.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''))
    .filter((l) => l !== '');
  // The title: one of the first lines, short, of a speech and not of another kind of paper.
  const title = lines.slice(0, 3).some((l) => {
    const bare = l.replace(/[（(][^）)]*[）)]$/, '').replace(/^[《“]|[》”]$/g, '');
    return bare.length <= 60 && !TITLE_OTHER_KIND.test(bare) && (TITLE_SPEECH.test(bare) || TITLE_AT_MEETING.test(bare));
  });
  const salutation = lines.slice(0, 12).some((l) => l.length <= 40 && SALUTATION.test(l));
  const outline = lines.some((l) => l.startsWith('【提纲】'));
  const headings = lines.filter((l) => NUMBERED_HEADING.test(l)).length;
  return { title, salutation, outline, headings };
}

/**
 * A speech: a speech title; or a salutation or a 【提纲】 with one more sign
 * (numbered headings count as one). Numbered headings alone are any paper's.
 */
export function looksLikeSpeech(text: string): boolean {
  const s = speechSigns(text);
  return s.title || (s.salutation && (s.outline || s.headings > 0)) || (s.outline && s.headings > 0);
}
