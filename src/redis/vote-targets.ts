import { z } from 'zod';
import type { VoteTarget, VoteTargetStore } from '../app/vote-targets.js';
import { redisKeys } from './keys.js';
import type { RedisLink } from './link.js';

const StoredTarget = z.object({
  caseId: z.string(),
  guildId: z.string().nullable(),
  query: z.string(),
  factIds: z.array(z.string()),
  expiresAt: z.number(),
});

/**
 * The answers open for 👍 / 👎 whose question is too long for a signed vote button, in Redis, so
 * such a vote may land on another replica than the one that answered: one key per answer, expiring
 * with its buttons (24 hours by default). While Redis is unreachable nothing is kept or found: a
 * click then says the buttons no longer work, and the answer itself went out as usual.
 *
 * @example
 * const targets = new RedisVoteTargets(link);
 * targets.add('k3J9_aQx', { caseId: 'tick-jaxa', guildId: null, query: 'jaxa', factIds: ['f1'] }, Date.now());
 * (await targets.get('k3J9_aQx', Date.now()))?.query // 'jaxa', on any replica
 */
export class RedisVoteTargets implements VoteTargetStore {
  /** @param ttlMs how long vote buttons keep working. Default 24 hours. */
  constructor(
    private readonly link: RedisLink,
    private readonly ttlMs: number = 24 * 60 * 60_000,
  ) {}

  /** How long an answer can be voted on, in milliseconds. */
  get ttl(): number {
    return this.ttlMs;
  }

  add(answerId: string, target: Omit<VoteTarget, 'expiresAt'>, now: number): void {
    if (this.link.state().state !== 'up') return;
    const stored = {
      caseId: target.caseId,
      guildId: target.guildId,
      query: target.query,
      factIds: [...target.factIds],
      expiresAt: now + this.ttlMs,
    };
    // In the background: the answer goes out now; its buttons cannot be clicked before this lands.
    this.link.commands.set(redisKeys.voteTarget(answerId), JSON.stringify(stored), 'PX', this.ttlMs).catch(() => undefined);
  }

  async get(answerId: string, now: number): Promise<VoteTarget | undefined> {
    if (this.link.state().state !== 'up') return undefined;
    try {
      const raw = await this.link.commands.get(redisKeys.voteTarget(answerId));
      if (raw === null) return undefined;
      const parsed = StoredTarget.safeParse(JSON.parse(raw));
      return parsed.success && now < parsed.data.expiresAt ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }
}
