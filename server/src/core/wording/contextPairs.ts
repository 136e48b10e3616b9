// Words that are right in one context and wrong in another, found where the
// grammar around them is unambiguous: 即要…也要 (既要), 必需 before a verb
// (必须), 必须品 (必需品), an adverb joined by 的 before a verb (地), a verb
// joined by 的 before its complement (得). `截止` before a date belongs to the
// `word-usage` rule.

import { message } from '../l10n';

export interface ContextFinding {
  start: number;
  end: number;
  right: string;
  /** `{0}` the wrong form, `{1}` the right one. */
  why: string;
}

interface ContextPair {
  /** The wrong form is group 1; what surrounds it is context. */
  pattern: RegExp;
  right: string;
  why: string;
}

/** Verbs of official texts that a modal or an adverb comes before. */
const VERBS =
  '坚持|加强|落实|做好|抓好|抓紧|推进|推动|贯彻|执行|完成|实现|确保|保持|维护|遵守|履行|解决|防范|化解|树立|增强|提高|提升|改进|改善|健全|完善|深化|强化|发挥|把握|领会|学习|研究|谋划|部署|组织|开展|实施|整改|纠正|查处|处理|应对|支持|配合|参与|服务|保障|保护|依法|严格|始终|牢记|切实|认真|全面|进一步';
/** What follows “must” and never “needed” (必需服务, 必需要素 are nouns). */
const MUST_BEFORE = '坚持|加强|落实|做好|抓好|抓紧|贯彻|确保|始终|牢记|切实|认真|全面|进一步|严格|高度|把|将|在|从|对|向';
/** Adverbial words that take 地 before a verb (not those that are nouns too: 科学的研究, 系统的学习). */
const ADVERBS =
  '认真|积极|扎实|深入|全面|切实|坚决|严格|稳步|有效|主动|大力|持续|不断|广泛|充分|依法|有序|稳妥|迅速|及时|彻底|牢牢|深刻|自觉|坚定|努力|尽快|精准|务实|创造性|实事求是';
/**
 * What makes the following adverb–verb a predicate (`要认真的落实`), not a noun
 * phrase (`认真的落实` as a subject); never the end of another word (主要, 社会).
 */
const MODALS = '(?<![主需重只紧必摘纲提首概])要|必须|应当|应该|需要|继续|要求|能够|进一步|一定要|务必|还要|更要';
const COMPLEMENTS = '很好|非常好|十分好|更好|不好|不够|很扎实|很到位|很出色|很细|很实|很快|比较好|越来越好|扎实|到位|出色';
const DONE_VERBS = '做|干|抓|搞|办|落实|完成|开展|推进|执行|贯彻|发展|建设|解决|处理';

const PAIRS: ContextPair[] = [
  {
    // 既要…也要 / 又要 / 还要 / 更要: two demands joined.
    pattern: /(即要)(?=[^。！？；\n]{1,40}?[，、；]\s*(?:也要|又要|还要|更要|同时要))/g,
    right: '既要',
    why: message('“既要……也要” joins two demands; “{0}” should be “{1}” here.'),
  },
  {
    // 必需 (needed) is an adjective or a verb with an object; before a verb, “must” is 必须.
    pattern: new RegExp(`(必需)(?=${MUST_BEFORE})`, 'g'),
    right: '必须',
    why: message('Before a verb, “must” is written “{1}”; “{0}” means “needed” (必需品, 必需的经费).'),
  },
  {
    pattern: /(必须)(?=品)/g,
    right: '必需',
    why: message('“Necessities” is written “{1}品”; “{0}” means “must”.'),
  },
];

/** The 的 that should be 地 or 得: what must stand before it (up to 8 characters, anchored at its end) and after it. */
const DE_PAIRS: Array<{ before: RegExp; after: RegExp; ends: string; begins: string; right: string; why: string }> = [
  {
    before: new RegExp(`(?:${MODALS})(?:${ADVERBS})$`),
    after: new RegExp(`^(?:${VERBS})`),
    ends: ADVERBS,
    begins: VERBS,
    right: '地',
    why: message('An adverb joins the verb it modifies with “{1}”, not “{0}”.'),
  },
  {
    before: new RegExp(`(?:${DONE_VERBS})$`),
    after: new RegExp(`^(?:${COMPLEMENTS})`),
    ends: DONE_VERBS,
    begins: COMPLEMENTS,
    right: '得',
    why: message('A verb joins its complement with “{1}”, not “{0}” (做得很好).'),
  },
];

/**
 * Per code unit, for pair i of DE_PAIRS, bit 2i: a word its `before` pattern ends with ends with it; bit 2i + 1: a
 * word its `after` pattern begins with begins with it. Most 的 of a text have neither pair's on both sides: no
 * string is made and no pattern run for them.
 */
const DE_UNITS = new Uint8Array(0x10000);
DE_PAIRS.forEach((pair, i) => {
  for (const w of pair.ends.split('|')) DE_UNITS[w.charCodeAt(w.length - 1)] |= 1 << (2 * i);
  for (const w of pair.begins.split('|')) DE_UNITS[w.charCodeAt(0)] |= 2 << (2 * i);
});

/** The words of the 的 pairs, for the tests: each adverb, verb, done verb and complement is found in its place. */
export const DE_WORDS = { adverbs: ADVERBS, verbs: VERBS, doneVerbs: DONE_VERBS, complements: COMPLEMENTS } as const;

/** Quick test before the patterns run. */
const HINT = /即要|必需|必须品/;

export function findContextPairs(text: string): ContextFinding[] {
  const out: ContextFinding[] = [];
  // 的 is in nearly every paragraph: looked at where it stands, not searched for by a pattern with look-behinds.
  for (let at = text.indexOf('的'); at >= 0; at = text.indexOf('的', at + 1)) {
    if (at === 0) continue;
    // Bit 2i where pair i's words stand on both sides.
    const both = DE_UNITS[text.charCodeAt(at - 1)] & (DE_UNITS[text.charCodeAt(at + 1)] >> 1);
    if ((both & 0x55) === 0) continue;
    for (let i = 0; i < DE_PAIRS.length; i++) {
      const pair = DE_PAIRS[i];
      if (((both >> (2 * i)) & 1) === 0) continue;
      if (pair.after.test(text.slice(at + 1, at + 5)) && pair.before.test(text.slice(Math.max(0, at - 9), at))) out.push({ start: at, end: at + 1, right: pair.right, why: pair.why });
    }
  }
  if (!HINT.test(text)) return out;
  for (const pair of PAIRS) {
    pair.pattern.lastIndex = 0;
    for (let m = pair.pattern.exec(text); m; m = pair.pattern.exec(text)) {
      const start = m.index + m[0].indexOf(m[1]);
      out.push({ start, end: start + m[1].length, right: pair.right, why: pair.why });
    }
  }
  return out;
}
