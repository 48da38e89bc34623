/**
 * Per-user cooldowns in memory. One instance per process: with several shards a user could be
 * served once per shard, which is acceptable for a rate limit meant against channel spam.
 */
export class Cooldowns {
  private readonly until = new Map<string, number>();

  /** @param seconds length of a cooldown; 0 disables cooldowns entirely. */
  constructor(private readonly seconds: number) {}

  /** Whole seconds `userId` must still wait (rounded up), or 0 when free to go. */
  remainingSeconds(userId: string, nowMs: number): number {
    const until = this.until.get(userId);
    if (until === undefined || until <= nowMs) return 0;
    return Math.ceil((until - nowMs) / 1000);
  }

  /** Starts `userId`'s cooldown at `nowMs`. */
  start(userId: string, nowMs: number): void {
    if (this.seconds <= 0) return;
    // Expired entries are dropped now and then so the map tracks only recently active users.
    if (this.until.size >= 10_000) {
      for (const [id, until] of this.until) if (until <= nowMs) this.until.delete(id);
    }
    this.until.set(userId, nowMs + this.seconds * 1000);
  }
}
