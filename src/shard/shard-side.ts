/**
 * The shard's half of sharding: knowing it is a shard, and taking part in reloads. Each shard
 * process keeps its own {@link FactStore}; a reload asked on one shard goes through the manager
 * to every shard (see protocol.ts), and the asking shard gets back every shard's report.
 */
import { randomUUID } from 'node:crypto';
import type { CaseStore } from '../app/case-bot.js';
import type { ReloadReport } from '../store/types.js';
import { parseShardMessage, toWire, type ShardMessage } from './protocol.js';
import type { Log } from '../shared/log.js';

/** Which shard this process is, of how many. */
export interface ShardIdentity {
  readonly id: number;
  readonly count: number;
}

/**
 * Whether this process was spawned by discord.js's `ShardingManager`, read from the same variables
 * the discord.js `Client` reads to set `client.shard` (`SHARDING_MANAGER`, `SHARDS`, `SHARD_COUNT`).
 *
 * @returns the identity, or undefined for a process that is not a shard.
 * @example
 * shardFromEnv({ SHARDING_MANAGER: 'true', SHARDS: '1', SHARD_COUNT: '2' }) // { id: 1, count: 2 }
 */
export function shardFromEnv(env: Record<string, string | undefined>): ShardIdentity | undefined {
  if (env.SHARDING_MANAGER !== 'true' || env.SHARDING_MANAGER_MODE !== 'process') return undefined;
  const id = Number(env.SHARDS);
  const count = Number(env.SHARD_COUNT);
  if (!Number.isInteger(id) || !Number.isInteger(count) || id < 0 || count < 1 || id >= count) return undefined;
  return { id, count };
}

/** The channel to the manager: `process` in a shard (see {@link processPort}), a fake in tests. */
export interface ManagerPort {
  send(message: unknown): Promise<void>;
  /** Subscribes to messages from the manager; returns the unsubscribe. */
  onMessage(listener: (message: unknown) => void): () => void;
}

/** The IPC channel of a forked child process, or undefined when this process has none. */
export function processPort(): ManagerPort | undefined {
  const send = process.send?.bind(process);
  if (send === undefined) return undefined;
  return {
    send: (message) =>
      new Promise((resolve, reject) => {
        send(message, undefined, {}, (error: Error | null) => (error ? reject(error) : resolve()));
      }),
    onMessage(listener) {
      process.on('message', listener);
      return () => process.off('message', listener);
    },
  };
}

export type ShardLogger = Pick<Log, 'info' | 'warn' | 'error'>;

export interface ShardReloaderOptions {
  readonly shard: ShardIdentity;
  readonly store: Pick<CaseStore, 'reload' | 'status'>;
  readonly port: ManagerPort;
  readonly log: ShardLogger;
  /** How long {@link ShardReloader.reloadAll} waits for the manager's answer. Default 40 s (the manager waits 30 s per shard). */
  readonly resultTimeoutMs?: number;
}

export interface ShardReloader {
  /**
   * Reloads every shard through the manager; one report per shard, sorted by shard id. When the
   * manager does not answer in time, one report (this shard's) says so: nothing was reloaded.
   */
  reloadAll(by: string): Promise<readonly ReloadReport[]>;
  /** Stops listening to the manager; pending reloadAll calls reject. */
  close(): void;
}

/**
 * Joins this shard to the manager's reloads: runs the reloads the manager asks for on this shard's
 * store, and offers {@link ShardReloader.reloadAll} for `/case-admin reload` (pass it to `startBot`).
 *
 * @example
 * const reloader = connectShardReloader({ shard, store, port: processPort()!, log });
 * await startBot({ config, store, log, reloadAll: reloader.reloadAll });
 */
export function connectShardReloader(options: ShardReloaderOptions): ShardReloader {
  const { shard, store, port, log } = options;
  const resultTimeoutMs = options.resultTimeoutMs ?? 40_000;
  const pending = new Map<string, { resolve(reports: readonly ReloadReport[]): void; reject(error: Error): void }>();

  async function runReload(message: Extract<ShardMessage, { type: 'casebot:reload-run' }>): Promise<void> {
    const report: ReloadReport = { ...(await store.reload(message.by)), shard: shard.id };
    log.info({ shard: shard.id, requestId: message.requestId, ok: report.ok }, 'shard reloaded');
    await port.send({ type: 'casebot:reload-done', requestId: message.requestId, report: toWire(report) });
  }

  const unsubscribe = port.onMessage((raw) => {
    const message = parseShardMessage(raw);
    if (message?.type === 'casebot:reload-run') {
      runReload(message).catch((error: unknown) => log.error({ err: error, requestId: message.requestId }, 'shard reload failed'));
    } else if (message?.type === 'casebot:reload-result') {
      const waiter = pending.get(message.requestId);
      pending.delete(message.requestId);
      waiter?.resolve([...message.reports].sort((a, b) => (a.shard ?? 0) - (b.shard ?? 0)));
    }
  });
  // Lets the manager describe this shard even if it later stops answering.
  port
    .send({ type: 'casebot:serving', facts: store.status().facts })
    .catch((error: unknown) => log.warn({ err: error }, 'could not reach the shard manager'));

  return {
    reloadAll(by) {
      const requestId = randomUUID();
      return new Promise<readonly ReloadReport[]>((resolve, reject) => {
        const started = Date.now();
        const timer = setTimeout(() => {
          pending.delete(requestId);
          log.warn({ requestId, timeoutMs: resultTimeoutMs }, 'the shard manager did not answer a reload');
          resolve([
            {
              ok: false,
              at: new Date(),
              by,
              durationMs: Date.now() - started,
              errors: [],
              noAnswer: { code: 'manager-silent', seconds: Math.round(resultTimeoutMs / 1000) },
              servingFacts: store.status().facts,
              shard: shard.id,
            },
          ]);
        }, resultTimeoutMs);
        const settle = {
          resolve(reports: readonly ReloadReport[]) {
            clearTimeout(timer);
            resolve(reports);
          },
          reject(error: Error) {
            clearTimeout(timer);
            reject(error);
          },
        };
        pending.set(requestId, settle);
        port.send({ type: 'casebot:reload', requestId, by }).catch((error: unknown) => {
          pending.delete(requestId);
          settle.reject(error instanceof Error ? error : new Error(String(error)));
        });
      });
    },
    close() {
      unsubscribe();
      for (const waiter of pending.values()) waiter.reject(new Error('shard is shutting down'));
      pending.clear();
    },
  };
}
