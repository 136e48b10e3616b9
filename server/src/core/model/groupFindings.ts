// A structure rule's findings list by list: after an edit, a list the tree kept
// (the same object) gives its last findings again, a list moved past the edit
// (a copy, every item and its parent shifted alike) gives them shifted, and
// only the lists the edit reached are checked again. Sound for findings that
// read the list, its items and its parent alone (their markers, spans, headings).

import { shiftedFixes } from '../fixes';
import type { Report } from '../rules/types';
import type { Span } from '../types';
import type { Group } from './types';

type Reported = Parameters<Report>[0];

/** Lists of a tree made after an edit that are copies of the last tree's, every place shifted by `by`. */
const origins = new WeakMap<Group, { from: Group; by: number }>();

/**
 * Records that `group` is `from` moved by `by` (all its items and its parent). A move of a move is
 * recorded as a move of the first: the lists of every tree since would otherwise be kept alive,
 * each by the next (an entry keeps what it names alive while its list lives).
 */
export function recordMovedGroup(group: Group, from: Group, by: number): void {
  const earlier = origins.get(from);
  origins.set(group, earlier ? { from: earlier.from, by: earlier.by + by } : { from, by });
}

/** The list `group` is a move of, and by how much, if it is one (for the tests). */
export function movedGroupOrigin(group: Group): { from: Group; by: number } | undefined {
  return origins.get(group);
}

/** Lists checked and lists whose findings were given again, for the tests that count what an edit costs. */
export const groupWork = { checked: 0, reused: 0 };

/** One rule's findings per list, valid under one `key` (what else they read: the locale's words). */
export class GroupFindings {
  private readonly last = new WeakMap<Group, { key: string; findings: readonly Reported[] }>();

  /** Reports the list's findings: the last ones (moved) where the list is the same or moved, else `check`'s. */
  report(group: Group, key: string, report: Report, check: (report: Report) => void): void {
    let known = this.last.get(group);
    if (known?.key !== key) {
      const origin = origins.get(group);
      const was = origin && this.last.get(origin.from);
      if (origin && was?.key === key) {
        known = { key, findings: origin.by ? was.findings.map((f) => shifted(f, origin.by)) : was.findings };
        this.last.set(group, known);
      } else known = undefined;
    }
    if (known) {
      groupWork.reused++;
      for (const f of known.findings) report(f);
      return;
    }
    groupWork.checked++;
    const findings: Reported[] = [];
    check((f) => {
      findings.push(f);
      report(f);
    });
    this.last.set(group, { key, findings });
  }
}

function shifted(f: Reported, by: number): Reported {
  const span = (s: Span): Span => ({ start: s.start + by, end: s.end + by });
  const out: Reported = { ...f, span: span(f.span) };
  if (f.related) out.related = f.related.map((r) => ({ ...r, span: span(r.span) }));
  if (f.fixes) out.fixes = shiftedFixes(f.fixes, by);
  return out;
}
