// An XML 1.0 well-formedness check of our own, strict where Word is: the bytes
// are UTF-8, every character and character reference is an XML `Char`, every
// entity is predefined, tags nest and close. Enough for the parts of a .docx
// (no DTD); it returns the first problem, or undefined.

const isXmlChar = (cp: number) =>
  cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);

export function xmlProblem(bytes: Uint8Array): string | undefined {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return 'not UTF-8';
  }
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    // A lone surrogate iterates as itself, and is no Char.
    if (!isXmlChar(cp) || (cp >= 0xd800 && cp <= 0xdfff)) return `character U+${cp.toString(16).padStart(4, '0')} is not allowed`;
  }
  const open: string[] = [];
  const token = /<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\/([^\s>]+)\s*>|<([^\s/>!?]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);|[<&]/g;
  for (const m of text.matchAll(token)) {
    const [whole, close, name, , selfClosing, ref] = m;
    if (whole === '<' || whole === '&') return `a stray ${whole} at ${m.index}`;
    if (ref !== undefined) {
      if (ref.startsWith('#')) {
        const cp = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
        if (!isXmlChar(cp)) return `&${ref}; refers to a character XML does not allow`;
      } else if (!['lt', 'gt', 'amp', 'quot', 'apos'].includes(ref)) return `unknown entity &${ref};`;
    } else if (close !== undefined) {
      if (open.pop() !== close) return `</${close}> closes nothing open`;
    } else if (name !== undefined && !selfClosing) open.push(name);
  }
  return open.length ? `<${open[open.length - 1]}> is not closed` : undefined;
}
