/**
 * The manager's half of sharding: one process that spawns a child process per shard with
 * discord.js's `ShardingManager`, logs their lives, and coordinates `/case-admin reload` across
 * them (see protocol.ts). It serves no interactions and holds no facts itself.
 */
import { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { ShardingManager, type Shard } from 'discord.js';
import type { NoAnswer, ReloadReport } from '../store/types.js';
import { parseShardMessage, toWire, type ShardMessage } from './protocol.js';
import type { Log } from '../shared/log.js';

/** The REST base used when DISCORD_API_URL is not set (discord.js's own default). */
const DISCORD_API = 'https://discord.com/api';

/** Sharding could not start; the message says what to do. */
export class ShardStartError extends Error {
  constructor(message: string, options?: { cause: unknown }) {
    super(message, options);
    this.name = 'ShardStartError';
  }
}

export type ManagerLogger = Pick<Log, 'info' | 'warn' | 'error'>;

export interface StartShardsOptions {
  readonly token: string;
  /** `DISCORD_API_URL`: where `GET /v10/gateway/bot` is asked for the shard count. Default discord.com. */
  readonly apiUrl?: string | undefined;
  /** A fixed count, or `auto` for Discord's recommendation. */
  readonly shardCount: number | 'auto';
  readonly log: ManagerLogger;
  /** The script each shard runs. Default `src/main.ts`, which notices it is a shard. */
  readonly file?: string;
  /** Node flags of the shard processes. Default `['--import', 'tsx']` (there is no build step). */
  readonly execArgv?: readonly string[];
  /** Variables added to (over) this process's environment for the shards. */
  readonly env?: Readonly<Record<string, string>>;
  /** Wait between spawning two shards. Default 5.5 s, Discord's identify spacing without larger max_concurrency. */
  readonly spawnDelayMs?: number;
  /** How long a shard may take to become ready. Default 30 s. */
  readonly readyTimeoutMs?: number;
  /** How long a reload waits for each shard's report. Default 30 s. */
  readonly reloadTimeoutMs?: number;
  /** Pipe the shards' stdout/stderr to `shard.process.stdout` instead of sharing ours. Default false. */
  readonly silent?: boolean;
  /** Default: the global fetch. */
  readonly fetch?: typeof fetch;
  /** Called for every shard as soon as it exists, before it spawns (tests read its output here). */
  readonly onShardCreate?: (shard: Shard) => void;
  /** Aborting it while the shards start stops those spawned so far; startShards then rejects. */
  readonly signal?: AbortSignal;
}

export interface RunningShards {
  readonly manager: ShardingManager;
  /** How many shards were spawned. */
  readonly count: number;
  /**
   * Asks every shard to exit (`signal`, default SIGTERM; SIGKILL after `graceMs`, default 10 s),
   * without respawning, and resolves when all are gone.
   */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<void>;
  /**
   * Runs one reload on every shard, as `/case-admin reload` on any shard does; one report per shard
   * (a shard that does not answer gets a failure report). Used by the manager's file watcher.
   */
  reloadAll(by: string): Promise<ReloadReport[]>;
}

/**
 * Discord's recommended shard count for this token, from `GET {apiUrl}/v10/gateway/bot` — the same
 * request discord.js's `fetchRecommendedShardCount` makes, but against DISCORD_API_URL when set
 * (the `ShardingManager` itself would always ask discord.com).
 *
 * @throws ShardStartError when the token is rejected or the answer has no shard count.
 * @example
 * await fetchShardCount(token, 'http://127.0.0.1:5000/api') // 2
 */
export async function fetchShardCount(token: string, apiUrl: string | undefined, fetchImpl: typeof fetch = fetch): Promise<number> {
  const url = `${apiUrl ?? DISCORD_API}/v10/gateway/bot`;
  let response: Response;
  try {
    response = await fetchImpl(url, { headers: { authorization: `Bot ${token}` }, signal: AbortSignal.timeout(15_000) });
  } catch (error) {
    throw new ShardStartError(`Could not ask ${url} for the shard count: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  if (response.status === 401) {
    throw new ShardStartError(
      'Discord rejected DISCORD_TOKEN. Reset the token in the Developer Portal (Bot → Reset Token) and update .env.',
    );
  }
  if (!response.ok) {
    throw new ShardStartError(
      `${url} answered ${response.status} when asked for the shard count; try again, or set SHARD_COUNT to a number.`,
    );
  }
  const body: unknown = await response.json().catch(() => null);
  const shards = typeof body === 'object' && body !== null && 'shards' in body ? body.shards : undefined;
  if (typeof shards !== 'number' || !Number.isInteger(shards) || shards < 1) {
    throw new ShardStartError(`${url} gave no shard count; set SHARD_COUNT to a number.`);
  }
  return shards;
}

/** The variables discord.js's `ShardingManager` constructor writes into our own environment. */
const MANAGER_ENV_KEYS = ['SHARDING_MANAGER', 'SHARDING_MANAGER_MODE', 'DISCORD_TOKEN'] as const;

/**
 * Spawns the shards and resolves once every one is ready. Each shard is a child process running
 * {@link StartShardsOptions.file} with its own fact store; a shard that dies later is respawned by
 * discord.js. Reloads asked on any shard run on all of them (see protocol.ts).
 *
 * @throws ShardStartError when the shard count cannot be learnt or a shard does not become ready
 *   (the shards already spawned are stopped first).
 * @example
 * const shards = await startShards({ token, apiUrl: config.discordApiUrl, shardCount: 'auto', log });
 * process.once('SIGTERM', () => void shards.stop().then(() => process.exit(0)));
 */
export async function startShards(options: StartShardsOptions): Promise<RunningShards> {
  const { token, log } = options;
  const count = options.shardCount === 'auto' ? await fetchShardCount(token, options.apiUrl, options.fetch) : options.shardCount;
  options.signal?.throwIfAborted();
  const reloadTimeoutMs = options.reloadTimeoutMs ?? 30_000;

  // The constructor writes SHARDING_MANAGER & co. into process.env; put ours back as it was, and
  // give those variables to the shards explicitly instead.
  const saved = MANAGER_ENV_KEYS.map((key) => [key, process.env[key]] as const);
  const manager = new ShardingManager(options.file ?? fileURLToPath(new URL('../main.ts', import.meta.url)), {
    token,
    totalShards: count,
    mode: 'process',
    execArgv: [...(options.execArgv ?? ['--import', 'tsx'])],
    silent: options.silent ?? false,
  });
  for (const [key, value] of saved) {
    if (value === undefined) Reflect.deleteProperty(process.env, key);
    else process.env[key] = value;
  }

  let stopping = false;
  /** Facts each shard last said it serves; reported for a shard that does not answer a reload. */
  const serving = new Map<number, number>();
  /** Reloads in progress: requestId → takes one shard's report. */
  const collectors = new Map<string, { take(shardId: number, report: ReloadReport): void; cancel(): void }>();

  manager.on('shardCreate', (shard) => {
    shard.env = {
      ...process.env,
      ...options.env,
      SHARDING_MANAGER: 'true',
      SHARDING_MANAGER_MODE: 'process',
      SHARDS: String(shard.id),
      SHARD_COUNT: String(count),
      DISCORD_TOKEN: token,
    };
    const where = { shard: shard.id, shards: count };
    shard.on('spawn', (child) => {
      log.info({ ...where, pid: child instanceof ChildProcess ? child.pid : undefined }, 'shard spawned');
      // The manager's spawn loop goes on after a stop during startup; this one must not stay.
      if (stopping && child instanceof ChildProcess) child.kill('SIGTERM');
    });
    shard.on('ready', () => log.info(where, 'shard ready'));
    // A stopping shard's client reports its own disconnect as one; only unplanned ones are worth a line.
    shard.on('disconnect', () => {
      if (!stopping) log.warn(where, 'shard disconnected from the gateway');
    });
    shard.on('reconnecting', () => {
      if (!stopping) log.info(where, 'shard reconnecting');
    });
    shard.on('resume', () => log.info(where, 'shard resumed'));
    shard.on('error', (error) => log.error({ ...where, err: error }, 'shard error'));
    shard.on('death', (child) => {
      const exit = child instanceof ChildProcess ? { exitCode: child.exitCode, signal: child.signalCode } : {};
      if (stopping) log.info({ ...where, ...exit }, 'shard stopped');
      else log.warn({ ...where, ...exit, respawn: manager.respawn }, 'shard died');
    });
    shard.on('message', (raw: unknown) => {
      const message = parseShardMessage(raw);
      // discord.js's own messages are not ours; one that claims to be ours and is not understood
      // (a shard of another version) is worth a line, or its reload would just look silent.
      if (message === null && isOurType(raw))
        log.warn({ shard: shard.id, type: raw.type }, 'shard message not understood; is the shard running another version?');
      onMessage(shard, message);
    });
    options.onShardCreate?.(shard);
  });

  function onMessage(shard: Shard, message: ShardMessage | null): void {
    if (message === null) return;
    if (message.type === 'casebot:serving') serving.set(shard.id, message.facts);
    else if (message.type === 'casebot:reload-done') collectors.get(message.requestId)?.take(shard.id, message.report);
    else if (message.type === 'casebot:reload') {
      const { requestId, by } = message;
      log.info({ shard: shard.id, requestId }, 'reload asked; running it on every shard');
      void reloadEverywhere(by)
        .then((reports) => shard.send({ type: 'casebot:reload-result', requestId, reports: reports.map(toWire) }))
        .catch((error: unknown) => log.error({ err: error, shard: shard.id, requestId }, 'could not answer the reload'));
    }
  }

  /** Runs one reload on every shard; a shard that cannot be reached or stays silent gets a failure report. */
  function reloadEverywhere(by: string): Promise<ReloadReport[]> {
    const requestId = randomUUID();
    const shards = [...manager.shards.values()];
    const started = Date.now();
    const reports = new Map<number, ReloadReport>();
    const unanswered = (id: number, why: NoAnswer): ReloadReport => ({
      ok: false,
      at: new Date(),
      by,
      durationMs: Date.now() - started,
      errors: [],
      noAnswer: why,
      servingFacts: serving.get(id) ?? 0,
      shard: id,
    });
    return new Promise((resolve) => {
      const finish = (): void => {
        clearTimeout(timer);
        collectors.delete(requestId);
        const seconds = Math.round(reloadTimeoutMs / 1000);
        resolve(shards.map((s) => reports.get(s.id) ?? unanswered(s.id, { code: 'shard-silent', shard: s.id, seconds })));
      };
      const take = (shardId: number, report: ReloadReport): void => {
        if (!reports.has(shardId)) reports.set(shardId, { ...report, shard: shardId });
        if (shards.every((s) => reports.has(s.id))) finish();
      };
      const timer = setTimeout(finish, reloadTimeoutMs);
      collectors.set(requestId, { take, cancel: finish });
      if (shards.length === 0) finish();
      for (const shard of shards) {
        shard.send({ type: 'casebot:reload-run', requestId, by }).catch((error: unknown) => {
          log.warn({ shard: shard.id, err: error }, 'could not ask a shard to reload');
          take(shard.id, unanswered(shard.id, { code: 'shard-down', shard: shard.id }));
        });
      }
    });
  }

  async function stop(signal: NodeJS.Signals = 'SIGTERM', graceMs = 10_000): Promise<void> {
    stopping = true;
    manager.respawn = false;
    for (const collector of [...collectors.values()]) collector.cancel();
    await Promise.all(
      [...manager.shards.values()].map((shard) => {
        const child = shard.process;
        if (child === null || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
        return new Promise<void>((resolve) => {
          const kill = setTimeout(() => child.kill('SIGKILL'), graceMs);
          child.once('exit', () => {
            clearTimeout(kill);
            resolve();
          });
          child.kill(signal);
        });
      }),
    );
  }

  log.info({ shards: count, source: options.shardCount === 'auto' ? 'gateway/bot' : 'SHARD_COUNT' }, 'spawning shards');
  const onAbort = (): void => void stop();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    await manager.spawn({ amount: count, delay: options.spawnDelayMs ?? 5500, timeout: options.readyTimeoutMs ?? 30_000 });
  } catch (error) {
    await stop();
    if (options.signal?.aborted === true) throw new ShardStartError('Stopped while the shards were starting.', { cause: error });
    throw new ShardStartError(`The shards did not all start: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
  log.info({ shards: count }, 'all shards ready');
  return { manager, count, stop, reloadAll: reloadEverywhere };
}

function isOurType(raw: unknown): raw is { type: string } {
  return typeof raw === 'object' && raw !== null && 'type' in raw && typeof raw.type === 'string' && raw.type.startsWith('casebot:');
}
