// One config object per distinct configuration among the open documents. The
// rules compile what a config holds (the word-usage list, placeholder patterns)
// once per config object, so documents whose settings are equal share those
// compiled lists, and the lists go when the last document using them closes.

import type { SpeechDraftConfig } from '../core';

interface Entry {
  config: SpeechDraftConfig;
  users: number;
}

export class ConfigPool {
  private readonly byContent = new Map<string, Entry>();
  private readonly held = new Map<string, string>();
  /** Content keys of the config objects met, so that each is serialised once. */
  private readonly keys = new WeakMap<SpeechDraftConfig, string>();

  /** The shared config equal to `config`, now held for `uri` (in place of what it held before). */
  intern(uri: string, config: SpeechDraftConfig): SpeechDraftConfig {
    let key = this.keys.get(config);
    if (key === undefined) this.keys.set(config, (key = JSON.stringify(config)));
    const current = this.held.get(uri);
    if (current === key) return this.byContent.get(key)!.config;
    this.release(uri);
    let entry = this.byContent.get(key);
    if (!entry) this.byContent.set(key, (entry = { config, users: 0 }));
    entry.users++;
    this.held.set(uri, key);
    return entry.config;
  }

  release(uri: string): void {
    const key = this.held.get(uri);
    if (key === undefined) return;
    this.held.delete(uri);
    const entry = this.byContent.get(key)!;
    if (--entry.users === 0) this.byContent.delete(key);
  }

  /** Distinct configurations held. */
  get size(): number {
    return this.byContent.size;
  }
}
