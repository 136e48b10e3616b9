// Sentences that promise a number of items. A speaker announcing what comes
// (`下面，我讲三个方面的意见`, `我从两个方面谈点看法`, `这里，我强调三个问题`)
// promises a list after it; `以下四个方面` points at the list that follows; a
// sentence counting what it then lists (`主要有两个特点：`, `突出抓好五项工作`)
// is held to its count only where a list follows it at once. `几点` promises
// none. What is counted must be a thing a speech counts (意见, 问题, 方面…),
// so that `四个意识`, `八项规定` and `2.7个百分点` are no announcements.

import { codeTable, parseCount } from '../text/chars';
import type { Announcement, AnnouncementKind } from './types';

const COUNT = '(?<![0-9０-９.．点])(几|若干|[一二三四五六七八九十两]{1,3}|[0-9０-９]{1,2})';
const UNIT = '(个方面|个层面|个部分|方面|部分|个|项|条|点|种|大)';
/** Units that name what they count: `三个方面` needs no noun after it, `三个` does. */
const NAMING_UNITS = new Set(['个方面', '个层面', '个部分', '方面', '部分']);
/** What speeches count; not `两句话` (a few words, as in `最后，我再讲两句话`). */
const NOUN =
  '(?:意见|问题|要求|看法|建议|体会|想法|认识|感受|感悟|思考|考虑|希望|期望|期待|特点|特征|原则|任务|工作|措施|举措|重点|目标|关系|阶段|层次|层面|内容|方向|环节|领域|事情|事|方面|主张|观点|理由|原因|变化|成效|成绩|经验|做法|启示|短板|不足|差距|挑战|风险|困难|矛盾|关键词|词|字|转变|坚持|优势|议程)';
const CLAUSE_END = '(?=[。！？：:；;，,、）)\\s]|$)';
/**
 * After the count and its unit: what it counts (`三个方面的意见`, `三点具体要求`)
 * and the end of its clause; `NAMED` where what is counted must be named
 * (`两个特点`, `五项工作`, not a bare `还有52个`). Tried at the end of a
 * pattern's match, apart from it: one pattern with the nouns inside would be
 * too large for the regular-expression compiler and run interpreted.
 */
const TAIL = { any: new RegExp(`(?:的?[\\u4e00-\\u9fff]{0,4}?${NOUN})?${CLAUSE_END}`, 'y'), named: new RegExp(`的?[\\u4e00-\\u9fff]{0,4}?${NOUN}${CLAUSE_END}`, 'y') };
/** Verbs of saying. */
const SAY = '(?:讲一讲|讲讲|讲|谈一谈|谈谈|谈|说一说|说说|说|强调|提出|提)';
/** Not what was said before: `提出了三点要求`, `讲过两个问题`, `我讲的三个问题`. */
const NOT_DONE = '(?!出?[了过的])';
/** What makes it the speaker's own, about what comes: `下面，我…` `这里，…` `再…`; not `我们` telling what was done. */
const FORWARD = /下面|这里|接下来|借此机会|我(?![们国市县省区])|再|(今天|现在|主要|简要|简单)(?=讲|谈|说|提|强调)/;
/** What points back at what was said: `刚才我强调了…`, `上面讲的三点`. */
const BACKWARD = /刚才|上面|前面|以上|上述|已经/;
/** Any clause mark: the phrase stays in its clause. */
const IN_CLAUSE = '[^。！？；;，,：:“”‘’\\n]';
/** And no other number between the verb and the count (`有4类21种`). */
const IN_CLAUSE_NO_NUMBER = '[^。！？；;，,：:“”‘’\\n0-9０-９一二三四五六七八九十两几]';
/** No speech announces more. */
const MAX_COUNT = 20;

interface Pattern {
  kind: AnnouncementKind;
  re: RegExp;
  /** The characters a match begins with (the first of each word its pattern opens with): a window without one is not searched. */
  firsts: string;
  /** What must follow the match (see `TAIL`): `named` unless the unit names it. */
  tail?: 'any' | 'named';
}

/** The first characters of `SAY`'s words, and of the verbs before a count (the last pattern's). */
const SAY_FIRSTS = '讲谈说强提';
const COUNT_VERB_FIRSTS = '有包分归概体表经抓做把注明突落推完提讲谈强';

