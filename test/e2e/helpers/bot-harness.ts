/**
 * Starts the real casebot (startBot + FactStore over a temp copy of facts/) against the local Discord
 * fake, with a logger writing into memory, and offers the small helpers the e2e tests share.
 */
import { readFileSync } from 'node:fs';
import { cp, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { APIInteraction, Snowflake } from 'discord-api-types/v10';
import { parse as parseYaml } from 'yaml';
import { PageSessions } from '../../../src/app/page-sessions.js';
import { markdownToPlain } from '../../../src/answer/render-text.js';
import type { CaseStore } from '../../../src/app/case-bot.js';
import { startBot, type RunningBot } from '../../../src/bot/run-bot.js';
import { ConfigError, parseConfig } from '../../../src/config.js';
import type { GapStore } from '../../../src/gaps/types.js';
import { createLogger, type Logger } from '../../../src/log.js';
import { openServerSettings } from '../../../src/settings/server-settings.js';
import { FactStore } from '../../../src/store/fact-store.js';
import { fakeBotToken, startFakeDiscord, type FakeDiscord, type FakeGuild, type RecordedRequest } from '../fake-discord/index.js';
import { isRecord } from '../fake-discord/util.js';

/** The repository's facts folder, copied for every harness. */
export const FACTS_DIR = fileURLToPath(new URL('../../../facts', import.meta.url));
/** Where the copied case's fact file lives, relative to the temp facts root. */
export const FACTS_FILE = path.join('tick-jaxa', 'facts.yaml');

/** Log lines as pino wrote them, parsed. */
export interface LogLine extends Record<string, unknown> {
  readonly level: number;
  readonly msg?: string;
}

export interface BotHarness {
  readonly fake: FakeDiscord;
  readonly running: RunningBot;
  readonly store: FactStore;
  readonly log: Logger;
  readonly token: string;
  readonly guildId: Snowflake;
  readonly modRoleId: Snowflake;
  /** Temp copy of facts/ the store reads; tests may break and fix it. */
  readonly factsDir: string;
  /** Every raw line written by the logger (JSON). */
  readonly rawLog: string[];
  /** Parsed log lines. */
  lines(): LogLine[];
  /** Sends an interaction and waits for its first accepted callback. */
  send(payload: APIInteraction, timeoutMs?: number): Promise<{ id: Snowflake; token: string; callback: RecordedRequest }>;
  /** The one `interaction` log line of an interaction (waits for it: it is written after the reply). */
  interactionLine(id: Snowflake): Promise<LogLine>;
  /** Reads, edits and atomically rewrites the copied facts.yaml. */
  editFacts(edit: (text: string) => string): Promise<void>;
  /** Restores the pristine facts.yaml. */
  restoreFacts(): Promise<void>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  readonly heartbeatIntervalMs?: number;
  readonly deferAfterMs?: number;
  readonly logLevel?: string;
  readonly cooldownSeconds?: number;
  /** Wraps the store before the bot sees it (to inject slowness or faults). */
  readonly wrapStore?: (store: FactStore) => CaseStore;
  readonly sessions?: PageSessions;
  /** Knowledge gaps for the bot (the test opens and closes it); absent: none. */
  readonly gaps?: GapStore;
  /** The facts folder copied for the bot. Default: the repository's facts/. */
  readonly factsFrom?: string;
  /** The database file for per-server settings (default cases). Default: settings kept in memory. */
  readonly settingsDb?: string;
}

/**
 * Starts fake Discord, a FactStore over a temp copy of facts/, and the bot.
 *
 * @example
 * const h = await startHarness();
 * const { callback } = await h.send(chatInput({ name: 'case', guildId: h.guildId, options: { query: 'jaxa' } }));
 * await h.close();
 */
export async function startHarness(options: HarnessOptions = {}): Promise<BotHarness> {
  const guildId = '1100000000000000000';
  const modRoleId = '1100000000000000555';
  const token = fakeBotToken();
  const rawLog: string[] = [];
  const factsDir = await mkdtemp(path.join(tmpdir(), 'casebot-e2e-'));
  await cp(options.factsFrom ?? FACTS_DIR, factsDir, { recursive: true });
  const pristine = await readFile(path.join(factsDir, FACTS_FILE), 'utf8');

  const guild: FakeGuild = { id: guildId, name: 'Case Guild', roleIds: [modRoleId] };
  const fake = await startFakeDiscord({ guilds: [guild], heartbeatIntervalMs: options.heartbeatIntervalMs ?? 1000, token });
  const config = parseConfig({
    DISCORD_TOKEN: token,
    DISCORD_API_URL: fake.apiUrl,
    FACTS_DIR: factsDir,
    MOD_ROLE_IDS: modRoleId,
    CASE_COOLDOWN_SECONDS: String(options.cooldownSeconds ?? 0),
    LOG_LEVEL: options.logLevel ?? 'debug',
  });
  if (config instanceof ConfigError) throw config;
  const log = createLogger({
    level: config.logLevel,
    pretty: false,
    token,
    destination: { write: (line: string) => rawLog.push(line) },
  });
  let store: FactStore | undefined;
  let running: RunningBot | undefined;
  const settings = options.settingsDb === undefined ? undefined : openServerSettings(options.settingsDb);
  try {
    store = await FactStore.open(factsDir, log);
    running = await startBot({
      config,
      store: options.wrapStore ? options.wrapStore(store) : store,
      log,
      version: '9.9.9',
      readyTimeoutMs: 15_000,
      ...(options.deferAfterMs === undefined ? {} : { deferAfterMs: options.deferAfterMs }),
      ...(options.sessions === undefined ? {} : { sessions: options.sessions }),
      ...(options.gaps === undefined ? {} : { gaps: options.gaps }),
      ...(settings === undefined ? {} : { settings }),
    });
  } catch (error) {
    settings?.close();
    await fake.close();
    await rm(factsDir, { recursive: true, force: true });
    throw error;
  }
  const bot = running;

  const lines = (): LogLine[] =>
    rawLog
      .flatMap((raw) => raw.split('\n').filter((l) => l.trim() !== ''))
      .map((l): LogLine => {
        const parsed: unknown = JSON.parse(l);
        if (!isRecord(parsed) || typeof parsed['level'] !== 'number') throw new Error(`not a pino line: ${l}`);
        return { ...parsed, level: parsed['level'] };
      });

  const factsPath = path.join(factsDir, FACTS_FILE);
  const writeAtomically = async (text: string): Promise<void> => {
    const temp = `${factsPath}.tmp`;
    await writeFile(temp, text);
    await rename(temp, factsPath);
  };

  return {
    fake,
    running: bot,
    store,
    log,
    token,
    guildId,
    modRoleId,
    factsDir,
    rawLog,
    lines,
    async send(payload, timeoutMs) {
      const sent = await fake.sendInteraction(payload);
      const callback = await fake.waitForCallback(sent.id, timeoutMs);
      return { ...sent, callback };
    },
    async interactionLine(id) {
      const deadline = Date.now() + 5000;
      for (;;) {
        const found = lines().find((line) => line.msg === 'interaction' && line['interactionId'] === id);
        if (found !== undefined) return found;
        if (Date.now() > deadline) throw new Error(`no interaction log line for ${id}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    async editFacts(edit) {
      await writeAtomically(edit(await readFile(factsPath, 'utf8')));
    },
    async restoreFacts() {
      await writeAtomically(pristine);
    },
    async close() {
      await bot.stop();
      settings?.close();
      await fake.close();
      await rm(factsDir, { recursive: true, force: true });
    },
  };
}

/** `body.data` of a callback, or `{}`. */
export function dataOf(body: unknown): Record<string, unknown> {
  return isRecord(body) && isRecord(body['data']) ? body['data'] : {};
}

/** The callback type (4 reply, 5 defer, 7 update, 8 autocomplete…). */
export function typeOf(body: unknown): unknown {
  return isRecord(body) ? body['type'] : undefined;
}

/** The embeds of a message body, as records. */
export function embedsOf(message: Record<string, unknown>): Record<string, unknown>[] {
  const embeds = message['embeds'];
  return Array.isArray(embeds) ? embeds.filter(isRecord) : [];
}

/** The passage (fact text) of each embed of an answer, as plain text. */
export function passagesOf(message: Record<string, unknown>): string[] {
  return embedsOf(message).map((embed) => markdownToPlain(String(embed['description'] ?? '').split('\n\n')[0] ?? ''));
}

let shippedIds: Map<string, string> | undefined;

/**
 * The ids of the shipped facts an answer shows, found by their text: members' answers carry no
 * ids (only a moderator's private answer has them, in the footers).
 */
export function factIdsOf(message: Record<string, unknown>): string[] {
  shippedIds ??= shippedFactIds();
  const ids = shippedIds;
  return passagesOf(message).flatMap((passage) => {
    const id = ids.get(passage);
    return id === undefined ? [] : [id];
  });
}

/** Fact text → id of the repository's facts file. */
function shippedFactIds(): Map<string, string> {
  const data: unknown = parseYaml(readFileSync(path.join(FACTS_DIR, FACTS_FILE), 'utf8'));
  const facts = isRecord(data) && Array.isArray(data['facts']) ? data['facts'] : [];
  const map = new Map<string, string>();
  for (const fact of facts) {
    if (isRecord(fact) && typeof fact['id'] === 'string' && typeof fact['text'] === 'string')
      map.set(fact['text'].replace(/\s+/g, ' ').trim(), fact['id']);
  }
  return map;
}

/** Every button custom_id in a message body's components. */
export function customIdsOf(message: Record<string, unknown>): { customId: string; label: string; disabled: boolean }[] {
  const rows = message['components'];
  if (!Array.isArray(rows)) return [];
  return rows.filter(isRecord).flatMap((row) => {
    const components = row['components'];
    return Array.isArray(components)
      ? components
          .filter(isRecord)
          .flatMap((c) =>
            typeof c['custom_id'] === 'string'
              ? [{ customId: c['custom_id'], label: String(c['label'] ?? ''), disabled: c['disabled'] === true }]
              : [],
          )
      : [];
  });
}

/**
 * Requests that create or replace a message: interaction callbacks with a message (types 4 and 7)
 * and webhook POST/PATCH. Returns the message bodies.
 */
export function messageBodies(requests: readonly RecordedRequest[]): { request: RecordedRequest; message: Record<string, unknown> }[] {
  return requests.flatMap((request) => {
    if (request.method === 'POST' && request.route.startsWith('/interactions/')) {
      const type = typeOf(request.body);
      return type === 4 || type === 7 ? [{ request, message: dataOf(request.body) }] : [];
    }
    if ((request.method === 'POST' || request.method === 'PATCH') && request.route.startsWith('/webhooks/') && isRecord(request.body)) {
      return [{ request, message: request.body }];
    }
    return [];
  });
}

/** Total characters Discord counts for embeds (title, description, fields, footer, author). */
export function embedChars(message: Record<string, unknown>): number {
  let total = 0;
  for (const embed of embedsOf(message)) {
    for (const key of ['title', 'description'] as const) if (typeof embed[key] === 'string') total += embed[key].length;
    const footer = embed['footer'];
    if (isRecord(footer) && typeof footer['text'] === 'string') total += footer['text'].length;
    const author = embed['author'];
    if (isRecord(author) && typeof author['name'] === 'string') total += author['name'].length;
    const fields = embed['fields'];
    if (Array.isArray(fields)) {
      for (const field of fields.filter(isRecord)) {
        total += String(field['name'] ?? '').length + String(field['value'] ?? '').length;
      }
    }
  }
  return total;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
