/**
 * `/case-admin reload` on any replica reloads every replica, over Redis pub/sub — the same round
 * trip the shard manager makes over process messages (src/shard/), with the same reports on the
 * wire (`toWire` / `parseWireReport`), so the reply renders as the shards' does:
 *
 * 1. every replica writes a heartbeat (its id, time and facts served) into one hash every few seconds;
 * 2. the asking replica reads who is alive, publishes `{ requestId, by }` on `casebot:reload`;
 * 3. every other replica reloads its FACTS_DIR and publishes its report on `casebot:reload-done`, while
 *    the asker reloads its own at the same time;
 * 4. the asker lists each replica's outcome, or "no answer from replica X" once the timeout passes.
 *
 * Redis down: the asker reloads itself and says the others were not asked (no queueing, no retry).
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { parseWireReport, toWire } from '../shard/protocol.js';
import { OTHER_REPLICAS, type NoAnswer, type ReloadReport } from '../store/types.js';
import type { Log } from '../shared/log.js';
import { redisKeys } from './keys.js';
import { describeRedisError, type RedisLink } from './link.js';

/** How long the asker waits for every replica's report unless told otherwise. */
export const DEFAULT_RELOAD_TIMEOUT_MS = 30_000;
/** How often a replica says it is alive unless told otherwise. */
export const DEFAULT_HEARTBEAT_MS = 5_000;

const Heartbeat = z.object({ at: z.number(), facts: z.number() });
const ReloadRequest = z.object({ requestId: z.string(), by: z.string(), from: z.string() });
const ReloadDone = z.object({ requestId: z.string(), replica: z.string(), report: z.unknown() });

export interface ReplicaReloaderOptions {
  readonly link: RedisLink;
  /** This replica's id: REPLICA_ID, else hostname:pid. */
  readonly replicaId: string;
  /** This replica's facts: what a reload runs, and how many facts the heartbeat says it serves. */
  readonly store: { reload(by: string): Promise<ReloadReport>; status(): { readonly facts: number } };
  readonly log: Pick<Log, 'info' | 'warn' | 'error'>;
  /** Default {@link DEFAULT_RELOAD_TIMEOUT_MS}. */
  readonly reloadTimeoutMs?: number;
  /** Default {@link DEFAULT_HEARTBEAT_MS}. A replica silent for three beats is taken for gone. */
  readonly heartbeatMs?: number;
  /** Epoch milliseconds. Default `Date.now`. */
  readonly clock?: () => number;
}

export interface ReplicaReloader {
  /** Reloads every live replica; one report each (this replica's first), never rejects. */
  reloadAll(by: string): Promise<ReloadReport[]>;
  /** The replicas alive at the latest heartbeat (this one included while Redis is up). */
  replicas(): readonly string[];
  /** Stops the heartbeat, removes this replica from the list and stops listening. */
  close(): Promise<void>;
}

interface Collector {
  readonly take: (replica: string, report: ReloadReport) => void;
}

/**
 * Starts the heartbeat and listens for reloads.
 *
 * @example
 * const reloader = startReplicaReloader({ link, replicaId: 'web-1:4242', store, log });
 * const reports = await reloader.reloadAll('mod (123)'); // one per replica
 */
