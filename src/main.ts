/**
 * `npm start`: validate the environment, load the facts, then serve Discord (with DISCORD_TOKEN) or
 * the local console (without). Process concerns — exit codes, signals — live here and only here.
 */
import { readFileSync } from 'node:fs';
import { pino } from 'pino';
import { PageSessions } from './answer/paging.js';
import { createCaseBot } from './app/case-bot.js';
import { startBot } from './bot/run-bot.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { runConsole } from './console/run-console.js';
import { formatLoadError } from './facts/types.js';
import { createLogger, flushLogger, wantsPrettyLogs, type Logger } from './log.js';
import { FactStore, LoadFailedError } from './store/fact-store.js';

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

async function runDiscord(config: Config, store: FactStore, log: Logger, version: string): Promise<void> {
  let running: Awaited<ReturnType<typeof startBot>>;
  try {
    running = await startBot({ config, store, log, version });
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
    running
      .stop()
      .catch((error: unknown) => log.error({ err: error }, 'error while disconnecting'))
      .finally(() => {
        flushLogger(log);
        process.exit(0);
      });
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

async function runLocalConsole(config: Config, store: FactStore, log: Logger, version: string): Promise<void> {
  // No channel to flood here, so no cooldown.
  const bot = createCaseBot({ store, sessions: new PageSessions(), log, cooldownSeconds: 0, modRoleIds: config.modRoleIds, version });
  const status = store.status();
  process.once('SIGINT', () => {
    flushLogger(log);
    process.exit(0);
  });
  await runConsole({
    bot,
    input: process.stdin,
    output: process.stdout,
    loaded: { facts: status.facts, cases: status.cases, factsDir: config.factsDir },
    prompt: process.stdin.isTTY === true,
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
  // In console mode stdout carries the replies, so logs go to stderr.
  const logStream = consoleMode ? process.stderr : process.stdout;
  const log = createLogger({
    level: config.logLevel,
    pretty: wantsPrettyLogs(logStream),
    token: config.discordToken,
    destination: pino.destination({ fd: consoleMode ? 2 : 1, sync: true }),
  });
  process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled promise rejection'));
  process.on('uncaughtException', (error) => {
    log.fatal({ err: error }, 'uncaught exception');
    flushLogger(log);
    process.exit(1);
  });

  const version = readVersion();
  const store = await openStore(config, log);
  if (consoleMode) await runLocalConsole(config, store, log, version);
  else await runDiscord(config, store, log, version);
}

await main();
