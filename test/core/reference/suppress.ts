// Suppression comments as they were read before (each directive looked for its
// next paragraph, each finding asked every region): the reference for test/core/positions.test.ts.

// Suppression comments inside a draft:
//   <!-- speech-draft-disable-next-line rule-id [rule-id…] -->
//   <!-- speech-draft-disable rule-id --> … <!-- speech-draft-enable rule-id -->
//   <!-- speech-draft-disable-file rule-id -->
// Without rule ids they apply to every rule.

import type { Paragraph } from '../../../server/src/core/parse/paragraphs';
import type { LineIndex } from '../../../server/src/core/text/lineIndex';
import type { Finding } from '../../../server/src/core/types';

const DIRECTIVE = /^<!--\s*speech-draft-(disable-next-line|disable-file|disable|enable)\b([^>]*?)\s*-->$/;

interface Region {
  rules: Set<string> | 'all';
  fromLine: number;
  toLine: number;
}

export interface Suppressions {
  isSuppressed(finding: Finding): boolean;
}

function parseIds(s: string): Set<string> | 'all' {
  const ids = s.split(/[\s,，]+/).filter(Boolean);
  return ids.length ? new Set(ids) : 'all';
}

function covers(rules: Set<string> | 'all', id: string): boolean {
  return rules === 'all' || rules.has(id);
}

export function referenceCollectSuppressions(paragraphs: Paragraph[], lines: LineIndex): Suppressions {
  const regions: Region[] = [];
  const open: { rules: Set<string> | 'all'; fromLine: number }[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i];
    if (!p.comment) continue;
    const m = DIRECTIVE.exec(p.text);
    if (!m) continue;
    const rules = parseIds(m[2]);
    if (m[1] === 'disable-file') regions.push({ rules, fromLine: 0, toLine: Infinity });
    else if (m[1] === 'disable-next-line') {
      const next = paragraphs.slice(i + 1).find((q) => !q.comment);
      const line = next ? next.firstLine : p.lastLine + 1;
      regions.push({ rules, fromLine: line, toLine: line });
    } else if (m[1] === 'disable') open.push({ rules, fromLine: p.lastLine + 1 });
    else {
      // `enable` closes every open region it names (or all of them).
      for (let k = open.length - 1; k >= 0; k--) {
        const o = open[k];
        if (rules === 'all' || o.rules === 'all' || [...rules].some((r) => (o.rules as Set<string>).has(r))) {
          regions.push({ rules: o.rules, fromLine: o.fromLine, toLine: p.firstLine - 1 });
          open.splice(k, 1);
        }
      }
    }
  }
  for (const o of open) regions.push({ rules: o.rules, fromLine: o.fromLine, toLine: Infinity });
  return {
    isSuppressed(f: Finding): boolean {
      if (regions.length === 0) return false;
      const line = lines.lineAt(f.span.start);
      return regions.some((r) => line >= r.fromLine && line <= r.toLine && covers(r.rules, f.rule));
    },
  };
}
