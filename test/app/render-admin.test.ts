import { describe, expect, it } from 'vitest';
import type { LoadError } from '../../src/facts/types.js';
import { duration, renderReloadReport, renderStatus, type StatusView } from '../../src/app/render-admin.js';
import { assertReplyWithinLimits } from '../../src/answer/reply.js';
import type { ReloadReport } from '../../src/store/types.js';
import { freshStatus } from './admin-fixtures.js';

const at = new Date('2024-06-01T12:00:00Z');

function ok(diff: { added?: string[]; removed?: string[]; changed?: string[] } = {}, shard?: number): ReloadReport {
  return {
    ok: true,
    at,
    by: 'mod#1',
    durationMs: 42,
    facts: 120,
    cases: 2,
    diff: {
      counts: { added: diff.added?.length ?? 0, removed: diff.removed?.length ?? 0, changed: diff.changed?.length ?? 0 },
      added: diff.added ?? [],
      removed: diff.removed ?? [],
      changed: diff.changed ?? [],
    },
    ...(shard === undefined ? {} : { shard }),
  };
}

function failed(errorCount: number, shard?: number): ReloadReport {
  const errors: LoadError[] = Array.from({ length: errorCount }, (_, i) => ({
    file: `tick-jaxa/facts.yaml`,
    line: i + 1,
    column: 5,
    message: `quote not found in source "report": closest sentence is "${'word '.repeat(30)}" \`tick\``,
  }));
  return { ok: false, at, by: '123456789012345678', durationMs: 7, errors, servingFacts: 118, ...(shard === undefined ? {} : { shard }) };
}

