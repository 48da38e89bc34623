/**
 * Every Redis key and channel casebot uses, in one place, under one prefix, so a Redis shared
 * with other applications can tell them apart (and `redis-cli --scan --pattern 'casebot:*'` lists them).
 */
const PREFIX = 'casebot:';

export const redisKeys = {
  /** String with a TTL: a member's cooldown on public answers. */
  cooldown: (userId: string) => `${PREFIX}cooldown:${userId}`,
  /** Hash replica id → heartbeat (JSON): who is alive to answer a reload. */
  replicas: `${PREFIX}replicas`,
  /** Pub/sub: a reload asked of every replica. */
  reloadChannel: `${PREFIX}reload`,
  /** Pub/sub: each replica's reload report. */
  reloadDoneChannel: `${PREFIX}reload-done`,
  /** String: the random key votes are hashed with (see src/gaps/voter-key.ts). */
  voterKey: `${PREFIX}gaps:voter-key`,
  /** Hash per UTC day: question (JSON key) → times asked / of them weak / last asked. */
  asked: (day: number) => `${PREFIX}gaps:asked:${day}`,
  /** Hash: (case, question, voter hash) → the member's latest vote. */
  votes: `${PREFIX}gaps:votes`,
  /** String with a TTL: an answer open for 👍 / 👎 whose question is too long for a signed button (JSON). */
  voteTarget: (answerId: string) => `${PREFIX}vote-target:${answerId}`,
} as const;
