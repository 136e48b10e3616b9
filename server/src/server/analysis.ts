// The checks: one Checker per document (kept so that a keystroke re-scans
// only the paragraphs it changed), made with the configuration shared by
// every document whose settings are equal, and the analysis one check gives.

import { Checker, draftFormat, groupChecked, translator, type CheckResult, type DraftFormat, type Locale, type SpeechDraftConfig, type TextChange, type Translate } from '../core';
import { ConfigPool } from './configPool';
import type { DocumentSettings } from './settings';

export interface Analysis {
  uri: string;
  version: number;
  text: string;
  /** The findings as the editor shows them: grouped where the settings say so (`groupFindings`), each group holding its members. */
  result: CheckResult;
  /** The checker's own result (before grouping). */
  checked: CheckResult;
  config: SpeechDraftConfig;
  settings: DocumentSettings;
}

/** A document's checker and what it was made with. */
export interface DocumentChecker {
  checker: Checker;
  /** The shared config the checker was made with. */
  config: SpeechDraftConfig;
  format: DraftFormat;
}

export class Analyzer {
  private readonly configs = new ConfigPool();
  /** Checks run so far (an analysis answered from one already made is not a check): counted by the tests. */
  checks = 0;

  /** One translation for every grouping, so that groups made before are recognised (`groupChecked`). */
  private readonly t: Translate;

  constructor(private readonly locale: Locale) {
    this.t = translator(locale);
  }

  /** The checker for a document under these settings: `held` while its config and format stay the same. */
  checkerFor(uri: string, held: DocumentChecker | undefined, settings: DocumentSettings, languageId: string): DocumentChecker {
    const config = this.configs.intern(uri, settings.config);
    const format = draftFormat({ languageId });
    // Settings reloaded to the same content keep the checker and its caches.
    if (held && held.config === config && held.format === format) return held;
    return { checker: new Checker({ config, locale: this.locale, format }), config, format };
  }

  /** Checks given the changes since the checker's last check: made around them (counted). */
  checksAfterEdit = 0;

  /** `changes`: those that led from the text the checker last checked to this one, when known. */
  check(uri: string, held: DocumentChecker, version: number, text: string, settings: DocumentSettings, changes?: readonly TextChange[]): Analysis {
    this.checks++;
    if (changes) this.checksAfterEdit++;
    const checked = held.checker.check(text, changes);
    return { uri, version, text, result: this.shown(checked, settings), checked, config: held.config, settings };
  }

  /** An analysis made under other settings, as these settings show it (regrouped only where the grouping setting changed). */
  withSettings(a: Analysis, settings: DocumentSettings): Analysis {
    if (a.settings === settings) return a;
    const regroup = a.settings.halfWidthMarks !== settings.halfWidthMarks;
    return { ...a, settings, result: regroup ? this.shown(a.checked, settings) : a.result };
  }

  /** The result as the editor shows it under these settings. */
  private shown(checked: CheckResult, settings: DocumentSettings): CheckResult {
    if (settings.halfWidthMarks === 'each') return checked;
    return { ...checked, findings: groupChecked(checked, this.t) };
  }

  /** Distinct configurations (and so compiled word lists) held for the documents analysed. */
  get configCount(): number {
    return this.configs.size;
  }

  /** A document closed: the configuration it held goes when no other document uses it. */
  release(uri: string): void {
    this.configs.release(uri);
  }
}
