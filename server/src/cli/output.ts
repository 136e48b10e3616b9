// How findings are printed: text for people (`file:line:column  severity
// message  rule-id`, then a summary), JSON for programs.

import type { Finding, LineIndex, RuleId, Severity, Translate } from '../core';
import { escapeControls } from './terminalText';

export interface FileFindings {
  file: string;
  lines: LineIndex;
  findings: Finding[];
  /** A Word document's paragraphs: positions are then given as paragraph numbers (¶), one paragraph being one line of its text. */
  paragraphs?: { paragraphAt(offset: number): number };
}

/** One finding in `--format json`: exactly these keys. Lines and columns are 1-based, columns in code points; the end is exclusive. */
export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  rule: string;
  severity: Severity;
  message: string;
  fixable: boolean;
  /** Present (true) for a Word document: `line` and `endLine` are paragraph numbers, counted from 1. */
  paragraph?: true;
}

export function toJsonFindings(results: readonly FileFindings[]): JsonFinding[] {
  return results.flatMap(({ file, lines, findings, paragraphs }) => {
    // All positions of a file in one pass: thousands of findings on one long line stay linear.
    const positions = lines.humanPositions(findings.flatMap((f) => [f.span.start, f.span.end]));
    return findings.map((f, i) => {
      const start = positions[2 * i];
      const end = positions[2 * i + 1];
      // A paragraph is one line of a Word draft's text (blank lines between): the column stays, the line becomes the paragraph.
      const paragraph = (offset: number) => paragraphs!.paragraphAt(offset) + 1;
      return {
        file,
        line: paragraphs ? paragraph(f.span.start) : start.line,
        column: start.column,
        endLine: paragraphs ? paragraph(f.span.end) : end.line,
        endColumn: end.column,
        rule: f.rule,
        severity: f.severity,
        message: f.message,
        fixable: !!f.fixes?.[0]?.safe,
        ...(paragraphs ? { paragraph: true as const } : {}),
      };
    });
  });
}

/** Colours only for a terminal, and never when NO_COLOR is set (https://no-color.org) or the terminal is dumb. */
export function wantsColour(isTTY: boolean | undefined, env: NodeJS.ProcessEnv): boolean {
  return !!isTTY && !env.NO_COLOR && env.TERM !== 'dumb';
}

const SGR = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', dim: '\x1b[2m', bold: '\x1b[1m', reset: '\x1b[0m' };
type Style = keyof typeof SGR;

export function countBySeverity(results: readonly FileFindings[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const r of results) for (const f of r.findings) counts[f.severity]++;
  return counts;
}

/**
 * One line per finding, then the summary in the locale's language. The
 * severity stays an English word, as problem matchers and grep expect. File
 * names and messages (which quote the draft) have their control characters escaped.
 */
export function formatText(results: readonly FileFindings[], t: Translate, colour: boolean): string {
  const paint = (style: Style, s: string) => (colour ? SGR[style] + s + SGR.reset : s);
  const lines = toJsonFindings(results).map(
    (f) => `${paint('bold', `${escapeControls(f.file)}:${f.paragraph ? '¶' : ''}${f.line}:${f.column}`)}  ${paint(f.severity, f.severity)}  ${escapeControls(f.message)}  ${paint('dim', f.rule)}`,
  );
  const n = countBySeverity(results);
  lines.push(t('Files: {0}. Errors: {1}, warnings: {2}, info: {3}.', results.length, n.error, n.warning, n.info));
  return lines.join('\n') + '\n';
}

/** What `--fix` changed in one file: `draft.txt: 3 fixes (punctuation-width ×2, numbering-style ×1)`. */
export function formatFixReport(file: string, byRule: ReadonlyMap<RuleId, number>, t: Translate): string {
  const total = [...byRule.values()].reduce((a, b) => a + b, 0);
  const detail = [...byRule].map(([rule, n]) => `${rule} ×${n}`).join(', ');
  return t('{0}: fixed {1} ({2}).', escapeControls(file), total, detail) + '\n';
}
