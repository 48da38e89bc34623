/** A running event-loop block probe; see {@link startBlockProbe}. */
export interface BlockProbe {
  /** Stops the probe and returns the longest time the event loop was unavailable, in ms. */
  stop(): number;
}

/**
 * Measures how long the event loop stays blocked while some async work runs: a chain of 1 ms
 * timers notes the gap between consecutive ticks; the longest gap (minus the 1 ms it asked for)
 * is the longest stretch in which the bot could not have answered an interaction.
 *
 * A timer chain rather than `monitorEventLoopDelay`: the histogram's default 10 ms resolution
 * hides the difference between a 12 ms and a 19 ms block, and a setImmediate loop would spin a
 * core that the code being measured needs.
 *
 * @example
 * const probe = startBlockProbe();
 * await store.reload('bench');
 * const maxBlockMs = probe.stop();
 */
export function startBlockProbe(): BlockProbe {
  let last = performance.now();
  let longest = 0;
  let timer: NodeJS.Timeout | null = null;
  const tick = (): void => {
    const now = performance.now();
    longest = Math.max(longest, now - last - 1);
    last = now;
    timer = setTimeout(tick, 1);
  };
  timer = setTimeout(tick, 1);
  return {
    stop(): number {
      if (timer) clearTimeout(timer);
      timer = null;
      // A block still running when stop is called (the work's synchronous tail) counts too.
      return Math.max(0, longest, performance.now() - last - 1);
    },
  };
}

/**
 * Runs `work` with a probe and returns its result, wall time and longest event-loop block.
 * The probe's first tick needs the loop to turn once, so a synchronous prefix of `work` is caught.
 */
export async function probeBlocking<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; maxBlockMs: number }> {
  const probe = startBlockProbe();
  const start = performance.now();
  const result = await work();
  const ms = performance.now() - start;
  return { result, ms, maxBlockMs: probe.stop() };
}
