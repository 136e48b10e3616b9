// Drafts written for the tests of issue 14 (signal over noise, fixes that
// respect the writer), each defect written in beside its lookalike.

/** Four half-width commas in one paragraph (one finding), three in another (three), a download site's text with its own half-width marks, a placeholder after it. */
export const MARKS_DRAFT = [
  '在全市安全生产工作会议上的讲话',
  '',
  '同志们：',
  '',
  '今天召开会议,主要是总结工作,分析形势,部署任务,请大家抓好落实。',
  '',
  '一、认清形势',
  '',
  '当前,全市安全生产形势总体平稳,但隐患仍然不少,必须高度警惕。',
  '',
  '二、压实责任',
  '',
  '……(某某文库www.example.com此处省略300字,不往下看了,点击下载全文)……由×××同志负责。',
  '',
  '各级要落实责任，强化督查，严格考核。',
].join('\n');

/** The line of an offset (0-based). */
export const lineOf = (text: string, offset: number): number => text.slice(0, offset).split('\n').length - 1;

/**
 * Section 二 lost at a download site's cut between 一 and 三, still listed in
 * the 【提纲】: a gap, an item of the 【提纲】 with no heading, a count that no
 * longer matches.
 */
export const GAP_DRAFT = [
  '【提纲】一、统一思想认识。二、查找突出问题。三、压实工作责任。',
  '在全县安全生产工作会议上的讲话',
  '',
  '同志们：',
  '',
  '今天召开会议，主要任务是部署下一阶段工作。下面，我讲三点意见。',
  '',
  '一、统一思想认识',
  '',
  '安全生产是发展的底线，必须时刻绷紧这根弦。',
  '',
  '……（www.example.com此处省略500字，点击下载全文）……',
  '',
  '一些地方还存在责任不落实的问题。',
  '',
  '三、压实工作责任',
  '',
  '各级各部门要把责任落实到岗位、落实到人。',
  '',
  '同志们，做好安全生产工作责任重大，让我们共同努力！',
].join('\n');

/** What the 讲话提纲 view shows for GAP_DRAFT: each top node's kind, label (or marker and heading) and worst finding. */
export const GAP_DRAFT_VIEW = [
  ['outlineBlock', '【提纲】', 'warning'],
  ['opening', '开头', 'warning'],
  ['heading', '一、统一思想认识', 'warning'],
  ['gap', '（缺少 二、）', 'warning'],
  ['heading', '三、压实工作责任', 'warning'],
  ['closing', '结尾', '-'],
];

/** The same draft with nothing lost: its lookalike, quiet. */
export const WHOLE_DRAFT = GAP_DRAFT.replace(
  '……（www.example.com此处省略500字，点击下载全文）……\n\n',
  '二、查找突出问题\n\n',
);
