// Finds every occurrence of many short strings in one pass: each position's
// pair of code units is looked up once, and only the strings starting with
// that pair are compared (strings of one unit are not supported).

export class NeedleIndex<T> {
  private readonly byPair = new Map<number, Array<{ needle: string; value: T }>>();

  add(needle: string, value: T): void {
    if (needle.length < 2) throw new RangeError(`needle too short: ${needle}`);
    const key = (needle.charCodeAt(0) << 16) | needle.charCodeAt(1);
    const list = this.byPair.get(key);
    if (list) list.push({ needle, value });
    else this.byPair.set(key, [{ needle, value }]);
  }

  /** Calls `found` for each occurrence, in text order (longer needles first at one place). */
  scan(text: string, found: (at: number, needle: string, value: T) => void): void {
    for (let i = 0; i + 1 < text.length; i++) {
      const list = this.byPair.get((text.charCodeAt(i) << 16) | text.charCodeAt(i + 1));
      if (!list) continue;
      for (const { needle, value } of list) if (text.startsWith(needle, i)) found(i, needle, value);
    }
  }
}
