// 规范表述: the standard formulations (data/formulations.json, loaded with the
// wording data, and the user's `formulations`), judged by the draft's date (its date line, else
// `draftDate`, else today). What a paragraph says is found once per paragraph
// text (memo); only the judging, which needs the date, is done per check.

import { message } from '../l10n';
import type { SpeechModel } from '../model/types';
import type { SpeechDraftConfig } from '../config/config';
import { dateInLine, today } from '../wording/draftDate';
import { FormulationFinder, type Observation } from '../wording/formulationFinder';
import type { Formulation } from '../wording/formulations';
import { shippedFormulations } from '../wording/typoData';
import type { DocumentRule, RuleContext } from './types';

interface Shipped {
  /** The shipped list it was made with (none while the data is absent). */
  list: object | undefined;
  finder: FormulationFinder;
  /** Per name, its versions (四个全面 before and after 2020-10-29). */
  versions: Map<string, Formulation[]>;
}

/**
 * By the config's own entries (the array; NO_HOUSE_ENTRIES where there are none), which is all of the config a finder
 * depends on: each check made without a config, or with one holding no entries, has a config of its own, and the
 * finder (tables of 64 KB) was built again for each.
 */
const finders = new WeakMap<object, Shipped>();
const NO_HOUSE_ENTRIES = {};
/** Finders built, for the test that a check with the same entries builds none. */
export const finderWork = { builds: 0 };

/** The shipped list (when the data is there) and the configured entries, for this config. */
function shippedFor(config: SpeechDraftConfig): Shipped {
  const shipped = shippedFormulations();
  const key = config.formulations?.length ? config.formulations : NO_HOUSE_ENTRIES;
  let s = finders.get(key);
  if (!s || s.list !== shipped) {
    finderWork.builds++;
    const entries = [...(shipped?.enumerations ?? []), ...(shipped?.names ?? []), ...(config.formulations ?? [])];
    const versions = new Map<string, Formulation[]>();
    for (const e of entries) versions.set(e.name, [...(versions.get(e.name) ?? []), e]);
    finders.set(key, (s = { list: shipped, finder: new FormulationFinder(entries), versions }));
  }
  return s;
}

function draftDate(model: SpeechModel, config: SpeechDraftConfig): string {
  const line = model.parts.date ? model.text.slice(model.parts.date.start, model.parts.date.end) : undefined;
  return (line && dateInLine(line)) || config.draftDate || today();
}

/** `2016年7月1日` for messages. */
function dayText(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

const ORDER = message('“{0}” lists its members in this order: {1} ({2}).');
const MISSING = message('“{0}” has {1} members: {2}; “{3}” is missing ({4}).');
const ADDED = message('“{0}” has {1} members: {2}; “{3}” is not one of them ({4}).');
const SUBSTITUTED = message('“{0}” has {1} members: {2}; “{3}” should be “{4}” ({5}).');
const REPLACED = message('Since {0}, “{1}” is “{2}” ({3}).');
const MISSPELT = message('This name is written “{0}” ({1}).');
const UNQUOTED = message('“{0}” is written in quotation marks ({1}).');

export const formulation: DocumentRule = {
  id: 'formulation',
  name: { zh: '规范表述', en: 'Standard formulation' },
  description: {
    zh: '规范表述：“四个意识”“四个自信”“五位一体”、新发展理念等提法的内容、顺序和数目，会议、机构全称的写法，以及提法的引号，按讲稿日期判断；可在配置中增加本单位的规范表述。',
    en: 'Standard formulations: the members, order and number of enumerations such as 四个意识, 四个自信, 五位一体 and 新发展理念, the full names of meetings and bodies, and the quotation marks of labels, judged by the draft’s date; extensible from config.',
  },
  defaultSeverity: 'warning',
  fixes: 'editor',
  blocksExport: 'never',
  scope: 'document',
  // A paragraph's findings are its text's judged by the draft's date: after an edit that leaves the date, only the new paragraphs are judged.
  reads: 'paragraphs',
  check(model, ctx) {
    const shipped = shippedFor(ctx.config);
    const { finder, versions } = shipped;
    const date = draftDate(model, ctx.config);
    const last = ctx.kept as Judged | undefined;
    const range = ctx.edited && last?.date === date && last.shipped === shipped ? { from: ctx.edited.from, to: ctx.edited.to } : undefined;
    ctx.keep({ date, shipped } satisfies Judged);
    /** The version of a formulation in force on the draft's date. */
    const inForce = (e: Formulation) => e.since <= date && !(versions.get(e.name) ?? []).some((v) => v !== e && v.since > e.since && v.since <= date);
    const { paragraphs } = model;
    for (let k = range?.from ?? 0; k < (range?.to ?? paragraphs.length); k++) {
      const p = paragraphs[k];
      if (p.comment) continue;
      for (const o of ctx.memo(p.text, (text) => finder.find(text))) {
        const judged = judge(o, date, inForce, ctx);
        if (judged) report(ctx, p.start, o, judged.message, judged.replacement, judged.info);
      }
    }
    return range;
  },
};

/** What the findings were judged by: the draft's date and the formulations. */
interface Judged {
  date: string;
  shipped: Shipped;
}

function judge(
  o: Observation,
  date: string,
  inForce: (e: Formulation) => boolean,
  { t }: RuleContext,
): { message: string; replacement: string; info?: boolean } | undefined {
  const e = o.entry;
  const source = e.source ? `${e.source}，${dayText(e.since)}` : dayText(e.since);
  const canonical = (e.members ?? []).join('、');
  switch (o.kind) {
    case 'order':
      return inForce(e) && !o.history ? { message: t(ORDER, e.name, canonical, source), replacement: o.replacement } : undefined;
    case 'missing':
      return inForce(e) && !o.history ? { message: t(MISSING, e.name, e.members!.length, canonical, o.member, source), replacement: o.replacement } : undefined;
    case 'added':
      return inForce(e) && !o.history ? { message: t(ADDED, e.name, e.members!.length, canonical, o.member, source), replacement: o.replacement } : undefined;
    case 'substituted':
      return inForce(e) && !o.history
        ? { message: t(SUBSTITUTED, e.name, e.members!.length, canonical, o.wrong, o.member, source), replacement: o.replacement }
        : undefined;
    case 'replaced':
      return date >= e.since && !o.history ? { message: t(REPLACED, dayText(e.since), o.old, e.name, e.source), replacement: e.name } : undefined;
    case 'misspelt':
      return { message: t(MISSPELT, e.name, source), replacement: e.name };
    case 'unquoted':
      return date >= e.since ? { message: t(UNQUOTED, o.label, source), replacement: `“${o.label}”`, info: true } : undefined;
  }
}

function report(ctx: RuleContext, offset: number, o: Observation, text: string, replacement: string, info?: boolean): void {
  const start = offset + o.start;
  const end = offset + o.end;
  ctx.report({
    span: { start, end },
    message: text,
    severity: info ? 'info' : undefined,
    fixes: [{ title: ctx.t('Write “{0}”', replacement), edits: [{ start, end, newText: replacement }], safe: false }],
  });
}
