// Automatic numbering (word/numbering.xml) rebuilt as the text Word shows:
// counters per abstract list (ECMA-376 §17.9: lists of one abstract list
// continue each other), advanced paragraph by paragraph in document order,
// restarted as `w:lvlRestart` and `w:startOverride` say.

import { formatNumber } from './numberFormats';
import type { Styles } from './styles';
import { attr, child, childVal, children, type XmlElement } from './xml';

interface Level {
  start: number;
  numFmt: string;
  lvlText: string;
  /** `w:lvlRestart`: restart when a level before this one-based level is used; 0 never. */
  restart?: number;
  /** Legal numbering: every level's number in Arabic digits. */
  isLgl: boolean;
  /** The paragraph style this level belongs to. */
  pStyle?: string;
}

interface AbstractList {
  id: string;
  levels: Array<Level | undefined>;
  numStyleLink?: string;
}

interface NumInstance {
  abstractId: string;
  /** Per level: a start value, a whole level, or both. */
  overrides: Map<number, { start?: number; level?: Level }>;
}

function levelOf(el: XmlElement): Level {
  const start = childVal(el, 'start');
  const restart = childVal(el, 'lvlRestart');
  const lgl = child(el, 'isLgl');
  const lglVal = lgl ? attr(lgl.tag) : undefined;
  return {
    start: start !== undefined ? Number(start) : 0,
    numFmt: childVal(el, 'numFmt') ?? 'decimal',
    lvlText: childVal(el, 'lvlText') ?? '',
    restart: restart !== undefined ? Number(restart) : undefined,
    isLgl: !!lgl && lglVal !== '0' && lglVal !== 'false',
    pStyle: childVal(el, 'pStyle'),
  };
}

/** Bullets drawn from a symbol font's private-use characters have no text worth checking. */
const PRIVATE_USE = /[\ue000-\uf8ff]/;

export class Numbering {
  private readonly abstracts = new Map<string, AbstractList>();
  private readonly nums = new Map<string, NumInstance>();
  /** Counters by abstract list; undefined: not started (or restarted). */
  private readonly counters = new Map<string, Array<number | undefined>>();
  private readonly seen = new Set<string>();

  constructor(
    root: XmlElement | undefined,
    private readonly styles: Styles,
  ) {
    const top = child(root, 'numbering');
    for (const a of children(top, 'abstractNum')) {
      const levels: Array<Level | undefined> = [];
      for (const l of children(a, 'lvl')) levels[Number(attr(l.tag, 'ilvl') ?? 0)] = levelOf(l);
      const id = attr(a.tag, 'abstractNumId') ?? '';
      this.abstracts.set(id, { id, levels, numStyleLink: childVal(a, 'numStyleLink') });
    }
    for (const n of children(top, 'num')) {
      const overrides = new Map<number, { start?: number; level?: Level }>();
      for (const o of children(n, 'lvlOverride')) {
        const start = childVal(o, 'startOverride');
        const lvl = child(o, 'lvl');
        overrides.set(Number(attr(o.tag, 'ilvl') ?? 0), { start: start !== undefined ? Number(start) : undefined, level: lvl ? levelOf(lvl) : undefined });
      }
      this.nums.set(attr(n.tag, 'numId') ?? '', { abstractId: childVal(n, 'abstractNumId') ?? '', overrides });
    }
  }

  /** The abstract list of a num, through numbering-style links (a loop is cut). */
  private abstractOf(num: NumInstance): AbstractList | undefined {
    let a = this.abstracts.get(num.abstractId);
    for (let hops = 0; a?.numStyleLink !== undefined && hops < 8; hops++) {
      const linked = this.nums.get(this.styles.numIdOfNumberingStyle(a.numStyleLink) ?? '');
      const next = linked && this.abstracts.get(linked.abstractId);
      if (!next || next === a) break;
      a = next;
    }
    return a;
  }

  private level(num: NumInstance, list: AbstractList, ilvl: number): Level | undefined {
    return num.overrides.get(ilvl)?.level ?? list.levels[ilvl];
  }

  private start(num: NumInstance, list: AbstractList, ilvl: number): number {
    return num.overrides.get(ilvl)?.start ?? this.level(num, list, ilvl)?.start ?? 0;
  }

  /**
   * The label of the next paragraph numbered with `numId` at `ilvl` (the
   * level of `styleId` in the list when no level is given), counting it.
   */
  next(numId: string, ilvl: number | undefined, styleId: string | undefined): string {
    const num = this.nums.get(numId);
    const list = num && this.abstractOf(num);
    if (!num || !list) return '';
    if (ilvl === undefined) {
      const byStyle = styleId !== undefined ? list.levels.findIndex((l) => l?.pStyle === styleId) : -1;
      ilvl = byStyle >= 0 ? byStyle : 0;
    }
    const level = this.level(num, list, ilvl);
    if (!level) return '';
    let counters = this.counters.get(list.id);
    if (!counters) this.counters.set(list.id, (counters = []));
    // Lists sharing an abstract list share its counters (Word continues them); a level of a num with a
    // start override restarts where that num is first used at that level.
    const key = `${numId}\u0000${ilvl}`;
    if (!this.seen.has(key)) {
      this.seen.add(key);
      if (num.overrides.get(ilvl)?.start !== undefined) counters[ilvl] = undefined;
    }
    const value = counters[ilvl] === undefined ? this.start(num, list, ilvl) : counters[ilvl]! + 1;
    counters[ilvl] = value;
    for (let k = ilvl + 1; k < 9; k++) {
      let restart = this.level(num, list, k)?.restart;
      if (restart === undefined || restart > k) restart = k;
      if (restart > 0 && ilvl < restart) counters[k] = undefined;
    }
    if (level.numFmt === 'bullet') return PRIVATE_USE.test(level.lvlText) ? '' : level.lvlText;
    return level.lvlText.replace(/%([1-9])/g, (_, d: string) => {
      const j = Number(d) - 1;
      const v = counters![j] ?? this.start(num, list, j);
      const fmt = this.level(num, list, j)?.numFmt ?? 'decimal';
      return formatNumber(v, level.isLgl && fmt !== 'none' ? 'decimal' : fmt);
    });
  }
}
