import type { CooldownStore } from '../app/cooldowns.js';
import { redisKeys } from './keys.js';
import type { RedisLink } from './link.js';

/**
 * Cooldowns every replica shares: one Redis key per member with the cooldown as its TTL, claimed
 * with `SET … NX PX` so of two replicas answering the same member at once, one wins. Fails open:
 * while Redis is down (or a command fails) every member is free to go — the answer matters more
 * than sparing a channel — and nothing is logged here (the link logs the outage once).
 *
 * The times are Redis's own (the TTL), not the replica's `nowMs`: replicas' clocks may differ.
 *
 * @example
 * const cooldowns = new RedisCooldowns(link, 5);
 * await cooldowns.claim('123', Date.now()); // 0 on every replica for the first claim, then the seconds left
 */
export class RedisCooldowns implements CooldownStore {
  constructor(
    private readonly link: RedisLink,
    private readonly seconds: number,
  ) {}

  async claim(userId: string, _nowMs: number): Promise<number> {
    if (this.seconds <= 0 || this.link.state().state !== 'up') return 0;
    try {
      const key = redisKeys.cooldown(userId);
      // Twice at most: the key may expire between a refused SET and the PTTL that follows it.
      for (let attempt = 0; attempt < 2; attempt += 1) {
        const set = await this.link.commands.set(key, '1', 'PX', this.seconds * 1000, 'NX');
        if (set === 'OK') return 0;
        const left = await this.link.commands.pttl(key);
        if (left > 0) return Math.ceil(left / 1000);
      }
      return 0;
    } catch {
      return 0;
    }
  }

  async release(userId: string): Promise<void> {
    if (this.link.state().state !== 'up') return;
    try {
      await this.link.commands.del(redisKeys.cooldown(userId));
    } catch {
      // The cooldown then simply runs out.
    }
  }

  async remainingSeconds(userId: string, _nowMs: number): Promise<number> {
    if (this.seconds <= 0 || this.link.state().state !== 'up') return 0;
    try {
      const left = await this.link.commands.pttl(redisKeys.cooldown(userId));
      return left > 0 ? Math.ceil(left / 1000) : 0;
    } catch {
      return 0;
    }
  }
}
