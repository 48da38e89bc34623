/**
 * A local fake of Discord (REST under `/api/v10` + a JSON gateway on the same port) for end-to-end tests of
 * the real discord.js client. See README.md in this folder.
 *
 * @example
 * const fake = await startFakeDiscord({ guilds: [{ id: '1100000000000000000' }] });
 * const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl } });
 * await client.login(fakeBotToken());
 * const { id } = await fake.sendInteraction(chatInput({ name: 'ping', guildId: '1100000000000000000' }));
 * const callback = await fake.waitForCallback(id); // callback.body → { type: 4, data: { content: 'pong' } }
 */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { EventEmitter } from 'node:events';
import { WebSocketServer } from 'ws';
import { ApplicationFlags, GatewayDispatchEvents, GatewayOpcodes, InteractionType } from 'discord-api-types/v10';
import type { APIApplicationCommand, APIInteraction, APIMessage, APIUser, GatewayDispatchPayload, Snowflake } from 'discord-api-types/v10';
import { FakeGateway, type ConnectionRecord, type IdentifyRecord, type ResumeRecord } from './gateway.js';
import { interactionToken, snowflake, user, type FakeGuild } from './payloads.js';
import {
  error,
  faultAnswer,
  matches,
  readBody,
  route,
  type Fault,
  type InteractionState,
  type RecordedFile,
  type RecordedRequest,
  type RequestMatcher,
  type RestAnswer,
  type RestContext,
} from './rest.js';
import { waitUntil } from './util.js';

export * from './payloads.js';
export type { ConnectionRecord, IdentifyRecord, ResumeRecord } from './gateway.js';
export type { Fault, InteractionState, RecordedFile, RecordedRequest, RequestMatcher } from './rest.js';

export interface FakeDiscordOptions {
  /** Shard count `GET /gateway/bot` recommends. Default 1. Routing follows the count each client identifies with. */
  shards?: number;
  guilds?: FakeGuild[];
  applicationId?: Snowflake;
  botUserId?: Snowflake;
  botUsername?: string;
  /** HELLO heartbeat interval. Default 41250 (Discord's); tests that want heartbeats lower it. */
  heartbeatIntervalMs?: number;
  /** `session_start_limit.max_concurrency`. Default 16, so shards identify without discord.js's 5 s spacing. */
  maxConcurrency?: number;
  /** When set, REST (except interaction/webhook routes) needs `Bot <token>` and IDENTIFY needs this token. */
  token?: string;
  /** Callbacks later than this after dispatch get 404 Unknown interaction (10062). Default 3000, like Discord. */
  ackTimeoutMs?: number;
  /** Default timeout of the `waitFor…` helpers. Default 5000. */
  waitTimeoutMs?: number;
}

const API_PREFIX = /^\/api(?:\/v(\d+))?(\/.*)?$/;

export class FakeDiscord {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** Pass as `new Client({ rest: { api: fake.apiUrl } })` (discord.js appends `/v10`). */
  readonly apiUrl: string;
  /** `ws://127.0.0.1:<port>/gateway` — what `GET /gateway/bot` answers. */
  readonly gatewayUrl: string;
  readonly applicationId: Snowflake;
  readonly botUser: APIUser;
  readonly guilds: FakeGuild[];
  /** Every HTTP request, in arrival order. */
  readonly requests: RecordedRequest[] = [];
  /** Interactions dispatched by `sendInteraction`, by id, with what the bot did with them. */
  readonly interactions = new Map<Snowflake, InteractionState>();
  /** Commands registered through `PUT/POST /applications/{app}/(guilds/{guild}/)commands`. */
  readonly commands: { global: APIApplicationCommand[]; guilds: Map<Snowflake, APIApplicationCommand[]> } = {
    global: [],
    guilds: new Map(),
  };
  readonly gateway: FakeGateway;
  /** Discord's Ed25519 key pair for signing HTTP interactions; the bot gets {@link publicKeyHex}. */
  readonly signingKeys = generateKeyPairSync('ed25519');
  private readonly events = new EventEmitter();
  private readonly faults: { matcher: RequestMatcher; fault: Fault; left: number }[] = [];
  private readonly ctx: RestContext;
  private readonly waitTimeoutMs: number;

