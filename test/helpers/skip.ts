// Skipping a test (or, from a hook, a whole suite) with its reason: said where
// it happens, and kept on the test or suite for the run's summary
// (test/helpers/summaryReporter.ts), which counts the skips by reason.

export interface WithSkipReason {
  skipReason?: string;
}

export function skipBecause(ctx: Mocha.Context, reason: string): never {
  console.log(`      (skipped: ${reason})`);
  const runnable = ctx.test as (Mocha.Runnable & WithSkipReason & { type?: string }) | undefined;
  // From a hook the whole suite is skipped: the reason goes on the suite.
  const holder: WithSkipReason | undefined = runnable?.type === 'hook' ? (runnable.parent as WithSkipReason | undefined) : runnable;
  if (holder) holder.skipReason = reason;
  ctx.skip();
}

/** The reason a skipped test was given, on it or on a suite around it. */
export function skipReasonOf(test: Mocha.Test): string | undefined {
  let node: ((Mocha.Test | Mocha.Suite) & WithSkipReason) | undefined = test;
  while (node) {
    if (node.skipReason) return node.skipReason;
    node = node.parent;
  }
  return undefined;
}
