/**
 * The README's first steps, end to end: `cp .env.example .env`, fill in DISCORD_TOKEN, `npm start`.
 * The real `src/main.ts` runs in its own process, reading a `.env` made of exactly the lines of
 * `.env.example` (whatever it ships, e.g. `SHARD_COUNT=`), with the token filled in and
 * DISCORD_API_URL pointed at the local Discord fake (tests never talk to the real Discord). It must
 * log in and answer `/case`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { InteractionResponseType } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatInput, fakeBotToken, startFakeDiscord, type FakeDiscord } from './fake-discord/index.js';
import { dataOf, typeOf } from './helpers/bot-harness.js';
import { consoleEnv, exited, mainCommand, ROOT, workDir as makeWorkDir } from './helpers/main-process.js';
const GUILD_ID = '1100000000000000000';

/**
 * `.env.example` with only the given variables' values replaced, line by line, as a person edits
 * it; every other line (and every other value) stays as shipped.
 */
function fillIn(example: string, values: Readonly<Record<string, string>>): string {
  return example
    .split('\n')
    .map((line) => {
      const name = /^([A-Z_][A-Z0-9_]*)=/.exec(line)?.[1];
      return name !== undefined && name in values ? `${name}=${values[name]}` : line;
    })
    .join('\n');
}

describe('npm start with .env copied from .env.example and a token', () => {
  const token = fakeBotToken();
  let fake: FakeDiscord;
  let workDir: string;
  let cleanup: (() => Promise<void>) | undefined;
  let child: ChildProcess;
  let example: string;
  let output = '';

  beforeAll(async () => {
    example = await readFile(path.join(ROOT, '.env.example'), 'utf8');
    fake = await startFakeDiscord({ guilds: [{ id: GUILD_ID }], token, waitTimeoutMs: 20_000 });
    // A fresh folder stands for the clone: its .env and ./facts (FACTS_DIR as shipped is relative).
    ({ dir: workDir, cleanup } = await makeWorkDir());
    await cp(path.join(ROOT, 'facts'), path.join(workDir, 'facts'), { recursive: true });
    await writeFile(path.join(workDir, '.env'), fillIn(example, { DISCORD_TOKEN: token, DISCORD_API_URL: fake.apiUrl }));

    // Only .env may configure the bot: none of the test runner's own variables.
    const [command = '', ...args] = mainCommand();
    child = spawn(command, args, { cwd: workDir, env: consoleEnv({}), stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  });

  afterAll(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited(child);
    }
    await fake?.close();
    await cleanup?.();
  });

  it('uses .env.example as shipped, empty values included', () => {
    const shipped = parseDotenv(example);
    // The values that once crashed the start: an empty SHARD_COUNT reached discord.js.
    expect(Object.values(shipped)).toContain('');
    const used = parseDotenv(fillIn(example, { DISCORD_TOKEN: token, DISCORD_API_URL: fake.apiUrl }));
    expect(used).toEqual({ ...shipped, DISCORD_TOKEN: token, DISCORD_API_URL: fake.apiUrl });
  });

  it('logs in to the fake Discord and answers /case', async () => {
    const startedOrDied = await Promise.race([
      fake.waitForIdentify(1, 25_000).then(() => 'identified'),
      exited(child).then((code) => `exited ${code}`),
    ]);
    expect(startedOrDied, output).toBe('identified');
    expect(fake.identifies[0]?.token).toBe(token);

    const { id } = await fake.sendInteraction(chatInput({ name: 'case', guildId: GUILD_ID, options: { query: 'jaxa' } }), 20_000);
    const callback = await fake.waitForCallback(id, 20_000);
    expect(callback.status, output).toBe(204);
    expect(typeOf(callback.body)).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(String(dataOf(callback.body)['content'])).toMatch(/for “jaxa”/);
  }, 60_000);

  it('stops cleanly on SIGTERM', async () => {
    child.kill('SIGTERM');
    expect(await exited(child), output).toBe(0);
  });
});
