/**
 * The fake REST API: request recording, fault injection, and the routes discord.js needs for a bot that
 * logs in, registers commands and answers interactions.
 */
import type { IncomingMessage } from 'node:http';
import { type ApplicationFlags, InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import type {
  APIApplication,
  APIApplicationCommand,
  APIEmbed,
  APIInteraction,
  APIMessage,
  APIMessageTopLevelComponent,
  APIUser,
  RESTGetAPIGatewayBotResult,
  Snowflake,
} from 'discord-api-types/v10';
import { message, snowflake } from './payloads.js';
import { isRecord, isRecordArray, numberField, stringField } from './util.js';

/** A file part of a multipart/form-data request (discord.js sends those when attaching files). */
export interface RecordedFile {
  field: string;
  name: string;
  contentType: string;
  size: number;
}

/** One HTTP request as the fake saw it, and what it answered. */
export interface RecordedRequest {
  /** 1-based arrival order. */
  seq: number;
  at: number;
  method: string;
  /** Full path, e.g. `/api/v10/interactions/1/tok/callback`. */
  path: string;
  /** Path after `/api/v{n}` (or `/api`), e.g. `/interactions/1/tok/callback`. */
  route: string;
  /** API version from the path, or null when unversioned. */
  version: number | null;
  query: Record<string, string>;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  /** Parsed JSON body, or `payload_json` of a multipart body; null when there was none. */
  body: unknown;
  files: RecordedFile[];
  /** HTTP status the fake answered. */
  status: number;
  /** The JSON the fake answered with (undefined for 204). */
  response: unknown;
  /** True when the answer came from `failNext`. */
  injected: boolean;
}

/** Matches recorded requests: a route prefix (`'/interactions/'`), `'POST /interactions/'`, a RegExp over `'METHOD /route'`, or a predicate. */
export type RequestMatcher = string | RegExp | ((request: RecordedRequest) => boolean);

/** A failure to inject; `times` (default 1) matching requests get it. */
export type Fault =
  | { status: 429; retryAfter?: number; global?: boolean; scope?: 'user' | 'global' | 'shared'; times?: number }
  | { status: number; code?: number; message?: string; times?: number };

export function matches(matcher: RequestMatcher, request: RecordedRequest): boolean {
  if (typeof matcher === 'function') return matcher(request);
  const line = `${request.method} ${request.route}`;
  if (matcher instanceof RegExp) return matcher.test(line);
  return /^[A-Z]+ /.test(matcher) ? line.startsWith(matcher) : request.route.startsWith(matcher);
}

/** State of one interaction the fake dispatched. */
export interface InteractionState {
  payload: APIInteraction;
  sentAt: number;
  /** The callback type the bot acknowledged with, or null while unanswered. */
  ackType: InteractionResponseType | null;
  /** The message behind `@original` (reply, deferred "thinking" message, or the updated component message). */
  original: APIMessage | null;
  followUps: APIMessage[];
}

export interface RestContext {
  applicationId: Snowflake;
  botUser: APIUser;
  gatewayUrl: string;
  shards: number;
  maxConcurrency: number;
  token: string | undefined;
  ackTimeoutMs: number;
  interactions: Map<Snowflake, InteractionState>;
  commands: { global: APIApplicationCommand[]; guilds: Map<Snowflake, APIApplicationCommand[]> };
}

export interface RestAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Reads and parses a request body: JSON, multipart (payload_json + files) or text. */
export async function readBody(request: IncomingMessage): Promise<{ body: unknown; files: RecordedFile[] }> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  const raw = Buffer.concat(chunks);
  if (raw.length === 0) return { body: null, files: [] };
  const contentType = request.headers['content-type'] ?? '';
  if (contentType.startsWith('multipart/form-data')) {
    const form = await new Request('http://fake/', { method: 'POST', headers: { 'content-type': contentType }, body: raw }).formData();
    const files: RecordedFile[] = [];
    let body: unknown = null;
    for (const [field, value] of form.entries()) {
      if (typeof value === 'string') {
        if (field === 'payload_json') body = JSON.parse(value);
      } else {
        files.push({ field, name: value.name, contentType: value.type, size: value.size });
      }
    }
    return { body, files };
  }
  const text = raw.toString('utf8');
  if (contentType.includes('json')) return { body: JSON.parse(text), files: [] };
  return { body: text, files: [] };
}

