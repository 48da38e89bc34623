import { randomBytes } from 'node:crypto';

/**
 * A short id that ties an apology shown to a user to the log line with the details, e.g. `e3f09a1c`.
 * Random rather than sequential so ids from several shards or restarts do not collide.
 */
export function newReferenceId(): string {
  return randomBytes(4).toString('hex');
}
