/**
 * casebot under discord.js's ShardingManager against the local Discord fake: two real shard
 * processes (src/main.ts run with tsx), the shard count learnt from the fake's /gateway/bot, each
 * shard answering its own guilds, `/case-admin reload` on one shard reloading both, and the manager's
 * file watcher (FACTS_WATCH) reloading both on a save.
 */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PermissionFlagsBits } from 'discord.js';
import type { APIEmbed, APIMessage } from 'discord-api-types/v10';
import { watchFacts } from '../../src/store/watch-facts.js';
import type { ManagerLogger } from '../../src/shard/manager.js';
import { chatInput, guildIdForShard, MEMBER_PERMISSIONS, startFakeDiscord, type FakeDiscord } from './fake-discord/index.js';
import { eventually, startTestShards, type TestShards } from './helpers/shards.js';

const MODERATOR = MEMBER_PERMISSIONS | PermissionFlagsBits.ManageGuild;

describe('casebot with two shards', () => {
  const guilds = [guildIdForShard(0, 2), guildIdForShard(1, 2)] as const;
  let fake: FakeDiscord;
  let factsDir: string;
  let started: TestShards | undefined;
  const managerLog = (): readonly string[] => started?.managerLog ?? [];

  /** Sends `/case query:jaxa` in a guild and resolves with the answer (an edit or the first reply). */
  async function askCase(guildId: string): Promise<APIMessage> {
    const { id } = await fake.sendInteraction(chatInput({ name: 'case', guildId, options: { query: 'jaxa' } }));
    await fake.waitForCallback(id, 15_000);
    return eventually(`an answer in guild ${guildId}`, () => {
      const message = fake.originalMessage(id);
      return message !== null && message.embeds.length > 0 ? message : undefined;
    });
  }

  /** Runs `/case-admin reload` as a moderator in a guild; resolves with the report's embeds. */
  async function reload(guildId: string): Promise<APIEmbed[]> {
    const { id } = await fake.sendInteraction(chatInput({ name: 'case-admin', subcommand: 'reload', guildId, permissions: MODERATOR }));
    await fake.waitForCallback(id, 15_000);
    const edit = await fake.waitForRequest((r) => r.method === 'PATCH' && fake.webhookRequestsFor(id).includes(r), 20_000);
    const body = edit.body;
    expect(body).toMatchObject({ embeds: expect.any(Array) });
    return fake.originalMessage(id)?.embeds ?? [];
  }

  beforeAll(async () => {
    factsDir = await mkdtemp(path.join(tmpdir(), 'casebot-shards-'));
    await cp(path.resolve('facts'), factsDir, { recursive: true });
    fake = await startFakeDiscord({ shards: 2, guilds: guilds.map((id) => ({ id })), waitTimeoutMs: 15_000 });
    started = await startTestShards(fake, {
      factsDir,
      // Both shards write the same knowledge-gaps file; kept out of the working directory.
      gapsDb: path.join(`${factsDir}-gaps`, 'gaps.sqlite'),
      // Shards never watch; they only say in their status that the manager does (main.ts).
      env: { FACTS_WATCH: 'true' },
    });
  }, 45_000);

  afterAll(async () => {
    await started?.stop();
    await fake?.close();
    await rm(`${factsDir}-gaps`, { recursive: true, force: true });
    if (factsDir !== undefined) await rm(factsDir, { recursive: true, force: true });
  }, 20_000);

  it('asks the fake (not discord.com) for the count, and each shard identifies as its part', () => {
    expect(started?.running.count).toBe(2);
    expect(fake.requests.some((r) => r.method === 'GET' && r.route === '/gateway/bot')).toBe(true);
    expect(fake.identifies.map((i) => i.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(managerLog().filter((line) => line.startsWith('info shard ready'))).toHaveLength(2);
  });

  it('answers /case in a guild on each shard', async () => {
    for (const guildId of guilds) {
      const answer = await askCase(guildId);
      expect(JSON.stringify(answer.embeds)).toMatch(/JAXA/);
    }
  });

  it('reloads every shard from /case-admin reload on shard 1 and reports each', async () => {
    const embeds = await reload(guilds[1]);
    expect(embeds.map((e) => e.title)).toEqual(['✅ Facts reloaded (shard 0)', '✅ Facts reloaded (shard 1)']);
  });

  it('reports a broken folder as failed on both shards, which keep answering', async () => {
    await writeFile(path.join(factsDir, 'tick-jaxa', 'facts.yaml'), 'facts: [oops\n');
    const embeds = await reload(guilds[0]);
    expect(embeds).toHaveLength(2);
    for (const [shard, embed] of embeds.entries()) {
      expect(embed.title).toMatch(new RegExp(`^❌ Reload failed — still serving \\d+ facts?\\. \\(shard ${shard}\\)$`));
      expect(embed.description).toMatch(/facts\.yaml/);
    }
    for (const guildId of guilds) {
      const answer = await askCase(guildId);
      expect(JSON.stringify(answer.embeds)).toMatch(/JAXA/);
    }
  });

  it('reports a shard that does not answer within the reload timeout', async () => {
    const frozen = started?.shards.find((s) => s.id === 0)?.process;
    expect(frozen?.pid).toBeDefined();
    frozen?.kill('SIGSTOP');
    try {
      const embeds = await reload(guilds[1]);
      expect(embeds[0]?.description).toMatch(/No answer from shard 0 within 8 s/);
      // The count the frozen shard last reported, not a made-up 0.
      expect(embeds[0]?.title).toMatch(/^⚠️ No answer — still serving [1-9]\d* facts\. \(shard 0\)$/);
      expect(embeds[1]?.title).toMatch(/^❌ Reload failed .*\(shard 1\)$/); // the folder is still broken
    } finally {
      frozen?.kill('SIGCONT');
    }
  }, 40_000);

  it("reloads every shard when the manager's file watcher sees a save, and each shard's status says so", async () => {
    if (started === undefined) throw new Error('the shards did not start');
    const shardsRunning = started.running;
    const watcherLog: string[] = [];
    const log: ManagerLogger = {
      info: (_obj, msg) => watcherLog.push(msg ?? ''),
      warn: (_obj, msg) => watcherLog.push(msg ?? ''),
      error: (_obj, msg) => watcherLog.push(msg ?? ''),
    };
    const watcher = watchFacts({ dir: factsDir, reload: (by) => shardsRunning.reloadAll(by), log, debounceMs: 100 });
    try {
      // Repairs the folder broken above.
      await cp(path.resolve('facts', 'tick-jaxa', 'facts.yaml'), path.join(factsDir, 'tick-jaxa', 'facts.yaml'));
      await eventually('the watcher to reload', () => watcherLog.find((line) => line.startsWith('facts changed on disk; reloaded')));
      for (const guildId of guilds) {
        const { id } = await fake.sendInteraction(chatInput({ name: 'case-admin', subcommand: 'status', guildId, permissions: MODERATOR }));
        await fake.waitForCallback(id, 15_000);
        const fields = await eventually(`status in guild ${guildId}`, () => fake.originalMessage(id)?.embeds[0]?.fields);
        const field = (name: string): string => fields.find((f) => f.name === name)?.value ?? '';
        expect(field('Last reload')).toMatch(/✅ .* by file watcher:/);
        expect(field('Reload on save')).toBe('✅ On: the shard manager watches the folder and reloads every shard.');
      }
    } finally {
      watcher.close();
    }
  });
});
