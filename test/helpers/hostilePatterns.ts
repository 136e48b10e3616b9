// The placeholder patterns of issue 18 that a syntactic guard let through and
// JavaScript's engine cannot finish on, each with a paragraph built against it
// (a long run that almost matches): shared by the core, CLI and server tests.

export const CATASTROPHIC: ReadonlyArray<{ pattern: string; paragraph: (n: number) => string }> = [
  { pattern: '((a)+)+$', paragraph: (n) => '会议' + 'a'.repeat(n) + '!' },
  { pattern: '(a+){25}!!', paragraph: (n) => '会议' + 'a'.repeat(n) + '!' },
  { pattern: '[^!]*[^!]*[^!]*#', paragraph: (n) => '会议' + 'x'.repeat(n) },
  { pattern: '\\s*\\s*\\s*\\s*y', paragraph: (n) => '会议' + ' '.repeat(n) + '结束' },
  { pattern: '.*.*=.*;', paragraph: (n) => '会议' + '='.repeat(n) },
];
