/**
 * `npm start`: validate the environment, load the facts, then serve Discord (with DISCORD_TOKEN) or
 * the local console (without); with INTERACTIONS_PORT, Discord's HTTP interactions endpoint instead. With SHARD_COUNT and a token this process becomes the shard manager
 * and runs this same script once per shard (each child notices it is a shard from its environment).
 * Process concerns — exit codes, signals — live here and only here.
 */
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { PageSessions } from './app/page-sessions.js';
import { createCaseBot } from './app/case-bot.js';
import { createMessageChecker } from './app/check-message.js';
import { startBot } from './bot/run-bot.js';
import { ConfigError, loadConfig, type Config, type InteractionsConfig } from './config.js';
import { runConsole, shownFolder } from './console/run-console.js';
import { loadFactsDir } from './facts/load.js';
import { formatLoadError } from './facts/types.js';
import { startHttpMode, type HttpMode } from './http/run-http.js';
import { chooseLogTarget, createLogger, flushLogger, openLogTarget, wantsPrettyLogs, type Logger } from './log.js';
import { startShards } from './shard/manager.js';
import { connectShardReloader, processPort, shardFromEnv, type ShardIdentity } from './shard/shard-side.js';
import { FactStore, LoadFailedError } from './store/fact-store.js';
import { watchFacts, type FactsWatcher, type WatchFactsOptions } from './store/watch-facts.js';
import { createGapFeedback } from './app/gap-feedback.js';
import { openGapStore, startPruning, type GapStore } from './gaps/index.js';
import { openServerSettings, type ServerSettings } from './settings/server-settings.js';
import { gapsOffText, settingsOffText } from './app/render-reasons.js';
import { openSharedState, type SharedState } from './redis/index.js';

/**
 * The per-server settings (default cases) in the GAPS_DB file. When they cannot be kept there, one
 * line says so at start; default cases then last until the bot restarts.
 */
function openSettings(config: Config, log: Logger): ServerSettings {
  const settings = openServerSettings(config.gapsDb);
  const status = settings.status();
  if (status.state === 'off') log.warn({ path: config.gapsDb }, settingsOffText(status.reason));
  return settings;
}

function readVersion(): string {
  try {
    const pkg: unknown = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    if (typeof pkg === 'object' && pkg !== null && 'version' in pkg && typeof pkg.version === 'string') return pkg.version;
  } catch {
    // Only shown by /case-admin status; not worth refusing to start over.
  }
  return 'unknown';
}

async function openStore(config: Config, log: Logger): Promise<FactStore> {
  try {
    return await FactStore.open(config.factsDir, log);
  } catch (error) {
    if (error instanceof LoadFailedError) {
      console.error(`casebot cannot start: ${error.message}`);
      for (const problem of error.errors) console.error(formatLoadError(problem));
    } else {
      console.error(`casebot cannot start: could not load ${config.factsDir}: ${error instanceof Error ? error.message : String(error)}`);
    }
    flushLogger(log);
    process.exit(1);
  }
}

/**
 * FACTS_WATCH: reload on save. One process watches the folder: a single process itself, or the
 * shard manager, whose reload runs on every shard (as /case-admin reload does). Undefined when off.
 */
function watchFactsDir(config: Config, reload: WatchFactsOptions['reload'], log: Logger): FactsWatcher | undefined {
  if (!config.factsWatch) return undefined;
  return watchFacts({ dir: config.factsDir, reload, log, debounceMs: config.factsWatchDebounceMs });
}

/**
 * REDIS_URL: what replicas (and shards) share — cooldowns, knowledge gaps and votes, reload fan-out.
 * Connects in the background; until Redis answers, each piece fails open. Undefined without REDIS_URL.
 */
function openShared(config: Config, log: Logger): SharedState | undefined {
  if (config.redisUrl === undefined) return undefined;
  return openSharedState({
    url: config.redisUrl,
    replicaId: config.replicaId,
    log,
    cooldownSeconds: config.caseCooldownSeconds,
    retentionDays: config.gapsRetentionDays,
    reloadTimeoutMs: config.reloadTimeoutMs,
  });
}

