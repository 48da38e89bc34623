/**
 * The connection to Redis that replicas share (REDIS_URL), and its health as one value every Redis
 * piece reads before asking. ioredis reconnects by itself forever; this module turns its events into
 * "up" / "down since …", and logs each outage once — one warning when Redis goes away, one line
 * when it is back — never per request.
 *
 * Commands are never queued while Redis is down (`enableOfflineQueue: false`): a cooldown claim or a
 * gap write fails at once and the answer goes on, instead of waiting for a server that is not there.
 */
import { Redis, type RedisOptions } from 'ioredis';
import type { Log } from '../shared/log.js';

/** Redis as the replicas see it right now. */
export type RedisState =
  | { readonly state: 'up'; readonly since: number }
  | {
      readonly state: 'down';
      /** Epoch ms of the first failure of this outage. */
      readonly since: number;
      /** What failed, in one line (no password: the URL is never part of it). */
      readonly reason: string;
    };

export interface RedisLinkOptions {
  /** `redis://[user:password@]host:port[/db]` (or `rediss://` for TLS). */
  readonly url: string;
  readonly log: Pick<Log, 'info' | 'warn'>;
  /**
   * Longest wait for one command, in ms; then it fails and the caller fails open. Default 1000: a
   * hung Redis must not hold an answer anywhere near Discord's 3 s.
   */
  readonly commandTimeoutMs?: number;
  /** Longest pause between reconnection attempts. Default 2000 ms. */
  readonly maxReconnectDelayMs?: number;
  /** Epoch milliseconds. Default `Date.now`. */
  readonly clock?: () => number;
}

/** One Redis server, shared by every Redis piece of a process. */
export interface RedisLink {
  /** The connection for commands (not for subscribing). */
  readonly commands: Redis;
  /** Where Redis is, as the log and status show it: host and port, never the password. */
  readonly where: string;
  state(): RedisState;
  /**
   * A second connection for pub/sub (a subscribed connection takes no other commands). It queues
   * its subscriptions until connected and subscribes again after every reconnection.
   */
  subscriber(): Redis;
  /** Resolves once the first connection is up, or false after `timeoutMs`. */
  whenUp(timeoutMs: number): Promise<boolean>;
  /** Closes every connection; no reconnection afterwards. */
  close(): Promise<void>;
}

/**
 * Where a Redis URL points, without its credentials.
 *
 * @example
 * redisWhere('redis://:secret@cache.internal:6380/2') // 'cache.internal:6380'
 */
export function redisWhere(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port === '' ? '6379' : parsed.port}`;
  } catch {
    return 'redis';
  }
}

/**
 * Connects (in the background: this returns at once) and keeps reconnecting until {@link RedisLink.close}.
 *
 * @example
 * const link = connectRedis({ url: process.env.REDIS_URL, log });
 * if (link.state().state === 'up') await link.commands.set('k', 'v');
 */
export function connectRedis(options: RedisLinkOptions): RedisLink {
  const { log } = options;
  const clock = options.clock ?? Date.now;
  const where = redisWhere(options.url);
  const maxDelay = options.maxReconnectDelayMs ?? 2000;
  const base: RedisOptions = {
    connectTimeout: 2000,
    commandTimeout: options.commandTimeoutMs ?? 1000,
    // Reconnect forever, quickly at first: Redis coming back must be noticed without a restart.
    retryStrategy: (times) => Math.min(100 * times, maxDelay),
    // A command while disconnected fails at once (no queue, no retries): callers fail open.
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    lazyConnect: false,
  };
  const commands = new Redis(options.url, base);
  const subscribers: Redis[] = [];
  let current: RedisState = { state: 'down', since: clock(), reason: 'connecting' };
  let everUp = false;
  let loggedDown = false;
  let closing = false;
  const waiters = new Set<() => void>();

  const markDown = (reason: string): void => {
    if (closing) return;
    if (current.state === 'up') current = { state: 'down', since: clock(), reason };
    else if (current.reason === 'connecting') current = { ...current, reason };
    // Once per outage: every reconnection attempt fails again, and none of them is news.
    if (loggedDown) return;
    loggedDown = true;
    log.warn(
      { redis: where, reason },
      everUp
        ? 'Redis is unreachable: answers go on; cooldowns fail open, knowledge gaps are not kept and a reload reaches this replica only, until it is back'
        : 'Redis is unreachable at start: answers go on without shared state until it is reachable',
    );
  };

  commands.on('ready', () => {
    const wasDown = current.state === 'down' && everUp;
    const downFor = clock() - current.since;
    current = { state: 'up', since: clock() };
    everUp = true;
    if (wasDown || loggedDown) log.info({ redis: where, downForMs: downFor }, 'Redis is reachable again: shared state is back');
    else log.info({ redis: where }, 'Redis connected: cooldowns, knowledge gaps and reloads are shared');
    loggedDown = false;
    for (const wake of waiters) wake();
    waiters.clear();
  });
  // ioredis reports each failed attempt as an error, then `close`; only the first of an outage is logged.
  commands.on('error', (error: unknown) => markDown(describeRedisError(error)));
  commands.on('close', () => markDown('connection closed'));
  commands.on('end', () => markDown('connection ended'));

  return {
    commands,
    where,
    state: () => current,
    subscriber() {
      const sub = new Redis(options.url, { ...base, enableOfflineQueue: true, commandTimeout: undefined, autoResubscribe: true });
      // The commands connection reports the outage; this one must only not crash the process.
      sub.on('error', () => undefined);
      subscribers.push(sub);
      return sub;
    },
    whenUp(timeoutMs) {
      if (current.state === 'up') return Promise.resolve(true);
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          waiters.delete(wake);
          resolve(false);
        }, timeoutMs);
        const wake = (): void => {
          clearTimeout(timer);
          resolve(true);
        };
        waiters.add(wake);
      });
    },
    async close() {
      closing = true;
      await Promise.all([commands, ...subscribers].map((c) => c.quit().catch(() => c.disconnect())));
    },
  };
}

/** One line about a Redis failure: the error's code and message, never a stack. */
export function describeRedisError(error: unknown): string {
  if (error instanceof Error) {
    const code = 'code' in error && typeof error.code === 'string' ? `${error.code}: ` : '';
    return `${code}${error.message}`.slice(0, 200);
  }
  return String(error).slice(0, 200);
}
