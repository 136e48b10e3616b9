// Findings as LSP diagnostics, pushed (publishDiagnostics) or pulled
// (textDocument/diagnostic), on type (debounced) or on save.

import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver/node';
import type { Finding, LineIndex } from '../core';
import { RULE_DOC_BASE, toRange } from './convert';

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information };

export function toDiagnostic(uri: string, lines: LineIndex, f: Finding, relatedSupport: boolean): Diagnostic {
  const d: Diagnostic = {
    range: toRange(lines, f.span),
    severity: SEVERITY[f.severity],
    code: f.rule,
    codeDescription: { href: `${RULE_DOC_BASE}${f.rule}.md` },
    source: 'speech-draft',
    message: f.message,
  };
  if (f.unnecessary) d.tags = [DiagnosticTag.Unnecessary];
  if (relatedSupport && f.related?.length) {
    d.relatedInformation = f.related.map((r) => ({ location: { uri, range: toRange(lines, r.span) }, message: r.message }));
  }
  return d;
}

/**
 * Runs a task per key after a quiet period; a newer request replaces the
 * pending one. A delay of 0 still waits for the messages already received
 * (the next turn of the event loop), so a burst of changes runs the task once.
 */
export class Debouncer {
  private timers = new Map<string, { cancel(): void }>();

  schedule(key: string, delay: number, task: () => void): void {
    this.cancel(key);
    const run = () => {
      this.timers.delete(key);
      task();
    };
    if (delay <= 0) {
      const immediate = setImmediate(run);
      this.timers.set(key, { cancel: () => clearImmediate(immediate) });
    } else {
      const timer = setTimeout(run, delay);
      this.timers.set(key, { cancel: () => clearTimeout(timer) });
    }
  }

  cancel(key: string): void {
    this.timers.get(key)?.cancel();
    this.timers.delete(key);
  }
}
