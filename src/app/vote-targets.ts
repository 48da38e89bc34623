import type { VoteDirection } from '../answer/vote-buttons.js';
import type { Awaitable } from '../gaps/types.js';

/** What a vote is about: the answer as the gaps store keys it, and where it was given. */
export interface VoteTarget {
  readonly caseId: string;
  readonly guildId: string | null;
  readonly query: string;
  /** The facts the answer showed, best first. */
  readonly factIds: readonly string[];
  readonly expiresAt: number;
}

/**
 * Where the answers open for votes are kept: this process's memory ({@link VoteTargets}), or Redis
 * when replicas share them (src/redis/vote-targets.ts), so a vote may land on any replica.
 */
export interface VoteTargetStore {
  /** Opens `answerId` for votes from `now` on. Never throws; a store on a server writes in the background. */
  add(answerId: string, target: Omit<VoteTarget, 'expiresAt'>, now: number): void;
  /** The answer, or undefined when it is unknown, forgotten or expired (or the store cannot be reached). */
  get(answerId: string, now: number): Awaitable<VoteTarget | undefined>;
  /** Notes a member's vote on an answer (kept) and returns their previous one, if any. */
  swapVote(answerId: string, userId: string, vote: VoteDirection): Awaitable<VoteDirection | undefined>;
}

export interface VoteTargetsOptions {
  /** How long vote buttons keep working. Default 24 hours. */
  readonly ttlMs?: number;
  /** Most answers kept; the oldest is forgotten first. Default 10 000. */
  readonly maxSize?: number;
}

/**
 * The answers whose 👍 / 👎 buttons still work, in memory, by answer id (the paging session id).
 * Longer-lived than paging (members vote after reading, not while paging), bounded, and lost on a
 * restart: a click then says the answer is too old to vote on. Kept here rather than in the gaps
 * database so the file holds only the questions that were answered badly, never every question.
 * Also remembers each member's vote per answer, only to say "vote changed" (the database keeps the
 * vote itself, one per member per answer).
 *
 * @example
 * const targets = new VoteTargets();
 * targets.add('k3J9_aQx', { caseId: 'tick-jaxa', guildId: '1…', query: 'jaxa', factIds: ['f1'] }, Date.now());
 * targets.get('k3J9_aQx', Date.now())?.query // 'jaxa'
 */
export class VoteTargets implements VoteTargetStore {
  private readonly ttlMs: number;
  private readonly maxSize: number;
  /** Insertion order is creation order, so the first entries are the oldest. */
  private readonly targets = new Map<string, VoteTarget>();
  private readonly votes = new Map<string, Map<string, VoteDirection>>();

  constructor(options: VoteTargetsOptions = {}) {
    this.ttlMs = Math.max(1, options.ttlMs ?? 24 * 60 * 60_000);
    this.maxSize = Math.max(1, Math.floor(options.maxSize ?? 10_000));
  }

  get size(): number {
    return this.targets.size;
  }

  add(answerId: string, target: Omit<VoteTarget, 'expiresAt'>, now: number): void {
    this.dropExpired(now);
    this.forget(answerId);
    while (this.targets.size >= this.maxSize) {
      const oldest = this.targets.keys().next();
      if (oldest.done === true) break;
      this.forget(oldest.value);
    }
    this.targets.set(answerId, { ...target, factIds: [...target.factIds], expiresAt: now + this.ttlMs });
  }

  /** The answer, or undefined when it is unknown here, forgotten or expired. */
  get(answerId: string, now: number): VoteTarget | undefined {
    const target = this.targets.get(answerId);
    if (target === undefined) return undefined;
    if (now >= target.expiresAt) {
      this.forget(answerId);
      return undefined;
    }
    return target;
  }

  /** Notes a member's vote on an answer (kept) and returns their previous one, if any. */
  swapVote(answerId: string, userId: string, vote: VoteDirection): VoteDirection | undefined {
    if (!this.targets.has(answerId)) return undefined;
    let voters = this.votes.get(answerId);
    if (voters === undefined) {
      voters = new Map();
      this.votes.set(answerId, voters);
    }
    const previous = voters.get(userId);
    voters.set(userId, vote);
    return previous;
  }

  private dropExpired(now: number): void {
    // One TTL for all, so expired answers are all at the front.
    for (const [id, target] of this.targets) {
      if (now < target.expiresAt) break;
      this.forget(id);
    }
  }

  private forget(answerId: string): void {
    this.targets.delete(answerId);
    this.votes.delete(answerId);
  }
}
