// Lists of numbers by a 32-bit number key, in flat typed arrays: the keys
// sorted, where each key's values start, the values. The build writes the
// keys, how many values each has (16 bits: they compress far better than
// where they start) and the values into the wording data; a table of slots,
// made at load in one pass over the keys that sums the starts too, makes a
// look-up one hash probe, a miss one memory read (each slot holds its key).

/** The arrays of one map: its keys (sorted, each once), where each key's values start (one more entry than keys), the values. */
export interface IntMultiMapArrays {
  keys: Int32Array;
  starts: Int32Array;
  values: Int32Array;
}

export class IntMultiMap implements IntMultiMapArrays {
  readonly keys: Int32Array;
  readonly starts: Int32Array;
  readonly values: Int32Array;
  /** Per slot, two entries: its key, and 1 + the key's index (0: an empty slot). */
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly shift: number;

  /**
   * From where each key's values start, or (as the wording data ships them) how many values each key has: the
   * starts are then summed in the loop that fills the slots (a loop of its own at load costs a first check several
   * milliseconds, run before the engine has compiled it).
   */
  constructor({ keys, starts, counts, values }: { keys: Int32Array; values: Int32Array } & ({ starts: Int32Array; counts?: undefined } | { counts: Uint16Array; starts?: undefined })) {
    if (counts && counts.length !== keys.length) throw new Error('malformed multi-map');
    const summed = starts ?? new Int32Array(keys.length + 1);
    this.keys = keys;
    this.starts = summed;
    this.values = values;
    let size = 16;
    while (size < keys.length * 2) size <<= 1;
    this.mask = size - 1;
    this.shift = 32 - Math.log2(size);
    this.slots = new Int32Array(2 * size);
    fillSlots(keys, counts, summed, this.slots, this.mask, this.shift);
    if (summed.length !== keys.length + 1 || summed[keys.length] !== values.length) throw new Error('malformed multi-map');
  }

  /** From pairs given flat (key, value, key, value…), each key's values kept in the order given. */
  static build(pairs: readonly number[]): IntMultiMap {
    const order = Array.from({ length: pairs.length / 2 }, (_, i) => i).sort((a, b) => (pairs[2 * a] | 0) - (pairs[2 * b] | 0) || a - b);
    const keys: number[] = [];
    const starts: number[] = [];
    const values = new Int32Array(order.length);
    order.forEach((i, n) => {
      const key = pairs[2 * i] | 0;
      if (keys.length === 0 || keys[keys.length - 1] !== key) {
        keys.push(key);
        starts.push(n);
      }
      values[n] = pairs[2 * i + 1];
    });
    starts.push(order.length);
    return new IntMultiMap({ keys: Int32Array.from(keys), starts: Int32Array.from(starts), values });
  }

  /** Fibonacci hashing takes the product's high bits: its low bits are the key's low bits, alike in many keys (x·4096 + class). */
  private slotOf(key: number): number {
    return Math.imul(key, 0x9e3779b1) >>> this.shift;
  }

  /** The index of a key (its values are `values[start(i) … end(i))`), or −1. */
  find(key: number): number {
    key |= 0;
    const slots = this.slots;
    for (let j = this.slotOf(key); slots[2 * j + 1] !== 0; j = (j + 1) & this.mask) {
      if (slots[2 * j] === key) return slots[2 * j + 1] - 1;
    }
    return -1;
  }

  start(i: number): number {
    return this.starts[i];
  }

  end(i: number): number {
    return this.starts[i + 1];
  }
}

/**
 * The slots of `keys` (and, from `counts`, where each key's values start), in a function of its own that ends with
 * its loop: it runs once per key at load, before the engine has compiled it, so it reads no field and calls no
 * method (slotOf written out), and the code compiled while the loop runs meets nothing it has not seen when it ends.
 */
function fillSlots(keys: Int32Array, counts: Uint16Array | undefined, summed: Int32Array, slots: Int32Array, mask: number, shift: number): void {
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (counts) summed[i + 1] = summed[i] + counts[i];
    let j = Math.imul(key, 0x9e3779b1) >>> shift; // slotOf(key)
    while (slots[2 * j + 1] !== 0) j = (j + 1) & mask;
    slots[2 * j] = key;
    slots[2 * j + 1] = i + 1;
  }
}
