/**
 * Moderator replies come from the moderator's catalog, like members' replies: `/case-admin status`,
 * `reload`, `gaps`, `default-case` and the line naming the case an answer came from, in Japanese
 * for `ja` and within Discord's limits in every locale.
 */
import { describe, expect, it } from 'vitest';
import { CATALOGS, JA, type Catalog } from '../../src/answer/locale/index.js';
import { assertReplyWithinLimits, type Reply } from '../../src/answer/reply.js';
import { caseChoiceLine } from '../../src/answer/render-case-choice.js';
import { PageSessions } from '../../src/app/page-sessions.js';
import { createCaseBot } from '../../src/app/case-bot.js';
import { duration, renderReloadReport, renderStatus, type StatusView } from '../../src/app/render-admin.js';
import { gapsStatusLine, renderGapsReport } from '../../src/app/render-gaps.js';
import type { LoadError } from '../../src/facts/types.js';
import type { ReloadReport } from '../../src/store/types.js';
import { freshStatus } from './admin-fixtures.js';
import { captureLog, fakeStore } from './fake-store.js';

const at = new Date(Date.UTC(2025, 2, 2, 12));
/** Hiragana, katakana or kanji. */
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

const reloaded: ReloadReport = {
  ok: true,
  at,
  by: 'tanaka (123456789012345678)',
  durationMs: 42,
  facts: 27,
  cases: 2,
  diff: { counts: { added: 1, removed: 0, changed: 0 }, added: ['tick-jaxa/new'], removed: [], changed: [] },
  shard: 0,
};
function failed(errors: number): ReloadReport {
  const list: LoadError[] = Array.from({ length: errors }, (_, i) => ({
    file: 'tick-jaxa/facts.yaml',
    line: i + 1,
    column: 5,
    message: `quote not found in source "report": ${'語'.repeat(200)}`,
  }));
  return { ok: false, at, by: '123456789012345678', durationMs: 7, errors: list, servingFacts: 27, shard: 1 };
}
/** Warnings of both kinds, `count` in all, the questions long. */
function warnings(count: number): LoadError[] {
  return Array.from({ length: count }, (_, i) =>
    i % 2 === 0
      ? {
          file: 'tick-jaxa/sources/notes.txt',
          line: 0,
          column: 0,
          message: 'this source file is not listed in case.yaml, so no fact can cite it',
          problem: { kind: 'source-not-listed', file: 'sources/notes.txt' },
        }
      : {
          file: 'tick-jaxa/facts.yaml',
          line: i,
          column: 0,
          message: 'the question is on two facts',
          problem: { kind: 'shared-question', question: 'データは盗まれたのか'.repeat(20), first: 'leak', second: 'theft' },
        },
  );
}
/** Every field of the status filled in: the longest the Japanese status gets. */
const status: StatusView = freshStatus(at, {
  facts: 27,
  factsByCase: [{ id: 'tick-jaxa', facts: 27 }],
  lastReload: failed(3),
  reloading: true,
  watch: { state: 'on', debounceMs: 500, mode: 'per-folder' },
  semantic: { state: 'building', embedded: 3, facts: 27 },
  uptimeSeconds: 93_784,
  memoryMb: { rss: 120, heapUsed: 60 },
  shard: 0,
  shards: 2,
  gaps: { state: 'on', retentionDays: 90, lastWriteError: null },
  defaultCase: '`tick-jaxa` Tick',
});
const gaps = {
  ok: true as const,
  report: {
    since: new Date(Date.UTC(2025, 1, 1)),
    questions: Array.from({ length: 30 }, (_, i) => ({
      caseId: '*',
      query: `${i} ${'データは盗まれたのか'.repeat(20)}`,
      count: 4,
      unanswered: 3,
      weak: 1,
      lastAskedAt: at,
    })),
    answers: [{ caseId: 'tick-jaxa', query: 'who found the tick', down: 2, up: 1, factIds: ['a', 'b', 'c', 'd'], lastVotedAt: at }],
  },
};
const choice = {
  caseId: 'harbor-ransomware',
  title: 'Harbor ransomware',
  how: 'best-match' as const,
  others: [{ caseId: 'tick-jaxa', title: 'Tick', results: 1 }],
};