describe('renderReloadReport', () => {
  it('success: counts and what changed, ids trimmed after 10', () => {
    const added = Array.from({ length: 13 }, (_, i) => `tick-jaxa/new-${i}`);
    const reply = renderReloadReport(ok({ added, removed: ['tick-jaxa/old'], changed: ['a/b', 'a/c'] }));
    expect(reply.ephemeral).toBe(true);
    const embed = reply.embeds?.[0];
    expect(embed?.title).toBe('✅ Facts reloaded');
    const text = embed?.description ?? '';
    expect(text).toContain('**120 facts** in **2 cases**');
    expect(text).toContain('+13 added, −1 removed, ~2 changed');
    expect(text).toContain('`tick-jaxa/new-9`');
    expect(text).not.toContain('new-10`');
    expect(text).toContain('…and 3 more');
    expect(text).toContain('− removed: `tick-jaxa/old`');
    expect(embed?.timestamp).toBe(at.toISOString());
  });

  it('counts from the report, not from the few keys it keeps (a full reload of 100k facts)', () => {
    const base = ok({ added: Array.from({ length: 50 }, (_, i) => `big/new-${i}`) });
    if (!base.ok) throw new Error('expected a success report');
    const report: ReloadReport = { ...base, diff: { ...base.diff, counts: { added: 100_000, removed: 99_000, changed: 0 } } };
    const text = renderReloadReport(report).embeds?.[0]?.description ?? '';
    expect(text).toContain('+100000 added, −99000 removed, ~0 changed');
    expect(text).toContain('…and 99990 more');
  });

  it('success without changes says so', () => {
    expect(renderReloadReport(ok()).embeds?.[0]?.description).toContain('Nothing changed.');
  });

  it('failure: still serving N facts, errors as file:line:col lines, 40 errors trimmed to fit', () => {
    const reply = renderReloadReport(failed(40));
    assertReplyWithinLimits(reply);
    const embed = reply.embeds?.[0];
    expect(embed?.title).toBe('❌ Reload failed — still serving 118 facts.');
    const text = embed?.description ?? '';
    expect(text).toContain('40 problems');
    expect(text).toContain('<@123456789012345678>');
    expect(text).toContain('```text\ntick-jaxa/facts.yaml:1:5 quote not found in source "report"');
    // Backticks in messages can't close the code block early.
    expect(text.match(/```/g)).toHaveLength(2);
    const shown = text.split('\n').filter((line) => line.startsWith('tick-jaxa/facts.yaml:')).length;
    expect(shown).toBeGreaterThan(3);
    expect(shown).toBeLessThan(40);
    expect(text.endsWith(`…and ${40 - shown} more`)).toBe(true);
  });

  it('several shards: one embed each, all within limits, more than 10 summarised', () => {
    const three = renderReloadReport([failed(40, 0), ok({}, 1), failed(40, 2)]);
    assertReplyWithinLimits(three);
    expect(three.embeds?.map((e) => e.title)).toEqual([
      '❌ Reload failed — still serving 118 facts. (shard 0)',
      '✅ Facts reloaded (shard 1)',
      '❌ Reload failed — still serving 118 facts. (shard 2)',
    ]);
    const many = renderReloadReport(Array.from({ length: 14 }, (_, i) => (i % 2 === 0 ? failed(40, i) : ok({}, i))));
    assertReplyWithinLimits(many);
    expect(many.embeds).toHaveLength(10);
    expect(many.embeds?.[9]?.description).toBe('…and 5 more shards: 3 reloaded, 2 failed.');
  });

  it('handles an empty list', () => {
    expect(renderReloadReport([]).content).toBe('No reload reports came back.');
  });

  describe('warnings', () => {
    /** `count` warnings, long ones, some with the characters that could break the code block or ping. */
    const warnings = (count: number): LoadError[] =>
      Array.from({ length: count }, (_, i) => ({
        file: 'tick-jaxa/facts.yaml',
        line: i + 10,
        column: 0,
        message: `the question "who @everyone ${'x'.repeat(i % 2 === 0 ? 20 : 250)} \`tick\`" is on fact 'a' and on fact 'b'; keep it only on the fact that answers it`,
      }));
    const warningLines = (text: string): string[] => text.split('\n').filter((line) => line.startsWith('tick-jaxa/facts.yaml:'));

    it('after a success: "N warnings", then each as file:line message in a code block', () => {
      const text = renderReloadReport({ ...ok(), warnings: warnings(2) }).embeds?.[0]?.description ?? '';
      expect(text).toContain('Nothing changed.\n⚠️ **2 warnings**: they did not stop the reload, but are worth fixing.\n```text\n');
      expect(warningLines(text)).toEqual([
        expect.stringMatching(/^tick-jaxa\/facts\.yaml:10 the question "who @everyone x{20} ˋtickˋ" is on fact 'a'/),
        expect.stringMatching(/^tick-jaxa\/facts\.yaml:11 the question/),
      ]);
      expect(text.match(/```/g)).toHaveLength(2);
      expect(renderReloadReport({ ...ok(), warnings: warnings(1) }).embeds?.[0]?.description).toContain('**1 warning**');
    });

    it('no warnings, no line', () => {
      expect(renderReloadReport({ ...ok(), warnings: [] }).embeds?.[0]?.description).not.toContain('warning');
      expect(renderReloadReport(failed(2)).embeds?.[0]?.description).not.toContain('warning');
    });

    it('lists the first five of many, then "…and N more", within limits even beside 10 ids of each kind', () => {
      const ids = Array.from({ length: 13 }, (_, i) => `tick-jaxa/${'long-id-'.repeat(10)}${i}`);
      const reply = renderReloadReport({ ...ok({ added: ids, removed: ids, changed: ids }), warnings: warnings(200) });
      assertReplyWithinLimits(reply);
      const text = reply.embeds?.[0]?.description ?? '';
      expect(text).toContain('**200 warnings**');
      expect(warningLines(text)).toHaveLength(5);
      expect(text.endsWith('…and 195 more')).toBe(true);
      expect(text).toContain('+ added: ');
    });

    it('after a failure: the errors first, then the warnings, both trimmed to fit', () => {
      const reply = renderReloadReport({ ...failed(40), warnings: warnings(30) });
      assertReplyWithinLimits(reply);
      const text = reply.embeds?.[0]?.description ?? '';
      expect(text.indexOf('40 problems')).toBeLessThan(text.indexOf('**30 warnings**'));
      expect(text.match(/```/g)?.length).toBeGreaterThanOrEqual(2);
      expect(text.endsWith(`…and ${30 - warningLines(text.slice(text.indexOf('**30 warnings**'))).length} more`)).toBe(true);
    });

    it('fit with many shards each warning a lot: every embed still says how many', () => {
      const reports = Array.from({ length: 14 }, (_, i) =>
        i % 2 === 0 ? { ...failed(40, i), warnings: warnings(50) } : { ...ok({}, i), warnings: warnings(50) },
      );
      const reply = renderReloadReport(reports);
      assertReplyWithinLimits(reply);
      for (const embed of reply.embeds?.slice(0, 9) ?? []) expect(embed.description).toContain('**50 warnings**');
    });

    it('show as a count under Last reload in status', () => {
      const lastReload = (report: ReloadReport): string | undefined =>
        renderStatus(freshStatus(at, { lastReload: report })).embeds?.[0]?.fields?.find((f) => f.name === 'Last reload')?.value;
      expect(lastReload({ ...ok(), warnings: warnings(3) })).toMatch(
        /^✅ .*: \+0 added, −0 removed, ~0 changed\. ⚠️ 3 warnings \(listed in the reload reply/,
      );
      expect(lastReload({ ...failed(2), warnings: warnings(1) })).toMatch(
        /❌ Failed .*2 problems, still serving 118 facts\. ⚠️ 1 warning /,
      );
      expect(lastReload(ok())).not.toContain('warning');
    });
  });
});

describe('renderStatus: semantic search', () => {
  const base = freshStatus(at);
  const field = (view: StatusView): string | undefined =>
    renderStatus(view).embeds?.[0]?.fields?.find((f) => f.name === 'Answers by meaning')?.value;

  it('says ready, and off with the reason and every other problem', () => {
    expect(field(base)).toBe('✅ Ready: 2 facts embedded.');
    const vectors = {
      resource: 'word-vectors',
      detail: 'word vectors x.bin: the file does not exist',
      message: 'semantic search is off: word vectors x.bin: the file does not exist',
    } as const;
    const off = field({
      ...base,
      semantic: { state: 'off', reason: { code: 'language', problem: vectors } },
      languageProblems: [
        vectors,
        { resource: 'glossary', detail: 'glossary missing', message: 'Japanese questions are read word by word only: glossary missing' },
      ],
    });
    expect(off).toContain('Off: semantic search is off: word vectors x.bin');
    expect(off).toContain('Japanese questions are read word by word only');
    expect(off?.match(/the file does not exist/g)).toHaveLength(1);
  });
});

describe('renderStatus: reload on save (FACTS_WATCH)', () => {
  const base = freshStatus(at);
  const field = (view: StatusView): string | undefined =>
    renderStatus(view).embeds?.[0]?.fields?.find((f) => f.name === 'Reload on save')?.value;

  it('says off, with how to turn it on, when the store does not say', () => {
    expect(field(base)).toMatch(/^⚪ Off: .*FACTS_WATCH=true/);
    expect(field({ ...base, watch: { state: 'off' } })).toBe(field(base));
  });

  it('says on with the quiet period, or that the shard manager watches', () => {
    expect(field({ ...base, watch: { state: 'on', debounceMs: 500, mode: 'per-folder' } })).toBe(
      '✅ On: a save reloads 500 ms after the last change.',
    );
    expect(field({ ...base, watch: { state: 'elsewhere', by: 'shard-manager' } })).toBe(
      '✅ On: the shard manager watches the folder and reloads every shard.',
    );
  });

  it('says stopped with the reason and what to do instead', () => {
    expect(field({ ...base, watch: { state: 'stopped', reason: { code: 'cannot-watch', errno: 'ENOENT' } } })).toBe(
      '⚠️ Stopped: the folder could not be watched (ENOENT). Use /case-admin reload after editing.',
    );
  });

  it('shows a reload by the watcher under Last reload, by name', () => {
    const value = renderStatus({ ...base, lastReload: { ...failed(2), by: 'file watcher' } }).embeds?.[0]?.fields?.find(
      (f) => f.name === 'Last reload',
    )?.value;
    expect(value).toMatch(/❌ Failed .* by file watcher: 2 problems/);
  });
});

describe('renderStatus', () => {
  const status: StatusView = {
    facts: 120,
    cases: 2,
    caseIds: ['tick-jaxa', 'other'],
    factsByCase: [
      { id: 'tick-jaxa', facts: 27 },
      { id: 'other', facts: 4 },
    ],
    version: '0.1.0',
    snapshotVersion: 3,
    loadedAt: at,
    lastReload: ok({ added: ['a/b'] }),
    reloading: false,
    semantic: { state: 'building', embedded: 40, facts: 120 },
    languageProblems: [],
    uptimeSeconds: 93_784,
    memoryMb: { rss: 120.5, heapUsed: 40.2 },
    shard: 0,
    shards: 2,
  };

  it('shows counts, snapshot, last reload, uptime, memory, version and shard', () => {
    const reply = renderStatus(status);
    expect(reply.ephemeral).toBe(true);
    const fields = Object.fromEntries((reply.embeds?.[0]?.fields ?? []).map((f) => [f.name, f.value]));
    expect(fields['Facts']).toBe('120');
    expect(fields['Cases']).toBe('2');
    expect(fields['Loaded']).toBe(`v3 · <t:${at.getTime() / 1000}:R>`);
    expect(fields['Answers by meaning']).toContain('40 of 120');
    expect(fields['Last reload']).toContain('+1 added, −0 removed, ~0 changed');
    expect(fields['Uptime']).toBe('1d 2h 3m');
    expect(fields['Memory']).toBe('120.5 MB RSS · 40.2 MB heap');
    expect(fields['Bot version']).toBe('0.1.0');
    expect(fields['Shard']).toBe('#0 of 2');
    expect(fields['Facts per case']).toBe('`tick-jaxa` 27 · `other` 4');
  });

  it('fits with thousands of case ids and a failed last reload', () => {
    const reply = renderStatus({
      ...status,
      factsByCase: Array.from({ length: 5000 }, (_, i) => ({ id: `case-${i}`, facts: i })),
      lastReload: failed(40),
      reloading: true,
    });
    assertReplyWithinLimits(reply);
    const fields = reply.embeds?.[0]?.fields ?? [];
    expect(fields.find((f) => f.name === 'Last reload')?.value).toMatch(
      /^⏳ A reload is running now\. ❌ Failed .*40 problems, still serving 118 facts\.$/,
    );
  });

  it('duration formats seconds', () => {
    expect(duration(7)).toBe('7s');
    expect(duration(306)).toBe('5m 6s');
    expect(duration(3720)).toBe('1h 2m');
    expect(duration(Number.NaN)).toBe('0s');
  });
});

describe('a shard that did not answer', () => {
  it('says so, instead of listing fact-file problems', () => {
    const reply = renderReloadReport({
      ok: false,
      at: new Date(0),
      by: 'mod',
      durationMs: 3000,
      errors: [],
      noAnswer: { code: 'shard-silent', shard: 2, seconds: 30 },
      servingFacts: 27,
      shard: 2,
    });
    const embed = reply.embeds?.[0];
    expect(embed?.title).toBe('⚠️ No answer — still serving 27 facts. (shard 2)');
    expect(embed?.description).toContain('No answer from shard 2 within 30 s');
    expect(embed?.description).not.toContain('fact files');
  });
});

describe('renderStatus: shared state (Redis)', () => {
  const base = freshStatus(at);
  const field = (view: StatusView) => renderStatus(view).embeds?.[0]?.fields?.find((f) => f.name === 'Shared state (Redis)')?.value;

  it('is absent without Redis', () => {
    expect(field(base)).toBeUndefined();
  });

  it('shows where Redis is, since when, this replica and the live ones', () => {
    const since = at.getTime();
    expect(
      field({ ...base, shared: { where: 'cache:6379', state: 'up', since, replica: 'web-b', replicas: ['web-a', 'web-b', 'web_c'] } }),
    ).toBe(
      `✅ Connected to cache:6379 since <t:${since / 1000}:R> · this replica \`web-b\` · 3 replicas alive: \`web-a\`, \`web-b\`, \`web_c\``,
    );
  });

  it('says what an outage means for members and moderators, and that it reconnects by itself', () => {
    const value = field({
      ...base,
      shared: { where: 'cache:6379', state: 'down', since: at.getTime(), reason: 'ECONNREFUSED: connect', replica: 'web-b', replicas: [] },
    });
    expect(value).toContain('⚠️ Unreachable since');
    expect(value).toContain('(ECONNREFUSED: connect)');
    expect(value).toContain('answers go on; cooldowns are not enforced, knowledge gaps are not kept');
    expect(value).toContain('Reconnecting by itself.');
  });
});
