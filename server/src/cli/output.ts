// How findings are printed: text for people, JSON for programs.

import type { Finding, LineIndex, Translate } from '../core';

export interface FileFindings {
  file: string;
  lines: LineIndex;
  findings: Finding[];
}

export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  rule: string;
  severity: string;
  message: string;
  fixable: boolean;
}

export function toJson(results: FileFindings[]): JsonFinding[] {
  return results.flatMap(({ file, lines, findings }) =>
    findings.map((f) => {
      const start = lines.humanPosition(f.span.start);
      const end = lines.humanPosition(f.span.end);
      return {
        file,
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column,
        rule: f.rule,
        severity: f.severity,
        message: f.message,
        fixable: !!f.fixes?.[0]?.safe,
      };
    }),
  );
}

const COLOURS = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', dim: '\x1b[2m', reset: '\x1b[0m' };

export function toText(results: FileFindings[], t: Translate, colour: boolean): string {
  const paint = (c: keyof typeof COLOURS, s: string) => (colour ? COLOURS[c] + s + COLOURS.reset : s);
  const out: string[] = [];
  const counts = { error: 0, warning: 0, info: 0 };
  for (const r of toJson(results)) {
    counts[r.severity as keyof typeof counts]++;
    out.push(`${r.file}:${r.line}:${r.column}  ${paint(r.severity as 'error', r.severity)}  ${r.message}  ${paint('dim', r.rule)}`);
  }
  const files = results.length;
  out.push(t('{0} errors, {1} warnings, {2} infos in {3} files.', counts.error, counts.warning, counts.info, files));
  return out.join('\n') + '\n';
}
