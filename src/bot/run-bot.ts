import { Events, type Client } from 'discord.js';
import { PageSessions } from '../app/page-sessions.js';
import type { CaseBot, CaseBotOptions, CaseStore } from '../app/case-bot.js';
import { createInteractionApp } from '../app/interaction-app.js';
import type { Config } from '../config.js';
import type { GapStore } from '../gaps/types.js';
import type { VoteTargetStore } from '../app/vote-targets.js';
import type { Logger } from '../log.js';
import { createClient } from './client.js';
import { handleInteraction } from './interactions.js';
import { itemAt } from '../shared/must.js';

/** The bot could not start; the message says what to do. */
export class BotStartError extends Error {
  constructor(message: string, options?: { cause: unknown }) {
    super(message, options);
    this.name = 'BotStartError';
  }
}

export interface StartBotOptions {
  readonly config: Pick<Config, 'discordToken' | 'discordApiUrl' | 'caseCooldownSeconds' | 'modRoleIds'> &
    Partial<Pick<Config, 'pagingSecret'>>;
  readonly store: CaseStore;
  readonly log: Logger;
  /** casebot's version, for /case-admin status. Default '0.0.0'. */
  readonly version?: string;
  readonly sessions?: PageSessions;
  /** See {@link BotContext.deferAfterMs}. Default 2000. */
  readonly deferAfterMs?: number;
  /** Give up when the gateway has not said READY after this long. Default 60 s. */
  readonly readyTimeoutMs?: number;
  /** See {@link CaseBotOptions.reloadAll}: set when this process is one shard of several. */
  readonly reloadAll?: CaseBotOptions['reloadAll'];
  /** Knowledge gaps (see `openGapStore`); absent: no recording, no vote buttons. The caller closes it. */
  readonly gaps?: GapStore;
  /** See {@link CaseBotOptions.settings}: per-server default cases. Default: in memory only. */
  readonly settings?: CaseBotOptions['settings'];
  /** Shared through Redis when REDIS_URL is set (src/redis/); absent: this process's memory. */
  readonly shared?: {
    readonly cooldowns: NonNullable<CaseBotOptions['cooldowns']>;
    readonly voteTargets: VoteTargetStore;
    readonly view: NonNullable<CaseBotOptions['sharedState']>;
  };
}

export interface RunningBot {
  readonly client: Client<true>;
  readonly bot: CaseBot;
  /** Disconnects from Discord. Does not exit the process. */
  stop(): Promise<void>;
}

/**
 * Logs in and serves interactions until {@link RunningBot.stop}. Never exits the process, so tests
 * can run it against a fake Discord; signals are main.ts's business.
 *
 * @throws BotStartError when the token is missing or rejected, or READY never comes.
 * @example
 * const running = await startBot({ config, store, log });
 * process.once('SIGTERM', () => void running.stop());
 */
export async function startBot(options: StartBotOptions): Promise<RunningBot> {
  const { config, store, log } = options;
  const token = config.discordToken;
  if (token === undefined) throw new BotStartError('DISCORD_TOKEN is not set; the bot needs it to log in.');

  const client = createClient(config);
  // A shard process runs exactly one shard (src/shard/manager.ts spawns one per shard).
  const shard = client.shard === null ? undefined : { id: itemAt(client.shard.ids, 0), count: client.shard.count };
  const app = createInteractionApp({
    store,
    sessions: options.sessions ?? new PageSessions(),
    log,
    cooldownSeconds: config.caseCooldownSeconds,
    modRoleIds: config.modRoleIds,
    version: options.version ?? '0.0.0',
    ...(config.pagingSecret === undefined ? {} : { pagingSecret: config.pagingSecret }),
    ...(shard === undefined ? {} : { shard }),
    ...(options.reloadAll === undefined ? {} : { reloadAll: options.reloadAll }),
    gaps: options.gaps,
    ...(options.shared === undefined
      ? {}
      : { cooldowns: options.shared.cooldowns, voteTargets: options.shared.voteTargets, sharedState: options.shared.view }),
    ...(options.settings === undefined ? {} : { settings: options.settings }),
  });
  const ctx = { ...app, log, deferAfterMs: options.deferAfterMs ?? 2000 };

  client.on(Events.InteractionCreate, (interaction) => {
    void handleInteraction(interaction, ctx);
  });
  client.on(Events.Error, (error) => log.error({ err: error }, 'discord client error'));
  client.on(Events.Warn, (message) => log.warn({ source: 'discord.js' }, message));
  client.on(Events.Debug, (message) => log.trace({ source: 'discord.js' }, message));
  // destroy() reports its own disconnect as a reconnect; only unplanned ones are worth a line.
  let stopping = false;
  client.on(Events.ShardDisconnect, (event, id) => {
    if (!stopping) log.warn({ shard: id, code: event.code }, 'gateway disconnected');
  });
  client.on(Events.ShardReconnecting, (id) => {
    if (!stopping) log.info({ shard: id }, 'gateway reconnecting');
  });
  client.on(Events.ShardResume, (id, replayed) => log.info({ shard: id, replayed }, 'gateway resumed'));

  const readyTimeoutMs = options.readyTimeoutMs ?? 60_000;
  let timer: NodeJS.Timeout | undefined;
  const ready = new Promise<Client<true>>((resolve, reject) => {
    client.once(Events.ClientReady, resolve);
    timer = setTimeout(
      () =>
        reject(new BotStartError(`Discord did not report READY within ${readyTimeoutMs / 1000} s; check DISCORD_API_URL and the network.`)),
      readyTimeoutMs,
    );
  });
  ready.catch(() => undefined); // Observed below; this only prevents an unhandled rejection while login runs.

  try {
    await client.login(token);
    const readyClient = await ready;
    log.info(
      { user: readyClient.user.tag, applicationId: readyClient.application.id, guilds: readyClient.guilds.cache.size, ...(shard ?? {}) },
      'bot ready',
    );
    return {
      client: readyClient,
      bot: app.bot,
      async stop() {
        stopping = true;
        await readyClient.destroy();
        log.info({}, 'bot stopped');
      },
    };
  } catch (error) {
    await client.destroy();
    if (error instanceof BotStartError) throw error;
    throw new BotStartError(loginFailureMessage(error), { cause: error });
  } finally {
    clearTimeout(timer);
  }
}

function loginFailureMessage(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (code === 'TokenInvalid') {
    return 'Discord rejected DISCORD_TOKEN. Reset the token in the Developer Portal (Bot → Reset Token) and update .env.';
  }
  if (code === 'DisallowedIntents') return 'Discord refused the requested gateway intents.';
  return `Could not log in to Discord: ${error instanceof Error ? error.message : String(error)}`;
}
