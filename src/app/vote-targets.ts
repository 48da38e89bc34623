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
 * Where the answers whose question is too long for a signed vote button (src/answer/vote-token.ts)
 * are kept: this process's memory ({@link VoteTargets}), or Redis when replicas share them
 * (src/redis/vote-targets.ts), so such a vote may land on any replica. The member's previous vote
 * is not kept here: the gaps store returns it with the vote it keeps.
 */
export interface VoteTargetStore {
  /** How long an answer can be voted on, in milliseconds (signed vote buttons expire alike). */
  readonly ttl: number;
  /** Opens `answerId` for votes from `now` on. Never throws; a store on a server writes in the background. */
  add(answerId: string, target: Omit<VoteTarget, 'expiresAt'>, now: number): void;
  /** The answer, or undefined when it is unknown, forgotten or expired (or the store cannot be reached). */
  get(answerId: string, now: number): Awaitable<VoteTarget | undefined>;
}

export interface VoteTargetsOptions {
  /** How long vote buttons keep working. Default 24 hours. */
  readonly ttlMs?: number;
  /** Most answers kept; the oldest is forgotten first. Default 10 000. */
  readonly maxSize?: number;
}

/**
 * The answers whose 👍 / 👎 buttons work from this process's memory, by answer id (the paging id):
 * only those whose question is too long for a signed vote button (src/answer/vote-token.ts).
 * Longer-lived than paging (members vote after reading, not while paging), bounded, and lost on a
 * restart: a click then says the buttons no longer work. Kept here rather than in the gaps
 * database so the file holds only the questions that were answered badly, never every question.
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

  constructor(options: VoteTargetsOptions = {}) {
    this.ttlMs = Math.max(1, options.ttlMs ?? 24 * 60 * 60_000);
    this.maxSize = Math.max(1, Math.floor(options.maxSize ?? 10_000));
  }

  /** How long an answer can be voted on, in milliseconds (signed vote buttons expire alike). */
  get ttl(): number {
    return this.ttlMs;
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

  private dropExpired(now: number): void {
    // One TTL for all, so expired answers are all at the front.
    for (const [id, target] of this.targets) {
      if (now < target.expiresAt) break;
      this.forget(id);
    }
  }

  private forget(answerId: string): void {
    this.targets.delete(answerId);
  }
}
