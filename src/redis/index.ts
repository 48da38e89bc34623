/**
 * What replicas share through Redis (REDIS_URL), behind the interfaces the app already uses:
 * cooldowns ({@link CooldownStore}), knowledge gaps ({@link GapStore}), answers open for votes
 * ({@link VoteTargetStore}) and reload fan-out (`reloadAll`). Nothing outside src/redis/ and
 * main.ts imports the Redis client; the core never does.
 */
import type { CooldownStore } from '../app/cooldowns.js';
import type { SharedStateView } from '../app/render-admin.js';
import type { VoteTargetStore } from '../app/vote-targets.js';
import type { GapStore } from '../gaps/types.js';
import type { Log } from '../shared/log.js';
import { RedisCooldowns } from './cooldowns.js';
import { RedisGapStore } from './gap-store.js';
import { connectRedis, type RedisLink } from './link.js';
import { startReplicaReloader, type ReplicaReloader, type ReplicaReloaderOptions } from './reload-fanout.js';
import { RedisVoteTargets } from './vote-targets.js';

export { connectRedis, redisWhere, type RedisLink, type RedisState } from './link.js';
export { RedisCooldowns } from './cooldowns.js';
export { RedisGapStore } from './gap-store.js';
export { RedisVoteTargets } from './vote-targets.js';
export { startReplicaReloader, DEFAULT_RELOAD_TIMEOUT_MS, type ReplicaReloader } from './reload-fanout.js';

export interface SharedStateOptions {
  readonly url: string;
  readonly replicaId: string;
  readonly log: Pick<Log, 'info' | 'warn' | 'error'>;
  /** Seconds of the per-member cooldown (CASE_COOLDOWN_SECONDS); 0 disables it. */
  readonly cooldownSeconds: number;
  /** Days questions and votes are kept (GAPS_RETENTION_DAYS). */
  readonly retentionDays: number;
  /** See {@link ReplicaReloaderOptions.reloadTimeoutMs}. */
  readonly reloadTimeoutMs?: number;
  /** See {@link ReplicaReloaderOptions.heartbeatMs}. */
  readonly heartbeatMs?: number;
}

/** The shared pieces, ready to hand to `createCaseBot`. */
export interface SharedState {
  readonly link: RedisLink;
  readonly cooldowns: CooldownStore;
  readonly gaps: GapStore;
  readonly voteTargets: VoteTargetStore;
  /** For `/case-admin status`. */
  readonly view: () => SharedStateView;
  /**
   * Starts the reload fan-out over this replica's facts (once they are loaded). Not for shards:
   * they fan out through their manager.
   */
  startReloads(store: ReplicaReloaderOptions['store']): ReplicaReloader;
  /** Stops the fan-out (if started) and closes the connections. */
  close(): Promise<void>;
}

/**
 * Connects to Redis (in the background: this returns at once, and the pieces fail open until it is up).
 *
 * @example
 * const shared = openSharedState({ url: config.redisUrl, replicaId: config.replicaId, log, cooldownSeconds: 5, retentionDays: 90 });
 * const reloader = shared.startReloads(store);
 * createCaseBot({ ..., cooldowns: shared.cooldowns, reloadAll: (by) => reloader.reloadAll(by), sharedState: shared.view });
 */
export function openSharedState(options: SharedStateOptions): SharedState {
  const link = connectRedis({ url: options.url, log: options.log });
  let reloader: ReplicaReloader | undefined;
  return {
    link,
    cooldowns: new RedisCooldowns(link, options.cooldownSeconds),
    gaps: new RedisGapStore(link, options.retentionDays),
    voteTargets: new RedisVoteTargets(link),
    view() {
      const state = link.state();
      return {
        where: link.where,
        state: state.state,
        since: state.since,
        ...(state.state === 'down' ? { reason: state.reason } : {}),
        replica: options.replicaId,
        replicas: reloader?.replicas() ?? [],
      };
    },
    startReloads(store) {
      reloader ??= startReplicaReloader({
        link,
        replicaId: options.replicaId,
        store,
        log: options.log,
        ...(options.reloadTimeoutMs === undefined ? {} : { reloadTimeoutMs: options.reloadTimeoutMs }),
        ...(options.heartbeatMs === undefined ? {} : { heartbeatMs: options.heartbeatMs }),
      });
      return reloader;
    },
    async close() {
      await reloader?.close();
      await link.close();
    },
  };
}
