/**
 * `npm start`: validate the environment, load the facts, then serve Discord (with DISCORD_TOKEN) or
 * the local console (without). With SHARD_COUNT and a token this process becomes the shard manager
 * and runs this same script once per shard (each child notices it is a shard from its environment).
 * Process concerns — exit codes, signals — live here and only here.
 */
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { PageSessions } from './answer/paging.js';
import { createCaseBot } from './app/case-bot.js';
import { startBot } from './bot/run-bot.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { runConsole, shownFolder } from './console/run-console.js';
import { loadFactsDir } from './facts/load.js';
import { formatLoadError } from './facts/types.js';
import { chooseLogTarget, createLogger, flushLogger, openLogTarget, wantsPrettyLogs, type Logger } from './log.js';
import { startShards } from './shard/manager.js';
import { connectShardReloader, processPort, shardFromEnv, type ShardIdentity } from './shard/shard-side.js';
import { FactStore, LoadFailedError } from './store/fact-store.js';
import { openServerSettings, type ServerSettings } from './settings/server-settings.js';

/**
 * The per-server settings (default cases) in the GAPS_DB file. When they cannot be kept there, one
 * line says so at start; default cases then last until the bot restarts.
 */
function openSettings(config: Config, log: Logger): ServerSettings {
  const settings = openServerSettings(config.gapsDb);
  const status = settings.status();
  if (status.state === 'off') log.warn({ path: config.gapsDb }, status.reason);
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

/** How a shard stops when its manager goes away; runDiscord replaces it once the bot is up. */
let stopShard = (_reason: string): void => process.exit(0);

async function runDiscord(config: Config, store: FactStore, log: Logger, version: string, shard?: ShardIdentity): Promise<void> {
  const port = shard === undefined ? undefined : processPort();
  const reloader = shard === undefined || port === undefined ? undefined : connectShardReloader({ shard, store, port, log });
  let running: Awaited<ReturnType<typeof startBot>>;
  try {
    running = await startBot({ config, store, log, version, settings: openSettings(config, log), ...(reloader === undefined ? {} : { reloadAll: reloader.reloadAll }) });
  } catch (error) {
    log.fatal({ err: error }, 'bot could not start');
    console.error(error instanceof Error ? error.message : String(error));
    flushLogger(log);
    process.exit(1);
  }
  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) {
      // A second Ctrl-C means "now".
      process.exit(1);
    }
    stopping = true;
    log.info({ signal }, 'shutting down');
    reloader?.close();
    running
      .stop()
      .catch((error: unknown) => log.error({ err: error }, 'error while disconnecting'))
      .finally(() => {
        flushLogger(log);
        process.exit(0);
      });
  };
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
  let stopping = false;
  const startup = new AbortController();
  const stopped = (): void => {
    log.info({}, 'all shards stopped');
    flushLogger(log);
    process.exit(0);
  };
  const shutdown = (signal: string): void => {
    if (stopping) {
      // A second Ctrl-C means "now"; shards still running stop when the IPC channel closes.
      process.exit(1);
    }
    stopping = true;
    log.info({ signal }, 'stopping the shards');
    // Still starting: startShards stops what it spawned, then rejects (handled below).
    if (running === undefined) startup.abort();
    else running.stop('SIGTERM').catch((error: unknown) => log.error({ err: error }, 'error while stopping the shards')).finally(stopped);
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  try {
    running = await startShards({ token, apiUrl: config.discordApiUrl, shardCount, log, signal: startup.signal });
  } catch (error) {
    if (stopping) stopped();
    log.fatal({ err: error }, 'shards could not start');
    console.error(error instanceof Error ? error.message : String(error));
    flushLogger(log);
    process.exit(1);
  }
}

async function runLocalConsole(config: Config, store: FactStore, log: Logger, version: string, logFile: string | undefined): Promise<void> {
  // No channel to flood here, so no cooldown.
  const bot = createCaseBot({ store, sessions: new PageSessions(), log, cooldownSeconds: 0, modRoleIds: config.modRoleIds, version, settings: openSettings(config, log) });
  const status = store.status();
  process.once('SIGINT', () => {
    flushLogger(log);
    process.exit(0);
  });
  await runConsole({
    bot,
    input: process.stdin,
    output: process.stdout,
    loaded: { facts: status.facts, cases: status.cases, factsDir: shownFolder(config.factsDir, process.cwd()) },
    prompt: process.stdin.isTTY === true,
    echo: process.stdin.isTTY !== true,
    ...(logFile === undefined ? {} : { logFile }),
  });
  flushLogger(log);
  process.exit(0);
}

async function main(): Promise<void> {
  const config = loadConfig();
  if (config instanceof ConfigError) {
    console.error(config.message);
    process.exit(1);
  }
  const consoleMode = config.discordToken === undefined;
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
  if (consoleMode) await runLocalConsole(config, store, log, version, logFile);
  else await runDiscord(config, store, shardLog, version, shard);
}

await main();