/** Exported for the test that each pattern matches only at its first characters. */
export const PATTERNS: readonly Pattern[] = [
  /** `我讲三点意见` `再强调三个问题` `给大家提4点要求`; not `提出了` (what was said before). */
  { kind: 'speaker', re: new RegExp(`${SAY}${NOT_DONE}${IN_CLAUSE}{0,6}?${COUNT}${UNIT}`, 'g'), firsts: SAY_FIRSTS, tail: 'any' },
  /** `我从两个方面谈点看法` `分三个部分来讲`. */
  { kind: 'speaker', re: new RegExp(`(?:从|分|就)${COUNT}(?:个方面|个层面|个问题|个部分|部分|点)${IN_CLAUSE}{0,6}?${SAY}${NOT_DONE}`, 'g'), firsts: '从分就' },
  /** `从三个方面加以改进：` `分三步推进：`, with no verb of saying: a count, held to a list that follows at once. */
  { kind: 'count', re: new RegExp(`(?:从|分)${COUNT}(?:个方面|个层面|个部分|个阶段|步)(?=${IN_CLAUSE}{0,8}[：:])`, 'g'), firsts: '从分' },
  /** `围绕以下四个方面`. */
  { kind: 'following', re: new RegExp(`(?:以下|如下)${COUNT}(?:个|项|条|点|种|大|方面)`, 'g'), firsts: '以如' },
  /** `主要有两个特点` `突出抓好五项工作` `经历了3个阶段` `提出了三点要求`. */
  {
    kind: 'count',
    re: new RegExp(
      `(?:有|包括|包含|分为|分成|归纳为|概括为|体现在|表现在|经历了?|抓好|做好|把握好?|注意|明确|突出|落实|推进|完成|提出了?|讲了|谈了|强调了)${IN_CLAUSE_NO_NUMBER}{0,6}?${COUNT}${UNIT}`,
      'g',
    ),
    firsts: COUNT_VERB_FIRSTS,
    tail: 'named',
  },
];

/** Per code unit, a bit for each pattern (by its place in PATTERNS) whose matches may begin with it. */
const PATTERNS_STARTING = new Uint8Array(0x10000);
PATTERNS.forEach((p, k) => {
  for (const ch of p.firsts) PATTERNS_STARTING[ch.charCodeAt(0)] |= 1 << k;
});

/** The length of what follows a match at `at` as its pattern asks (see `TAIL`), or -1 where it does not. */
function tailLength(pattern: Pattern, unit: string, text: string, at: number): number {
  if (!pattern.tail) return 0;
  const re = pattern.tail === 'named' && !NAMING_UNITS.has(unit) ? TAIL.named : TAIL.any;
  re.lastIndex = at;
  const m = re.exec(text);
  return m ? m[0].length : -1;
}

/** A count and its unit (`三个` `4点` `两方面` `五项`): every announcement holds one, most paragraphs none. */
const UNIT_FIRST = codeTable('个项条点种大方部步');
const COUNT_LAST = codeTable('几干一二三四五六七八九十两0123456789０１２３４５６７８９');
/** How far before its count a pattern may begin (`讲一讲` and six characters between, the count itself). */
const REACH_BEFORE = 14;
const CLAUSE_MARK = codeTable('。！？：:；;，,、\n');

/**
 * The stretches the patterns are tried on: around each count, from a little
 * before it to the end of its clause (mark included), merged where they touch.
 * The patterns stay in their clause, so they find here what they would find in
 * the whole paragraph, at the cost of the counts rather than of every 有 and 讲
 * (one table look-up a character finds the counts).
 */
function windows(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const n = text.length;
  for (let i = 1; i < n; i++) {
    if (UNIT_FIRST[text.charCodeAt(i)] !== 1 || COUNT_LAST[text.charCodeAt(i - 1)] !== 1) continue;
    let end = i + 1;
    while (end < n && CLAUSE_MARK[text.charCodeAt(end)] !== 1) end++;
    end = Math.min(n, end + 1);
    const start = Math.max(0, i - REACH_BEFORE);
    const last = out[out.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}

export function findAnnouncements(text: string, paragraph: number, offset: number): Announcement[] {
  const out: Announcement[] = [];
  // Stretches do not overlap: a pattern's match overlaps only matches found in its own stretch.
  for (const [from, to] of windows(text)) {
    // Which patterns may match in the window: those whose first characters it holds (most windows, around 一个 or 两点, hold none).
    let may = 0;
    for (let i = from; i < to; i++) may |= PATTERNS_STARTING[text.charCodeAt(i)];
    if (may === 0) continue;
    const part = text.slice(from, to);
    const first = out.length;
    for (let k = 0; k < PATTERNS.length; k++) {
      if ((may & (1 << k)) === 0) continue;
      const pattern = PATTERNS[k];
      const { kind, re } = pattern;
      re.lastIndex = 0;
      for (let m = re.exec(part); m; m = re.exec(part)) {
        const countText = m[1];
        const tail = tailLength(pattern, m[2], part, m.index + m[0].length);
        if (tail < 0) continue;
        const at = from + m.index;
        const start = offset + at;
        const end = start + m[0].length + tail;
        if (overlapsAny(out, first, start, end)) continue;
        const count = countText === '几' || countText === '若干' ? undefined : parseCount(countText);
        if (count !== undefined && (count < 2 || count > MAX_COUNT)) continue;
        // `谈判的有6个`, `总书记讲话中提出三点`: a verb of saying that is not the speaker announcing what comes.
        if (kind === 'speaker' && !forward(text, at)) continue;
        out.push({ span: { start, end }, count, countText, paragraph, kind });
      }
    }
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

function overlapsAny(found: Announcement[], from: number, start: number, end: number): boolean {
  for (let i = from; i < found.length; i++) if (found[i].span.start < end && start < found[i].span.end) return true;
  return false;
}

/** The speaker speaks of what comes: a forward word in the sentence before the verb (`下面，我讲…`). */
function forward(text: string, at: number): boolean {
  let from = at;
  while (from > 0 && !/[。！？；;\n]/.test(text[from - 1])) from--;
  const before = text.slice(from, at);
  return FORWARD.test(before) && !BACKWARD.test(before);
}
