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
