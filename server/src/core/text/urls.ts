// URL spans: text that keeps its own punctuation and is never rewritten.

const URL = /(?:https?:\/\/|www\.)[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+/g;

const count = (s: string, ch: string) => s.split(ch).length - 1;

export function urlSpans(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  URL.lastIndex = 0;
  for (let m = URL.exec(text); m; m = URL.exec(text)) {
    // Brackets in a URL are balanced (…/wiki/A_(B)): a `)` it did not open
    // closes the text around it, and a `(` it does not close opens that text.
    let end = m.index;
    const opened: number[] = [];
    for (; end < m.index + m[0].length; end++) {
      if (text[end] === '(') opened.push(end);
      else if (text[end] === ')' && opened.pop() === undefined) break;
    }
    if (opened.length) end = opened[0];
    // Nor does a URL end in the punctuation of the sentence around it,
    // but it keeps a `)` that closes its own `(` (…/wiki/A_(B)).
    while (end > m.index && /[.,;:!?()[\]']/.test(text[end - 1])) {
      const kept = text.slice(m.index, end);
      if (text[end - 1] === ')' && count(kept, '(') >= count(kept, ')')) break;
      end--;
    }
    out.push({ start: m.index, end });
    // What the match took beyond the URL is text again: a URL there (…/x(25?https://…) is found too.
    URL.lastIndex = end;
  }
  return out;
}

export function inSpans(spans: ReadonlyArray<{ start: number; end: number }>, i: number): boolean {
  for (const s of spans) if (i >= s.start && i < s.end) return true;
  return false;
}
