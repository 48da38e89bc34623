/**
 * Past one machine, end to end: three `npm start` replicas in HTTP mode as separate processes, a
 * real redis-server of the test's own (temp folder, free port), a round-robin load balancer in front,
 * and the local fake Discord sending signed interactions through it. Proves: every `/case` answered
 * exactly once; paging and 👍 clicks served by another replica than the one that answered; a
 * cooldown that holds on another replica; a reload on one replica reaching all three; a replica
 * killed mid-run while the others answer (and named in the next reload); Redis stopped and started
 * again — answers go on, the outage is logged once per replica, and shared state comes back.
 *
 * E2E_REPLICA_INTERACTIONS sets how many `/case` interactions are sent (default 300).
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { InteractionResponseType, MessageFlags, PermissionFlagsBits } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis, type RedisLink } from '../../src/redis/link.js';
import { requireRedisServer, startRedisServer, type TestRedis } from '../redis/helpers/redis-server.js';
import { recordingLog, waitUntil } from '../redis/helpers/wait.js';
import { button, chatInput, MEMBER_PERMISSIONS, startFakeDiscord, type FakeDiscord } from './fake-discord/index.js';
import { customIdsOf, dataOf, embedsOf, FACTS_DIR, typeOf } from './helpers/bot-harness.js';
import { countLogLines, killReplica, startBalancer, startReplica, type Balancer, type Replica } from './helpers/replicas.js';

const available = requireRedisServer('test/e2e/replicas-redis.test.ts');
const INTERACTIONS = Number(process.env['E2E_REPLICA_INTERACTIONS'] ?? 300);
const GUILD = '1100000000000000000';
const MODERATOR = { id: '200000000000000003', username: 'mod' };
const OUTAGE_LOG =
  'Redis is unreachable: answers go on; cooldowns fail open, knowledge gaps are not kept and a reload reaches this replica only, until it is back';
const BACK_LOG = 'Redis is reachable again: shared state is back';

/** A distinct member per question, so the 30 s cooldown never turns a test answer private. */
const member = (n: number) => ({ id: `2100000000${String(n).padStart(8, '0')}`, username: `member${n}` });
const ask = (n: number, query: string, user = member(n)) => chatInput({ name: 'case', guildId: GUILD, user, options: { query } });
const admin = (subcommand: string) =>
  chatInput({
    name: 'case-admin',
    subcommand,
    guildId: GUILD,
    user: MODERATOR,
    permissions: MEMBER_PERMISSIONS | PermissionFlagsBits.ManageGuild,
  });
const QUERIES = ['jaxa', 'who is wang', 'was data stolen', 'tick', 'kato statement', 'fake company', 'JAXAを攻撃したのは誰', 'police'];

