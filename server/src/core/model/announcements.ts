// Sentences that promise a number of items. A speaker announcing what comes
// (`下面，我讲三个方面的意见`, `我从两个方面谈点看法`, `这里，我强调三个问题`)
// promises a list after it; `以下四个方面` points at the list that follows; a
// sentence counting what it then lists (`主要有两个特点：`, `突出抓好五项工作`)
// is held to its count only where a list follows it at once. `几点` promises
// none. What is counted must be a thing a speech counts (意见, 问题, 方面…),
// so that `四个意识`, `八项规定` and `2.7个百分点` are no announcements.

import { parseCount } from '../text/chars';
import type { Announcement, AnnouncementKind } from './types';

const COUNT = '(?<![0-9０-９.．点])(几|若干|[一二三四五六七八九十两]{1,3}|[0-9０-９]{1,2})';
const UNIT = '(?:个方面|个层面|个部分|方面|部分|个|项|条|点|种|大)';
/** What speeches count. */
const NOUN =
  '(?:意见|问题|要求|看法|建议|体会|想法|认识|感受|感悟|思考|考虑|希望|期望|期待|特点|特征|原则|任务|工作|措施|举措|重点|目标|关系|阶段|层次|层面|内容|方向|环节|领域|事情|事|方面|主张|观点|理由|原因|变化|成效|成绩|经验|做法|启示|短板|不足|差距|挑战|风险|困难|矛盾|句话|话|关键词|词|字|转变|坚持|优势|任务)';
const CLAUSE_END = '(?=[。！？：:；;，,、）)\\s]|$)';
/** The count, what it counts (`三个方面的意见`, `三点具体要求`, `4点`), and the end of its clause. */
const COUNTED = `${COUNT}${UNIT}(?:的?[\\u4e00-\\u9fff]{0,4}?${NOUN})?${CLAUSE_END}`;
/** A count with what it counts named (`两个特点`, `五项工作`, `三个方面`): not a bare number (`还有52个`). */
const COUNTED_NAMED = `${COUNT}(?:(?:个方面|个层面|个部分|方面|部分)(?:的?[\\u4e00-\\u9fff]{0,4}?${NOUN})?|(?:个|项|条|点|种|大)的?[\\u4e00-\\u9fff]{0,4}?${NOUN})${CLAUSE_END}`;
/** Verbs of saying. */
const SAY = '(?:讲一讲|讲讲|讲|谈一谈|谈谈|谈|说一说|说说|说|强调|提出|提)';
/** Not what was said before: `提出了三点要求`, `讲过两个问题`. */
const NOT_DONE = '(?!出?[了过])';
/** What makes it the speaker's own, about what comes: `下面，我…` `这里，…` `再…`; not `我们` telling what was done. */
const FORWARD = /下面|这里|接下来|借此机会|我(?![们国市县省区])|再|(今天|现在|主要|简要|简单)(?=讲|谈|说|提|强调)/;
/** Any clause mark: the phrase stays in its clause. */
const IN_CLAUSE = '[^。！？；;，,：:“”‘’\\n]';
/** And no other number between the verb and the count (`有4类21种`). */
const IN_CLAUSE_NO_NUMBER = '[^。！？；;，,：:“”‘’\\n0-9０-９一二三四五六七八九十两几]';
/** No speech announces more. */
const MAX_COUNT = 20;

const PATTERNS: ReadonlyArray<{ kind: AnnouncementKind; re: RegExp }> = [
  /** `我讲三点意见` `再强调三个问题` `给大家提4点要求`; not `提出了` (what was said before). */
  { kind: 'speaker', re: new RegExp(`${SAY}${NOT_DONE}${IN_CLAUSE}{0,6}?${COUNTED}`, 'g') },
  /** `我从两个方面谈点看法` `分三个部分来讲`. */
  { kind: 'speaker', re: new RegExp(`(?:从|分|就)${COUNT}(?:个方面|个层面|个问题|个部分|部分|点)${IN_CLAUSE}{0,6}?${SAY}${NOT_DONE}`, 'g') },
  /** `围绕以下四个方面`. */
  { kind: 'following', re: new RegExp(`(?:以下|如下)${COUNT}(?:个|项|条|点|种|大|方面)`, 'g') },
  /** `主要有两个特点` `突出抓好五项工作` `经历了3个阶段` `提出了三点要求`. */
  {
    kind: 'count',
    re: new RegExp(
      `(?:有|包括|包含|分为|分成|归纳为|概括为|体现在|表现在|经历了?|抓好|做好|把握好?|注意|明确|突出|落实|推进|完成|提出了?|讲了|谈了|强调了)${IN_CLAUSE_NO_NUMBER}{0,6}?${COUNTED_NAMED}`,
      'g',
    ),
  },
];

/** A count and its unit, which all patterns need: most paragraphs have none (a quick test led by one class). */
const COUNT_UNIT = /[几干一二三四五六七八九十两0-9０-９][个项条点种大方部]/;

export function findAnnouncements(text: string, paragraph: number, offset: number): Announcement[] {
  const out: Announcement[] = [];
  if (!COUNT_UNIT.test(text)) return out;
  const overlaps = (start: number, end: number) => out.some((a) => a.span.start < end && start < a.span.end);
  for (const { kind, re } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const countText = m[1];
      const start = offset + m.index;
      const end = start + m[0].length;
      if (overlaps(start, end)) continue;
      const count = countText === '几' || countText === '若干' ? undefined : parseCount(countText);
      if (count !== undefined && (count < 2 || count > MAX_COUNT)) continue;
      // `谈判的有6个`, `总书记讲话中提出三点`: a verb of saying that is not the speaker announcing what comes.
      if (kind === 'speaker' && !forward(text, m.index)) continue;
      out.push({ span: { start, end }, count, countText, paragraph, kind });
    }
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

/** The speaker speaks of what comes: a forward word in the sentence before the verb (`下面，我讲…`). */
function forward(text: string, at: number): boolean {
  let from = at;
  while (from > 0 && !/[。！？；;\n]/.test(text[from - 1])) from--;
  return FORWARD.test(text.slice(from, at));
}
