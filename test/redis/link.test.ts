/**
 * The Redis link against a real redis-server: an outage is logged once however many requests
 * fail during it, the link comes back by itself (no restart), and a second outage is logged again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis, redisWhere, type RedisLink } from '../../src/redis/link.js';
import { RedisCooldowns } from '../../src/redis/cooldowns.js';
import { requireRedisServer, startRedisServer, type TestRedis } from './helpers/redis-server.js';
import { recordingLog, waitUntil } from './helpers/wait.js';

const available = requireRedisServer('test/redis/link.test.ts');

describe('redisWhere', () => {
  it('names host and port, never the password', () => {
    expect(redisWhere('redis://:hunter2@cache.internal:6380/2')).toBe('cache.internal:6380');
    expect(redisWhere('redis://cache')).toBe('cache:6379');
  });
});

describe.skipIf(!available)('Redis link', () => {
  let redis: TestRedis;
  let link: RedisLink;
  const log = recordingLog();

  beforeAll(async () => {
    redis = await startRedisServer();
    link = connectRedis({ url: redis.url, log, maxReconnectDelayMs: 200 });
    expect(await link.whenUp(5000)).toBe(true);
  });

  afterAll(async () => {
    await link.close();
    await redis.close();
  });

  it('logs an outage once, however many requests fail during it, and recovers without a restart', async () => {
    const cooldowns = new RedisCooldowns(link, 60);
    expect(await cooldowns.claim('111111111111111111', Date.now())).toBe(0);
    const before = log.lines.length;

    await redis.stop();
    await waitUntil(() => link.state().state === 'down', 'the link to notice the outage');
    // Many requests during the outage: each fails open at once, none is logged.
    const started = Date.now();
    for (let i = 0; i < 50; i += 1) expect(await cooldowns.claim('111111111111111111', Date.now())).toBe(0);
    expect(Date.now() - started).toBeLessThan(1000);
    await new Promise((resolve) => setTimeout(resolve, 800)); // several reconnection attempts fail meanwhile
    const duringOutage = log.lines.slice(before);
    expect(duringOutage.filter((l) => l.level === 'warn')).toHaveLength(1);
    expect(duringOutage[0]?.msg).toContain('Redis is unreachable');

    await redis.start();
    await waitUntil(() => link.state().state === 'up', 'the link to reconnect by itself');
    expect(
      log.lines
        .slice(before)
        .filter((l) => l.level === 'info')
        .map((l) => l.msg),
    ).toEqual(['Redis is reachable again: shared state is back']);
    // Shared state works again: the (new, empty) server keeps a fresh cooldown.
    expect(await cooldowns.claim('111111111111111111', Date.now())).toBe(0);
    expect(await cooldowns.claim('111111111111111111', Date.now())).toBe(60);

    // A second outage is news again: one more warning.
    const second = log.lines.length;
    await redis.stop();
    await waitUntil(() => link.state().state === 'down', 'the second outage');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(log.lines.slice(second).filter((l) => l.level === 'warn')).toHaveLength(1);
    await redis.start();
    await waitUntil(() => link.state().state === 'up', 'the second recovery');
  });
});
