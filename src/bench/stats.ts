import { itemAt } from '../shared/must.js';

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

/**
 * Latency of several timed passes, each over its own fresh inputs: the median of the passes' p50s
 * and p99s, and every pass's p99. Why passes: on these shared virtual machines the whole process
 * is sometimes descheduled for ~4 ms (CPU profiles show windows with no samples at all), a few
 * times per second; one pass's p99 (its 10th slowest of 1000) then measures the machine more than
 * the code. The median of three fresh passes keeps a real slow path (it shows in every pass) and
 * drops a pass that the machine happened to stall.
 */
export interface PassLatency {
  readonly p50: number;
  readonly p99: number;
  readonly p99s: readonly number[];
}

export function passLatency(passes: readonly (readonly number[])[]): PassLatency {
  const p50s = passes.map((times) => percentile(times, 50));
  const p99s = passes.map((times) => percentile(times, 99));
  return { p50: median(p50s), p99: median(p99s), p99s };
}

/** The median of `values` (the mean of the two middle ones for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  // An even count has two middles: their mean.
  return sorted.length % 2 === 1 ? itemAt(sorted, middle) : (itemAt(sorted, middle - 1) + itemAt(sorted, middle)) / 2;
}

/** Rounds a figure for reports: 2 decimals under 10, 1 under 100, integers above. */
export function roundFigure(value: number): number {
  if (!Number.isFinite(value)) return value;
  const digits = Math.abs(value) < 10 ? 100 : Math.abs(value) < 100 ? 10 : 1;
  return Math.round(value * digits) / digits;
}

/**
 * Runs `fn` once per input and returns each call's wall time in ms: what a user waits. (Process
 * CPU time was tried and dropped: it counts the GC's and compiler's helper threads too, so a call
 * could "use" more CPU than wall time.)
 */
export function timeEach<T>(inputs: readonly T[], fn: (input: T) => unknown): number[] {
  const wall: number[] = [];
  for (const input of inputs) {
    const start = performance.now();
    fn(input);
    wall.push(performance.now() - start);
  }
  return wall;
}
