// One analysis per document version: the core's Checker (kept per document so
// that a keystroke re-scans only the paragraphs it changed) and its result.

import { Checker, draftFormat, groupFindings, translator, type CheckResult, type DraftFormat, type Locale, type SpeechDraftConfig } from '../core';
import { ConfigPool } from './configPool';
import type { DocumentSettings } from './settings';

export interface Analysis {
  uri: string;
  version: number;
  text: string;
  /** The findings as the editor shows them: grouped where the settings say so (`groupFindings`), each group holding its members. */
  result: CheckResult;
  config: SpeechDraftConfig;
  settings: DocumentSettings;
}

interface DocumentState {
  checker: Checker;
  /** The shared config the checker was made with. */
  config: SpeechDraftConfig;
  format: DraftFormat;
  last?: Analysis;
  /** The checker's own result for `last` (before grouping). */
  checked?: CheckResult;
}

export class Analyzer {
  private states = new Map<string, DocumentState>();
  private readonly configs = new ConfigPool();
  /** Checks run so far (an analysis answered from the last one is not a check): counted by the tests. */
  checks = 0;

  constructor(
    private readonly locale: Locale,
    private readonly onRuleError: (uri: string, rule: string, error: string) => void,
  ) {}

  analyzeText(uri: string, version: number, text: string, settings: DocumentSettings, languageId = 'plaintext'): Analysis {
    const config = this.configs.intern(uri, settings.config);
    const format = draftFormat({ languageId });
    let state = this.states.get(uri);
    // Settings reloaded to the same content keep the checker and its caches.
    if (!state || state.config !== config || state.format !== format) {
      state = { checker: new Checker({ config, locale: this.locale, format }), config, format };
      this.states.set(uri, state);
    }
    const last = state.last;
    if (last && state.checked && last.version === version && last.text === text) {
      if (last.settings !== settings) {
        const regroup = last.settings.halfWidthMarks !== settings.halfWidthMarks;
        state.last = { ...last, settings, result: regroup ? this.shown(state.checked, settings) : last.result };
      }
      return state.last!;
    }
    this.checks++;
    const checked = state.checker.check(text);
    for (const e of checked.ruleErrors) this.onRuleError(uri, e.rule, e.error);
    state.checked = checked;
    state.last = { uri, version, text, result: this.shown(checked, settings), config, settings };
    return state.last;
  }

  /** The result as the editor shows it under these settings. */
  private shown(checked: CheckResult, settings: DocumentSettings): CheckResult {
    if (settings.halfWidthMarks === 'each') return checked;
    return { ...checked, findings: groupFindings(checked.findings, checked.model, translator(this.locale)) };
  }

  /** The last analysis made, whatever its version (for on-save mode and cheap answers). */
  last(uri: string): Analysis | undefined {
    return this.states.get(uri)?.last;
  }

  get size(): number {
    return this.states.size;
  }

  /** Distinct configurations (and so compiled word lists) held for the documents analysed. */
  get configCount(): number {
    return this.configs.size;
  }

  forget(uri: string): void {
    this.states.delete(uri);
    this.configs.release(uri);
  }
}