describe.skipIf(!available)('three replicas behind a load balancer, sharing Redis', () => {
  let redis: TestRedis;
  let fake: FakeDiscord;
  let balancer: Balancer;
  let endpoint: string;
  let factsDir: string;
  let link: RedisLink;
  const replicas: Replica[] = [];
  let sequence = 0;

  /** Sends `count` /case interactions through the balancer, `parallel` at a time; returns their ids. */
  async function askMany(count: number, parallel = 8): Promise<string[]> {
    const ids: string[] = [];
    for (let start = 0; start < count; start += parallel) {
      const batch = Array.from({ length: Math.min(parallel, count - start) }, () => {
        sequence += 1;
        return fake.postInteraction(endpoint, ask(sequence, QUERIES[sequence % QUERIES.length] ?? 'jaxa'));
      });
      for (const sent of await Promise.all(batch)) {
        expect(sent.status).toBe(200);
        ids.push(sent.id);
      }
    }
    return ids;
  }

  /** How many callbacks Discord received for each interaction. */
  function callbacksFor(ids: readonly string[]): number[] {
    return ids.map((id) => fake.requests.filter((r) => r.route.startsWith(`/interactions/${id}/`) && r.route.endsWith('/callback')).length);
  }

  async function reloadTitles(): Promise<string[]> {
    const sent = await fake.postInteraction(endpoint, admin('reload'));
    expect(typeOf(sent.body)).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    await fake.waitForRequest(
      (r) => r.method === 'PATCH' && r.route === `/webhooks/${fake.applicationId}/${sent.token}/messages/@original`,
      20_000,
    );
    return (fake.originalMessage(sent.id)?.embeds ?? []).map((e) => e.title ?? '');
  }

  async function sharedStatus(): Promise<string> {
    const sent = await fake.postInteraction(endpoint, admin('status'));
    const fields: unknown = embedsOf(dataOf(sent.body))[0]?.['fields'];
    const list: unknown[] = Array.isArray(fields) ? fields : [];
    for (const field of list) {
      if (typeof field !== 'object' || field === null || !('name' in field) || !('value' in field)) continue;
      if (field.name === 'Shared state (Redis)' && typeof field.value === 'string') return field.value;
    }
    return '';
  }

  beforeAll(async () => {
    redis = await startRedisServer();
    fake = await startFakeDiscord();
    factsDir = mkdtempSync(path.join(tmpdir(), 'casebot-replicas-'));
    cpSync(FACTS_DIR, factsDir, { recursive: true });
    const env = {
      DISCORD_PUBLIC_KEY: fake.publicKeyHex,
      DISCORD_API_URL: fake.apiUrl,
      FACTS_DIR: factsDir,
      REDIS_URL: redis.url,
      PAGING_SECRET: 'e2e-replicas-share-this-paging-secret',
      CASE_COOLDOWN_SECONDS: '30',
      // Three replicas reloading at once on two busy cores can take a few seconds each.
      RELOAD_TIMEOUT_SECONDS: '10',
      GAPS_DB: 'off',
      LOG_LEVEL: 'info',
    };
    replicas.push(...(await Promise.all(['replica-1', 'replica-2', 'replica-3'].map((id) => startReplica(id, env)))));
    balancer = await startBalancer(replicas.map((r) => r.url));
    endpoint = `${balancer.url}/interactions`;
    link = connectRedis({ url: redis.url, log: recordingLog(), maxReconnectDelayMs: 200 });
    expect(await link.whenUp(5000)).toBe(true);
  }, 120_000);

  afterAll(async () => {
    for (const replica of replicas) await killReplica(replica);
    await balancer?.close();
    await link?.close();
    await fake?.close();
    await redis?.close();
    if (factsDir !== undefined) rmSync(factsDir, { recursive: true, force: true });
  });

  it(`answers ${INTERACTIONS} /case interactions exactly once each, spread over the three replicas`, async () => {
    const started = Date.now();
    const ids = await askMany(INTERACTIONS);
    const elapsed = Date.now() - started;
    expect(callbacksFor(ids).every((n) => n === 1)).toBe(true);
    const perReplica = [0, 1, 2].map(
      (b) => balancer.served.filter((s) => s.backend === b && s.interactionId !== null && ids.includes(s.interactionId)).length,
    );
    expect(perReplica.every((n) => n >= Math.floor(INTERACTIONS / 3) - 1)).toBe(true);
    console.info(`${INTERACTIONS} /case over 3 replicas in ${elapsed} ms (${perReplica.join(' / ')} per replica)`);
  }, 60_000);

  it('turns pages and takes votes on another replica than the one that answered; a cooldown holds there too', async () => {
    const asker = member(900_001);
    const asked = await fake.postInteraction(endpoint, ask(0, 'jaxa', asker));
    const answeredBy = balancer.served.at(-1)?.backend;
    const buttons = customIdsOf(dataOf(asked.body));
    const more = buttons.find((b) => b.label === 'More ▶' && !b.disabled);
    const up = buttons.find((b) => b.label === '👍 Helpful');
    const original = fake.originalMessage(asked.id);
    if (more === undefined || up === undefined || original === null) throw new Error('the answer has no More or 👍 button');

    const paged = await fake.postInteraction(endpoint, button({ customId: more.customId, guildId: GUILD, user: asker, message: original }));
    expect(balancer.served.at(-1)?.backend).not.toBe(answeredBy);
    expect(typeOf(paged.body)).toBe(InteractionResponseType.UpdateMessage);
    expect(String(dataOf(paged.body)['content'])).toContain('Results 5–');

    const voted = await fake.postInteraction(endpoint, button({ customId: up.customId, guildId: GUILD, user: asker, message: original }));
    expect(balancer.served.at(-1)?.backend).not.toBe(answeredBy);
    expect(dataOf(voted.body)['content']).toBe('Thanks — noted.');
    // The vote is in Redis, where any replica (and this test) reads it: one 👍 from this member.
    const votes = await link.commands.hlen('casebot:gaps:votes');
    expect(votes).toBe(1);

    // The same member asks again at once: another replica answers, privately (the cooldown is shared).
    await askMany(1); // someone else's question, so the round robin does not come back to the first replica
    const again = await fake.postInteraction(endpoint, ask(0, 'who is wang', asker));
    expect(balancer.served.at(-1)?.backend).not.toBe(answeredBy);
    expect(dataOf(again.body)['flags']).toBe(MessageFlags.Ephemeral);
    expect(String(dataOf(again.body)['content'])).toMatch(/you asked again within the cooldown.*public again in (29|30) seconds/);
  }, 30_000);

  it('reloads all three replicas from one /case-admin reload', async () => {
    const titles = await reloadTitles();
    expect(titles.sort()).toEqual([
      '✅ Facts reloaded (replica replica-1)',
      '✅ Facts reloaded (replica replica-2)',
      '✅ Facts reloaded (replica replica-3)',
    ]);
  }, 30_000);

  it('keeps answering when a replica is killed mid-run, and names it in the next reload', async () => {
    const first = askMany(60);
    await new Promise((resolve) => setTimeout(resolve, 150));
    await killReplica(replicas[2] as Replica);
    const ids = [...(await first), ...(await askMany(30))];
    expect(callbacksFor(ids).every((n) => n === 1)).toBe(true);
    const titles = await reloadTitles();
    expect(titles).toContain('✅ Facts reloaded (replica replica-1)');
    expect(titles).toContain('✅ Facts reloaded (replica replica-2)');
    expect(titles).toContain('⚠️ No answer — still serving 27 facts. (replica replica-3)');
  }, 60_000);

  it('answers through a Redis outage, logs it once per replica, and shares state again once Redis is back', async () => {
    const alive = replicas.slice(0, 2);
    await redis.stop();
    await waitUntil(() => alive.every((r) => countLogLines(r.output, OUTAGE_LOG) === 1), 'both replicas to log the outage', 15_000);
    const during = await askMany(40);
    expect(callbacksFor(during).every((n) => n === 1)).toBe(true);
    expect(await sharedStatus()).toContain('⚠️ Unreachable since');
    // A reload still reaches the replica asked, and says the others were not.
    const titles = await reloadTitles();
    expect(titles[0]).toMatch(/^✅ Facts reloaded \(replica replica-[12]\)$/);
    expect(titles[1]).toBe('⚠️ No answer. (replica the others)');
    expect(alive.map((r) => countLogLines(r.output, OUTAGE_LOG))).toEqual([1, 1]);

    await redis.start();
    await waitUntil(() => alive.every((r) => countLogLines(r.output, BACK_LOG) === 1), 'both replicas to reconnect by themselves', 15_000);
    expect(await sharedStatus()).toContain('✅ Connected to');
    const after = await askMany(20);
    expect(callbacksFor(after).every((n) => n === 1)).toBe(true);
    // Shared state is back: a cooldown claimed on one replica holds on the other again.
    const asker = member(900_002);
    await fake.postInteraction(endpoint, ask(0, 'jaxa', asker));
    const again = await fake.postInteraction(endpoint, ask(0, 'jaxa', asker));
    expect(dataOf(again.body)['flags']).toBe(MessageFlags.Ephemeral);
    // Each outage was logged once, not once per request.
    expect(alive.map((r) => countLogLines(r.output, OUTAGE_LOG))).toEqual([1, 1]);
  }, 60_000);
});