/**
 * The knowledge-gaps store of this process: Redis when it is shared (REDIS_URL), else the SQLite file
 * (each shard opens the same file; WAL lets them write at once). Never fails: an unusable file gives
 * a store that is off, logged once here with its path. Returns the store and the function that stops
 * pruning and closes it.
 */
function openGaps(config: Config, log: Logger, shared?: SharedState): { readonly gaps: GapStore; readonly closeGaps: () => void } {
  const gaps = shared?.gaps ?? openGapStore(config.gapsDb, { retentionDays: config.gapsRetentionDays });
  const status = gaps.status();
  if (shared !== undefined) {
    log.info({ redis: shared.link.where, retentionDays: config.gapsRetentionDays }, 'knowledge gaps kept in Redis');
  } else if (status.state === 'off') {
    if (config.gapsDb === null) log.info({}, gapsOffText(status.reason));
    else log.error({ path: config.gapsDb }, gapsOffText(status.reason));
  } else {
    log.info({ path: config.gapsDb, retentionDays: status.retentionDays }, 'knowledge gaps on');
  }
  const stopPruning = startPruning(gaps);
  return {
    gaps,
    closeGaps: () => {
      stopPruning();
      gaps.close();
    },
  };
}

/** Whether stdin is a terminal: `isTTY` is only set on one (its type says boolean, it is undefined otherwise). */
function stdinIsTerminal(): boolean {
  return 'isTTY' in process.stdin && process.stdin.isTTY;
}

/** Wraps a signal handler: the first signal runs it, a second one means "now" (exit 1). */
function secondSignalExits(handler: (signal: string) => void): (signal: string) => void {
  let signalled = false;
  return (signal) => {
    if (signalled) process.exit(1);
    signalled = true;
    handler(signal);
  };
}

/**
 * The shutdown of a running bot or endpoint: on the first signal `stop` (disconnect, drain),
 * then `after` (close files), flush the logs and exit 0; a failing stop is logged as `failure` and
 * still exits 0, since there is nothing left to save. A second signal exits at once.
 */
function gracefulShutdown(log: Logger, failure: string, stop: () => Promise<unknown>, after?: () => void): (signal: string) => void {
  return secondSignalExits((signal) => {
    log.info({ signal }, 'shutting down');
    stop()
      .catch((error: unknown) => log.error({ err: error }, failure))
      .finally(() => {
        after?.();
        flushLogger(log);
        process.exit(0);
      });
  });
}

/** How a shard stops when its manager goes away; runDiscord replaces it once the bot is up. */
let stopShard = (_reason: string): void => process.exit(0);

async function runDiscord(
  config: Config,
  store: FactStore,
  log: Logger,
  version: string,
  shard?: ShardIdentity,
  watcher?: FactsWatcher,
): Promise<void> {
  const port = shard === undefined ? undefined : processPort();
  const reloader = shard === undefined || port === undefined ? undefined : connectShardReloader({ shard, store, port, log });
  const shared = openShared(config, log);
  const { gaps, closeGaps } = openGaps(config, log, shared);
  let running: Awaited<ReturnType<typeof startBot>>;
  try {
    running = await startBot({
      config,
      store,
      log,
      version,
      gaps,
      settings: openSettings(config, log),
      ...(reloader === undefined ? {} : { reloadAll: (by: string) => reloader.reloadAll(by) }),
      ...(shared === undefined ? {} : { shared }),
    });
  } catch (error) {
    closeGaps();
    await shared?.close();
    log.fatal({ err: error }, 'bot could not start');
    console.error(error instanceof Error ? error.message : String(error));
    flushLogger(log);
    process.exit(1);
  }
  const shutdown = gracefulShutdown(
    log,
    'error while disconnecting',
    async () => {
      reloader?.close();
      watcher?.close();
      await running.stop();
      await shared?.close();
    },
    closeGaps,
  );
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  if (shard === undefined) process.on('SIGINT', () => shutdown('SIGINT'));
  else stopShard = shutdown;
}

