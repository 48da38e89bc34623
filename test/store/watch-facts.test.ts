/**
 * The debounce and coalescing rules of hot reload, with a hand-driven clock and a fake folder
 * watcher: no real timers, no file system.
 */
import { describe, expect, it } from 'vitest';
import type { ReloadReport } from '../../src/store/types.js';
import { WATCHER_NAME, watchFacts, type WatchClock, type WatchFactsOptions } from '../../src/store/watch-facts.js';
import type { FolderWatch, WatchFolderOptions } from '../../src/store/watch-folder.js';

/** Timers that fire only when the test advances time. */
class FakeClock implements WatchClock {
  private time = 0;
  private timers: { at: number; run: () => void }[] = [];

  now(): number {
    return this.time;
  }

  after(ms: number, run: () => void): () => void {
    const timer = { at: this.time + ms, run };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  }

  /** Moves time forward, firing due timers in order; lets settled promises run between them. */
  async advance(ms: number): Promise<void> {
    const target = this.time + ms;
    for (;;) {
      const next = this.timers.filter((t) => t.at <= target).sort((a, b) => a.at - b.at)[0];
      if (next === undefined) break;
      this.timers = this.timers.filter((t) => t !== next);
      this.time = next.at;
      next.run();
      await flush();
    }
    this.time = target;
    await flush();
  }

  get pending(): number {
    return this.timers.length;
  }
}

const flush = async (): Promise<void> => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

/** A folder watcher whose changes the test reports by hand. */
function fakeFolder(options: { throws?: Error; mode?: FolderWatch['mode'] } = {}) {
  const state = { closed: false, change: (_file: string | null): void => undefined, error: (_error: Error): void => undefined };
  const watchFolder = (_dir: string, handlers: WatchFolderOptions): FolderWatch => {
    if (options.throws !== undefined) throw options.throws;
    state.change = handlers.onChange;
    state.error = handlers.onError;
    return { mode: options.mode ?? 'recursive', close: () => void (state.closed = true) };
  };
  return { watchFolder, state };
}

function recordingLog() {
  const lines: { level: string; obj: object; msg: string }[] = [];
  const at =
    (level: string) =>
    (obj: object, msg = '') =>
      void lines.push({ level, obj, msg });
  return { log: { info: at('info'), warn: at('warn'), error: at('error') }, lines };
}

const ok = (by: string): ReloadReport => ({
  ok: true,
  at: new Date(0),
  by,
  durationMs: 1,
  facts: 3,
  cases: 1,
  diff: { counts: { added: 0, removed: 0, changed: 1 }, added: [], removed: [], changed: ['demo/a'] },
});

const broken = (by: string): ReloadReport => ({
  ok: false,
  at: new Date(0),
  by,
  durationMs: 1,
  errors: [{ file: 'facts/demo/facts.yaml', line: 4, column: 9, message: 'quote not found in source "report"' }],
  servingFacts: 3,
});

/** A reload the test finishes by hand, counting calls and how many ran at once. */
function manualReload(result: (by: string) => ReloadReport = ok) {
  const calls: string[] = [];
  let running = 0;
  let maxRunning = 0;
  const finishers: (() => void)[] = [];
  const reload = (by: string): Promise<ReloadReport> => {
    calls.push(by);
    running += 1;
    maxRunning = Math.max(maxRunning, running);
    return new Promise((resolve) => {
      finishers.push(() => {
        running -= 1;
        resolve(result(by));
      });
    });
  };
  return {
    reload,
    calls,
    get maxRunning() {
      return maxRunning;
    },
    /** Finishes the oldest running reload. */
    async finish(): Promise<void> {
      finishers.shift()?.();
      await flush();
    },
  };
}

function setup(overrides: Partial<WatchFactsOptions> = {}, folderOptions: Parameters<typeof fakeFolder>[0] = {}) {
  const clock = new FakeClock();
  const folder = fakeFolder(folderOptions);
  const reloads = manualReload();
  const { log, lines } = recordingLog();
  const watcher = watchFacts({
    dir: '/facts',
    reload: reloads.reload,
    log,
    debounceMs: 500,
    clock,
    watchFolder: folder.watchFolder,
    ...overrides,
  });
  return { clock, folder, reloads, lines, watcher, change: (file: string | null = 'demo/facts.yaml') => folder.state.change(file) };
}

