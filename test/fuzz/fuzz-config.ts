/**
 * Shared settings of the property-based ("fuzz") tests: the seed and the run sizes.
 *
 * `npm run fuzz` sets FUZZ=1 for the long version; plain `npm test` runs a small number of cases so
 * it stays fast. Every suite prints its seed; rerun a failure with `FUZZ_SEED=<seed> npm run fuzz`
 * (or `FUZZ_SEED=<seed> npx vitest run test/fuzz/<file>`).
 */

/** True under `npm run fuzz`. */
export const LONG = process.env.FUZZ === '1';

/** The seed for a suite: FUZZ_SEED when set, else a fresh one. Printed so a failure reproduces. */
export function fuzzSeed(suite: string): number {
  const fromEnv = process.env.FUZZ_SEED;
  const parsed = fromEnv === undefined ? Number.NaN : Number.parseInt(fromEnv, 10);
  const seed = Number.isSafeInteger(parsed) ? parsed : Math.floor(Math.random() * 0x7fffffff);
  console.log(`[fuzz] ${suite}: seed ${seed} (${LONG ? 'long' : 'short'} run) — reproduce with FUZZ_SEED=${seed}`);
  return seed;
}

/** Discord's mention syntaxes that notify someone; none may survive into a reply. */
export const PING_PATTERNS: readonly RegExp[] = [/@(everyone|here)/, /<@[!&]?\d+>/];
