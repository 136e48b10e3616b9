// Every setting, declared once: where it is read, its type, default, bounds and
// description in both languages. Validation and the server's settings read
// their defaults and bounds here; `npm run generate` writes package.json's
// `contributes.configuration`, the nls files and the JSON schema from it.

import type { Localized } from '../types';

/** The groups the editor's settings page lists the settings in, in this order, each with its title. */
export const SETTING_GROUPS = {
  files: { zh: '检查哪些文件', en: 'Which files' },
  rules: { zh: '规则', en: 'Rules' },
  length: { zh: '讲话时长', en: 'Speaking time' },
  wording: { zh: '标题与用词', en: 'Headings and words' },
  server: { zh: '语言服务器', en: 'Language server' },
} as const satisfies Record<string, Localized>;

export type SettingGroup = keyof typeof SETTING_GROUPS;

export interface SettingSpec {
  /** The key in `.speechdraftrc.json`; in the editor `speechDraft.<key>`. */
  key: string;
  /** The setting's name, shown first in its description (VS Code names a setting by its key only). */
  title: Localized;
  group: SettingGroup;
  /** `checker`: `.speechdraftrc.json` and the editor's settings; `editor`: the editor's settings only. */
  scope: 'checker' | 'editor';
  /** `rules`: severity per rule id, one property per rule of the catalogue. */
  type: 'number' | 'string' | 'array' | 'rules';
  default: unknown;
  minimum?: number;
  maximum?: number;
  /** The values a string may take, each described where the editor lists them. */
  values?: ReadonlyArray<{ value: string; description?: Localized }>;
  /** JSON schema of an array's items. */
  items?: Readonly<Record<string, unknown>>;
  description: Localized;
  /** The description is Markdown (backticks, links). */
  markdown?: boolean;
  /** Not taken from a workspace that is not trusted (VS Code restricts the setting, the server the config file's). */
  restricted?: boolean;
}

/** A list of regular expressions run by the linear engine (`patterns.ts`), not used in an untrusted workspace. */
const PATTERN_LIST = {
  scope: 'checker',
  type: 'array',
  items: { type: 'string', minLength: 1, maxLength: 200 },
  default: [],
  markdown: true,
  restricted: true,
} as const;

