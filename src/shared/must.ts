/**
 * For values the code knows are there — an index within bounds, a key just put in a map — but the
 * type cannot say so (`noUncheckedIndexedAccess`). A miss is a bug of ours: it throws, naming what
 * was missing, rather than going on with a made-up 0 or '' that turns the bug into a wrong answer.
 */

/**
 * `items[index]`, which must exist.
 *
 * @example
 * itemAt([3, 4], 1) // 4
 * itemAt([3, 4], 2) // throws RangeError
 */
export function itemAt<T>(items: ArrayLike<T>, index: number): T {
  const item = items[index];
  // The throw lives in its own function so this one stays small enough to inline: edit distances
  // and LCS tables call it in their inner loops, where an inline throw doubled the cost.
  return item === undefined ? outOfBounds(index, items.length) : item;
}

function outOfBounds(index: number, length: number): never {
  throw new RangeError(`index ${index} is outside 0..${length - 1}`);
}

/**
 * `value`, which must not be undefined; `what` names it in the error.
 *
 * @example
 * must(counts.get(key), `the count of ${key}`)
 */
export function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} is missing`);
  return value;
}