  /** @internal use `startFakeDiscord` */
  constructor(
    private readonly server: Server,
    private readonly wss: WebSocketServer,
    options: FakeDiscordOptions,
  ) {
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('fake-discord: server is not listening on TCP');
    const { port } = address;
    this.url = `http://127.0.0.1:${port}`;
    this.apiUrl = `${this.url}/api`;
    this.gatewayUrl = `ws://127.0.0.1:${port}/gateway`;
    this.applicationId = options.applicationId ?? '100000000000000001';
    this.botUser = user({
      id: options.botUserId ?? this.applicationId,
      username: options.botUsername ?? 'casebot',
      global_name: null,
      bot: true,
    });
    this.guilds = options.guilds ?? [];
    this.waitTimeoutMs = options.waitTimeoutMs ?? 5000;
    this.events.setMaxListeners(0);
    this.gateway = new FakeGateway({
      url: this.gatewayUrl,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
      guilds: this.guilds,
      botUser: this.botUser,
      applicationId: this.applicationId,
      applicationFlags: ApplicationFlags.GatewayGuildMembersLimited,
      token: options.token,
      events: this.events,
    });
    this.ctx = {
      applicationId: this.applicationId,
      botUser: this.botUser,
      gatewayUrl: this.gatewayUrl,
      shards: options.shards ?? 1,
      maxConcurrency: options.maxConcurrency ?? 16,
      token: options.token,
      ackTimeoutMs: options.ackTimeoutMs ?? 3000,
      interactions: this.interactions,
      commands: this.commands,
    };
    server.on('request', (req, res) => void this.handle(req, res));
    server.on('upgrade', (req, socket, head) => {
      if (new URL(req.url ?? '/', this.url).pathname !== '/gateway') {
        socket.destroy();
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => this.gateway.accept(ws, req));
    });
  }

  /** IDENTIFY payloads received so far. */
  get identifies(): IdentifyRecord[] {
    return this.gateway.identifies;
  }

  /** RESUME payloads received so far. */
  get resumes(): ResumeRecord[] {
    return this.gateway.resumes;
  }

  /** Gateway connections (with their query string) so far. */
  get connections(): ConnectionRecord[] {
    return this.gateway.connections;
  }

  /**
   * Makes the next `times` (default 1) requests matching `matcher` fail with `fault` before routing.
   * A 429 carries `retry-after`, `x-ratelimit-*` and `{ message, retry_after, global }`, so discord.js waits and retries.
   * @example fake.failNext('POST /interactions/', { status: 429, retryAfter: 0.2 })
   */
  failNext(matcher: RequestMatcher, fault: Fault): void {
    this.faults.push({ matcher, fault, left: fault.times ?? 1 });
  }

  /** Resolves with the first recorded request (past or future) matching `predicate`. */
  waitForRequest(predicate: RequestMatcher, timeoutMs = this.waitTimeoutMs): Promise<RecordedRequest> {
    return waitUntil(
      this.events,
      'request',
      () => this.requests.find((request) => matches(predicate, request)),
      timeoutMs,
      () =>
        `a request matching ${String(predicate)}; got: ${this.requests.map((r) => `${r.method} ${r.route} ${r.status}`).join(', ') || 'none'}`,
    );
  }

  /** Recorded `POST /interactions/{id}/{token}/callback` requests for an interaction (injected failures included). */
  callbacksFor(interactionId: Snowflake): RecordedRequest[] {
    return this.requests.filter((request) => request.method === 'POST' && request.route.startsWith(`/interactions/${interactionId}/`));
  }

  /** Resolves with the first callback for `interactionId` that the fake accepted (2xx). */
  waitForCallback(interactionId: Snowflake, timeoutMs = this.waitTimeoutMs): Promise<RecordedRequest> {
    return this.waitForRequest(
      (request) => request.method === 'POST' && request.route.startsWith(`/interactions/${interactionId}/`) && request.status < 300,
      timeoutMs,
    );
  }

  /** Requests under `/webhooks/{app}/{token}` (edits, follow-ups, fetches) for an interaction. */
  webhookRequestsFor(interactionId: Snowflake): RecordedRequest[] {
    const token = this.interactions.get(interactionId)?.payload.token;
    return token === undefined
      ? []
      : this.requests.filter((request) => request.route.startsWith(`/webhooks/${this.applicationId}/${token}`));
  }

