// Text comparison for headings and outline items.

const HALF_TO_FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）' };

const TERMINAL = new Set(Array.from('。；，、！？：.'));

/** Heading text as compared: no whitespace, full-width marks, no terminal punctuation. */
export function normalizeHeading(s: string): string {
  const t = s.replace(/\s+/g, '').replace(/[,:;?!()]/g, (c) => HALF_TO_FULL[c]);
  // Trimmed by hand: `/[。，…]+$/` tries every start in a run of marks, each to the run's end.
  let end = t.length;
  while (end > 0 && TERMINAL.has(t[end - 1])) end--;
  return t.slice(0, end);
}

/** Dice coefficient over character bigrams, 0…1. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const grams = new Map<string, number>();
  for (let i = 0; i + 1 < a.length; i++) {
    const g = a.slice(i, i + 2);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  let shared = 0;
  for (let i = 0; i + 1 < b.length; i++) {
    const g = b.slice(i, i + 2);
    const n = grams.get(g) ?? 0;
    if (n > 0) {
      shared++;
      grams.set(g, n - 1);
    }
  }
  return (2 * shared) / (a.length - 1 + b.length - 1);
}
