// The files written from the rule list (server/src/core/rules/index.ts) and the
// settings table (server/src/core/config/settings.ts): package.json's
// `contributes.configuration`, the nls entries of the settings, the JSON schema
// of .speechdraftrc.json, the README's rule table, each rule page's header, the
// l10n entries of the rules' names and descriptions, the server's doc imports
// and the client's table of rule names.
// `npm run generate` writes them; `npm run generate -- --check` names the stale ones.

import * as fs from 'fs';
import * as path from 'path';
import { RESIDUE_ENTRIES, type Extent, type Where } from '../server/src/core/residue/residue';
import { allRules, SETTING_GROUPS, SETTINGS, SEVERITY_SETTINGS, type FixKind, type ExportBlock, type Rule, type SettingGroup, type SettingSpec } from '../server/src/core';
import { RULE_DOC_BASE } from '../server/src/server/convert';
import { usedMessages } from '../test/helpers/l10nScan';

export interface Catalogue {
  rules: readonly Rule[];
  settings: readonly SettingSpec[];
}

/** One generated file: its path from the repository root and the text it must have. */
export interface GeneratedFile {
  file: string;
  text: string;
}

const json = (value: unknown) => JSON.stringify(value, null, 2) + '\n';
const docPage = (id: string) => `docs/rules/${id}.md`;

const FIXES: Record<FixKind, { table: string; page: string }> = {
  none: { table: '—', page: '无自动修复 / no fix' },
  editor: { table: '编辑器 editor', page: '编辑器快速修复，不在 `--fix` 中 / editor quick fix, not in `--fix`' },
  safe: { table: '安全 safe', page: '安全修复，`--fix` 会应用 / safe fix, applied by `--fix`' },
  mixed: { table: '部分安全 mixed', page: '部分为安全修复（`--fix` 会应用），其余为编辑器快速修复 / safe fixes (`--fix`) and editor quick fixes' },
};

const EXPORT: Record<ExportBlock, { table: string; page: string }> = {
  always: { table: '总是 always', page: '阻止导出 Word / blocks the Word export' },
  error: { table: '为 error 时 if error', page: '级别为 error 时阻止导出 Word / blocks the Word export as an error' },
  never: { table: '—', page: '不阻止导出 / does not block the export' },
};

/** `numbering-sequence` → `numberingSequence`. */
const camel = (id: string) => id.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

function nlsKey(spec: SettingSpec, ...rest: string[]): string {
  return ['config', spec.key, ...rest].join('.');
}

/** The JSON schema of one setting's value; `describe` gives the description fields. */
function valueSchema(spec: SettingSpec, rules: readonly Rule[], describe: (spec: SettingSpec) => Record<string, unknown>, describeRule: (rule: Rule) => Record<string, unknown>): Record<string, unknown> {
  switch (spec.type) {
    case 'rules':
      return {
        type: 'object',
        default: spec.default,
        ...describe(spec),
        additionalProperties: false,
        properties: Object.fromEntries(rules.map((r) => [r.id, { type: 'string', enum: [...SEVERITY_SETTINGS], ...describeRule(r) }])),
      };
    case 'number':
      return { type: 'number', default: spec.default, minimum: spec.minimum, maximum: spec.maximum, ...describe(spec) };
    case 'string':
      return { type: 'string', enum: spec.values?.map((v) => v.value), default: spec.default, ...describe(spec) };
    case 'array':
      return { type: 'array', items: spec.items, default: spec.default, ...describe(spec) };
  }
}

const groupKey = (group: SettingGroup) => `config.group.${group}`;

