/**
 * Reload fan-out over Redis pub/sub with a real redis-server: a reload asked of one replica runs on
 * every live replica and lists each one's report; a replica that does not answer is named after the
 * timeout; with Redis down the asker reloads itself and says the others were not asked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReloadReport } from '../../src/app/render-admin.js';
import { connectRedis, type RedisLink } from '../../src/redis/link.js';
import { startReplicaReloader, type ReplicaReloader } from '../../src/redis/reload-fanout.js';
import type { LoadError } from '../../src/facts/types.js';
import type { ReloadReport } from '../../src/store/types.js';
import { requireRedisServer, startRedisServer, type TestRedis } from './helpers/redis-server.js';
import { recordingLog, waitUntil } from './helpers/wait.js';

const available = requireRedisServer('test/redis/reload-fanout.test.ts');

/** A replica's facts: counts its reloads; `hang` makes a reload never finish (a stuck replica). */
function fakeStore(facts: number, hang = false, warnings: readonly LoadError[] = []) {
  const reloads: string[] = [];
  return {
    reloads,
    status: () => ({ facts }),
    reload(by: string): Promise<ReloadReport> {
      reloads.push(by);
      if (hang) return new Promise(() => undefined);
      return Promise.resolve({
        ok: true,
        at: new Date(),
        by,
        durationMs: 3,
        facts,
        cases: 1,
        diff: { counts: { added: 0, removed: 0, changed: 0 }, added: [], removed: [], changed: [] },
        warnings,
      });
    },
  };
}

let redis: TestRedis | undefined;
const links: RedisLink[] = [];
const reloaders: ReplicaReloader[] = [];

async function replica(
  id: string,
  store: ReturnType<typeof fakeStore>,
  reloadTimeoutMs = 5000,
): Promise<{ reloader: ReplicaReloader; link: RedisLink }> {
  if (redis === undefined) throw new Error('no redis');
  const link = connectRedis({ url: redis.url, log: recordingLog(), maxReconnectDelayMs: 200 });
  links.push(link);
  expect(await link.whenUp(5000)).toBe(true);
  const reloader = startReplicaReloader({ link, replicaId: id, store, log: recordingLog(), reloadTimeoutMs, heartbeatMs: 200 });
  reloaders.push(reloader);
  return { reloader, link };
}

beforeAll(async () => {
  if (available) redis = await startRedisServer();
});
afterAll(async () => {
  for (const r of reloaders) await r.close();
  for (const link of links) await link.close();
  await redis?.close();
});

describe.skipIf(!available)('reload fan-out over Redis', () => {
  it('reloads every replica and lists each outcome, the asker first; a silent replica is named after the timeout', async () => {
    const warning: LoadError = {
      file: 'facts/demo/sources/notes.txt',
      line: 0,
      column: 0,
      message: 'this source file is not listed in case.yaml',
      problem: { kind: 'source-not-listed', file: 'sources/notes.txt' },
    };
    const stores = { a: fakeStore(27), b: fakeStore(27, false, [warning]), c: fakeStore(27) };
    const a = await replica('web-a', stores.a, 1500);
    await replica('web-b', stores.b);
    const c = await replica('web-c', stores.c);
    await waitUntil(() => a.reloader.replicas().length === 3, 'three heartbeats');

    const reports = await a.reloader.reloadAll('mod (1)');
    expect(reports.map((r) => [r.replica, r.ok])).toEqual([
      ['web-a', true],
      ['web-b', true],
      ['web-c', true],
    ]);
    expect([stores.a.reloads, stores.b.reloads, stores.c.reloads]).toEqual([['mod (1)'], ['mod (1)'], ['mod (1)']]);
    expect(renderReloadReport(reports).embeds?.map((e) => e.title)).toEqual([
      '✅ Facts reloaded (replica web-a)',
      '✅ Facts reloaded (replica web-b)',
      '✅ Facts reloaded (replica web-c)',
    ]);
    // Another replica's warnings cross Redis with their problem codes, and its part of the reply lists them.
    expect(reports[1]?.warnings).toEqual([warning]);
    expect(renderReloadReport(reports).embeds?.[1]?.description).toContain('1 warning**');
    expect(renderReloadReport(reports).embeds?.[1]?.description).toContain('facts/demo/sources/notes.txt this source file is not listed');

    // web-c stops listening (as a killed process would) but its heartbeat is still recent.
    await c.reloader.close();
    const stuck = fakeStore(27, true);
    await replica('web-d', stuck);
    await waitUntil(() => a.reloader.replicas().includes('web-d'), 'the new replica');
    const started = Date.now();
    const partial = await a.reloader.reloadAll('mod (2)');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
    expect(Date.now() - started).toBeLessThan(4000);
    const byReplica = new Map(partial.map((r) => [r.replica, r]));
    expect(byReplica.get('web-a')?.ok).toBe(true);
    expect(byReplica.get('web-b')?.ok).toBe(true);
    expect(byReplica.get('web-d')).toMatchObject({
      ok: false,
      servingFacts: 27,
      noAnswer: { code: 'replica-silent', replica: 'web-d', seconds: 2 },
    });
    expect(renderReloadReport(partial).embeds?.map((e) => e.title)).toContain('⚠️ No answer — still serving 27 facts. (replica web-d)');
  });

  it('with Redis down, reloads the asking replica and says the others were not asked', async () => {
    if (redis === undefined) throw new Error('no redis');
    const store = fakeStore(5);
    const { reloader, link } = await replica('web-x', store);
    await redis.stop();
    await waitUntil(() => link.state().state === 'down', 'the outage');
    const reports = await reloader.reloadAll('mod (3)');
    expect(store.reloads).toEqual(['mod (3)']);
    expect(reports[0]).toMatchObject({ ok: true, replica: 'web-x' });
    expect(reports[1]).toMatchObject({ ok: false, servingFacts: null, noAnswer: { code: 'redis-down' } });
    expect(renderReloadReport(reports).embeds?.[1]?.title).toBe('⚠️ No answer. (replica the others)');
    await redis.start();
    await waitUntil(() => link.state().state === 'up', 'the reconnection');
  });
});
