import type { GapStore } from './types.js';

/** How often {@link startPruning} prunes by default: 6 hours, so nothing outlives the limit by more than that. */
export const DEFAULT_PRUNE_EVERY_MS = 6 * 60 * 60 * 1000;

/**
 * Prunes the store every `everyMs` while the process runs (the store prunes once itself when opened).
 * The timer does not keep the process alive. Returns the function that stops it; call it before `close()`.
 *
 * @example
 * const stopPruning = startPruning(gaps);
 * // on shutdown:
 * stopPruning();
 * gaps.close();
 */
export function startPruning(store: GapStore, everyMs: number = DEFAULT_PRUNE_EVERY_MS, clock: () => Date = () => new Date()): () => void {
  const timer = setInterval(() => void store.prune(clock()), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
