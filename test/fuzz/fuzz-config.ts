/**
 * Shared settings of the property-based ("fuzz") tests: the seed and the run sizes.
 *
 * `npm run fuzz` sets FUZZ=1 for the long version; plain `npm test` runs a small number of cases so
 * it stays fast. Every suite prints its seed; rerun a failure with `FUZZ_SEED=<seed> npm run fuzz`
 * (or `FUZZ_SEED=<seed> npx vitest run test/fuzz/<file>`).
 */

/** True under `npm run fuzz`. */
export const LONG = process.env.FUZZ === '1';

/**
 * The seed for a suite: FUZZ_SEED when set; else a fresh one in the long run (to explore), and a
 * fixed one per suite in `npm test` (so CI is repeatable: a red build means a change broke
 * something, not that the dice found an old bug). Printed so a failure reproduces.
 */
export function fuzzSeed(suite: string): number {
  const fromEnv = process.env.FUZZ_SEED;
  const parsed = fromEnv === undefined ? Number.NaN : Number.parseInt(fromEnv, 10);
  const seed = Number.isSafeInteger(parsed) ? parsed : LONG ? Math.floor(Math.random() * 0x7fffffff) : fixedSeed(suite);
  console.log(`[fuzz] ${suite}: seed ${seed} (${LONG ? 'long' : 'short'} run) — reproduce with FUZZ_SEED=${seed}`);
  return seed;
}

/** A stable seed from the suite's name (FNV-1a). */
function fixedSeed(suite: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < suite.length; i++) hash = Math.imul(hash ^ suite.charCodeAt(i), 0x01000193);
  return (hash >>> 0) & 0x7fffffff;
}

/** Discord's mention syntaxes that notify someone; none may survive into a reply. */
export const PING_PATTERNS: readonly RegExp[] = [/@(everyone|here)/, /<@[!&]?\d+>/];
