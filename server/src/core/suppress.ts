// Suppression comments inside a draft:
//   <!-- speech-draft-disable-next-line rule-id [rule-id…] -->
//   <!-- speech-draft-disable rule-id --> … <!-- speech-draft-enable rule-id -->
//   <!-- speech-draft-disable-file rule-id -->
// Without rule ids they apply to every rule.

import type { Paragraph } from './parse/paragraphs';
import type { LineIndex } from './text/lineIndex';
import { firstWhere } from './text/search';
import type { Finding } from './types';

// Greedy up to the closing `-->` (the ids are split on spaces, trailing ones included): a lazy group
// followed by `\s*-->$` would try every end, each over the spaces after it.
const DIRECTIVE = /^<!--\s*speech-draft-(disable-next-line|disable-file|disable|enable)\b([^>]*)-->$/;

interface Region {
  rules: Set<string> | 'all';
  fromLine: number;
  toLine: number;
}

export interface Suppressions {
  /** Whether any finding may be suppressed: the draft holds a directive that covers a line. */
  readonly any: boolean;
  isSuppressed(finding: Finding): boolean;
  /**
   * The findings of `sorted` (in order of start) that are suppressed, by index, ascending: each
   * stretch of lines covered is looked up in the list (a binary search) and only the findings
   * inside it are tried, so that a list with few covered lines costs what those lines hold.
   */
  suppressedIn(sorted: readonly Finding[]): number[];
}

function parseIds(s: string): Set<string> | 'all' {
  const ids = s.split(/[\s,，]+/).filter(Boolean);
  return ids.length ? new Set(ids) : 'all';
}

/** Steps of the look-ups below, for the tests that count work on growing inputs. */
export const suppressWork = { steps: 0 };

/**
 * The suppressions the comment paragraphs make. `comments`: their indices, ascending, where the
 * model knows them (after an edit only those are read, not every paragraph).
 */
export function collectSuppressions(paragraphs: Paragraph[], lines: LineIndex, comments?: readonly number[]): Suppressions {
  const regions: Region[] = [];
  // Open `disable` regions, by rule id (`*` for those of every rule): an `enable` closes those it names
  // without looking at the others. A region open under several ids is closed once.
  const open = new Map<string, Array<{ rules: Set<string> | 'all'; fromLine: number; closed: boolean }>>();
  const opened: Array<{ rules: Set<string> | 'all'; fromLine: number; closed: boolean }> = [];
  const close = (o: { rules: Set<string> | 'all'; fromLine: number; closed: boolean }, toLine: number) => {
    if (o.closed) return;
    o.closed = true;
    regions.push({ rules: o.rules, fromLine: o.fromLine, toLine });
  };
  // The next paragraph that is not a comment: past the run of comments that follows (each run passed over once).
  // Asked in ascending order: the one found for an earlier paragraph holds for each up to it.
  let next = -1;
  const nextSpeechOf = (i: number): number => {
    if (i > next) for (next = i; next < paragraphs.length && paragraphs[next].comment; next++) suppressWork.steps++;
    return next < paragraphs.length ? next : -1;
  };
  const count = comments ? comments.length : paragraphs.length;
  for (let c = 0; c < count; c++) {
    const i = comments ? comments[c] : c;
    const p = paragraphs[i];
    if (!p.comment) continue;
    const m = DIRECTIVE.exec(p.text);
    if (!m) continue;
    const rules = parseIds(m[2]);
    if (m[1] === 'disable-file') regions.push({ rules, fromLine: 0, toLine: Infinity });
    else if (m[1] === 'disable-next-line') {
      const k = nextSpeechOf(i + 1);
      const next = k >= 0 ? paragraphs[k] : undefined;
      const line = next ? next.firstLine : p.lastLine + 1;
      regions.push({ rules, fromLine: line, toLine: line });
    } else if (m[1] === 'disable') {
      const o = { rules, fromLine: p.lastLine + 1, closed: false };
      opened.push(o);
      for (const id of rules === 'all' ? ['*'] : rules) {
        let list = open.get(id);
        if (!list) open.set(id, (list = []));
        list.push(o);
      }
    } else {
      // `enable` closes every open region it names (or all of them), and every region of all rules.
      const ids = rules === 'all' ? [...open.keys()] : ['*', ...rules];
      for (const id of ids) {
        for (const o of open.get(id) ?? []) {
          suppressWork.steps++;
          close(o, p.firstLine - 1);
        }
        open.delete(id);
      }
    }
  }
  for (const o of opened) close(o, Infinity);
  // Per rule id (and `*`), the lines covered, as sorted disjoint stretches: a finding is one binary search.
  const covered = new Map<string, Array<[number, number]>>();
  for (const r of regions) {
    if (r.fromLine > r.toLine) continue;
    for (const id of r.rules === 'all' ? ['*'] : r.rules) {
      let list = covered.get(id);
      if (!list) covered.set(id, (list = []));
      list.push([r.fromLine, r.toLine]);
    }
  }
  for (const [id, list] of covered) covered.set(id, mergeStretches(list));
  const inside = (list: Array<[number, number]> | undefined, line: number): boolean => {
    if (!list) return false;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      suppressWork.steps++;
      const mid = (lo + hi) >> 1;
      if (list[mid][1] < line) lo = mid + 1;
      else if (list[mid][0] > line) hi = mid - 1;
      else return true;
    }
    return false;
  };
  const lineStart = (line: number) => (line >= lines.lineCount ? Infinity : lines.lineStarts[line]);
  return {
    any: covered.size > 0,
    isSuppressed(f: Finding): boolean {
      if (covered.size === 0) return false;
      const line = lines.lineAt(f.span.start);
      return inside(covered.get('*'), line) || inside(covered.get(f.rule), line);
    },
    suppressedIn(sorted: readonly Finding[]): number[] {
      const out: number[] = [];
      for (const [id, list] of covered) {
        for (const [fromLine, toLine] of list) {
          const from = lineStart(fromLine);
          const to = toLine === Infinity ? Infinity : lineStart(toLine + 1);
          const lo = firstWhere(sorted, (f) => (suppressWork.steps++, f.span.start >= from));
          for (let k = lo; k < sorted.length && sorted[k].span.start < to; k++) {
            suppressWork.steps++;
            if (id === '*' || sorted[k].rule === id) out.push(k);
          }
        }
      }
      if (covered.size > 1) {
        out.sort((a, b) => a - b);
        return out.filter((k, i) => i === 0 || out[i - 1] !== k);
      }
      return out;
    },
  };
}

/** Stretches of lines merged where they overlap or touch: sorted and apart. */
function mergeStretches(list: Array<[number, number]>): Array<[number, number]> {
  list.sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const [from, to] of list) {
    const last = out[out.length - 1];
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}