function allText(reply: Reply): string {
  return JSON.stringify([reply.content ?? '', reply.embeds ?? []]);
}

function replies(t: Catalog): Reply[] {
  return [
    renderStatus(status, t),
    renderReloadReport([reloaded, failed(60), ...Array.from({ length: 12 }, () => failed(2))], t),
    renderReloadReport(
      [
        { ...reloaded, warnings: warnings(80) },
        { ...failed(60), warnings: warnings(80) },
      ],
      t,
    ),
    renderReloadReport({ ...reloaded, warnings: warnings(500) }, t),
    renderGapsReport(gaps, { days: 7, scope: 'server' }, t),
    renderGapsReport(gaps, { days: 1, scope: 'all', caseId: 'tick-jaxa' }, t),
  ];
}

describe('moderator replies in Japanese', () => {
  it('fit Discord’s limits in every locale', () => {
    for (const catalog of Object.values(CATALOGS)) for (const reply of replies(catalog)) assertReplyWithinLimits(reply);
  });

  it('render status with Japanese field names and values', () => {
    const fields = renderStatus(status, JA).embeds?.[0]?.fields ?? [];
    const field = (name: string) => fields.find((f) => f.name === name)?.value;
    expect(renderStatus(status, JA).embeds?.[0]?.title).toBe('casebot の状態');
    expect(field('最後の再読み込み')).toMatch(
      /^⏳ 現在、再読み込み中です。 ❌ 失敗 <t:\d+:R>・実行: <@123456789012345678>: 3件の問題。27件の事実を引き続き提供中。$/,
    );
    expect(field('保存時の再読み込み')).toBe('✅ オン: 最後の変更から 500 ms 後に再読み込みします。');
    expect(field('意味による回答')).toBe('⏳ バックグラウンドで事実を埋め込み中: 27件中3件。それまでは語句で回答します。');
    expect(field('未回答の記録')).toBe('✅ オン: 質問と投票を90日間保存します。');
    expect(field('稼働時間')).toBe('1日2時間3分');
    expect(field('シャード')).toBe('#0（全2個）');
    expect(field('既定の事件')).toBe('`tick-jaxa` Tick');
    expect(duration(65, JA)).toBe('1分5秒');
    expect(gapsStatusLine({ state: 'on', retentionDays: 1, lastWriteError: null }, JA)).toBe('✅ オン: 質問と投票を1日間保存します。');
  });

  it('render reload reports in Japanese, the errors as the loader wrote them', () => {
    const [ok, bad] = renderReloadReport([reloaded, failed(2)], JA).embeds ?? [];
    expect(ok?.title).toBe('✅ 事実を再読み込みしました（シャード 0）');
    expect(ok?.description).toContain('**2件の事件**・**27件の事実**を提供中 · 42 ms · 実行: tanaka \\(123456789012345678\\)');
    expect(ok?.description).toContain('+ 追加: `tick-jaxa/new`');
    expect(bad?.title).toBe('❌ 再読み込みに失敗 — 27件の事実を引き続き提供中。（シャード 1）');
    expect(bad?.description).toMatch(/^事実ファイルに2件の問題が見つかりました/);
    expect(bad?.description).toContain('tick-jaxa/facts.yaml:1:5 quote not found');
  });

  it('render reload warnings in Japanese: the count, then the first few in Japanese words', () => {
    const description = renderReloadReport({ ...reloaded, warnings: warnings(9) }, JA).embeds?.[0]?.description ?? '';
    expect(description).toContain('⚠️ **9件の警告**: 再読み込みは止まりませんでしたが、修正をおすすめします。');
    expect(description).toContain(
      'tick-jaxa/sources/notes.txt この出典ファイルは case.yaml に載っていないため、どの事実からも引用できません。case.yaml の sources: に追加する（id:、title:、file: sources/notes.txt）か、ファイルを削除してください。',
    );
    expect(description).toMatch(/tick-jaxa\/facts\.yaml:1 質問「(データは盗まれたのか)+」が事実「leak」と事実「theft」の両方にあります。/);
    expect(description.endsWith('…ほか4件')).toBe(true);
    const statusReply = renderStatus({ ...status, lastReload: { ...reloaded, warnings: warnings(9) }, reloading: false }, JA);
    expect(statusReply.embeds?.[0]?.fields?.find((f) => f.name === '最後の再読み込み')?.value).toMatch(
      /。 ⚠️ 9件の警告（再読み込みの返信に一覧があります/,
    );
  });

  it('render the gaps report in Japanese', () => {
    const [questions, answers] = renderGapsReport(gaps, { days: 7, scope: 'server' }, JA).embeds ?? [];
    expect(questions?.title).toBe('❓ 十分に答えられなかった質問 · 過去7日間');
    expect(questions?.description?.split('\n')[0]).toMatch(
      /^1\. \*\*4回\*\* 「0 データは.*」 — 回答なし3回、部分的1回 · 事件の指定なし · 最終 <t:\d+:R>$/,
    );
    expect(questions?.description).toMatch(/…ほか\d+件$/);
    expect(answers?.description).toMatch(
      /^1\. \*\*👎 2 · 👍 1\*\* 「who found the tick」 · 事実 `a`, `b`, `c` \+1 · `tick-jaxa` · 最終 <t:\d+:R>$/,
    );
    expect(answers?.footer?.text).toMatch(/^このサーバーのみ · 2025-02-01（UTC）以降/);
  });

  it('name the answering case in Japanese, with the Japanese option name', () => {
    expect(caseChoiceLine(choice, 'markdown', JA)).toBe(
      '-# **Harbor ransomware**（質問に最も合う事件）からの回答です。ほかにも結果があります: Tick (1)。`事件:tick-jaxa` を付けるとそちらを表示します。',
    );
    expect(caseChoiceLine(choice, 'markdown')).toBe(
      '-# From **Harbor ransomware** (best match for your question). Also in: Tick (1); add `case:tick-jaxa` to see those.',
    );
  });

  it('answer a ja moderator’s commands in Japanese and any other locale in English', async () => {
    const { log } = captureLog();
    const store = fakeStore();
    const bot = createCaseBot({ store, sessions: new PageSessions(), log, cooldownSeconds: 0, modRoleIds: [], version: '1' });
    const guildId = '333333333333333333';
    expect(bot.handleDefaultCase({ guildId, caseId: 'tick-jaxa', by: 'mod', locale: 'ja' }).content).toMatch(
      /^このサーバーの既定の事件: \*\*The tick and JAXA\*\*（`tick-jaxa`）。/,
    );
    expect(bot.handleDefaultCase({ guildId, caseId: 'nope', by: 'mod', locale: 'ja' }).content).toBe(
      '事件 `nope` はありません。事件の一覧: `tick-jaxa` (The tick and JAXA)。',
    );
    expect(bot.handleDefaultCase({ guildId, caseId: null, by: 'mod', locale: 'fr' }).content).toMatch(
      /^This server has no default case now/,
    );
    const statusReply = bot.handleStatus({ guildId, locale: 'ja' });
    expect(statusReply.embeds?.[0]?.fields?.find((f) => f.name === '既定の事件')?.value).toMatch(/^なし（質問ごとに最も合う事件）/);
    expect((await bot.handleGaps({ guildId, days: 0, locale: 'ja' })).content).toBe(
      '日数 (days) は 1 から 3650 までの整数で指定してください。',
    );
    expect((await bot.handleGaps({ guildId, locale: 'ja' })).content).toBe('未回答の記録はオフです。');
    const reload = await bot.handleReload({ by: 'mod', locale: 'ja' });
    for (const reply of [statusReply, reload]) expect(allText(reply)).toMatch(JAPANESE);
    expect(allText(await bot.handleReload({ by: 'mod', locale: 'en-US' }))).not.toMatch(JAPANESE);
  });
});
