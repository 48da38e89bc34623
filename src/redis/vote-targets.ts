import { z } from 'zod';
import type { VoteDirection } from '../answer/vote-buttons.js';
import type { VoteTarget, VoteTargetStore } from '../app/vote-targets.js';
import { hashVoter } from '../gaps/voter-key.js';
import { redisKeys } from './keys.js';
import type { RedisLink } from './link.js';
import { redisVoterKey } from './voter-key.js';

const StoredTarget = z.object({
  caseId: z.string(),
  guildId: z.string().nullable(),
  query: z.string(),
  factIds: z.array(z.string()),
  expiresAt: z.number(),
});
const Direction = z.enum(['up', 'down']);

/**
 * The answers open for 👍 / 👎, in Redis, so a vote may land on another replica than the one that
 * answered: one key per answer, expiring with its buttons (24 hours by default). Each member's vote
 * on it is kept beside it under the keyed hash of their id (never the id), only to say "vote
 * changed". While Redis is unreachable nothing is kept or found: a click then says the answer is
 * too old to vote on, and the answer itself went out as usual.
 *
 * @example
 * const targets = new RedisVoteTargets(link);
 * targets.add('k3J9_aQx', { caseId: 'tick-jaxa', guildId: null, query: 'jaxa', factIds: ['f1'] }, Date.now());
 * (await targets.get('k3J9_aQx', Date.now()))?.query // 'jaxa', on any replica
 */
export class RedisVoteTargets implements VoteTargetStore {
  private readonly voterKey: () => Promise<Buffer | null>;

  /** @param ttlMs how long vote buttons keep working. Default 24 hours. */
  constructor(
    private readonly link: RedisLink,
    private readonly ttlMs: number = 24 * 60 * 60_000,
  ) {
    this.voterKey = redisVoterKey(link);
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

  async swapVote(answerId: string, userId: string, vote: VoteDirection): Promise<VoteDirection | undefined> {
    const key = await this.voterKey();
    if (key === null) return undefined;
    const voters = redisKeys.voteTargetVoters(answerId);
    const voter = hashVoter(key, userId).toString('hex');
    try {
      const replies = await this.link.commands.multi().hget(voters, voter).hset(voters, voter, vote).pexpire(voters, this.ttlMs).exec();
      const previous = Direction.safeParse(replies?.[0]?.[1]);
      return previous.success ? previous.data : undefined;
    } catch {
      return undefined;
    }
  }
}
