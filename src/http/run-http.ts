/**
 * HTTP mode put together: the endpoint starts at once (so health checks and Discord's PING are
 * answered while the facts load), then {@link HttpMode.serve} hands it the loaded facts. The
 * commands are the gateway bot's: the same `createCaseBot`, the same paging sessions interface.
 */
import { PageSessions } from '../answer/paging.js';
import { createCaseBot, type CaseBot, type CaseBotOptions, type CaseStore } from '../app/case-bot.js';
import type { Config, InteractionsConfig } from '../config.js';
import type { Logger } from '../log.js';
import { createDispatcher } from './dispatch.js';
import { startInteractionsServer, type InteractionsServer } from './server.js';
import { publicKeyFromHex } from './signature.js';
import { createWebhookEditor } from './webhook.js';

export interface HttpModeOptions {
  readonly interactions: InteractionsConfig;
  readonly config: Pick<Config, 'discordApiUrl' | 'caseCooldownSeconds' | 'modRoleIds'> & Partial<Pick<Config, 'pagingSecret'>>;
  readonly log: Logger;
  /** casebot's version, for /case-admin status. */
  readonly version: string;
  /** Where paging state lives. Default: in this process's memory. */
  readonly sessions?: PageSessions;
  /** See {@link InteractionsServerOptions.drainTimeoutMs}. */
  readonly drainTimeoutMs?: number;
}

/**
 * What the commands keep beyond the facts, when main.ts has it: knowledge gaps, and what replicas
 * share through Redis (cooldowns, reload fan-out, its status). Absent: each in this process's memory.
 */
export type HttpAppOptions = Pick<CaseBotOptions, 'cooldowns' | 'gaps' | 'reloadAll' | 'sharedState'>;

export interface HttpMode {
  readonly server: InteractionsServer;
  /** Starts answering commands from `store`; `/readyz` answers 200 from now on. */
  serve(store: CaseStore, app?: HttpAppOptions): CaseBot;
  /** Graceful stop (see {@link InteractionsServer.close}). Does not exit the process. */
  stop(): Promise<void>;
}

/**
 * Starts the endpoint; commands are answered "starting up" until {@link HttpMode.serve}.
 *
 * @throws when the public key is not an Ed25519 key or the port cannot be bound.
 * @example
 * const mode = await startHttpMode({ interactions: config.interactions, config, log, version });
 * mode.serve(await FactStore.open(config.factsDir, log));
 */
export async function startHttpMode(options: HttpModeOptions): Promise<HttpMode> {
  const { interactions, config, log } = options;
  const publicKey = publicKeyFromHex(interactions.publicKeyHex);
  if (publicKey === null) throw new Error('DISCORD_PUBLIC_KEY is not an Ed25519 public key');
  let bot: CaseBot | undefined;
  const dispatch = createDispatcher({
    bot: () => bot,
    log,
    editOriginal: createWebhookEditor({ apiUrl: config.discordApiUrl, log }),
  });
  const server = await startInteractionsServer({
    host: interactions.host,
    port: interactions.port,
    publicKey,
    dispatch,
    isReady: () => bot !== undefined,
    log,
    ...(options.drainTimeoutMs === undefined ? {} : { drainTimeoutMs: options.drainTimeoutMs }),
  });
  return {
    server,
    serve(store, app = {}) {
      bot = createCaseBot({
        ...app,
        store,
        sessions: options.sessions ?? new PageSessions(),
        log,
        cooldownSeconds: config.caseCooldownSeconds,
        modRoleIds: config.modRoleIds,
        version: options.version,
        ...(config.pagingSecret === undefined ? {} : { pagingSecret: config.pagingSecret }),
      });
      log.info({ url: server.url }, 'answering interactions over HTTP');
      if (config.pagingSecret === undefined) {
        log.info(
          {},
          'PAGING_SECRET is not set: paging buttons work only on this process; replicas behind a load balancer need the same PAGING_SECRET',
        );
      }
      return bot;
    },
    stop: () => server.close(),
  };
}