describe('watchFacts: debounce', () => {
  it('turns a burst of five saves into one reload, 500 ms after the last change', async () => {
    const { clock, reloads, change } = setup();
    for (let i = 0; i < 5; i++) {
      change(i % 2 === 0 ? 'demo/facts.yaml' : 'demo/sources/report.txt');
      await clock.advance(100);
    }
    // Last change at 400 ms; quiet until 900 ms.
    await clock.advance(399);
    expect(reloads.calls).toEqual([]);
    await clock.advance(1);
    expect(reloads.calls).toEqual([WATCHER_NAME]);
    await reloads.finish();
    await clock.advance(10_000);
    expect(reloads.calls).toHaveLength(1);
  });

  it('still reloads when changes never stop: at most maxWaitMs after the first one', async () => {
    const { clock, reloads, change } = setup({ maxWaitMs: 2000 });
    for (let t = 0; t < 2000; t += 100) {
      change();
      await clock.advance(100);
    }
    expect(reloads.calls).toHaveLength(1);
    await reloads.finish();
    // The stream goes on: one more reload per two seconds, not one per change.
    for (let t = 0; t < 4000; t += 100) {
      change();
      await clock.advance(100);
      if (reloads.calls.length > 1) await reloads.finish();
    }
    expect(reloads.calls.length).toBeGreaterThanOrEqual(2);
    expect(reloads.calls.length).toBeLessThanOrEqual(3);
  });

  it('reloads when the platform does not name the changed file', async () => {
    const { clock, reloads, change } = setup();
    change(null);
    await clock.advance(500);
    expect(reloads.calls).toHaveLength(1);
  });
});

describe('watchFacts: one reload at a time', () => {
  it('never runs two reloads at once, and queues exactly one more for any number of bursts during a reload', async () => {
    const { clock, reloads, change } = setup();
    change();
    await clock.advance(500);
    expect(reloads.calls).toHaveLength(1);
    // Three separate bursts while the first reload is still running.
    for (let burst = 0; burst < 3; burst++) {
      change();
      change();
      await clock.advance(600);
    }
    expect(reloads.calls).toHaveLength(1);
    await reloads.finish();
    expect(reloads.calls).toHaveLength(2);
    await reloads.finish();
    await clock.advance(5000);
    expect(reloads.calls).toHaveLength(2);
    expect(reloads.maxRunning).toBe(1);
  });

  it('a burst still in its quiet period when the reload ends waits for its own quiet period', async () => {
    const { clock, reloads, change } = setup();
    change();
    await clock.advance(500);
    change();
    await clock.advance(100);
    await reloads.finish();
    expect(reloads.calls).toHaveLength(1);
    await clock.advance(400);
    expect(reloads.calls).toHaveLength(2);
  });
});

