/**
 * One contract for cooldowns wherever they are kept: in memory (one process) and in Redis (every
 * replica). Redis adds two rules: two replicas share a member's cooldown (one claim wins), and a
 * Redis that is down lets everyone through (fail open) instead of failing or delaying the answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cooldowns, type CooldownStore } from '../../src/app/cooldowns.js';
import { RedisCooldowns } from '../../src/redis/cooldowns.js';
import { connectRedis, type RedisLink } from '../../src/redis/link.js';
import { requireRedisServer, startRedisServer, type TestRedis } from './helpers/redis-server.js';
import { recordingLog, waitUntil } from './helpers/wait.js';

const available = requireRedisServer('test/redis/cooldowns.test.ts');
let redis: TestRedis | undefined;
const links: RedisLink[] = [];

async function redisLink(): Promise<RedisLink> {
  if (redis === undefined) throw new Error('no redis');
  const link = connectRedis({ url: redis.url, log: recordingLog(), maxReconnectDelayMs: 200 });
  links.push(link);
  expect(await link.whenUp(5000)).toBe(true);
  return link;
}

beforeAll(async () => {
  if (available) redis = await startRedisServer();
});
afterAll(async () => {
  for (const link of links) await link.close();
  await redis?.close();
});

let userSeq = 0;
const nextUser = (): string => `3000000000000${String((userSeq += 1) + 10000)}`;

const stores: [string, () => Promise<CooldownStore>, boolean][] = [
  ['in memory', () => Promise.resolve(new Cooldowns(5)), true],
  ['in Redis', async () => new RedisCooldowns(await redisLink(), 5), available],
];

describe.each(stores)('cooldowns %s', (_name, make, runs) => {
  it.skipIf(!runs)('claims once, then tells the seconds left; release frees the member', async () => {
    const cooldowns = await make();
    const user = nextUser();
    const now = Date.now();
    expect(await cooldowns.remainingSeconds(user, now)).toBe(0);
    expect(await cooldowns.claim(user, now)).toBe(0);
    expect(await cooldowns.claim(user, now)).toBe(5);
    expect(await cooldowns.remainingSeconds(user, now)).toBe(5);
    await cooldowns.release(user);
    expect(await cooldowns.claim(user, now)).toBe(0);
  });
});

describe.skipIf(!available)('cooldowns shared through Redis', () => {
  it('holds across replicas: of simultaneous claims on two replicas, exactly one wins', async () => {
    const a = new RedisCooldowns(await redisLink(), 5);
    const b = new RedisCooldowns(await redisLink(), 5);
    for (let round = 0; round < 20; round += 1) {
      const user = nextUser();
      const results = await Promise.all([a.claim(user, Date.now()), b.claim(user, Date.now()), a.claim(user, Date.now())]);
      expect(results.filter((wait) => wait === 0)).toHaveLength(1);
    }
  });

  it('fails open while Redis is down: everyone may answer publicly, at once, and claims work again once it is back', async () => {
    if (redis === undefined) throw new Error('no redis');
    const link = await redisLink();
    const cooldowns = new RedisCooldowns(link, 5);
    const user = nextUser();
    expect(await cooldowns.claim(user, Date.now())).toBe(0);
    await redis.stop();
    await waitUntil(() => link.state().state === 'down', 'the outage to be noticed');
    const started = Date.now();
    expect(await cooldowns.claim(user, Date.now())).toBe(0);
    expect(await cooldowns.remainingSeconds(user, Date.now())).toBe(0);
    await cooldowns.release(user); // does not throw
    expect(Date.now() - started).toBeLessThan(100);
    await redis.start();
    await waitUntil(() => link.state().state === 'up', 'the reconnection');
    expect(await cooldowns.claim(user, Date.now())).toBe(0);
    expect(await cooldowns.claim(user, Date.now())).toBe(5);
  });
});