  /** The message behind `@original` for an interaction (null before a reply/defer, or after delete). */
  originalMessage(interactionId: Snowflake): APIMessage | null {
    return this.interactions.get(interactionId)?.original ?? null;
  }

  /** Resolves once `count` IDENTIFYs in total have arrived. */
  waitForIdentify(count = 1, timeoutMs = this.waitTimeoutMs): Promise<IdentifyRecord[]> {
    return this.waitForCount(this.identifies, count, 'IDENTIFY', timeoutMs);
  }

  /** Resolves once `count` RESUMEs in total have arrived. */
  waitForResume(count = 1, timeoutMs = this.waitTimeoutMs): Promise<ResumeRecord[]> {
    return this.waitForCount(this.resumes, count, 'RESUME', timeoutMs);
  }

  private waitForCount<T>(list: T[], count: number, what: string, timeoutMs: number): Promise<T[]> {
    return waitUntil(
      this.events,
      'gateway',
      () => (list.length >= count ? list.slice() : undefined),
      timeoutMs,
      () => `${count} ${what} (got ${list.length})`,
    );
  }

  /**
   * Dispatches INTERACTION_CREATE to the shard owning the interaction's guild (shard 0 for DMs), waiting up to the
   * wait timeout for that shard to be connected (e.g. while the client resumes). Fills in `application_id` when empty.
   */
  async sendInteraction(interaction: APIInteraction, timeoutMs = this.waitTimeoutMs): Promise<{ id: Snowflake; token: string }> {
    const payload: APIInteraction = interaction.application_id ? interaction : { ...interaction, application_id: this.applicationId };
    this.interactions.set(payload.id, { payload, sentAt: Date.now(), ackType: null, original: null, followUps: [] });
    await this.dispatch(
      { op: GatewayOpcodes.Dispatch, t: GatewayDispatchEvents.InteractionCreate, s: 0, d: payload },
      { guildId: payload.guild_id, timeoutMs },
    );
    // The 3 s window starts when the client can see the interaction.
    const state = this.interactions.get(payload.id);
    if (state) state.sentAt = Date.now();
    return { id: payload.id, token: payload.token };
  }

  /**
   * Sends any dispatch (its `s` is replaced) to the shard owning `target.guildId` (shard 0 when absent), waiting for
   * that shard to be connected; returns the sequence number used.
   * @example await fake.dispatch({ op: 0, t: GatewayDispatchEvents.GuildDelete, s: 0, d: { id, unavailable: true } }, { guildId: id })
   */
  async dispatch(payload: GatewayDispatchPayload, target: { guildId?: Snowflake | undefined; timeoutMs?: number } = {}): Promise<number> {
    const session = await waitUntil(
      this.events,
      'gateway',
      () => this.gateway.liveSessionFor(target.guildId),
      target.timeoutMs ?? this.waitTimeoutMs,
      () => `a connected shard for ${target.guildId ? `guild ${target.guildId}` : 'DMs (shard 0)'}`,
    );
    return this.gateway.send(session, payload);
  }

  /** The signing public key as the Developer Portal shows it (64 hex characters): the bot's DISCORD_PUBLIC_KEY. */
  get publicKeyHex(): string {
    const { x } = this.signingKeys.publicKey.export({ format: 'jwk' });
    return Buffer.from(x ?? '', 'base64url').toString('hex');
  }

