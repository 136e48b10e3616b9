// URL spans: text that keeps its own punctuation and is never rewritten.

const URL = /(?:https?:\/\/|www\.)[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+/g;

export function urlSpans(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  URL.lastIndex = 0;
  for (let m = URL.exec(text); m; m = URL.exec(text)) {
    let end = m.index + m[0].length;
    // A URL does not end in the punctuation of the sentence around it.
    while (end > m.index && /[.,;:!?)\]']/.test(text[end - 1])) end--;
    out.push({ start: m.index, end });
  }
  return out;
}

export function inSpans(spans: ReadonlyArray<{ start: number; end: number }>, i: number): boolean {
  for (const s of spans) if (i >= s.start && i < s.end) return true;
  return false;
}
