// Sentences that promise a number of items: `讲三点意见`, `提4点要求`,
// `围绕以下四个方面`. `几点` promises none.

import { parseCount } from '../text/chars';
import type { Announcement } from './types';

const COUNT = '(几|若干|[一二三四五六七八九十两]{1,3}|[0-9０-９]{1,2})';
/** `以下N个方面` anywhere in a sentence. */
const FOLLOWING = new RegExp(`以下${COUNT}(?:个|项|条|点|种|大|方面)`, 'g');
/** `讲N个问题。`: a verb of speaking or doing, then a count that ends its clause. */
const VERB_COUNT = new RegExp(
  `(?:讲|提|谈|强调|抓好|做好|把握好?|注意|明确|突出|说|讲讲)[^。！？，,；;：:“”]{0,6}?${COUNT}(?:个|项|条|点)[^。！？，,；;：:“”‘’\\n]{0,4}?(?=[。！？：:；;，,]|$)`,
  'g',
);

/** A count and its unit, which both patterns need: most paragraphs have none (a quick test led by one class). */
const COUNT_UNIT = /[几干一二三四五六七八九十两0-9０-９][个项条点种大方]/;

export function findAnnouncements(text: string, paragraph: number, offset: number): Announcement[] {
  const out: Announcement[] = [];
  if (!COUNT_UNIT.test(text)) return out;
  const seen = new Set<number>();
  for (const re of [FOLLOWING, VERB_COUNT]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const countText = m[1];
      const start = offset + m.index;
      if (seen.has(start)) continue;
      seen.add(start);
      const count = countText === '几' || countText === '若干' ? undefined : parseCount(countText);
      if (count !== undefined && count < 2) continue;
      out.push({ span: { start, end: start + m[0].length }, count, countText, paragraph });
    }
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}