function packageJson(current: string, { rules, settings }: Catalogue): string {
  const pkg = JSON.parse(current);
  // One category a group, in the table's order of groups: the settings page lists them under the extension's name.
  const categories = (Object.keys(SETTING_GROUPS) as SettingGroup[])
    .map((group) => {
      const properties: Record<string, unknown> = {};
      for (const spec of settings.filter((s) => s.group === group)) {
        // Markdown always: the description opens with the setting's name in bold.
        const schema = valueSchema(
          spec,
          rules,
          (s) => ({ markdownDescription: `%${nlsKey(s)}%` }),
          (r) => ({ markdownDescription: `%${nlsKey(spec, r.id)}%` }),
        );
        const described = spec.values?.some((v) => v.description);
        if (described) schema.enumDescriptions = spec.values!.map((v) => `%${nlsKey(spec, v.value)}%`);
        properties[`speechDraft.${spec.key}`] = schema;
      }
      return { id: `speechDraft.${group}`, title: `%${groupKey(group)}%`, properties };
    })
    .filter((c) => Object.keys(c.properties).length > 0);
  pkg.contributes.configuration = categories;
  pkg.capabilities.untrustedWorkspaces.restrictedConfigurations = settings.filter((s) => s.restricted).map((s) => `speechDraft.${s.key}`);
  return json(pkg);
}

