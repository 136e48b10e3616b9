// Lists of numbers by a 32-bit number key, in flat typed arrays: far fewer
// objects and faster look-ups than a Map of arrays, for indexes built once.

export class IntMultiMap {
  private readonly mask: number;
  /** Fibonacci hashing takes the product's high bits: its low bits are the key's low bits, alike in many keys (x·4096 + class). */
  private readonly shift: number;
  private readonly keys: Int32Array;
  private readonly used: Uint8Array;
  /** Per slot, where its values start in `values`; the slot's values end where the next slot's start. */
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  readonly values: Int32Array;

  /** From pairs given flat: key, value, key, value… */
  constructor(pairs: readonly number[]) {
    const n = pairs.length / 2;
    let size = 16;
    while (size < n * 2) size <<= 1;
    this.mask = size - 1;
    this.shift = 32 - Math.log2(size);
    this.keys = new Int32Array(size);
    this.used = new Uint8Array(size);
    const counts = new Int32Array(size);
    const slots = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const slot = this.slotOf(pairs[2 * i] | 0, true);
      slots[i] = slot;
      counts[slot]++;
    }
    this.starts = new Int32Array(size);
    this.ends = new Int32Array(size);
    let at = 0;
    for (let s = 0; s < size; s++) {
      this.starts[s] = at;
      this.ends[s] = at;
      at += counts[s];
    }
    this.values = new Int32Array(n);
    for (let i = 0; i < n; i++) this.values[this.ends[slots[i]]++] = pairs[2 * i + 1];
  }

  private slotOf(key: number, insert: boolean): number {
    let j = Math.imul(key, 0x9e3779b1) >>> this.shift;
    while (this.used[j] === 1) {
      if (this.keys[j] === key) return j;
      j = (j + 1) & this.mask;
    }
    if (!insert) return -1;
    this.used[j] = 1;
    this.keys[j] = key;
    return j;
  }

  /** The slot of a key (its values are `values[start(slot) … end(slot))`), or −1. */
  find(key: number): number {
    return this.slotOf(key | 0, false);
  }

  start(slot: number): number {
    return this.starts[slot];
  }

  end(slot: number): number {
    return this.ends[slot];
  }
}