export function error(status: number, code: number, messageText: string, errors?: unknown): RestAnswer {
  return { status, body: { message: messageText, code, ...(errors === undefined ? {} : { errors }) } };
}

/** The answer for an injected fault, with the headers discord.js reads on a 429. */
export function faultAnswer(fault: Fault, route: string): RestAnswer {
  if (fault.status === 429 && !('code' in fault)) {
    const retryAfter = 'retryAfter' in fault && fault.retryAfter !== undefined ? fault.retryAfter : 0.2;
    const global = 'global' in fault && fault.global === true;
    const scope = 'scope' in fault && fault.scope !== undefined ? fault.scope : global ? 'global' : 'user';
    const headers: Record<string, string> = {
      'retry-after': String(retryAfter),
      'x-ratelimit-limit': '5',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': String((Date.now() + retryAfter * 1000) / 1000),
      'x-ratelimit-reset-after': String(retryAfter),
      'x-ratelimit-bucket': `fake-${Buffer.from(route.split('/').slice(0, 2).join('/')).toString('hex')}`,
      'x-ratelimit-scope': scope,
    };
    if (global) headers['x-ratelimit-global'] = 'true';
    return { status: 429, headers, body: { message: 'You are being rate limited.', retry_after: retryAfter, global } };
  }
  const code = 'code' in fault && fault.code !== undefined ? fault.code : 0;
  const text = 'message' in fault && fault.message !== undefined ? fault.message : `${fault.status}: fake-discord injected failure`;
  return error(fault.status, code, text);
}

function embedsOf(data: Record<string, unknown> | undefined): APIEmbed[] | undefined {
  const embeds = data?.['embeds'];
  return isRecordArray(embeds) ? embeds : undefined;
}

function componentsOf(data: Record<string, unknown> | undefined): APIMessageTopLevelComponent[] | undefined {
  const components = data?.['components'];
  return isRecordArray(components) && components.every(isComponent) ? components : undefined;
}

function isComponent(value: Record<string, unknown>): value is Record<string, unknown> & APIMessageTopLevelComponent {
  return typeof value['type'] === 'number';
}

/** Checks the limits Discord enforces on a message body; returns Discord's 50035 error when broken. */
export function validateMessage(data: Record<string, unknown> | undefined): RestAnswer | null {
  const problems: Record<string, string> = {};
  const content = stringField(data, 'content');
  if (content !== undefined && content.length > 2000) problems['content'] = 'Must be 2000 or fewer in length.';
  const embeds = embedsOf(data) ?? [];
  if (embeds.length > 10) problems['embeds'] = 'Must be 10 or fewer in length.';
  let total = 0;
  embeds.forEach((embed, index) => {
    const title = embed.title ?? '';
    const description = embed.description ?? '';
    if (title.length > 256) problems[`embeds.${index}.title`] = 'Must be 256 or fewer in length.';
    if (description.length > 4096) problems[`embeds.${index}.description`] = 'Must be 4096 or fewer in length.';
    const fields = embed.fields ?? [];
    if (fields.length > 25) problems[`embeds.${index}.fields`] = 'Must be 25 or fewer in length.';
    fields.forEach((field, f) => {
      if (field.name.length > 256) problems[`embeds.${index}.fields.${f}.name`] = 'Must be 256 or fewer in length.';
      if (field.value.length > 1024) problems[`embeds.${index}.fields.${f}.value`] = 'Must be 1024 or fewer in length.';
      total += field.name.length + field.value.length;
    });
    const footer = embed.footer?.text ?? '';
    if (footer.length > 2048) problems[`embeds.${index}.footer.text`] = 'Must be 2048 or fewer in length.';
    total += title.length + description.length + footer.length + (embed.author?.name.length ?? 0);
  });
  if (total > 6000) problems['embeds'] = 'Embed size exceeds maximum size of 6000';
  const choices = data?.['choices'];
  if (Array.isArray(choices)) {
    if (choices.length > 25) problems['choices'] = 'Must be 25 or fewer in length.';
    choices.forEach((choice: unknown, index) => {
      const name = isRecord(choice) ? stringField(choice, 'name') : undefined;
      if (name === undefined || name.length < 1 || name.length > 100) {
        problems[`choices.${index}.name`] = 'Must be between 1 and 100 in length.';
      }
      const value = isRecord(choice) ? choice['value'] : undefined;
      if (typeof value === 'string' && (value.length < 1 || value.length > 100)) {
        problems[`choices.${index}.value`] = 'Must be between 1 and 100 in length.';
      }
    });
  }
  if (Object.keys(problems).length === 0) return null;
  return error(400, 50035, 'Invalid Form Body', problems);
}

