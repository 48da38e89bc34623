import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseDotenv } from 'dotenv';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES, ConfigError, dropEmptyVariables, parseConfig, type Config } from '../../src/config.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GabcDE.s3cr3t-t0ken-value';

function ok(env: Record<string, string | undefined>): Config {
  const result = parseConfig(env);
  if (result instanceof ConfigError) throw new Error(`unexpected ConfigError: ${result.message}`);
  return result;
}

function problems(env: Record<string, string | undefined>): readonly string[] {
  const result = parseConfig(env);
  if (!(result instanceof ConfigError)) throw new Error('expected a ConfigError');
  return result.problems;
}

describe('parseConfig', () => {
  it('applies defaults to an empty environment (console mode)', () => {
    expect(ok({})).toEqual({
      discordToken: undefined,
      discordClientId: undefined,
      discordGuildId: undefined,
      discordApiUrl: undefined,
      factsDir: path.resolve('./facts'),
      modRoleIds: [],
      logLevel: 'info',
      caseCooldownSeconds: 5,
      shardCount: undefined,
      gapsDb: path.resolve('./data/gaps.sqlite'),
      gapsRetentionDays: 90,
      factsWatch: false,
      factsWatchDebounceMs: 500,
      redisUrl: undefined,
      replicaId: `${hostname()}:${process.pid}`,
      reloadTimeoutMs: 30_000,
    });
  });

  it('reads a full, valid environment', () => {
    const config = ok({
      DISCORD_TOKEN: ` ${TOKEN} `,
      DISCORD_CLIENT_ID: '123456789012345678',
      DISCORD_GUILD_ID: '223456789012345678',
      DISCORD_API_URL: 'http://127.0.0.1:4000/api/',
      FACTS_DIR: '/srv/facts',
      MOD_ROLE_IDS: '323456789012345678, 423456789012345678,',
      LOG_LEVEL: 'DEBUG',
      CASE_COOLDOWN_SECONDS: '0',
      SHARD_COUNT: 'auto',
      GAPS_DB: '/srv/casebot/gaps.sqlite',
      GAPS_RETENTION_DAYS: '30',
      FACTS_WATCH: 'TRUE',
      FACTS_WATCH_DEBOUNCE_MS: '250',
      REDIS_URL: 'redis://127.0.0.1:6379',
      REPLICA_ID: 'web-1',
      RELOAD_TIMEOUT_SECONDS: '10',
    });
    expect(config).toEqual({
      discordToken: TOKEN,
      discordClientId: '123456789012345678',
      discordGuildId: '223456789012345678',
      discordApiUrl: 'http://127.0.0.1:4000/api',
      factsDir: '/srv/facts',
      modRoleIds: ['323456789012345678', '423456789012345678'],
      logLevel: 'debug',
      caseCooldownSeconds: 0,
      shardCount: 'auto',
      gapsDb: '/srv/casebot/gaps.sqlite',
      gapsRetentionDays: 30,
      factsWatch: true,
      factsWatchDebounceMs: 250,
      redisUrl: 'redis://127.0.0.1:6379',
      replicaId: 'web-1',
      reloadTimeoutMs: 10_000,
    });
  });

  it('treats blank variables as unset', () => {
    expect(ok({ DISCORD_TOKEN: '  ', DISCORD_API_URL: '', SHARD_COUNT: '', FACTS_WATCH: '', FACTS_WATCH_DEBOUNCE_MS: ' ' })).toMatchObject({
      discordToken: undefined,
      discordApiUrl: undefined,
      shardCount: undefined,
      factsWatch: false,
      factsWatchDebounceMs: 500,
    });
  });

  it('treats a blank GAPS_DB as the default file, and "off" (any case) as gaps off', () => {
    expect(ok({ GAPS_DB: '  ', GAPS_RETENTION_DAYS: '' })).toMatchObject({
      gapsDb: path.resolve('./data/gaps.sqlite'),
      gapsRetentionDays: 90,
    });
    expect(ok({ GAPS_DB: 'Off' }).gapsDb).toBeNull();
    expect(ok({ GAPS_DB: 'state/gaps.db' }).gapsDb).toBe(path.resolve('state/gaps.db'));
  });

  it('accepts a numeric shard count', () => {
    expect(ok({ SHARD_COUNT: '4' }).shardCount).toBe(4);
  });

  it.each([
    [{ DISCORD_API_URL: 'discord.com/api' }, 'DISCORD_API_URL must be an http(s) URL, got "discord.com/api"'],
    [{ DISCORD_API_URL: 'ftp://example.com' }, 'DISCORD_API_URL must be an http(s) URL, got "ftp://example.com"'],
    [{ DISCORD_CLIENT_ID: 'my-bot' }, 'DISCORD_CLIENT_ID must be a Discord id (17 to 20 digits), got "my-bot"'],
    [{ DISCORD_GUILD_ID: '42' }, 'DISCORD_GUILD_ID must be a Discord id (17 to 20 digits), got "42"'],
    [{ MOD_ROLE_IDS: '323456789012345678,mods' }, 'MOD_ROLE_IDS must be comma-separated role ids (17 to 20 digits each), got "mods"'],
    [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "verbose"'],
    [{ CASE_COOLDOWN_SECONDS: '-1' }, 'CASE_COOLDOWN_SECONDS must be a whole number of seconds (0 disables), got "-1"'],
    [{ CASE_COOLDOWN_SECONDS: '2.5' }, 'CASE_COOLDOWN_SECONDS must be a whole number of seconds (0 disables), got "2.5"'],
    [{ SHARD_COUNT: '0' }, 'SHARD_COUNT must be a positive whole number or "auto", got "0"'],
    [{ SHARD_COUNT: 'many' }, 'SHARD_COUNT must be a positive whole number or "auto", got "many"'],
    [{ GAPS_DB: './data/' }, 'GAPS_DB must be the path of a file (e.g. ./data/gaps.sqlite) or off, got the folder "./data/"'],
    [{ GAPS_RETENTION_DAYS: '0' }, 'GAPS_RETENTION_DAYS must be a whole number of days of at least 1, got "0"'],
    [{ GAPS_RETENTION_DAYS: '90d' }, 'GAPS_RETENTION_DAYS must be a whole number of days of at least 1, got "90d"'],
    [{ FACTS_WATCH: 'yes' }, 'FACTS_WATCH must be true or false, got "yes"'],
    [{ FACTS_WATCH: '1' }, 'FACTS_WATCH must be true or false, got "1"'],
    [{ FACTS_WATCH_DEBOUNCE_MS: '10' }, 'FACTS_WATCH_DEBOUNCE_MS must be a whole number of milliseconds from 50 to 60000, got "10"'],
    [{ FACTS_WATCH_DEBOUNCE_MS: '0.5s' }, 'FACTS_WATCH_DEBOUNCE_MS must be a whole number of milliseconds from 50 to 60000, got "0.5s"'],
    [{ FACTS_WATCH_DEBOUNCE_MS: '90000' }, 'FACTS_WATCH_DEBOUNCE_MS must be a whole number of milliseconds from 50 to 60000, got "90000"'],
    [{ CASE_COOLDOWN_SECONDS: '100000' }, 'CASE_COOLDOWN_SECONDS must be a whole number of seconds (0 disables), got "100000"'],
    [{ INTERACTIONS_PORT: '65536' }, 'INTERACTIONS_PORT must be a TCP port (0 to 65535), got "65536"'],
    [{ INTERACTIONS_PORT: '+80' }, 'INTERACTIONS_PORT must be a TCP port (0 to 65535), got "+80"'],
    [{ RELOAD_TIMEOUT_SECONDS: '0' }, 'RELOAD_TIMEOUT_SECONDS must be a whole number of seconds from 1 to 600, got "0"'],
    [{ RELOAD_TIMEOUT_SECONDS: '601' }, 'RELOAD_TIMEOUT_SECONDS must be a whole number of seconds from 1 to 600, got "601"'],
    [{ RELOAD_TIMEOUT_SECONDS: '0060' }, 'RELOAD_TIMEOUT_SECONDS must be a whole number of seconds from 1 to 600, got "0060"'],
    [{ DISCORD_TOKEN: `Bot ${TOKEN}` }, 'DISCORD_TOKEN must be the bare bot token, without the "Bot " prefix'],
    [{ DISCORD_TOKEN: `${TOKEN} extra` }, 'DISCORD_TOKEN must not contain spaces or line breaks; copy it again from the Developer Portal'],
  ])('rejects %o', (env, message) => {
    expect(problems(env)).toEqual([message]);
  });

  it('lists every problem at once', () => {
    const found = problems({ DISCORD_API_URL: 'nope', LOG_LEVEL: 'loud', SHARD_COUNT: 'x', MOD_ROLE_IDS: '1' });
    expect(found).toHaveLength(4);
    expect(found.map((p) => p.split(' ')[0])).toEqual(['DISCORD_API_URL', 'MOD_ROLE_IDS', 'LOG_LEVEL', 'SHARD_COUNT']);
  });

  it('never puts the token in the error, whatever else is wrong', () => {
    for (const token of [TOKEN, `Bot ${TOKEN}`, `${TOKEN}\nmore`]) {
      const result = parseConfig({ DISCORD_TOKEN: token, DISCORD_API_URL: token, LOG_LEVEL: token });
      expect(result).toBeInstanceOf(ConfigError);
      const error = result as ConfigError;
      const text = `${error.message}\n${error.problems.join('\n')}\n${String(error.stack)}`;
      // Other variables echo their own value; none may echo the token's secret part.
      expect(text).not.toContain('s3cr3t-t0ken-value');
    }
  });
});

describe('.env.example as shipped', () => {
  const shipped = (): Record<string, string | undefined> => parseDotenv(readFileSync(path.join(root, '.env.example'), 'utf8'));

  it('starts the bot with exactly its values plus a token: empty means unset (issue: SHARD_COUNT= crashed discord.js)', () => {
    const env: Record<string, string | undefined> = { ...shipped(), DISCORD_TOKEN: TOKEN };
    expect(env['SHARD_COUNT']).toBe('');
    dropEmptyVariables(env);
    // discord.js reads SHARD_COUNT from the environment itself; an empty one made its client throw.
    expect('SHARD_COUNT' in env).toBe(false);
    expect(env['LOG_LEVEL']).toBe('info');
    const config = ok(env);
    expect(config.shardCount).toBeUndefined();
    expect(config.discordToken).toBe(TOKEN);
    // Hot reload is opt-in.
    expect(config.factsWatch).toBe(false);
  });

  it('documents every variable the bot reads', () => {
    const documented = Object.keys(shipped());
    for (const name of CONFIG_VARIABLES) expect(documented, name).toContain(name);
  });

  it('leaves variables that are not the bot’s alone', () => {
    const env: Record<string, string | undefined> = { SHARD_COUNT: '', PATH: '', FACTS_DIR: './facts' };
    dropEmptyVariables(env);
    expect(env).toEqual({ PATH: '', FACTS_DIR: './facts' });
  });
});

describe('HTTP mode configuration', () => {
  // A real Ed25519 public key (RFC 8032, test 1).
  const KEY = 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a';

  it('is off unless INTERACTIONS_PORT is set; the key alone chooses nothing', () => {
    expect(ok({}).interactions).toBeUndefined();
    expect(ok({ DISCORD_PUBLIC_KEY: KEY, INTERACTIONS_HOST: '127.0.0.1' }).interactions).toBeUndefined();
    expect(ok({ INTERACTIONS_PORT: '', DISCORD_PUBLIC_KEY: '' }).interactions).toBeUndefined();
  });

  it('reads port, host (default 0.0.0.0) and key', () => {
    expect(ok({ INTERACTIONS_PORT: '8080', DISCORD_PUBLIC_KEY: KEY }).interactions).toEqual({
      port: 8080,
      host: '0.0.0.0',
      publicKeyHex: KEY,
    });
    expect(ok({ INTERACTIONS_PORT: '0', INTERACTIONS_HOST: ' 127.0.0.1 ', DISCORD_PUBLIC_KEY: KEY.toUpperCase() }).interactions).toEqual({
      port: 0,
      host: '127.0.0.1',
      publicKeyHex: KEY.toUpperCase(),
    });
  });

  it('refuses a port without a key, saying where the key is', () => {
    expect(problems({ INTERACTIONS_PORT: '8080' })).toEqual([
      'INTERACTIONS_PORT is set but DISCORD_PUBLIC_KEY is not: HTTP mode must check that requests come from Discord; copy the Public Key from the Developer Portal (General Information)',
    ]);
  });

  it.each([
    [{ INTERACTIONS_PORT: '65536', DISCORD_PUBLIC_KEY: KEY }, 'INTERACTIONS_PORT must be a TCP port (0 to 65535), got "65536"'],
    [{ INTERACTIONS_PORT: 'http', DISCORD_PUBLIC_KEY: KEY }, 'INTERACTIONS_PORT must be a TCP port (0 to 65535), got "http"'],
    [
      { DISCORD_PUBLIC_KEY: KEY.slice(2) },
      `DISCORD_PUBLIC_KEY must be the application's public key, 64 hex characters (Developer Portal → General Information → Public Key), got "${KEY.slice(2, 59)}..."`,
    ],
  ])('rejects %o', (env, message) => {
    expect(problems(env)).toEqual([message]);
  });
});

describe('PAGING_SECRET', () => {
  it('is unset when empty, kept as given (trimmed) when at least 32 characters', () => {
    expect(ok({}).pagingSecret).toBeUndefined();
    expect(ok({ PAGING_SECRET: '  ' }).pagingSecret).toBeUndefined();
    const hex = '0123456789abcdef'.repeat(4);
    expect(ok({ PAGING_SECRET: ` ${hex} ` }).pagingSecret).toBe(hex);
    expect(ok({ PAGING_SECRET: 'any string of thirty-two chars!!' }).pagingSecret).toBe('any string of thirty-two chars!!');
  });

  it('refuses a shorter one without showing it', () => {
    const secret = 'too-short-a-secret';
    const found = problems({ PAGING_SECRET: secret });
    expect(found).toEqual(['PAGING_SECRET must be at least 32 characters (e.g. `openssl rand -hex 32`); its value is not shown']);
    expect(found.join(' ')).not.toContain(secret);
  });
});

describe('replicas: REDIS_URL, REPLICA_ID, RELOAD_TIMEOUT_SECONDS', () => {
  it('shares nothing unless REDIS_URL is set; reads the URL, the replica id and the reload timeout', () => {
    expect(ok({ REDIS_URL: ' ' }).redisUrl).toBeUndefined();
    const config = ok({ REDIS_URL: 'redis://:pw@cache.internal:6380/1', REPLICA_ID: 'web-1', RELOAD_TIMEOUT_SECONDS: '5' });
    expect(config).toMatchObject({ redisUrl: 'redis://:pw@cache.internal:6380/1', replicaId: 'web-1', reloadTimeoutMs: 5000 });
    expect(ok({ REDIS_URL: 'rediss://cache.example:6380' }).redisUrl).toBe('rediss://cache.example:6380');
  });

  it.each([
    [
      { REDIS_URL: 'http://:hunter2@cache:6379' },
      'REDIS_URL must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379 (its value is not shown: it may hold a password)',
    ],
    [
      { REDIS_URL: 'cache:6379' },
      'REDIS_URL must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379 (its value is not shown: it may hold a password)',
    ],
    [{ REPLICA_ID: 'web 1' }, 'REPLICA_ID must be 1 to 64 letters, digits or . _ : @ - (e.g. web-1), got "web 1"'],
    [{ RELOAD_TIMEOUT_SECONDS: '0' }, 'RELOAD_TIMEOUT_SECONDS must be a whole number of seconds from 1 to 600, got "0"'],
    [{ RELOAD_TIMEOUT_SECONDS: '601' }, 'RELOAD_TIMEOUT_SECONDS must be a whole number of seconds from 1 to 600, got "601"'],
  ])('rejects %o, never showing a Redis password', (env, message) => {
    expect(problems(env)).toEqual([message]);
    expect(problems(env).join(' ')).not.toContain('hunter2');
  });
});
