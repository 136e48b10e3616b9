// What several rules derive from the same paragraph text in one check (its
// residue, its stretches that are not prose), made once: a document rule and
// the paragraph rules each walk the paragraphs in turn, so the results are kept
// by text for the passes after the first, each with the config it was made
// under (one check has one). Bounded: past `limit` texts the memo starts
// again, so that a long-gone draft is not kept.

export class TextMemo<C, T> {
  private readonly byText = new Map<string, { config: C | undefined; value: T }>();

  constructor(
    private readonly compute: (text: string, config: C | undefined) => T,
    private readonly limit = 16_384,
  ) {}

  get(text: string, config: C | undefined): T {
    const known = this.byText.get(text);
    if (known && known.config === config) return known.value;
    if (!known && this.byText.size >= this.limit) this.byText.clear();
    const value = this.compute(text, config);
    this.byText.set(text, { config, value });
    return value;
  }
}