function applyMessageEdit(target: APIMessage, data: Record<string, unknown> | undefined): APIMessage {
  const content = stringField(data, 'content');
  const embeds = embedsOf(data);
  const components = componentsOf(data);
  const flags = numberField(data, 'flags');
  return {
    ...target,
    ...(content === undefined ? {} : { content }),
    ...(embeds === undefined ? {} : { embeds }),
    ...(components === undefined ? {} : { components }),
    flags: ((flags ?? target.flags ?? 0) & ~MessageFlags.Loading) | ((target.flags ?? 0) & MessageFlags.Ephemeral),
    edited_timestamp: new Date().toISOString(),
  };
}

function newMessage(ctx: RestContext, state: InteractionState, data: Record<string, unknown> | undefined, extraFlags = 0): APIMessage {
  const content = stringField(data, 'content');
  const embeds = embedsOf(data);
  const components = componentsOf(data);
  return message({
    channelId: state.payload.channel?.id ?? state.payload.channel_id ?? '0',
    author: ctx.botUser,
    ...(content === undefined ? {} : { content }),
    ...(embeds === undefined ? {} : { embeds }),
    ...(components === undefined ? {} : { components }),
    flags: (numberField(data, 'flags') ?? 0) | extraFlags,
    applicationId: ctx.applicationId,
    webhookId: ctx.applicationId,
  });
}

/** Discord has no named zero application flag. */
const NO_APPLICATION_FLAGS = 0 as ApplicationFlags;

function application(ctx: RestContext): APIApplication {
  return {
    id: ctx.applicationId,
    name: ctx.botUser.username,
    icon: null,
    description: 'fake-discord application',
    bot_public: false,
    bot_require_code_grant: false,
    bot: ctx.botUser,
    summary: '',
    verify_key: '0'.repeat(64),
    team: null,
    flags: NO_APPLICATION_FLAGS,
    flags_new: '0',
  };
}

function storeCommands(
  ctx: RestContext,
  existing: APIApplicationCommand[],
  body: unknown,
  guildId: Snowflake | undefined,
): APIApplicationCommand[] {
  const input = isRecordArray(body) ? body : [];
  const stored = input.map((command) => {
    const name = stringField(command, 'name') ?? '';
    const type = numberField(command, 'type') ?? 1;
    const previous = existing.find((c) => c.name === name && c.type === type);
    return {
      ...command,
      id: previous?.id ?? snowflake(),
      application_id: ctx.applicationId,
      version: snowflake(),
      name,
      description: stringField(command, 'description') ?? '',
      type,
      default_member_permissions: stringField(command, 'default_member_permissions') ?? null,
      nsfw: command['nsfw'] === true,
      ...(guildId ? { guild_id: guildId } : {}),
    };
  });
  return stored.filter(isCommand);
}

