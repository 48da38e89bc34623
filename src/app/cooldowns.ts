/**
 * Per-user cooldowns on public `/case` answers: where they are kept is behind {@link CooldownStore},
 * so one process keeps them in memory ({@link Cooldowns}) and replicas share them through Redis
 * (src/redis/cooldowns.ts), where a member cannot dodge one by landing on another replica.
 */

/**
 * Where cooldowns are kept. Every method answers (never rejects): a store that cannot reach its
 * data fails open — the member is free to go — since a cooldown only spares a channel, and must
 * never cost anyone their answer.
 */
export interface CooldownStore {
  /**
   * Starts `userId`'s cooldown at `nowMs` unless one is running. Atomic across everyone sharing
   * the store: of two claims at once, one wins.
   *
   * @returns 0 when the cooldown was started (answer publicly), else the whole seconds still to wait (rounded up).
   */
  claim(userId: string, nowMs: number): Promise<number>;
  /** Ends `userId`'s cooldown early: a claimed answer that went out privately after all. */
  release(userId: string): Promise<void>;
  /** Whole seconds `userId` must still wait (rounded up), or 0 when free to go; starts nothing. */
  remainingSeconds(userId: string, nowMs: number): Promise<number>;
}

/**
 * Cooldowns in this process's memory. With several shards or replicas a user could be served once
 * per process, which is acceptable for one process; replicas share theirs through Redis.
 *
 * @example
 * const cooldowns = new Cooldowns(5);
 * await cooldowns.claim('123', Date.now()); // 0: answer publicly, cooldown started
 * await cooldowns.claim('123', Date.now()); // 5: still waiting
 */
export class Cooldowns implements CooldownStore {
  private readonly until = new Map<string, number>();

  /** @param seconds length of a cooldown; 0 disables cooldowns entirely. */
  constructor(private readonly seconds: number) {}

  claim(userId: string, nowMs: number): Promise<number> {
    const wait = this.remainingNow(userId, nowMs);
    if (wait === 0) this.start(userId, nowMs);
    return Promise.resolve(wait);
  }

  release(userId: string): Promise<void> {
    this.until.delete(userId);
    return Promise.resolve();
  }

  remainingSeconds(userId: string, nowMs: number): Promise<number> {
    return Promise.resolve(this.remainingNow(userId, nowMs));
  }

  private remainingNow(userId: string, nowMs: number): number {
    const until = this.until.get(userId);
    if (until === undefined || until <= nowMs) return 0;
    return Math.ceil((until - nowMs) / 1000);
  }

  private start(userId: string, nowMs: number): void {
    if (this.seconds <= 0) return;
    // Expired entries are dropped now and then so the map tracks only recently active users.
    if (this.until.size >= 10_000) {
      for (const [id, until] of this.until) if (until <= nowMs) this.until.delete(id);
    }
    this.until.set(userId, nowMs + this.seconds * 1000);
  }
}
