/**
 * HTTP mode put together: the endpoint starts at once (so health checks and Discord's PING are
 * answered while the facts load), then {@link HttpMode.serve} hands it the loaded facts. The
 * commands are the gateway bot's: the same app layer (`createInteractionApp`), the same routes.
 */
import { PageSessions } from '../app/page-sessions.js';
import type { CaseBot, CaseBotOptions, CaseStore } from '../app/case-bot.js';
import { createInteractionApp, type InteractionAppOptions } from '../app/interaction-app.js';
import type { InteractionApp } from '../app/interaction-routes.js';
import type { GapStore } from '../gaps/types.js';
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
  /** Knowledge gaps and 👍 / 👎, as in gateway mode (SQLite, or Redis when shared); absent: off. The caller closes it. */
  readonly gaps?: GapStore;
  /** Per-server default cases, as in gateway mode. Default: in memory only. */
  readonly settings?: CaseBotOptions['settings'];
  /** See {@link InteractionsServerOptions.drainTimeoutMs}. */
  readonly drainTimeoutMs?: number;
}

/**
 * What replicas share through Redis, when main.ts has it: cooldowns, the answers open for votes
 * whose question is too long for a signed button, reload fan-out, and its status. Absent: each in
 * this process's memory.
 */
export type HttpAppOptions = Pick<InteractionAppOptions, 'cooldowns' | 'voteTargets' | 'reloadAll' | 'sharedState'>;

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
  let app: InteractionApp | undefined;
  const dispatch = createDispatcher({
    app: () => app,
    log,
    editOriginal: createWebhookEditor({ apiUrl: config.discordApiUrl, log }),
  });
  const server = await startInteractionsServer({
    host: interactions.host,
    port: interactions.port,
    publicKey,
    dispatch,
    isReady: () => app !== undefined,
    log,
    ...(options.drainTimeoutMs === undefined ? {} : { drainTimeoutMs: options.drainTimeoutMs }),
  });
  return {
    server,
    serve(store, shared = {}) {
      app = createInteractionApp({
        ...shared,
        store,
        sessions: options.sessions ?? new PageSessions(),
        log,
        cooldownSeconds: config.caseCooldownSeconds,
        modRoleIds: config.modRoleIds,
        version: options.version,
        ...(config.pagingSecret === undefined ? {} : { pagingSecret: config.pagingSecret }),
        gaps: options.gaps,
        ...(options.settings === undefined ? {} : { settings: options.settings }),
      });
      log.info({ url: server.url }, 'answering interactions over HTTP');
      if (config.pagingSecret === undefined) {
        log.info(
          {},
          'PAGING_SECRET is not set: paging buttons work only on this process; replicas behind a load balancer need the same PAGING_SECRET',
        );
      }
      return app.bot;
    },
    stop: () => server.close(),
  };
}