describe('watchFacts: outcomes', () => {
  it('logs a broken save with its errors as file:line:col lines, and keeps watching', async () => {
    const { clock, lines, change } = setup({ reload: (by) => Promise.resolve(broken(by)) });
    change('demo/facts.yaml');
    await clock.advance(500);
    const warning = lines.find((l) => l.level === 'warn');
    expect(warning?.msg).toMatch(/still serving the previous facts/);
    expect(warning?.obj).toMatchObject({
      files: ['demo/facts.yaml'],
      errors: ['facts/demo/facts.yaml:4:9 quote not found in source "report"'],
      moreErrors: 0,
    });
    change();
    await clock.advance(500);
    expect(lines.filter((l) => l.level === 'warn')).toHaveLength(2);
  });

  it('takes one report per shard from the shard manager, logging a failing shard', async () => {
    const reports = (by: string): ReloadReport[] => [
      { ...ok(by), shard: 0 },
      { ...broken(by), shard: 1 },
    ];
    const { clock, lines, change } = setup({ reload: (by) => Promise.resolve(reports(by)) });
    change();
    await clock.advance(500);
    expect(lines.find((l) => l.level === 'warn')?.obj).toMatchObject({
      errors: ['facts/demo/facts.yaml:4:9 quote not found in source "report"'],
    });
  });

  it('logs a successful reload once, with the changed files', async () => {
    const { clock, lines, change, reloads } = setup();
    change('demo/facts.yaml');
    change('demo/case.yaml');
    await clock.advance(500);
    await reloads.finish();
    expect(lines.filter((l) => l.msg.includes('reloaded'))).toEqual([
      { level: 'info', obj: { files: ['demo/facts.yaml', 'demo/case.yaml'], ms: 0 }, msg: 'facts changed on disk; reloaded' },
    ]);
  });

  it('logs the warnings of a save that loads (or not), so whoever saved can read them', async () => {
    const warnings = [{ file: 'facts/demo/sources/notes.txt', line: 0, column: 0, message: 'this source file is not listed in case.yaml' }];
    const { clock, lines, change } = setup({ reload: (by) => Promise.resolve({ ...ok(by), warnings }) });
    change('demo/facts.yaml');
    await clock.advance(500);
    expect(lines.find((l) => l.msg.includes('reloaded'))?.obj).toEqual({
      files: ['demo/facts.yaml'],
      ms: 0,
      warnings: ['facts/demo/sources/notes.txt this source file is not listed in case.yaml'],
      moreWarnings: 0,
    });
    const failing = setup({ reload: (by) => Promise.resolve({ ...broken(by), warnings }) });
    failing.change();
    await failing.clock.advance(500);
    expect(failing.lines.find((l) => l.level === 'warn')?.obj).toMatchObject({
      warnings: ['facts/demo/sources/notes.txt this source file is not listed in case.yaml'],
    });
  });

  it('survives a reload that throws (a bug of ours): logs it and reloads on the next change', async () => {
    let calls = 0;
    const { clock, lines, change } = setup({
      reload: (by) => {
        calls += 1;
        return calls === 1 ? Promise.reject(new Error('boom')) : Promise.resolve(ok(by));
      },
    });
    change();
    await clock.advance(500);
    expect(lines.some((l) => l.level === 'error' && l.msg.includes('failed unexpectedly'))).toBe(true);
    change();
    await clock.advance(500);
    expect(calls).toBe(2);
  });
});

describe('watchFacts: status and lifecycle', () => {
  it('reports on, with the quiet period and how the folder is watched', () => {
    expect(setup().watcher.status()).toEqual({ state: 'on', debounceMs: 500, mode: 'recursive' });
    expect(setup({}, { mode: 'per-folder' }).watcher.status()).toEqual({ state: 'on', debounceMs: 500, mode: 'per-folder' });
  });

  it('does not throw when the folder cannot be watched: logs once and reports stopped', () => {
    const missing = Object.assign(new Error("ENOENT: no such file or directory, stat '/srv/secret/facts'"), { code: 'ENOENT' });
    const { watcher, lines } = setup({}, { throws: missing });
    expect(watcher.status()).toEqual({ state: 'stopped', reason: { code: 'cannot-watch', errno: 'ENOENT' } });
    expect(lines.filter((l) => l.level === 'error')).toHaveLength(1);
  });

  it('reports stopped when the watch fails later, without the server path', () => {
    const { watcher, folder } = setup();
    folder.state.error(Object.assign(new Error('EMFILE /srv/facts'), { code: 'EMFILE' }));
    expect(watcher.status()).toEqual({ state: 'stopped', reason: { code: 'watch-error', errno: 'EMFILE' } });
  });

  it('close() stops watching, drops a pending reload and leaves no timer behind', async () => {
    const { clock, reloads, change, watcher, folder } = setup();
    change();
    expect(clock.pending).toBe(1);
    watcher.close();
    expect(clock.pending).toBe(0);
    expect(folder.state.closed).toBe(true);
    change();
    await clock.advance(5000);
    expect(reloads.calls).toEqual([]);
    expect(watcher.status()).toEqual({ state: 'off' });
  });

  it('idle() waits for the running reload', async () => {
    const { clock, reloads, change, watcher } = setup();
    change();
    await clock.advance(500);
    let idle = false;
    void watcher.idle().then(() => (idle = true));
    await flush();
    expect(idle).toBe(false);
    await reloads.finish();
    await flush();
    expect(idle).toBe(true);
  });
});