const TABLE = [
  {
    key: 'languages',
    title: { zh: '讲话稿的语言', en: 'Draft languages' },
    group: 'files',
    scope: 'editor',
    type: 'array',
    items: { type: 'string' },
    default: ['speech'],
    markdown: true,
    description: {
      zh: '作为讲话稿检查的语言。像讲话稿的 `.txt` 文件打开时会询问一次，是否以“讲话稿”语言（`speech`）打开，选择记在工作区的 `files.associations` 中；状态栏可随时切换。加入 `plaintext` 则检查所有纯文本文件，加入 `markdown` 则检查 Markdown 文件。',
      en: 'Languages checked as speech drafts. A `.txt` file that looks like a speech asks once whether to open it in the Speech Draft language (`speech`); the answer is kept in the workspace’s `files.associations`, and the status bar switches it any time. Add `plaintext` to check every plain-text file, `markdown` to check Markdown files.',
    },
  },
  {
    key: 'ignore',
    title: { zh: '不检查的文件', en: 'Files not checked' },
    group: 'files',
    scope: 'editor',
    type: 'array',
    items: { type: 'string', minLength: 1 },
    default: [],
    markdown: true,
    restricted: true,
    description: {
      zh: '不检查的文件（glob 模式，相对于工作区文件夹，如 `旧稿/**`、`**/*通知*.txt`）。在不受信任的工作区中不使用。',
      en: 'Files not checked (glob patterns relative to the workspace folder, such as `old/**`, `**/*notice*.txt`). Ignored in untrusted workspaces.',
    },
  },
  {
    key: 'run',
    title: { zh: '检查时机', en: 'When to check' },
    group: 'files',
    scope: 'editor',
    type: 'string',
    values: [
      { value: 'onType', description: { zh: '输入时检查（停顿一段时间后）。', en: 'Check as you type (after the debounce delay).' } },
      { value: 'onSave', description: { zh: '保存时检查。', en: 'Check when the draft is saved.' } },
    ],
    default: 'onType',
    description: { zh: '检查时机：输入时或保存时。', en: 'When to check: as you type, or when you save.' },
  },
  {
    key: 'halfWidthMarks',
    title: { zh: '半角标点的列法', en: 'Half-width marks' },
    group: 'rules',
    scope: 'editor',
    type: 'string',
    values: [
      {
        value: 'grouped',
        description: {
          zh: '一段中超过三处时合为一条问题（附本段的修复），每处仍以浅色下划线标出、悬停可见；网页残留行里的标点不另报（该行应删除）。',
          en: 'More than three in a paragraph make one finding (with a fix for the paragraph); each mark is still underlined lightly and named in the hover. Marks in a line copied from a download site are not reported apart (the line is to go).',
        },
      },
      { value: 'each', description: { zh: '每处半角标点单独列为一条问题。', en: 'Each half-width mark is a finding of its own.' } },
    ],
    default: 'grouped',
    description: { zh: '半角标点问题怎样列出：按段合并，或逐处列出。', en: 'How half-width punctuation is listed: gathered by paragraph, or each mark on its own.' },
  },
  {
    key: 'debounce',
    title: { zh: '检查延迟', en: 'Check delay' },
    group: 'files',
    scope: 'editor',
    type: 'number',
    default: 300,
    minimum: 0,
    maximum: 10000,
    description: { zh: '最后一次按键后等待多少毫秒再检查。', en: 'Milliseconds to wait after the last keystroke before checking.' },
  },
  {
    key: 'rules',
    title: { zh: '规则级别', en: 'Rule severities' },
    group: 'rules',
    scope: 'checker',
    type: 'rules',
    default: {},
    markdown: true,
    description: {
      zh: '各规则的级别：`off`、`info`、`warning`、`error`。文稿所在目录及上级目录中的 `.speechdraftrc.json` 优先。',
      en: 'Severity per rule: `off`, `info`, `warning` or `error`. A `.speechdraftrc.json` near the draft takes precedence.',
    },
  },
  {
    key: 'speakingRate',
    title: { zh: '语速', en: 'Speaking rate' },
    group: 'length',
    scope: 'checker',
    type: 'number',
    default: 200,
    minimum: 50,
    maximum: 1000,
    description: {
      zh: '每分钟讲多少字，用于估算讲话时长（计汉字和全角标点）。',
      en: 'Speaking rate in characters a minute, for the speaking time (Han characters and full-width punctuation are counted).',
    },
  },
  {
    key: 'targetMinutes',
    title: { zh: '全篇目标时长', en: 'Target length' },
    group: 'length',
    scope: 'checker',
    type: 'number',
    default: 30,
    minimum: 0,
    maximum: 1000,
    description: { zh: '全篇讲话的目标时长（分钟，0 为不限）。', en: 'Target length of the whole speech in minutes (0: no target).' },
  },
  {
    key: 'sectionTargetMinutes',
    title: { zh: '各部分目标时长', en: 'Section target length' },
    group: 'length',
    scope: 'checker',
    type: 'number',
    default: 0,
    minimum: 0,
    maximum: 1000,
    description: { zh: '每个一级部分的目标时长（分钟，0 为不限）。', en: 'Target length of each first-level section in minutes (0: no target).' },
  },
  {
    key: 'headingMaxLength',
    title: { zh: '标题最大字数', en: 'Longest heading' },
    group: 'wording',
    scope: 'checker',
    type: 'number',
    default: 40,
    minimum: 4,
    maximum: 1000,
    description: { zh: '独立标题的最大字数。', en: 'Longest stand-alone heading, in characters.' },
  },
  {
    key: 'placeholderPatterns',
    title: { zh: '占位符写法', en: 'Placeholder patterns' },
    group: 'wording',
    ...PATTERN_LIST,
    description: {
      zh: '另外的占位符写法（正则表达式，RE2 语法：由不回溯的引擎执行，任何写法都不会让检查卡住；不支持环视断言和反向引用；每处匹配不超过 100 个字符）。在不受信任的工作区中不使用。',
      en: 'More placeholder patterns (regular expressions, RE2 syntax: run by an engine that cannot backtrack, so no pattern can hang the checker; no look-around or back-references; a match is at most 100 characters). Ignored in untrusted workspaces.',
    },
  },
  {
    key: 'residuePatterns',
    title: { zh: '网页残留写法', en: 'Download-site residue patterns' },
    group: 'wording',
    ...PATTERN_LIST,
    description: {
      zh: '另外的网页残留写法（正则表达式，RE2 语法，与 `placeholderPatterns` 相同：由不回溯的引擎执行；不支持环视断言和反向引用；每处匹配不超过 100 个字符）。一行去掉匹配的文字后只剩空格、标点和日期时，整行算作残留。在不受信任的工作区中不使用。',
      en: 'More download-site residue patterns (regular expressions, RE2 syntax as for `placeholderPatterns`: run by an engine that cannot backtrack; no look-around or back-references; a match is at most 100 characters). A line left with nothing but spaces, punctuation and dates without its matches is residue as a whole. Ignored in untrusted workspaces.',
    },
  },
  {
    key: 'wordUsage',
    title: { zh: '用词词条', en: 'Word usage entries' },
    group: 'wording',
    scope: 'checker',
    type: 'array',
    items: {
      type: 'object',
      required: ['wrong', 'right'],
      additionalProperties: false,
      properties: {
        wrong: { type: 'string', minLength: 1, description: '错误写法 / wrong form' },
        right: { type: 'string', description: '正确写法 / right form' },
      },
    },
    default: [],
    markdown: true,
    restricted: true,
    description: {
      zh: '`word-usage` 的另外词条：`[{"wrong": "帐号", "right": "账号"}]`。在不受信任的工作区中不使用。',
      en: 'More words for `word-usage`: `[{"wrong": "帐号", "right": "账号"}]`. Ignored in untrusted workspaces.',
    },
  },
  {
    key: 'accept',
    title: { zh: '本工作区接受的写法', en: 'Accepted in this workspace' },
    group: 'rules',
    scope: 'checker',
    type: 'array',
    items: { type: 'string', minLength: 1, maxLength: 100 },
    default: [],
    markdown: true,
    restricted: true,
    description: {
      zh: '本工作区有意这样写的字词、短语或占位符，如 `["××同志", "某某"]`：落在其中的问题一律不报（对所有规则有效）。快速修复“在本工作区接受……”会写入这里。在不受信任的工作区中不使用。',
      en: 'Words, phrases or placeholders written on purpose in this workspace, such as `["××同志", "某某"]`: no rule reports a finding inside them. The quick fix “Accept … in this workspace” adds to it. Ignored in untrusted workspaces.',
    },
  },
  {
    key: 'formulations',
    title: { zh: '规范表述', en: 'Standard formulations' },
    group: 'wording',
    scope: 'checker',
    type: 'array',
    items: {
      type: 'object',
      required: ['name'],
      additionalProperties: false,
      properties: {
        name: { type: 'string', minLength: 2, maxLength: 40, description: '提法或全称 / the label or full name' },
        members: { type: 'array', items: { type: 'string' }, minItems: 2, maxItems: 20, description: '内容，按顺序 / members in order' },
        quoted: { type: 'boolean', description: '提法加引号 / the label is quoted' },
        aliases: { type: 'array', items: { type: 'string' }, maxItems: 10, description: '别称 / other labels' },
        replaces: { type: 'array', items: { type: 'string' }, maxItems: 10, description: '旧称，自 since 起不再使用 / former names, out of date from since on' },
        source: { type: 'string', description: '出处 / the document that fixed it' },
        since: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: '起用日期 YYYY-MM-DD / in force from' },
      },
    },
    default: [],
    markdown: true,
    restricted: true,
    description: {
      zh: '`formulation` 的另外规范表述（本单位的提法、机构全称）：`[{"name": "三个一流", "quoted": true, "members": ["一流的服务", "一流的作风", "一流的业绩"], "since": "2024-01-01"}]`。在不受信任的工作区中不使用。',
      en: 'More standard formulations for `formulation` (house labels, full names of bodies): `[{"name": "三个一流", "quoted": true, "members": ["一流的服务", "一流的作风", "一流的业绩"], "since": "2024-01-01"}]`. Ignored in untrusted workspaces.',
    },
  },
  {
    key: 'draftDate',
    title: { zh: '讲稿日期', en: 'Draft date' },
    group: 'wording',
    scope: 'checker',
    type: 'string',
    default: '',
    markdown: true,
    description: {
      zh: '讲稿没有日期行时，`formulation` 按此日期（`YYYY-MM-DD`）判断提法是否现行；留空则按今天。',
      en: 'The date (`YYYY-MM-DD`) `formulation` judges a draft by when it has no date line; empty: today.',
    },
  },
  {
    key: 'trace.server',
    title: { zh: '通信记录', en: 'Server trace' },
    group: 'server',
    scope: 'editor',
    type: 'string',
    values: [{ value: 'off' }, { value: 'messages' }, { value: 'verbose' }],
    default: 'off',
    description: { zh: '记录 VS Code 与语言服务器之间的消息。', en: 'Traces the messages between VS Code and the language server.' },
  },
] as const satisfies readonly SettingSpec[];