/** A setting's description as the settings page shows it: its name in bold, then what it does. */
function described(spec: SettingSpec, lang: 'zh' | 'en'): string {
  const text = spec.markdown ? spec.description[lang] : spec.description[lang].replace(/[\\`*_[\]<>]/g, '\\$&');
  return lang === 'zh' ? `**${spec.title.zh}**：${text}` : `**${spec.title.en}**: ${text}`;
}

/** The nls entries of the settings, in one language. */
function settingsNls({ rules, settings }: Catalogue, lang: 'zh' | 'en'): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const group of Object.keys(SETTING_GROUPS) as SettingGroup[]) {
    if (settings.some((s) => s.group === group)) out.push([groupKey(group), SETTING_GROUPS[group][lang]]);
  }
  for (const spec of settings) {
    out.push([nlsKey(spec), described(spec, lang)]);
    for (const v of spec.values ?? []) if (v.description) out.push([nlsKey(spec, v.value), v.description[lang]]);
    if (spec.type === 'rules') {
      for (const r of rules) {
        const link = `[${docPage(r.id)}](${RULE_DOC_BASE}${r.id}.md)`;
        out.push([nlsKey(spec, r.id), lang === 'zh' ? `**${r.name.zh}**：${r.description.zh}（${link}）` : `**${r.name.en}**: ${r.description.en} (${link})`]);
      }
    }
  }
  return out;
}

/** The nls file with its `config.*` entries replaced by the generated ones, where the first of them stood. */
function nlsFile(current: string, entries: Array<[string, string]>): string {
  const out: Array<[string, string]> = [];
  let placed = false;
  for (const entry of Object.entries<string>(JSON.parse(current))) {
    if (!entry[0].startsWith('config.')) out.push(entry);
    else if (!placed) {
      out.push(...entries);
      placed = true;
    }
  }
  if (!placed) out.push(...entries);
  return json(Object.fromEntries(out));
}

function schema({ rules, settings }: Catalogue): string {
  const properties: Record<string, unknown> = {
    $schema: { type: 'string', description: '本文件所用的 JSON 模式。/ The JSON schema this file follows.' },
  };
  for (const spec of settings.filter((s) => s.scope === 'checker')) {
    properties[spec.key] = valueSchema(
      spec,
      rules,
      (s) => ({ description: `${s.title.zh}：${s.description.zh} / ${s.title.en}: ${s.description.en}` }),
      (r) => ({ description: `${r.name.zh}：${r.description.zh} / ${r.name.en}: ${r.description.en} (${docPage(r.id)})` }),
    );
  }
  return json({
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/speech-draft/speech-draft/blob/main/schemas/speechdraftrc.schema.json',
    title: '讲稿助手配置 / Speech Draft configuration (.speechdraftrc.json)',
    type: 'object',
    additionalProperties: false,
    properties,
  });
}

const TABLE_START = '<!-- generated by `npm run generate` from the rule list: edit server/src/core/rules/, not this table -->';
const TABLE_END = '<!-- end of generated rule table -->';

function readme(current: string, { rules }: Catalogue): string {
  const start = current.indexOf(TABLE_START);
  const end = current.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`README.md: the rule table must stand between “${TABLE_START}” and “${TABLE_END}”`);
  const rows = rules.map(
    (r) => `| [\`${r.id}\`](${docPage(r.id)}) | ${r.name.zh} ${r.name.en} | ${r.defaultSeverity} | ${FIXES[r.fixes].table} | ${EXPORT[r.blocksExport].table} |`,
  );
  const table = ['| 规则 rule | 名称 name | 默认级别 default | 修复 fixes | 阻止导出 blocks export |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
  return `${current.slice(0, start)}${TABLE_START}\n${table}\n${current.slice(end)}`;
}

/** The first lines of a rule's page: its id as the title, then its names, severity, fixes and export. */
function pageHeader(r: Rule): string {
  const facts = [
    `**${r.name.zh}** ${r.name.en}`,
    `默认级别 / default severity: ${r.defaultSeverity}`,
    `修复 / fix: ${FIXES[r.fixes].page}`,
    `导出 / export: ${EXPORT[r.blocksExport].page}`,
  ];
  return `# ${r.id}\n\n${facts.join(' · ')}\n`;
}

const CATALOGUE_START = '<!-- generated by `npm run generate` from server/src/core/residue/catalogue.json: edit the catalogue, not this table -->';
const CATALOGUE_END = '<!-- end of generated catalogue -->';
const WHERE: Record<Where, string> = { anywhere: '任何位置 anywhere', lineStart: '行首 line start', ownLine: '单独成行 own line' };
const EXTENT: Record<Extent, string> = { match: '匹配的文字 the match', sentence: '所在句子 its sentence', rest: '到行尾或括号末 to the line’s or bracket’s end', siteName: '连同网站名称 with the site’s name' };

/** The catalogue of download-site residue as a table: each entry with its first example (the web-residue page). */
function residueCatalogue(): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  const rows = RESIDUE_ENTRIES.map((e) => `| \`${e.id}\` | ${e.name.zh} ${cell(e.name.en)} | ${WHERE[e.where]} | ${EXTENT[e.extent]} | \`${cell(e.examples[0])}\` |`);
  return ['| 条目 entry | 内容 what | 位置 where | 范围 extent | 示例 example |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

/** Tables of a rule page written from data: between their markers. */
const PAGE_TABLES: Partial<Record<string, { start: string; end: string; table: () => string }>> = {
  'web-residue': { start: CATALOGUE_START, end: CATALOGUE_END, table: residueCatalogue },
};

function rulePage(current: string | undefined, r: Rule): string {
  if (current === undefined) return pageHeader(r);
  const lines = current.split('\n');
  // The title, a blank line and the header line are generated; the rest is the page's own, but for its data tables.
  let body = lines.slice(3).join('\n');
  const generated = PAGE_TABLES[r.id];
  if (generated) {
    const start = body.indexOf(generated.start);
    const end = body.indexOf(generated.end);
    if (start < 0 || end < start) throw new Error(`${docPage(r.id)}: the table must stand between “${generated.start}” and “${generated.end}”`);
    body = `${body.slice(0, start)}${generated.start}\n${generated.table()}\n${body.slice(end)}`;
  }
  return pageHeader(r) + body;
}

function l10nBundle(current: string, { rules }: Catalogue, used: ReadonlySet<string>): string {
  const texts = new Map<string, string>();
  for (const r of rules) {
    texts.set(r.name.en, r.name.zh);
    texts.set(r.description.en, r.description.zh);
  }
  const entries = new Map<string, string>();
  // Entries the code no longer uses go (a rule's text that changed, a message removed).
  for (const [en, zh] of Object.entries<string>(JSON.parse(current))) if (used.has(en)) entries.set(en, zh);
  for (const [en, zh] of texts) entries.set(en, zh);
  return json(Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
}

function ruleDocs({ rules }: Catalogue): string {
  const lines = [
    '// Generated by `npm run generate` from the rule list (server/src/core/rules/index.ts): do not edit.',
    '// The rule docs (docs/rules/<id>.md), embedded in the bundle for hover.',
    '',
    "import type { RuleId } from '../core';",
    ...rules.map((r) => `import ${camel(r.id)} from '../../../${docPage(r.id)}';`),
    '',
    'export const RULE_DOCS: Record<RuleId, string> = {',
    ...rules.map((r) => `  '${r.id}': ${camel(r.id)},`),
    '};',
    '',
  ];
  return lines.join('\n');
}

const quoted = (s: string) => `'${s.replace(/['\\]/g, '\\$&')}'`;

function clientRuleNames({ rules }: Catalogue): string {
  const lines = [
    '// Generated by `npm run generate` from the rule list (server/src/core/rules/index.ts): do not edit.',
    '// Each rule\'s names, for what the extension shows of a rule itself (its quick picks); the server names rules in its own messages.',
    '',
    'export const RULE_NAMES: Readonly<Record<string, { zh: string; en: string }>> = {',
    ...rules.map((r) => `  '${r.id}': { zh: ${quoted(r.name.zh)}, en: ${quoted(r.name.en)} },`),
    '};',
    '',
  ];
  return lines.join('\n');
}

/** Every generated file as it must read, given the repository at `root` (the tables of the code by default). */
export function generatedFiles(root: string, catalogue: Catalogue = { rules: allRules, settings: SETTINGS }): GeneratedFile[] {
  const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');
  const readIfAny = (file: string) => (fs.existsSync(path.join(root, file)) ? read(file) : undefined);
  const used = new Set(usedMessages(undefined, root).keys());
  return [
    { file: 'package.json', text: packageJson(read('package.json'), catalogue) },
    { file: 'package.nls.json', text: nlsFile(read('package.nls.json'), settingsNls(catalogue, 'en')) },
    { file: 'package.nls.zh-cn.json', text: nlsFile(read('package.nls.zh-cn.json'), settingsNls(catalogue, 'zh')) },
    { file: 'schemas/speechdraftrc.schema.json', text: schema(catalogue) },
    { file: 'README.md', text: readme(read('README.md'), catalogue) },
    ...catalogue.rules.map((r) => ({ file: docPage(r.id), text: rulePage(readIfAny(docPage(r.id)), r) })),
    { file: 'l10n/bundle.l10n.zh-cn.json', text: l10nBundle(read('l10n/bundle.l10n.zh-cn.json'), catalogue, used) },
    { file: 'server/src/server/ruleDocs.ts', text: ruleDocs(catalogue) },
    { file: 'client/src/ruleNames.ts', text: clientRuleNames(catalogue) },
  ];
}

const differs = (root: string) => (g: GeneratedFile) => !fs.existsSync(path.join(root, g.file)) || fs.readFileSync(path.join(root, g.file), 'utf8') !== g.text;

/** The generated files whose committed text differs from what the tables give. */
export function staleFiles(root: string, catalogue?: Catalogue): string[] {
  return generatedFiles(root, catalogue).filter(differs(root)).map((g) => g.file);
}

/** `generate [--check]`: writes the stale files, or with --check names them and fails. */
export function main(root: string, argv: readonly string[], say: (line: string) => void = (line) => process.stderr.write(line + '\n')): number {
  const stale = generatedFiles(root).filter(differs(root));
  if (argv.includes('--check')) {
    if (stale.length === 0) return 0;
    say('Generated files differ from the rule list and the settings table; run `npm run generate` and commit them:');
    for (const g of stale) say(`  ${g.file}`);
    return 1;
  }
  for (const g of stale) {
    fs.mkdirSync(path.dirname(path.join(root, g.file)), { recursive: true });
    fs.writeFileSync(path.join(root, g.file), g.text);
    say(`wrote ${g.file}`);
  }
  return 0;
}
