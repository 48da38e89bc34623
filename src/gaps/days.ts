/** Days as the gaps store counts them: whole UTC days since the epoch. */

export const DAY_MS = 86_400_000;

/**
 * The UTC day a time falls on, as a whole number of days since 1970-01-01.
 *
 * @example
 * dayOf(new Date('2025-03-02T23:59:00Z')) // 20149
 */
export function dayOf(time: Date): number {
  return Math.floor(time.getTime() / DAY_MS);
}

/**
 * The first day of a window of `days` days ending today (today included): `days` = 1 is today only.
 * Reports and retention use the same window, so "the last 90 days" means the same in both.
 */
export function firstDayOfWindow(now: Date, days: number): number {
  return dayOf(now) - (days - 1);
}