function isCommand(value: Record<string, unknown>): value is Record<string, unknown> & APIApplicationCommand {
  return typeof value['id'] === 'string' && typeof value['name'] === 'string' && typeof value['type'] === 'number';
}

/** Routes one request (already recorded by the caller) to its answer. */
export function route(
  ctx: RestContext,
  method: string,
  path: string,
  query: Record<string, string>,
  headers: Record<string, string>,
  body: unknown,
): RestAnswer {
  const parts = path.split('/').filter(Boolean);
  const data = isRecord(body) ? body : undefined;
  const needsAuth = parts[0] !== 'interactions' && parts[0] !== 'webhooks';
  if (needsAuth && ctx.token !== undefined && headers['authorization'] !== `Bot ${ctx.token}`) {
    return error(401, 0, '401: Unauthorized');
  }
  const key = `${method} ${parts.map((part, i) => (i > 0 && /^\d+$/.test(part) ? ':id' : part)).join('/')}`;

  if (key === 'GET gateway') return { status: 200, body: { url: ctx.gatewayUrl } };
  if (key === 'GET gateway/bot') {
    const result: RESTGetAPIGatewayBotResult = {
      url: ctx.gatewayUrl,
      shards: ctx.shards,
      session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: ctx.maxConcurrency },
    };
    return { status: 200, body: result };
  }
  if (key === 'GET applications/@me' || key === 'GET oauth2/applications/@me') return { status: 200, body: application(ctx) };
  if (key === 'GET users/@me') return { status: 200, body: ctx.botUser };

  if (parts[0] === 'applications' && parts[1] !== '@me') {
    if (parts[1] !== ctx.applicationId) return error(404, 10002, 'Unknown Application');
    const guildId = parts[2] === 'guilds' ? parts[3] : undefined;
    const rest = guildId ? parts.slice(4) : parts.slice(2);
    if (rest[0] !== 'commands') return error(404, 0, '404: Not Found');
    const current = guildId ? (ctx.commands.guilds.get(guildId) ?? []) : ctx.commands.global;
    const save = (list: APIApplicationCommand[]): void => {
      if (guildId) ctx.commands.guilds.set(guildId, list);
      else ctx.commands.global = list;
    };
    if (rest.length === 1 && method === 'GET') return { status: 200, body: current };
    if (rest.length === 1 && method === 'PUT') {
      const stored = storeCommands(ctx, current, body, guildId);
      save(stored);
      return { status: 200, body: stored };
    }
    if (rest.length === 1 && method === 'POST') {
      const [stored] = storeCommands(ctx, current, [body], guildId);
      if (!stored) return error(400, 50035, 'Invalid Form Body');
      save([...current.filter((c) => c.id !== stored.id), stored]);
      return { status: 201, body: stored };
    }
    const found = current.find((c) => c.id === rest[1]);
    if (!found) return error(404, 10063, 'Unknown application command');
    if (method === 'GET') return { status: 200, body: found };
    if (method === 'DELETE') {
      save(current.filter((c) => c.id !== found.id));
      return { status: 204 };
    }
    return error(405, 0, '405: Method Not Allowed');
  }

  if (parts[0] === 'interactions' && parts[3] === 'callback' && method === 'POST') {
    return callback(ctx, parts[1] ?? '', parts[2] ?? '', query, data);
  }

  if (parts[0] === 'webhooks' && parts.length >= 3) {
    return webhook(ctx, method, parts, query, data);
  }

  return error(404, 0, '404: Not Found');
}

