// Drafts written for the tests of issue 14 (signal over noise, fixes that
// respect the writer), each defect written in beside its lookalike.

/** Four half-width commas in one paragraph (one finding), three in another (three), a download site's line. */
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
  '……(某某文库www.example.com此处省略300字,不往下看了,点击下载全文×××)……',
  '',
  '各级要落实责任，强化督查，严格考核。',
].join('\n');

/** The line of an offset (0-based). */
export const lineOf = (text: string, offset: number): number => text.slice(0, offset).split('\n').length - 1;
