// Writing markers: the numeral a marker takes at a position, and how a marker
// of some family and value reads. Shared by the numbering rules and renumbering.

import { LAST, type Family } from './parse/markers';
import type { Group, Marker } from './model/types';
import { enclosedValue, toChineseNumeral, toCircled, toEnclosed } from './text/chars';
import type { TextEdit } from './types';

const SEQUENCE_WORDS = ['首先', '其次', '再次'];

/** The numeral part of a marker of `family` at 1-based `value`, or undefined if there is none. */
export function numeralFor(family: Family, value: number, sample?: string): string | undefined {
  // `⒈` `⑴` `㈠` renumber as what they are; the style rule speaks to their form.
  const enclosed = sample !== undefined ? enclosedValue(sample) : undefined;
  if (enclosed) return toEnclosed(enclosed.kind, value);
  switch (family) {
    case 'cn-top':
    case 'cn-paren':
    case 'ordinal':
    case 'ordinal-topic':
    case 'inline':
      return value >= 1 && value <= 99 ? toChineseNumeral(value) : undefined;
    case 'qi':
      return value >= 1 && value <= 9 ? toChineseNumeral(value) : undefined;
    case 'arabic-dot':
    case 'arabic-paren': {
      const digits = String(value);
      // Keep full-width digits where the writer used them; the style rule speaks to that.
      return sample && /[０-９]/.test(sample) ? digits.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)) : digits;
    }
    case 'circled':
      return toCircled(value);
    case 'sequence':
      return value === LAST ? '最后' : SEQUENCE_WORDS[value - 1];
    case 'dash':
      return undefined;
  }
}

/** How a marker of this family and value reads, for messages: `二、`, `（二）`, `第二`, `其次`; `⒉` and `（２）` as written. */
export function describeMarker(m: Pick<Marker, 'family' | 'key'> & { numeral?: string }, value: number): string {
  const n = numeralFor(m.family, value, m.numeral) ?? String(value);
  if (m.numeral !== undefined && enclosedValue(m.numeral)) return n;
  switch (m.family) {
    case 'cn-top':
      return `${n}、`;
    case 'cn-paren':
    case 'arabic-paren':
      return `（${n}）`;
    case 'arabic-dot':
      // `１．` as written: full-width digits take the full-width dot they were typed with.
      return /[０-９]/.test(n) ? `${n}．` : `${n}.`;
    case 'ordinal':
      // `第二点`, `第二个词`: the series' own word after the numeral.
      return `第${n}${m.key.startsWith('ordinal:') ? m.key.slice('ordinal:'.length) : ''}`;
    case 'ordinal-topic':
      return `第${n}${m.key.slice('ordinal-topic:'.length)}`;
    case 'qi':
      return `其${n}`;
    case 'inline':
      return `${n}${m.key.slice('inline:'.length)}`;
    default:
      return n;
  }
}

/** The marker of this family at `value` in its canonical form, as it is typed: `三、`, `第三，`, `再次，`. */
export function canonicalMarker(m: Pick<Marker, 'family' | 'key' | 'canonical'>, value: number): string | undefined {
  if (numeralFor(m.family, value) === undefined) return undefined;
  const shown = describeMarker(m, value);
  // `第一个词是` goes on as `第二个词是`: the mark the series took.
  if (m.family === 'ordinal' && m.key !== 'ordinal') return shown + m.canonical.slice(-1);
  switch (m.family) {
    case 'ordinal':
    case 'sequence':
    case 'qi':
      return `${shown}，`;
    case 'ordinal-topic':
      return `${shown}：`;
    default:
      return shown;
  }
}

/** Expected values of a group's items: 1…n, or for sequence words 首先 其次 再次 … 最后. */
export function expectedValues(group: Group): number[] | undefined {
  const n = group.items.length;
  if (group.family !== 'sequence') return group.items.map((_, i) => i + 1);
  const endsWithLast = group.items[n - 1].marker.value === LAST;
  const words = endsWithLast ? n - 1 : n;
  if (words > SEQUENCE_WORDS.length) return undefined;
  return group.items.map((_, i) => (endsWithLast && i === n - 1 ? LAST : i + 1));
}

/** Edits that renumber a group 1…n in its own family; undefined when it cannot be written. */
export function renumberEdits(group: Group): TextEdit[] | undefined {
  if (group.family === 'dash' || group.mixed.length) return undefined;
  const expected = expectedValues(group);
  if (!expected) return undefined;
  const edits: TextEdit[] = [];
  group.items.forEach((item, i) => {
    const m = item.marker;
    if (m.value === expected[i]) return;
    const numeral = numeralFor(m.family, expected[i], m.numeral);
    if (numeral === undefined) return;
    edits.push({ start: m.numeralStart, end: m.numeralEnd, newText: numeral });
  });
  return edits;
}
