/**
 * The `p`-th percentile (0–100) of `samples`, by the nearest-rank method: always one of the
 * measured values, so a p99 over 1000 samples is the 10th slowest, not an interpolation.
 * Returns NaN for no samples.
 *
 * @example
 * percentile([5, 1, 3, 2, 4], 50); // 3
 */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((Math.min(100, Math.max(0, p)) / 100) * sorted.length);
  return sorted[Math.max(0, rank - 1)] ?? Number.NaN;
}

/** Rounds a figure for reports: 2 decimals under 10, 1 under 100, integers above. */
export function roundFigure(value: number): number {
  if (!Number.isFinite(value)) return value;
  const digits = Math.abs(value) < 10 ? 100 : Math.abs(value) < 100 ? 10 : 1;
  return Math.round(value * digits) / digits;
}

export interface Timings {
  /** Wall time of each call, ms: what a user waits. */
  readonly wall: number[];
  /**
   * Process CPU time of each call, ms (microsecond resolution on Linux). On a shared, overloaded
   * machine the wall time of a 0.3 ms call can read 20 ms because the OS ran someone else; the
   * CPU time shows what the code itself costs.
   */
  readonly cpu: number[];
}

/** Runs `fn` once per input and returns each call's wall and CPU time. */
export function timeEach<T>(inputs: readonly T[], fn: (input: T) => unknown): Timings {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (const input of inputs) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    fn(input);
    wall.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall, cpu };
}