/** The manager of SHARD_COUNT shards: checks the facts once, spawns the shards, stops them on a signal. */
async function runShardManager(config: Config, token: string, shardCount: number | 'auto', log: Logger): Promise<void> {
  // Every shard loads the facts itself; a broken folder is worth one clear message, not N crashes.
  const checked = await loadFactsDir(config.factsDir);
  if (!checked.ok) {
    console.error(`casebot cannot start: the facts folder has ${checked.errors.length} problem(s); fix them and start again`);
    for (const problem of checked.errors) console.error(formatLoadError(problem));
    flushLogger(log);
    process.exit(1);
  }
  let running: Awaited<ReturnType<typeof startShards>> | undefined;
  let watcher: FactsWatcher | undefined;
  let stopping = false;
  const startup = new AbortController();
  const stopped = (): void => {
    log.info({}, 'all shards stopped');
    flushLogger(log);
    process.exit(0);
  };
  // A second Ctrl-C means "now"; shards still running stop when the IPC channel closes.
  const shutdown = secondSignalExits((signal: string): void => {
    stopping = true;
    log.info({ signal }, 'stopping the shards');
    watcher?.close();
    // Still starting: startShards stops what it spawned, then rejects (handled below).
    if (running === undefined) startup.abort();
    else
      running
        .stop('SIGTERM')
        .catch((error: unknown) => log.error({ err: error }, 'error while stopping the shards'))
        .finally(stopped);
  });
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  try {
    const shards = await startShards({
      token,
      apiUrl: config.discordApiUrl,
      shardCount,
      log,
      signal: startup.signal,
      reloadTimeoutMs: config.reloadTimeoutMs,
    });
    running = shards;
    watcher = watchFactsDir(config, (by) => shards.reloadAll(by), log);
  } catch (error) {
    // Set by the signal handler while startShards was awaited.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
    if (stopping) stopped();
    log.fatal({ err: error }, 'shards could not start');
    console.error(error instanceof Error ? error.message : String(error));
    flushLogger(log);
    process.exit(1);
  }
}

/**
 * HTTP mode (INTERACTIONS_PORT): the endpoint listens first, so probes and Discord's PING are
 * answered while the facts load. SIGTERM/SIGINT: stop accepting, finish what is in flight, exit 0.
 * With REDIS_URL, replicas share cooldowns, knowledge gaps and votes, and reload together.
 */
async function runHttp(config: Config, interactions: InteractionsConfig, log: Logger, version: string): Promise<void> {
  // The same gaps file and default cases as gateway mode (WAL lets several processes share the
  // file); with REDIS_URL the gaps live in Redis, shared by every replica.
  const shared = openShared(config, log);
  const { gaps, closeGaps } = openGaps(config, log, shared);
  let mode: HttpMode;
  try {
    mode = await startHttpMode({ interactions, config, log, version, gaps, settings: openSettings(config, log) });
  } catch (error) {
    closeGaps();
    await shared?.close();
    log.fatal({ err: error }, 'interactions endpoint could not start');
    console.error(`casebot cannot start: ${error instanceof Error ? error.message : String(error)}`);
    flushLogger(log);
    process.exit(1);
  }
  const shutdown = gracefulShutdown(
    log,
    'error while stopping the endpoint',
    async () => {
      await mode.stop();
      await shared?.close();
    },
    closeGaps,
  );
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  const store = await openStore(config, log);
  if (shared === undefined) {
    mode.serve(store);
    return;
  }
  const reloader = shared.startReloads(store);
  log.info({ replica: config.replicaId, redis: shared.link.where }, 'replica sharing state through Redis');
  mode.serve(store, {
    cooldowns: shared.cooldowns,
    voteTargets: shared.voteTargets,
    reloadAll: (by) => reloader.reloadAll(by),
    sharedState: shared.view,
  });
}

