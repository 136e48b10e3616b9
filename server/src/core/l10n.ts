// Messages: English source strings in code, translations in VS Code's l10n
// bundle (`l10n/bundle.l10n.zh-cn.json`), shared with the extension.

import zhCnBundle from '../../../l10n/bundle.l10n.zh-cn.json';
import type { Locale, Localized } from './types';

export type Translate = (message: string, ...args: Array<string | number>) => string;

const bundles: Record<Locale, Record<string, string>> = {
  'zh-cn': zhCnBundle as Record<string, string>,
  en: {},
};

function format(template: string, args: ReadonlyArray<string | number>): string {
  return template.replace(/\{(\d+)\}/g, (whole, i: string) => (args[+i] !== undefined ? String(args[+i]) : whole));
}

export function translator(locale: Locale): Translate {
  const bundle = bundles[locale];
  return (message, ...args) => format(bundle[message] ?? message, args);
}

/** Both languages of one message, for places that show both (config errors on stderr); an argument may itself be bilingual (a reason). */
export function bothLanguages(message: string, ...args: Array<string | number | Localized>): Localized {
  const pick = (lang: keyof Localized) => args.map((a) => (typeof a === 'object' ? a[lang] : a));
  return { zh: translator('zh-cn')(message, ...pick('zh')), en: translator('en')(message, ...pick('en')) };
}

/** `zh-CN`, `zh_CN.UTF-8`, `zh-Hans` → zh-cn; `en-US` → en; anything else: Chinese first. */
export function resolveLocale(tag: string | undefined): Locale {
  const t = (tag ?? '').toLowerCase();
  if (t.startsWith('en')) return 'en';
  return 'zh-cn';
}

/** Marks a string kept in a table as a message, so the l10n check sees it. */
export function message(english: string): string {
  return english;
}
