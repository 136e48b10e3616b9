// Lists of numbers by a 32-bit number key, in flat typed arrays: the keys
// sorted, where each key's values start, the values. The build writes the
// keys, how many values each has (16 bits: they compress far better than
// where they start) and the values into the wording data; the starts are
// summed at load. A look-up is a binary search of the keys: a first check of
// a long draft asks the maps about a thousand times, where a table of slots
// for their 87,000 keys, made at load by code not yet compiled, cost it more
// than all the searches of several checks.

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

  /** From where each key's values start, or (as the wording data ships them) how many values each key has. */
  constructor({ keys, starts, counts, values }: { keys: Int32Array; values: Int32Array } & ({ starts: Int32Array; counts?: undefined } | { counts: Uint16Array; starts?: undefined })) {
    if (counts && counts.length !== keys.length) throw new Error('malformed multi-map');
    const summed = starts ?? new Int32Array(keys.length + 1);
    this.keys = keys;
    this.starts = summed;
    this.values = values;
    if (!sumAndCheck(keys, counts, summed)) throw new Error('malformed multi-map: keys not sorted');
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

  /** The index of a key (its values are `values[start(i) … end(i))`), or −1. */
  find(key: number): number {
    key |= 0;
    const keys = this.keys;
    let lo = 0;
    let hi = keys.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const k = keys[mid];
      if (k === key) return mid;
      if (k < key) lo = mid + 1;
      else hi = mid - 1;
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
 * Where each key's values start, summed from `counts` (if given) into `summed`; false if the keys are not sorted,
 * each once (the search needs them so). A function of its own that ends with its loop: it runs once per key at
 * load, before the engine has compiled it, and the code compiled while it runs meets nothing it has not seen.
 */
function sumAndCheck(keys: Int32Array, counts: Uint16Array | undefined, summed: Int32Array): boolean {
  let sorted = true;
  for (let i = 0; i < keys.length; i++) {
    if (counts) summed[i + 1] = summed[i] + counts[i];
    if (i > 0 && keys[i] <= keys[i - 1]) sorted = false;
  }
  return sorted;
}