async function runLocalConsole(
  config: Config,
  store: FactStore,
  log: Logger,
  version: string,
  logFile: string | undefined,
  watcher?: FactsWatcher,
): Promise<void> {
  const { gaps, closeGaps } = openGaps(config, log);
  // No channel to flood here, so no cooldown.
  const bot = createCaseBot({
    store,
    sessions: new PageSessions(),
    log,
    cooldownSeconds: 0,
    modRoleIds: config.modRoleIds,
    version,
    gaps: createGapFeedback({ store: gaps, log, later: (work) => work() }),
    settings: openSettings(config, log),
  });
  const status = store.status();
  process.once('SIGINT', () => {
    watcher?.close();
    closeGaps();
    flushLogger(log);
    process.exit(0);
  });
  await runConsole({
    bot,
    check: createMessageChecker({ store, log }),
    input: process.stdin,
    output: process.stdout,
    loaded: { facts: status.facts, cases: status.cases, factsDir: shownFolder(config.factsDir, process.cwd()) },
    prompt: stdinIsTerminal(),
    echo: !stdinIsTerminal(),
    ...(logFile === undefined ? {} : { logFile }),
  });
  watcher?.close();
  closeGaps();
  flushLogger(log);
  process.exit(0);
}

async function main(): Promise<void> {
  const config = loadConfig();
  if (config instanceof ConfigError) {
    console.error(config.message);
    process.exit(1);
  }
  const consoleMode = config.discordToken === undefined && config.interactions === undefined;
  const logTarget = chooseLogTarget(consoleMode ? 'console' : 'bot', process.stderr, tmpdir());
  const log = createLogger({
    level: config.logLevel,
    // A file is read later, by tools as often as by people: JSON lines.
    pretty: logTarget.kind === 'fd' && wantsPrettyLogs(logTarget.fd === 1 ? process.stdout : process.stderr),
    token: config.discordToken,
    destination: openLogTarget(logTarget),
  });
  const logFile = logTarget.kind === 'file' ? logTarget.path : undefined;
  process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled promise rejection'));
  process.on('uncaughtException', (error) => {
    log.fatal({ err: error }, 'uncaught exception');
    flushLogger(log);
    // With the logs in a file, the person at the console would otherwise see the process just end.
    if (logFile !== undefined) console.error(`casebot stopped on an unexpected error; details in ${logFile}`);
    process.exit(1);
  });

  const version = readVersion();
  if (config.interactions !== undefined) {
    await runHttp(config, config.interactions, log, version);
    return;
  }
  // Set by discord.js's ShardingManager in the environment of the processes it spawns.
  const shard = shardFromEnv(process.env);
  if (shard !== undefined) {
    // Ctrl-C reaches the whole process group; the manager forwards it as SIGTERM, so a shard waits
    // for that instead of stopping twice. A manager that dies closes the IPC channel: stop with it.
    process.on('SIGINT', () => undefined);
    process.once('disconnect', () => stopShard('manager gone'));
  }
  if (shard === undefined && config.shardCount !== undefined && config.discordToken !== undefined) {
    await runShardManager(config, config.discordToken, config.shardCount, log);
    return;
  }
  const shardLog = shard === undefined ? log : log.child({ shard: shard.id });
  const store = await openStore(config, shardLog);
  // A shard never watches: its manager does, and reloads every shard.
  const watcher = shard === undefined ? watchFactsDir(config, (by) => store.reload(by), log) : undefined;
  if (watcher !== undefined) store.reportWatch(watcher);
  else if (shard !== undefined && config.factsWatch) store.reportWatch({ status: () => ({ state: 'elsewhere', by: 'shard-manager' }) });
  if (consoleMode) await runLocalConsole(config, store, log, version, logFile, watcher);
  else await runDiscord(config, store, shardLog, version, shard, watcher);
}

await main();
