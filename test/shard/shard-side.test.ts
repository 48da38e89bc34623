import { describe, expect, it } from 'vitest';
import { PageSessions } from '../../src/app/page-sessions.js';
import { createCaseBot } from '../../src/app/case-bot.js';
import { parseShardMessage, toWire } from '../../src/shard/protocol.js';
import { connectShardReloader, shardFromEnv, type ManagerPort } from '../../src/shard/shard-side.js';
import type { ReloadReport, StoreStatus } from '../../src/store/types.js';
import { fakeStore } from '../app/fake-store.js';

const ok: ReloadReport = {
  ok: true,
  at: new Date('2025-01-02T03:04:05.000Z'),
  by: 'mod (200000000000000001)',
  durationMs: 12,
  facts: 27,
  cases: 1,
  diff: { counts: { added: 1, removed: 0, changed: 0 }, added: ['tick-jaxa/new'], removed: [], changed: [] },
};

/** A port whose "manager" is a function of each sent message; replies arrive asynchronously, as over IPC. */
function fakePort(manager: (message: unknown, reply: (message: unknown) => void) => void): { port: ManagerPort; sent: unknown[] } {
  const listeners = new Set<(message: unknown) => void>();
  const sent: unknown[] = [];
  // JSON round trip: what the child-process channel does to every message.
  const reply = (message: unknown): void => {
    const copy: unknown = JSON.parse(JSON.stringify(message));
    setImmediate(() => listeners.forEach((listener) => listener(copy)));
  };
  return {
    sent,
    port: {
      async send(message) {
        sent.push(JSON.parse(JSON.stringify(message)));
        manager(JSON.parse(JSON.stringify(message)), reply);
      },
      onMessage(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
  };
}

const quiet = { info() {}, warn() {}, error() {} };

function status(facts: number): StoreStatus {
  return {
    facts,
    cases: 1,
    caseIds: ['tick-jaxa'],
    factsByCase: [{ id: 'tick-jaxa', facts }],
    version: 1,
    loadedAt: new Date(),
    lastReload: null,
    reloading: false,
    semantic: { state: 'ready', facts },
    languageProblems: [],
  };
}

describe('shard protocol', () => {
  it('revives dates of reports that went through JSON', () => {
    const parsed = parseShardMessage(
      JSON.parse(JSON.stringify({ type: 'casebot:reload-done', requestId: 'r1', report: toWire({ ...ok, shard: 1 }) })),
    );
    expect(parsed).toEqual({ type: 'casebot:reload-done', requestId: 'r1', report: { ...ok, shard: 1 } });
  });

  it('understands a report from a shard of the previous version (complete lists, no counts)', () => {
    const old = { ...toWire(ok), diff: { added: ['tick-jaxa/a', 'tick-jaxa/b'], removed: [], changed: [] } };
    const parsed = parseShardMessage({ type: 'casebot:reload-done', requestId: 'r1', report: old });
    if (parsed?.type !== 'casebot:reload-done' || !parsed.report.ok) throw new Error('expected a parsed success report');
    expect(parsed.report.diff.counts).toEqual({ added: 2, removed: 0, changed: 0 });
  });

  it('carries warnings of ok and failed reports both ways, problem codes included', () => {
    const warnings = [
      {
        file: 'facts/demo/sources/notes.txt',
        line: 0,
        column: 0,
        message: 'not listed',
        problem: { kind: 'source-not-listed' as const, file: 'sources/notes.txt' },
      },
      { file: 'facts/demo/facts.yaml', line: 9, column: 0, message: 'on two facts' },
    ];
    const failedReport: ReloadReport = { ok: false, at: ok.at, by: ok.by, durationMs: 3, errors: [], warnings, servingFacts: 27 };
    for (const report of [{ ...ok, warnings }, failedReport]) {
      const wire: unknown = JSON.parse(JSON.stringify({ type: 'casebot:reload-result', requestId: 'r1', reports: [toWire(report)] }));
      expect(parseShardMessage(wire)).toEqual({ type: 'casebot:reload-result', requestId: 'r1', reports: [report] });
    }
  });

  it('understands a report without warnings (a shard of an older version), and drops warnings of another shape, not the report', () => {
    const parsed = parseShardMessage(JSON.parse(JSON.stringify({ type: 'casebot:reload-done', requestId: 'r1', report: toWire(ok) })));
    expect(parsed).toEqual({ type: 'casebot:reload-done', requestId: 'r1', report: ok });
    const odd = { ...toWire(ok), warnings: [{ file: 'x', message: 'no line or column' }] };
    expect(parseShardMessage({ type: 'casebot:reload-done', requestId: 'r1', report: odd })).toEqual({
      type: 'casebot:reload-done',
      requestId: 'r1',
      report: ok,
    });
  });

  it('ignores messages that are not ours', () => {
    expect(parseShardMessage({ _ready: true })).toBeNull();
    expect(parseShardMessage({ type: 'casebot:reload-done', requestId: 'r1', report: { ok: true } })).toBeNull();
    expect(parseShardMessage('casebot:reload')).toBeNull();
  });

  it('knows a shard from the variables ShardingManager sets', () => {
    expect(shardFromEnv({ SHARDING_MANAGER: 'true', SHARDING_MANAGER_MODE: 'process', SHARDS: '1', SHARD_COUNT: '2' })).toEqual({
      id: 1,
      count: 2,
    });
    expect(shardFromEnv({ SHARD_COUNT: '2' })).toBeUndefined();
    expect(shardFromEnv({ SHARDING_MANAGER: 'true', SHARDING_MANAGER_MODE: 'process', SHARDS: '2', SHARD_COUNT: '2' })).toBeUndefined();
  });
});

describe('connectShardReloader', () => {
  it('runs the reloads the manager asks for and returns every shard report, sorted', async () => {
    const reloads: string[] = [];
    const reload = async (by: string): Promise<ReloadReport> => {
      reloads.push(by);
      return ok;
    };
    const { port, sent } = fakePort((message, reply) => {
      const m = parseShardMessage(message);
      if (m?.type === 'casebot:reload') {
        // The manager asks this shard to reload, and answers with its report plus another shard's.
        reply({ type: 'casebot:reload-run', requestId: 'run-1', by: m.by });
        setTimeout(
          () =>
            reply({
              type: 'casebot:reload-result',
              requestId: m.requestId,
              reports: [toWire({ ...ok, shard: 1 }), toWire({ ...ok, shard: 0 })],
            }),
          20,
        );
      }
    });
    const reloader = connectShardReloader({ shard: { id: 1, count: 2 }, store: { reload, status: () => status(27) }, port, log: quiet });
    const reports = await reloader.reloadAll('mod');
    expect(reports.map((r) => r.shard)).toEqual([0, 1]);
    expect(reports[0]?.at).toEqual(ok.at);
    expect(reloads).toEqual(['mod']);
    expect(sent).toContainEqual({ type: 'casebot:serving', facts: 27 });
    expect(sent).toContainEqual(
      expect.objectContaining({ type: 'casebot:reload-done', requestId: 'run-1', report: expect.objectContaining({ shard: 1, ok: true }) }),
    );
    reloader.close();
  });

  it('gives up when the manager never answers, with a report saying so (nothing reloaded)', async () => {
    const { port } = fakePort(() => undefined);
    const reloader = connectShardReloader({
      shard: { id: 0, count: 2 },
      store: { reload: async () => ok, status: () => status(1) },
      port,
      log: quiet,
      resultTimeoutMs: 50,
    });
    expect(await reloader.reloadAll('mod')).toEqual([
      expect.objectContaining({ ok: false, shard: 0, errors: [], servingFacts: 1, noAnswer: { code: 'manager-silent', seconds: 0 } }),
    ]);
    reloader.close();
  });
});

describe('handleReload on a shard', () => {
  it('reports every shard and fails when any shard failed, without reloading only itself', async () => {
    const failed: ReloadReport = {
      ok: false,
      at: ok.at,
      by: 'mod',
      durationMs: 3,
      errors: [{ file: 'tick-jaxa/facts.yaml', line: 1, column: 8, message: 'bad' }],
      servingFacts: 27,
      shard: 1,
    };
    const store = fakeStore();
    const bot = createCaseBot({
      store,
      sessions: new PageSessions(),
      log: quiet,
      cooldownSeconds: 0,
      modRoleIds: [],
      version: 'test',
      shard: { id: 0, count: 2 },
      reloadAll: async () => [{ ...ok, shard: 0 }, failed],
    });
    const reply = await bot.handleReload({ by: 'mod' });
    expect(reply.outcome).toBe('reload-failed');
    expect(reply.embeds?.map((e) => e.title)).toEqual([
      '✅ Facts reloaded (shard 0)',
      '❌ Reload failed — still serving 27 facts. (shard 1)',
    ]);
    expect(store.reloads).toEqual([]);
  });
});