  /**
   * Delivers an interaction the way Discord does to an Interactions Endpoint URL: a signed
   * `POST` (`X-Signature-Ed25519` over `X-Signature-Timestamp` + body). A 200 answer is then
   * applied as the interaction's callback (recorded as `POST /interactions/{id}/{token}/callback`,
   * limits checked, late answers refused as in `sendInteraction`), so `waitForCallback`,
   * `originalMessage` and the webhook routes work as for gateway bots. Fills in `application_id`.
   * `timestamp` and `signWith` forge requests Discord would never send.
   */
  async postInteraction(
    endpoint: string,
    interaction: APIInteraction,
    options: { timestamp?: string; signWith?: KeyObject } = {},
  ): Promise<{ id: Snowflake; token: string; status: number; body: unknown; callback: RecordedRequest | null }> {
    const payload: APIInteraction = interaction.application_id ? interaction : { ...interaction, application_id: this.applicationId };
    const state: InteractionState = { payload, sentAt: Date.now(), ackType: null, original: null, followUps: [] };
    this.interactions.set(payload.id, state);
    const raw = JSON.stringify(payload);
    const timestamp = options.timestamp ?? String(Math.floor(Date.now() / 1000));
    const signature = sign(null, Buffer.from(timestamp + raw), options.signWith ?? this.signingKeys.privateKey).toString('hex');
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp },
      body: raw,
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // Not JSON: returned as text.
    }
    const callback = response.status === 200 ? this.recordCallback(payload, body) : null;
    return { id: payload.id, token: payload.token, status: response.status, body, callback };
  }

  /** Applies an HTTP answer as the interaction's callback, as Discord does, and records it like a REST call. */
  private recordCallback(payload: APIInteraction, body: unknown): RecordedRequest {
    const callbackRoute = `/interactions/${payload.id}/${payload.token}/callback`;
    const answer = route(this.ctx, 'POST', callbackRoute, {}, {}, body);
    const record: RecordedRequest = {
      seq: this.requests.length + 1,
      at: Date.now(),
      method: 'POST',
      path: `/api/v10${callbackRoute}`,
      route: callbackRoute,
      version: 10,
      query: {},
      headers: {},
      body,
      files: [],
      status: answer.status,
      response: answer.body,
      injected: false,
    };
    this.requests.push(record);
    this.events.emit('request', record);
    return record;
  }

  /** A PING as Discord sends when the endpoint URL is saved. */
  ping(): APIInteraction {
    return {
      id: snowflake(),
      application_id: this.applicationId,
      type: InteractionType.Ping,
      token: interactionToken(),
      version: 1,
      app_permissions: '0',
      entitlements: [],
      authorizing_integration_owners: {},
      attachment_size_limit: 0,
    };
  }

  /** Closes every gateway socket with `code` (default 4000, resumable); `1006` drops them without a close frame. */
  closeGateway(code = 4000): void {
    this.gateway.closeAll(code);
  }

  /** Closes HTTP and gateway at once (sockets are terminated, keep-alive connections dropped). */
  async close(): Promise<void> {
    this.gateway.terminateAll();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.events.removeAllListeners();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    // discord.js percent-encodes path segments (`@original` arrives as `%40original`); record the decoded path.
    const pathname = safeDecode(url.pathname);
    const match = API_PREFIX.exec(pathname);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    let body: unknown = null;
    let files: RecordedFile[] = [];
    let parseFailed = false;
    try {
      ({ body, files } = await readBody(req));
    } catch {
      parseFailed = true;
    }
    const record: RecordedRequest = {
      seq: this.requests.length + 1,
      at: Date.now(),
      method: req.method ?? 'GET',
      path: pathname,
      route: match ? (match[2] ?? '/') : pathname,
      version: match?.[1] ? Number(match[1]) : null,
      query: Object.fromEntries(url.searchParams),
      headers,
      body,
      files,
      status: 0,
      response: undefined,
      injected: false,
    };
    let answer: RestAnswer;
    const fault = this.faults.find((entry) => entry.left > 0 && matches(entry.matcher, record));
    if (fault) {
      fault.left -= 1;
      record.injected = true;
      answer = faultAnswer(fault.fault, record.route);
    } else if (!match) {
      answer = error(404, 0, '404: Not Found');
    } else if (parseFailed) {
      answer = error(400, 50109, 'The request body contains invalid JSON.');
    } else {
      try {
        answer = route(this.ctx, record.method, record.route, record.query, headers, body);
      } catch (cause) {
        answer = error(500, 0, `500: fake-discord crashed: ${String(cause)}`);
      }
    }
    record.status = answer.status;
    record.response = answer.body;
    this.requests.push(record);
    this.events.emit('request', record);
    const responseHeaders: Record<string, string> = { ...answer.headers };
    if (answer.body !== undefined) responseHeaders['content-type'] = 'application/json';
    res.writeHead(answer.status, responseHeaders);
    res.end(answer.body === undefined ? undefined : JSON.stringify(answer.body));
  }
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** Starts the fake on 127.0.0.1, port 0. Always `await fake.close()` in afterAll/finally. */
export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const server = createServer({ keepAliveTimeout: 1000 });
  const wss = new WebSocketServer({ noServer: true });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return new FakeDiscord(server, wss, options);
}
