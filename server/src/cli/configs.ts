// The configuration of each draft: `--config FILE`, or the nearest
// `.speechdraftrc.json` above the draft, up to the first folder holding
// `.git` or the home folder. Each config file is read once and its problems
// are reported once, however many drafts it governs. One resolver per run,
// shared by every command.

import * as fs from 'fs';
import * as path from 'path';
import { formatProblem, mergeConfig, type Localized, type SpeechDraftConfig } from '../core';
import { commandLineSearchEnd, findConfigFile, loadConfigFile } from '../node/configFiles';
import { notRegular } from '../node/regularFile';
import { reasonOf } from './messages';

export class ConfigResolver {
  private readonly byFile = new Map<string, SpeechDraftConfig>();
  private readonly defaults = mergeConfig();
  private readonly searchEnd = commandLineSearchEnd();

  /** `report` gets one line per problem: file, key and reason (defaults are used for what is broken). */
  constructor(
    private readonly explicitFile: string | undefined,
    private readonly report: (line: string) => void,
  ) {}

  /**
   * Why the file `--config` names cannot be used, if it cannot: it must be
   * there and be a regular file one may read (a pipe or a device would hang
   * the read); one that is merely broken is reported and worked around.
   */
  explicitFileProblem(): Localized | undefined {
    if (this.explicitFile === undefined) return undefined;
    try {
      const special = notRegular(fs.statSync(this.explicitFile));
      if (special) return special;
      fs.accessSync(this.explicitFile, fs.constants.R_OK);
      return undefined;
    } catch (e) {
      return reasonOf(e);
    }
  }

  configFor(draftFile: string): SpeechDraftConfig {
    const file = this.explicitFile ?? findConfigFile(path.dirname(path.resolve(draftFile)), this.searchEnd);
    if (!file) return this.defaults;
    let config = this.byFile.get(file);
    if (!config) {
      const loaded = loadConfigFile(file);
      for (const problem of loaded.problems) this.report(formatProblem(problem));
      config = mergeConfig(loaded.config);
      this.byFile.set(file, config);
    }
    return config;
  }
}