export function startReplicaReloader(options: ReplicaReloaderOptions): ReplicaReloader {
  const { link, replicaId, store, log } = options;
  const clock = options.clock ?? Date.now;
  const timeoutMs = options.reloadTimeoutMs ?? DEFAULT_RELOAD_TIMEOUT_MS;
  const heartbeatMs = options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
  const collectors = new Map<string, Collector>();
  let alive: { readonly id: string; readonly facts: number }[] = [];
  let closed = false;

  const subscriber = link.subscriber();
  subscriber.subscribe(redisKeys.reloadChannel, redisKeys.reloadDoneChannel).catch((error: unknown) => {
    log.warn({ err: describeRedisError(error) }, 'could not listen for reloads on Redis; it is retried on reconnection');
  });
  subscriber.on('message', (channel: string, text: string) => {
    const message = parseJson(text);
    if (channel === redisKeys.reloadChannel) {
      const request = ReloadRequest.safeParse(message);
      // The asker reloads itself directly (below), so its own report never depends on its subscription.
      if (request.success && request.data.from !== replicaId) void runReload(request.data.requestId, request.data.by);
    } else if (channel === redisKeys.reloadDoneChannel) {
      const done = ReloadDone.safeParse(message);
      const report = done.success ? parseWireReport(done.data.report) : null;
      if (done.success && report !== null) collectors.get(done.data.requestId)?.take(done.data.replica, report);
    }
  });

  /** A reload asked by any replica (this one too): run it here, publish the outcome. */
  async function runReload(requestId: string, by: string): Promise<void> {
    const report = await store.reload(by);
    try {
      await link.commands.publish(redisKeys.reloadDoneChannel, JSON.stringify({ requestId, replica: replicaId, report: toWire(report) }));
    } catch (error) {
      log.warn({ requestId, err: describeRedisError(error) }, 'reloaded, but could not report it over Redis');
    }
  }

  async function beat(): Promise<void> {
    if (closed || link.state().state !== 'up') return;
    const now = clock();
    try {
      await link.commands.hset(redisKeys.replicas, replicaId, JSON.stringify({ at: now, facts: store.status().facts }));
      alive = await readAlive(now);
    } catch {
      // The link logs the outage; the next beat tries again.
    }
  }

  /** Replicas whose heartbeat is recent; long-silent entries (stopped replicas) are removed. */
  async function readAlive(now: number): Promise<{ id: string; facts: number }[]> {
    const all = z.record(z.string(), z.string()).parse(await link.commands.hgetall(redisKeys.replicas));
    const found: { id: string; facts: number }[] = [];
    const gone: string[] = [];
    for (const [id, value] of Object.entries(all)) {
      const beatValue = Heartbeat.safeParse(parseJson(value));
      if (!beatValue.success || now - beatValue.data.at > 20 * heartbeatMs) gone.push(id);
      else if (now - beatValue.data.at <= 3 * heartbeatMs) found.push({ id, facts: beatValue.data.facts });
    }
    if (gone.length > 0) await link.commands.hdel(redisKeys.replicas, ...gone);
    return found.sort((a, b) => a.id.localeCompare(b.id));
  }

  void beat();
  const timer = setInterval(() => void beat(), heartbeatMs);
  timer.unref();

  async function reloadHere(by: string, why: NoAnswer): Promise<ReloadReport[]> {
    const report = await store.reload(by);
    return [
      { ...report, replica: replicaId },
      {
        ok: false,
        at: new Date(clock()),
        by,
        durationMs: 0,
        errors: [],
        noAnswer: why,
        servingFacts: null,
        replica: OTHER_REPLICAS,
      },
    ];
  }

  return {
    async reloadAll(by) {
      const down = link.state();
      if (down.state === 'down') {
        return reloadHere(by, { code: 'redis-down', where: link.where, detail: down.reason });
      }
      const started = clock();
      const requestId = randomUUID();
      let expected: { id: string; facts: number | null }[];
      try {
        const now = clock();
        await link.commands.hset(redisKeys.replicas, replicaId, JSON.stringify({ at: now, facts: store.status().facts }));
        alive = await readAlive(now);
        expected = alive;
      } catch (error) {
        return reloadHere(by, { code: 'redis-silent', where: link.where, detail: describeRedisError(error) });
      }
      if (!expected.some((r) => r.id === replicaId)) expected = [{ id: replicaId, facts: store.status().facts }, ...expected];
      const reports = new Map<string, ReloadReport>();
      const finished = new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        collectors.set(requestId, {
          take(replica, report) {
            if (!reports.has(replica)) reports.set(replica, { ...report, replica });
            if (expected.every((r) => reports.has(r.id))) {
              clearTimeout(timer);
              resolve();
            }
          },
        });
      });
      try {
        await link.commands.publish(redisKeys.reloadChannel, JSON.stringify({ requestId, by, from: replicaId }));
      } catch (error) {
        collectors.delete(requestId);
        return reloadHere(by, { code: 'redis-refused', where: link.where, detail: describeRedisError(error) });
      }
      const own = await store.reload(by);
      collectors.get(requestId)?.take(replicaId, own);
      await finished;
      collectors.delete(requestId);
      const seconds = Math.round(timeoutMs / 1000);
      const silent = (r: { id: string; facts: number | null }): ReloadReport => ({
        ok: false,
        at: new Date(clock()),
        by,
        durationMs: clock() - started,
        errors: [],
        noAnswer: { code: 'replica-silent', replica: r.id, seconds },
        servingFacts: r.facts,
        replica: r.id,
      });
      const listed = expected.map((r) => reports.get(r.id) ?? silent(r));
      // A replica that started after the list was read but answered in time is reported too.
      const late = [...reports.values()].filter((r) => !expected.some((e) => e.id === r.replica));
      const all = [...listed, ...late];
      // This replica first, then the others by id.
      return [...all.filter((r) => r.replica === replicaId), ...all.filter((r) => r.replica !== replicaId)];
    },

    replicas: () => (link.state().state === 'up' ? alive.map((r) => r.id) : []),

    async close() {
      closed = true;
      clearInterval(timer);
      try {
        if (link.state().state === 'up') await link.commands.hdel(redisKeys.replicas, replicaId);
      } catch {
        // It drops off the list by itself once its heartbeat is old.
      }
      await subscriber.unsubscribe().catch(() => undefined);
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
