// Timing helpers: median and spread over repeated runs after warm-up.

export function summarize(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { runs: s.length, median: at(0.5), p10: at(0.1), p90: at(0.9), p95: at(0.95), min: s[0], max: s[s.length - 1] };
}

/**
 * Warm-up: `warmup` runs, and more until a second has passed, so that a
 * JavaScript tool is timed as a language server that has been running a while
 * runs it (optimised), not as its first calls; a native tool is unchanged by it.
 */
export function timeIt(fn, { warmup = 30, warmupMs = 1000, runs = 15 } = {}) {
  const until = performance.now() + warmupMs;
  for (let i = 0; i < warmup || performance.now() < until; i++) fn();
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return summarize(samples);
}

export const ms = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

/**
 * Several tools on the same input, warmed up each, then timed in blocks: every
 * tool runs a few times in a row, in turn, for several rounds. A burst of load
 * from elsewhere on the machine falls on all of them alike, while each block
 * still runs with its own garbage rather than the previous tool's.
 */
export function timeInRounds(fns, { warmup = 30, warmupMs = 1000, runs = 15, rounds = 5 } = {}) {
  for (const fn of Object.values(fns)) {
    const until = performance.now() + warmupMs;
    for (let i = 0; i < warmup || performance.now() < until; i++) fn();
  }
  const samples = Object.fromEntries(Object.keys(fns).map((k) => [k, []]));
  for (let round = 0; round < rounds; round++) {
    for (const [name, fn] of Object.entries(fns)) {
      fn(); // the first run after another tool pays for that tool's garbage
      for (let i = 0; i < Math.ceil(runs / rounds); i++) {
        const t0 = process.hrtime.bigint();
        fn();
        samples[name].push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }
  }
  return Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, summarize(v)]));
}