function callback(
  ctx: RestContext,
  id: string,
  token: string,
  query: Record<string, string>,
  data: Record<string, unknown> | undefined,
): RestAnswer {
  const state = ctx.interactions.get(id);
  if (!state || state.payload.token !== token || Date.now() - state.sentAt > ctx.ackTimeoutMs) {
    return error(404, 10062, 'Unknown interaction');
  }
  if (state.ackType !== null) return error(400, 40060, 'Interaction has already been acknowledged.');
  const type = numberField(data, 'type');
  const inner = isRecord(data?.['data']) ? data['data'] : undefined;
  const invalid = validateMessage(inner);
  if (invalid) return invalid;
  switch (type) {
    case InteractionResponseType.ChannelMessageWithSource:
      state.original = newMessage(ctx, state, inner);
      break;
    case InteractionResponseType.DeferredChannelMessageWithSource:
      state.original = newMessage(ctx, state, { ...inner, content: '' }, MessageFlags.Loading);
      break;
    case InteractionResponseType.DeferredMessageUpdate:
      state.original = 'message' in state.payload && state.payload.message ? state.payload.message : null;
      break;
    case InteractionResponseType.UpdateMessage:
      state.original = 'message' in state.payload && state.payload.message ? applyMessageEdit(state.payload.message, inner) : null;
      break;
    case InteractionResponseType.Pong:
    case InteractionResponseType.ApplicationCommandAutocompleteResult:
    case InteractionResponseType.Modal:
    case InteractionResponseType.LaunchActivity:
      break;
    default:
      return error(400, 50035, 'Invalid Form Body', {
        type: `Value must be one of ${Object.values(InteractionResponseType)
          .filter((v) => typeof v === 'number')
          .join(', ')}.`,
      });
  }
  state.ackType = type;
  if (query['with_response'] !== 'true') return { status: 204 };
  const original = state.original;
  const loading = original !== null && ((original.flags ?? 0) & MessageFlags.Loading) !== 0;
  return {
    status: 200,
    body: {
      interaction: {
        id,
        type: state.payload.type,
        ...(original
          ? {
              response_message_id: original.id,
              response_message_loading: loading,
              response_message_ephemeral: ((original.flags ?? 0) & MessageFlags.Ephemeral) !== 0,
            }
          : {}),
      },
      resource: { type, ...(original && type !== InteractionResponseType.DeferredMessageUpdate ? { message: original } : {}) },
    },
  };
}

function webhook(
  ctx: RestContext,
  method: string,
  parts: string[],
  query: Record<string, string>,
  data: Record<string, unknown> | undefined,
): RestAnswer {
  const [, appId, token, sub, messageId] = parts;
  const state = [...ctx.interactions.values()].find((s) => s.payload.token === token);
  if (appId !== ctx.applicationId || !state || state.ackType === null) return error(404, 10015, 'Unknown Webhook');
  if (sub === undefined) {
    if (method !== 'POST') return error(405, 0, '405: Method Not Allowed');
    const invalid = validateMessage(data);
    if (invalid) return invalid;
    const followUp = newMessage(ctx, state, data);
    state.followUps.push(followUp);
    return query['wait'] === 'false' ? { status: 204 } : { status: 200, body: followUp };
  }
  if (sub !== 'messages' || messageId === undefined) return error(404, 0, '404: Not Found');
  const isOriginal = messageId === '@original' || messageId === state.original?.id;
  const target = isOriginal ? state.original : state.followUps.find((m) => m.id === messageId);
  if (!target) return error(404, 10008, 'Unknown Message');
  if (method === 'GET') return { status: 200, body: target };
  if (method === 'DELETE') {
    if (isOriginal) state.original = null;
    else state.followUps = state.followUps.filter((m) => m.id !== target.id);
    return { status: 204 };
  }
  if (method === 'PATCH') {
    const invalid = validateMessage(data);
    if (invalid) return invalid;
    const edited = applyMessageEdit(target, data);
    if (isOriginal) state.original = edited;
    else state.followUps = state.followUps.map((m) => (m.id === edited.id ? edited : m));
    return { status: 200, body: edited };
  }
  return error(405, 0, '405: Method Not Allowed');
}
