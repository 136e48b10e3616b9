// What every command is handed: the language, where it writes, and the one
// config resolver of the run.

import type { Locale, Translate } from '../core';
import type { ConfigResolver } from './configs';
import type { Io } from './io';

export interface CommandContext {
  locale: Locale;
  t: Translate;
  io: Io;
  configs: ConfigResolver;
}
