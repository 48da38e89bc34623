import { hostname } from 'node:os';
import path from 'node:path';
import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';
import { MIN_SECRET_LENGTH } from './answer/paging-token.js';
import { publicKeyFromHex } from './http/signature.js';
import { DEFAULT_DEBOUNCE_MS } from './store/watch-facts.js';

/** pino's level names, plus `silent`. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The validated environment. Every field has its final type; nothing downstream re-parses. */
export interface Config {
  /** Absent: run the console instead of the bot. */
  readonly discordToken: string | undefined;
  /** Absent: learnt from `GET /applications/@me`. */
  readonly discordClientId: string | undefined;
  /** Present: commands are registered for this guild only (instant), else globally. */
  readonly discordGuildId: string | undefined;
  /** REST base for discord.js (`rest.api`), without a trailing slash; absent means discord.com. */
  readonly discordApiUrl: string | undefined;
  /** Absolute path of the facts folder. */
  readonly factsDir: string;
  readonly modRoleIds: readonly string[];
  readonly logLevel: LogLevel;
  /** Per-user cooldown on public /case replies; 0 disables it. */
  readonly caseCooldownSeconds: number;
  /** Absent: one process, no sharding. */
  readonly shardCount: number | 'auto' | undefined;
  /** Absolute path of the knowledge-gaps database (SQLite); null when `GAPS_DB=off` turns gaps off. */
  readonly gapsDb: string | null;
  /** Days questions and votes are kept, today included (≥ 1). */
  readonly gapsRetentionDays: number;
  /** Reload the facts when a file under {@link factsDir} is saved (FACTS_WATCH). Default false. */
  readonly factsWatch: boolean;
  /** Quiet period after the last change before that reload (FACTS_WATCH_DEBOUNCE_MS). Default 500. */
  readonly factsWatchDebounceMs: number;
  /**
   * Signs paging buttons (PAGING_SECRET, ≥ 32 characters). Replicas must share it to turn each
   * other's pages; absent: each process makes a random one at start.
   */
  readonly pagingSecret: string | undefined;
  /** Present (INTERACTIONS_PORT set): serve Discord's HTTP interactions endpoint instead of the gateway. */
  readonly interactions: InteractionsConfig | undefined;
  /**
   * REDIS_URL: what replicas share — cooldowns, knowledge gaps and votes, reload fan-out (src/redis/).
   * Absent: each process keeps its own, as before. Contains credentials when the server needs them: never logged.
   */
  readonly redisUrl: string | undefined;
  /** This process's name among replicas (REPLICA_ID); default `hostname:pid`. */
  readonly replicaId: string;
  /** How long a reload waits for every replica or shard to report (RELOAD_TIMEOUT_SECONDS, default 30), in ms. */
  readonly reloadTimeoutMs: number;
}

/** The HTTP interactions endpoint (src/http/). */
export interface InteractionsConfig {
  /** 0 picks a free port (tests). */
  readonly port: number;
  /** Address to bind. Default 0.0.0.0: a load balancer or proxy on another host must reach it. */
  readonly host: string;
  /** The application's Ed25519 public key, 64 hex characters, checked to be one. */
  readonly publicKeyHex: string;
}

/** The environment is invalid; {@link problems} lists every problem, one sentence each. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const SNOWFLAKE = /^\d{17,20}$/;

/** Where the knowledge-gaps database goes unless `GAPS_DB` says otherwise (relative to the working directory). */
export const DEFAULT_GAPS_DB = './data/gaps.sqlite';
/** Days questions and votes are kept unless `GAPS_RETENTION_DAYS` says otherwise. */
export const DEFAULT_GAPS_RETENTION_DAYS = 90;

type Show = (value: string) => string;

/**
 * Quotes a value for a message. Long values are cut so one bad variable cannot flood the terminal,
 * and a value that overlaps the token (pasted into the wrong variable) is not shown at all.
 */
