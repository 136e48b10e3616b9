// One analysis per document version: the core's Checker (kept per document so
// that a keystroke re-scans only the paragraphs it changed) and its result.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Checker, draftFormat, type CheckResult, type Locale, type SpeechDraftConfig } from '../core';
import type { DocumentSettings, Settings } from './settings';

export interface Analysis {
  uri: string;
  version: number;
  text: string;
  result: CheckResult;
  config: SpeechDraftConfig;
  settings: DocumentSettings;
}

interface DocumentState {
  checker: Checker;
  generation: number;
  last?: Analysis;
}

export class Analyzer {
  private states = new Map<string, DocumentState>();

  constructor(
    private readonly settings: Settings,
    private readonly locale: Locale,
    private readonly onRuleError: (uri: string, rule: string, error: string) => void,
  ) {}

  /** The analysis of the document as it is now (cached while its version and the settings stay). */
  async analyze(doc: TextDocument): Promise<Analysis> {
    const settings = await this.settings.forDocument(doc.uri);
    return this.analyzeText(doc.uri, doc.version, doc.getText(), settings, doc.languageId);
  }

  analyzeText(uri: string, version: number, text: string, settings: DocumentSettings, languageId = 'plaintext'): Analysis {
    let state = this.states.get(uri);
    if (!state || state.generation !== settings.generation) {
      const format = draftFormat({ languageId });
      state = { checker: new Checker({ config: settings.config, locale: this.locale, format }), generation: settings.generation };
      this.states.set(uri, state);
    }
    if (state.last && state.last.version === version && state.last.text === text) return state.last;
    const result = state.checker.check(text);
    for (const e of result.ruleErrors) this.onRuleError(uri, e.rule, e.error);
    state.last = { uri, version, text, result, config: settings.config, settings };
    return state.last;
  }

  /** The last analysis made, whatever its version (for on-save mode and cheap answers). */
  last(uri: string): Analysis | undefined {
    return this.states.get(uri)?.last;
  }

  get size(): number {
    return this.states.size;
  }

  forget(uri: string): void {
    this.states.delete(uri);
  }
}