/** The table, in the order the editor lists the settings. */
export const SETTINGS: readonly SettingSpec[] = TABLE;

export type SettingKey = (typeof TABLE)[number]['key'];
/** The keys of `.speechdraftrc.json` (the checker's settings). */
export type CheckerSettingKey = Extract<(typeof TABLE)[number], { scope: 'checker' }>['key'];

/** The setting declared for `key`. */
export function settingOf(key: SettingKey): SettingSpec {
  const spec = SETTINGS.find((s) => s.key === key);
  if (!spec) throw new Error(`no setting ${key} in SETTINGS`);
  return spec;
}

/** A fresh copy of each default of one scope, keyed by setting: safe to change. */
export function defaultsOf(scope: SettingSpec['scope']): Record<string, unknown> {
  return Object.fromEntries(SETTINGS.filter((s) => s.scope === scope).map((s) => [s.key, structuredClone(s.default)]));
}

/** The settings of `.speechdraftrc.json` that a workspace that is not trusted may not set. */
export const RESTRICTED_KEYS: readonly string[] = SETTINGS.filter((s) => s.restricted).map((s) => s.key);

/** A number setting's bounds. */
export function boundsOf(spec: SettingSpec): [number, number] {
  return [spec.minimum ?? -Infinity, spec.maximum ?? Infinity];
}