function shower(token: string | undefined): Show {
  // "Bot <token>" or a token with a stray line break: every long piece of it is secret.
  const secrets = (token ?? '').split(/\s+/).filter((piece) => piece.length >= 8);
  return (value) => {
    const overlaps = secrets.some((secret) => value.includes(secret) || (value.length >= 8 && secret.includes(value)));
    if (overlaps) return '(a value that looks like the bot token, not shown)';
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  };
}

/** Unset and blank mean the same: the variable is not given. */
const optionalText = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined),
  z.string().optional(),
);

function snowflake(name: string, shown: Show) {
  return optionalText.refine((v) => v === undefined || SNOWFLAKE.test(v), {
    error: (issue) => `${name} must be a Discord id (17 to 20 digits), got ${shown(String(issue.input))}`,
  });
}

/**
 * An optional whole number from `min` to `max` (no sign, no decimals; at most as many digits as
 * `max` has): `fallback` when unset, otherwise an issue saying what `name` must be.
 */
function wholeNumber<F extends number | undefined>(name: string, must: string, min: number, max: number, fallback: F, shown: Show) {
  const digits = new RegExp(`^\\d{1,${String(max).length}}$`);
  return optionalText.transform((v, ctx): number | F => {
    if (v === undefined) return fallback;
    if (!digits.test(v) || Number(v) < min || Number(v) > max) {
      ctx.addIssue({ code: 'custom', message: `${name} must be ${must}, got ${shown(v)}` });
      return z.NEVER;
    }
    return Number(v);
  });
}

function buildSchema(shown: Show) {
  return z
    .object({
      // The token's value must never appear in a message: refinements below never interpolate it.
      DISCORD_TOKEN: optionalText
        .refine((v) => v === undefined || !/^bot\s/i.test(v), {
          error: 'DISCORD_TOKEN must be the bare bot token, without the "Bot " prefix',
        })
        .refine((v) => v === undefined || /^bot\s/i.test(v) || !/\s/.test(v), {
          error: 'DISCORD_TOKEN must not contain spaces or line breaks; copy it again from the Developer Portal',
        }),
      DISCORD_CLIENT_ID: snowflake('DISCORD_CLIENT_ID', shown),
      DISCORD_GUILD_ID: snowflake('DISCORD_GUILD_ID', shown),
      DISCORD_API_URL: optionalText
        .refine((v) => v === undefined || isHttpUrl(v), {
          error: (issue) => `DISCORD_API_URL must be an http(s) URL, got ${shown(String(issue.input))}`,
        })
        .transform((v) => v?.replace(/\/+$/, '')),
      FACTS_DIR: optionalText.transform((v) => path.resolve(v ?? './facts')),
      MOD_ROLE_IDS: optionalText.transform((v, ctx) => {
        const ids = (v ?? '')
          .split(',')
          .map((id) => id.trim())
          .filter((id) => id !== '');
        const bad = ids.filter((id) => !SNOWFLAKE.test(id));
        if (bad.length > 0) {
          ctx.addIssue({
            code: 'custom',
            message: `MOD_ROLE_IDS must be comma-separated role ids (17 to 20 digits each), got ${bad.map(shown).join(', ')}`,
          });
          return z.NEVER;
        }
        return ids;
      }),
      LOG_LEVEL: optionalText.transform((v, ctx) => {
        const level = (v ?? 'info').toLowerCase();
        if (!isLogLevel(level)) {
          ctx.addIssue({ code: 'custom', message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got ${shown(v ?? '')}` });
          return z.NEVER;
        }
        return level;
      }),
      CASE_COOLDOWN_SECONDS: wholeNumber('CASE_COOLDOWN_SECONDS', 'a whole number of seconds (0 disables)', 0, 99_999, 5, shown),
      SHARD_COUNT: optionalText.transform((v, ctx): number | 'auto' | undefined => {
        if (v === undefined) return undefined;
        if (v.toLowerCase() === 'auto') return 'auto';
        if (!/^\d{1,4}$/.test(v) || Number(v) < 1) {
          ctx.addIssue({ code: 'custom', message: `SHARD_COUNT must be a positive whole number or "auto", got ${shown(v)}` });
          return z.NEVER;
        }
        return Number(v);
      }),
      GAPS_DB: optionalText.transform((v, ctx): string | null => {
        if (v?.toLowerCase() === 'off') return null;
        if (v !== undefined && /[\\/]$/.test(v)) {
          ctx.addIssue({
            code: 'custom',
            message: `GAPS_DB must be the path of a file (e.g. ./data/gaps.sqlite) or off, got the folder ${shown(v)}`,
          });
          return z.NEVER;
        }
        return path.resolve(v ?? DEFAULT_GAPS_DB);
      }),
      GAPS_RETENTION_DAYS: wholeNumber(
        'GAPS_RETENTION_DAYS',
        'a whole number of days of at least 1',
        1,
        99_999,
        DEFAULT_GAPS_RETENTION_DAYS,
        shown,
      ),
      FACTS_WATCH: optionalText.transform((v, ctx) => {
        const value = (v ?? 'false').toLowerCase();
        if (value !== 'true' && value !== 'false') {
          ctx.addIssue({ code: 'custom', message: `FACTS_WATCH must be true or false, got ${shown(v ?? '')}` });
          return z.NEVER;
        }
        return value === 'true';
      }),
      // Below 50 ms an editor's save is several reloads; above a minute nobody would wait for it.
      FACTS_WATCH_DEBOUNCE_MS: wholeNumber(
        'FACTS_WATCH_DEBOUNCE_MS',
        'a whole number of milliseconds from 50 to 60000',
        50,
        60_000,
        DEFAULT_DEBOUNCE_MS,
        shown,
      ),
      // Never shown in a message: a secret half-pasted into the wrong variable must not reach the logs.
      PAGING_SECRET: optionalText.refine((v) => v === undefined || v.length >= MIN_SECRET_LENGTH, {
        error: `PAGING_SECRET must be at least ${MIN_SECRET_LENGTH} characters (e.g. \`openssl rand -hex 32\`); its value is not shown`,
      }),
      INTERACTIONS_PORT: wholeNumber('INTERACTIONS_PORT', 'a TCP port (0 to 65535)', 0, 65_535, undefined, shown),
      INTERACTIONS_HOST: optionalText.transform((v) => v ?? '0.0.0.0'),
      // Never shown in a message: the URL may hold the server's password.
      REDIS_URL: optionalText.refine((v) => v === undefined || isRedisUrl(v), {
        error:
          'REDIS_URL must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379 (its value is not shown: it may hold a password)',
      }),
      REPLICA_ID: optionalText.refine((v) => v === undefined || /^[A-Za-z0-9._:@-]{1,64}$/.test(v), {
        error: (issue) => `REPLICA_ID must be 1 to 64 letters, digits or . _ : @ - (e.g. web-1), got ${shown(String(issue.input))}`,
      }),
      RELOAD_TIMEOUT_SECONDS: wholeNumber('RELOAD_TIMEOUT_SECONDS', 'a whole number of seconds from 1 to 600', 1, 600, 30, shown),
      DISCORD_PUBLIC_KEY: optionalText.refine((v) => v === undefined || publicKeyFromHex(v) !== null, {
        error: (issue) =>
          `DISCORD_PUBLIC_KEY must be the application's public key, 64 hex characters (Developer Portal → General Information → Public Key), got ${shown(String(issue.input))}`,
      }),
    })
    .superRefine((env, ctx) => {
      if (env.INTERACTIONS_PORT !== undefined && env.DISCORD_PUBLIC_KEY === undefined) {
        ctx.addIssue({
          code: 'custom',
          message:
            'INTERACTIONS_PORT is set but DISCORD_PUBLIC_KEY is not: HTTP mode must check that requests come from Discord; copy the Public Key from the Developer Portal (General Information)',
        });
      }
    });
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function isRedisUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'redis:' || url.protocol === 'rediss:') && url.hostname !== '';
  } catch {
    return false;
  }
}

function isLogLevel(value: string): value is LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(value);
}

/**
 * Validates an environment. Pure: reads nothing but `env` (and the working directory, to make
 * `FACTS_DIR` and `GAPS_DB` absolute; the host name and process id, for the default `REPLICA_ID`).
 *
 * @returns the config, or a {@link ConfigError} listing every problem (never the token's value).
 * @example
 * const config = parseConfig({ FACTS_DIR: './facts', LOG_LEVEL: 'debug' });
 * if (config instanceof ConfigError) console.error(config.message);
 */
export function parseConfig(env: Record<string, string | undefined>): Config | ConfigError {
  const result = buildSchema(shower(env.DISCORD_TOKEN)).safeParse(env);
  if (!result.success) {
    return new ConfigError(result.error.issues.map((issue) => issue.message));
  }
  const e = result.data;
  return {
    discordToken: e.DISCORD_TOKEN,
    discordClientId: e.DISCORD_CLIENT_ID,
    discordGuildId: e.DISCORD_GUILD_ID,
    discordApiUrl: e.DISCORD_API_URL,
    factsDir: e.FACTS_DIR,
    modRoleIds: e.MOD_ROLE_IDS,
    logLevel: e.LOG_LEVEL,
    caseCooldownSeconds: e.CASE_COOLDOWN_SECONDS,
    shardCount: e.SHARD_COUNT,
    gapsDb: e.GAPS_DB,
    gapsRetentionDays: e.GAPS_RETENTION_DAYS,
    factsWatch: e.FACTS_WATCH,
    factsWatchDebounceMs: e.FACTS_WATCH_DEBOUNCE_MS,
    pagingSecret: e.PAGING_SECRET,
    interactions:
      e.INTERACTIONS_PORT === undefined || e.DISCORD_PUBLIC_KEY === undefined
        ? undefined
        : { port: e.INTERACTIONS_PORT, host: e.INTERACTIONS_HOST, publicKeyHex: e.DISCORD_PUBLIC_KEY },
    redisUrl: e.REDIS_URL,
    replicaId: e.REPLICA_ID ?? `${hostname()}:${process.pid}`,
    reloadTimeoutMs: e.RELOAD_TIMEOUT_SECONDS * 1000,
  };
}

let dotenvLoaded = false;

/**
 * Reads `.env` (once; real environment variables win) and validates `process.env`.
 *
 * @returns the config, or a {@link ConfigError} to print before exiting.
 */
export function loadConfig(): Config | ConfigError {
  if (!dotenvLoaded) {
    loadDotenv({ quiet: true });
    dotenvLoaded = true;
  }
  dropEmptyVariables(process.env);
  return parseConfig(process.env);
}

/** The variables this bot reads (and `.env.example` documents). */
export const CONFIG_VARIABLES = Object.keys(buildSchema(String).shape);

/**
 * Removes this bot's variables that are set to the empty string: empty means unset, as
 * `.env.example` ships them (`SHARD_COUNT=`). Needed beyond our own parsing because discord.js reads
 * some of them from the environment itself (an empty `SHARD_COUNT` made its client refuse to start:
 * "The shardCount option must be a number greater than or equal to 1").
 *
 * @example
 * const env = { SHARD_COUNT: '', LOG_LEVEL: 'info' };
 * dropEmptyVariables(env); // env is now { LOG_LEVEL: 'info' }
 */
export function dropEmptyVariables(env: Record<string, string | undefined>): void {
  for (const name of CONFIG_VARIABLES) if (env[name] === '') Reflect.deleteProperty(env, name);
}
