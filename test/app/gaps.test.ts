import { describe, expect, it } from 'vitest';
import { PageSessions } from '../../src/app/page-sessions.js';
import type { Reply } from '../../src/answer/reply.js';
import { markdownToPlain } from '../../src/answer/render-text.js';
import type { Answer } from '../../src/answer/types.js';
import { createCaseBot } from '../../src/app/case-bot.js';
import { createGapFeedback } from '../../src/app/gap-feedback.js';
import { gapKindOf } from '../../src/app/gap-kind.js';
import { offGapStore, openGapStore } from '../../src/gaps/index.js';
import type { LocalGapStore } from '../../src/gaps/types.js';
import { captureLog, fakeStore } from './fake-store.js';
import { tempGapStores } from './temp-gap-stores.js';

const ALICE = '111111111111111111';
const BOB = '222222222222222222';
const GUILD = '333333333333333333';
const OTHER_GUILD = '444444444444444444';

const gapFiles = tempGapStores('casebot-gaps-app-');

/** The gaps file as a process opens it, at the tests' clock (opening prunes by age). */
const reopen = (file: string) => openGapStore(file, { retentionDays: 90, now: new Date(Date.UTC(2025, 2, 2, 12)) });

/** A bot over `store`; `secret` plays PAGING_SECRET (absent: each bot makes its own, as without it). */
function setup(store: LocalGapStore = openGapStore(gapFiles.file(), { retentionDays: 90 }), secret?: string) {
  gapFiles.keep(store);
  let now = Date.UTC(2025, 2, 2, 12);
  const { lines, log } = captureLog();
  const bot = createCaseBot({
    store: fakeStore(),
    sessions: new PageSessions({ now: () => now }),
    log,
    cooldownSeconds: 0,
    modRoleIds: [],
    version: '1',
    clock: () => now,
    ...(secret === undefined ? {} : { pagingSecret: secret }),
    gaps: createGapFeedback({ store, log, later: (work) => work(), ...(secret === undefined ? {} : { secret }) }),
  });
  return { bot, store, lines, advance: (ms: number) => (now += ms) };
}

const ask = (query: string, userId = ALICE, guildId: string | null = GUILD, isPrivate = false) => ({
  query,
  private: isPrivate,
  userId,
  moderator: false,
  interactionId: 'i1',
  guildId,
});

function buttons(reply: Reply): string[] {
  return (reply.components ?? []).flatMap((row) => row.components.flatMap((b) => ('custom_id' in b ? [b.custom_id] : [])));
}
const voteIds = (reply: Reply) => buttons(reply).filter((id) => id.startsWith('case:vote:') || id.startsWith('cv1:'));

function report(store: LocalGapStore, guildId?: string) {
  const result = store.report({
    days: 30,
    limit: 10,
    now: new Date(Date.UTC(2025, 2, 2, 13)),
    ...(guildId === undefined ? {} : { guildId }),
  });
  if (!result.ok) throw new Error(JSON.stringify(result.reason));
  return result.report;
}

describe('gapKindOf', () => {
  const result = (matched: string[]) => ({ id: 'f1', case: 'c', text: 't', score: 1, sources: [], matched });
  const answerOf = (over: Partial<Answer>): Answer => ({ query: 'q', results: [], suggestions: [], unmatched: [], queryTerms: 1, ...over });

  it('calls no fact unanswered, part of the question or meaning alone weak, and a full match no gap', () => {
    expect(gapKindOf(answerOf({}))).toBe('unanswered');
    // An off-topic question is no gap in the facts.
    expect(gapKindOf(answerOf({ offTopic: true }))).toBeNull();
    // A name or an amount no fact gives is a gap: the moderators may know it.
    expect(gapKindOf(answerOf({ wanted: 'name' }))).toBe('unanswered');
    expect(gapKindOf(answerOf({ results: [result(['Kato'])], unmatched: ['statement'] }))).toBe('weak');
    expect(gapKindOf(answerOf({ results: [result([])] }))).toBe('weak');
    expect(gapKindOf(answerOf({ results: [result(['JAXA'])] }))).toBeNull();
    expect(gapKindOf(answerOf({ query: 'c/f1', results: [result([])] }))).toBeNull();
  });
});

describe('knowledge gaps in /case', () => {
  it('records a question nothing answered, with its case and server, and no user id', async () => {
    const { bot, store } = setup();
    expect((await bot.handleCase(ask('Zebra?'))).outcome).toBe('no-match');
    await bot.handleCase(ask('zebra', BOB));
    const { questions } = report(store, GUILD);
    expect(questions).toEqual([expect.objectContaining({ caseId: 'tick-jaxa', query: 'zebra', count: 2, unanswered: 2, weak: 0 })]);
    expect(JSON.stringify(questions)).not.toContain(ALICE);
    expect(report(store, OTHER_GUILD).questions).toEqual([]);
  });

  it('does not record a question the facts answer, and puts 👍 / 👎 under public and private answers', async () => {
    const { bot, store } = setup();
    const publicReply = await bot.handleCase(ask('jaxa'));
    const privateReply = await bot.handleCase(ask('tick', ALICE, GUILD, true));
    expect(report(store).questions).toEqual([]);
    for (const reply of [publicReply, privateReply]) {
      // Signed: the button carries its case and question, so no process has to remember the answer.
      expect(voteIds(reply)).toEqual([expect.stringMatching(/^cv1:[A-Za-z0-9_-]+$/), expect.stringMatching(/^cv1:[A-Za-z0-9_-]+$/)]);
      expect(reply.components?.length).toBeLessThanOrEqual(5);
      for (const id of buttons(reply)) expect(id.length).toBeLessThanOrEqual(100);
    }
  });

  it('keeps the vote row when the asker turns the page', async () => {
    const { bot } = setup();
    const first = await bot.handleCase(ask('jaxa'));
    const more = buttons(first).find((id) => id.startsWith('cp1:')) ?? '';
    const next = await bot.handlePageButton({ customId: more, userId: ALICE });
    expect(next.outcome).toBe('paged');
    expect(voteIds(next)).toEqual(voteIds(first));
  });

  it('keeps one vote per member per answer, the latest, and says when it changed', async () => {
    const { bot, store } = setup();
    const [up = '', down = ''] = voteIds(await bot.handleCase(ask('jaxa')));
    expect(await bot.handleVoteButton({ customId: down, userId: ALICE, guildId: GUILD })).toMatchObject({
      outcome: 'voted',
      ephemeral: true,
      content: 'Thanks — noted.',
    });
    expect((await bot.handleVoteButton({ customId: down, userId: ALICE, guildId: GUILD })).content).toBe('Thanks — noted.');
    expect((await bot.handleVoteButton({ customId: down, userId: BOB, guildId: GUILD })).outcome).toBe('voted');
    expect(report(store, GUILD).answers).toEqual([
      expect.objectContaining({ query: 'jaxa', down: 2, up: 0, factIds: ['f1', 'f2', 'f3', 'f4', 'f5'] }),
    ]);
    expect((await bot.handleVoteButton({ customId: up, userId: ALICE, guildId: GUILD })).content).toBe('Thanks — your vote is now 👍.');
    expect(report(store, GUILD).answers).toEqual([expect.objectContaining({ down: 1, up: 1 })]);
  });

  it('answers a click on a forgotten answer, a broken or tampered id, or one over a day old privately, keeping nothing', async () => {
    const { bot, store, advance } = setup();
    const [up = ''] = voteIds(await bot.handleCase(ask('jaxa')));
    expect(await bot.handleVoteButton({ customId: 'case:vote:nope:up', userId: ALICE })).toMatchObject({
      outcome: 'vote-gone',
      ephemeral: true,
    });
    expect((await bot.handleVoteButton({ customId: 'case:vote:x:sideways', userId: ALICE })).outcome).toBe('vote-gone');
    const tampered = `${up.slice(0, -3)}${up.endsWith('AAA') ? 'BBB' : 'AAA'}`;
    expect((await bot.handleVoteButton({ customId: tampered, userId: ALICE })).outcome).toBe('vote-gone');
    advance(25 * 60 * 60_000);
    expect(await bot.handleVoteButton({ customId: up, userId: ALICE })).toMatchObject({
      outcome: 'vote-expired',
      content: 'This answer is too old to vote on — ask again with `/case` to vote.',
    });
    expect(report(store).answers).toEqual([]);
  });

  it('counts a click made after a restart when PAGING_SECRET is shared, and knows the member voted before', async () => {
    const secret = 's'.repeat(40);
    const file = gapFiles.file();
    const before = setup(reopen(file), secret);
    const [up = '', down = ''] = voteIds(await before.bot.handleCase({ ...ask('jaxa'), guildId: GUILD }));
    expect((await before.bot.handleVoteButton({ customId: down, userId: ALICE, guildId: GUILD })).outcome).toBe('voted');
    before.store.close();

    // A new process (new memory, new paging sessions) on the same file and secret.
    const after = setup(reopen(file), secret);
    expect(await after.bot.handleVoteButton({ customId: up, userId: ALICE, guildId: GUILD })).toMatchObject({
      outcome: 'voted',
      content: 'Thanks — your vote is now 👍.',
    });
    expect((await after.bot.handleVoteButton({ customId: down, userId: BOB, guildId: GUILD })).outcome).toBe('voted');
    // One vote per member: Alice's 👎 became 👍; the facts are found again by the question.
    expect(report(after.store, GUILD).answers).toEqual([
      expect.objectContaining({ query: 'jaxa', down: 1, up: 1, factIds: ['f1', 'f2', 'f3', 'f4', 'f5'] }),
    ]);
  });

  it('without a shared secret, tells a click after a restart that the buttons stopped working, and keeps nothing', async () => {
    const file = gapFiles.file();
    const before = setup(reopen(file));
    const [, down = ''] = voteIds(await before.bot.handleCase(ask('jaxa')));
    before.store.close();
    const after = setup(reopen(file));
    expect(await after.bot.handleVoteButton({ customId: down, userId: ALICE, guildId: GUILD })).toMatchObject({
      outcome: 'vote-gone',
      ephemeral: true,
      content: 'These vote buttons stopped working when the bot restarted — ask again with `/case` to vote.',
    });
    expect(report(after.store).answers).toEqual([]);
  });

  it('keeps a question too long for a signed button in memory: its votes work until a restart', async () => {
    const file = gapFiles.file();
    const long = `jaxa ${'and the launch pad '.repeat(4)}`.trim();
    const before = setup(reopen(file), 's'.repeat(40));
    const [, down = ''] = voteIds(await before.bot.handleCase(ask(long)));
    expect(down).toMatch(/^case:vote:[A-Za-z0-9_-]+:down$/);
    expect((await before.bot.handleVoteButton({ customId: down, userId: ALICE, guildId: GUILD })).outcome).toBe('voted');
    before.store.close();
    const after = setup(reopen(file), 's'.repeat(40));
    expect((await after.bot.handleVoteButton({ customId: down, userId: BOB, guildId: GUILD })).outcome).toBe('vote-gone');
    expect(report(after.store).answers).toEqual([expect.objectContaining({ down: 1 })]);
  });

  it('with gaps off answers exactly as before: no vote buttons, nothing recorded, status says why', async () => {
    const { bot } = setup(offGapStore({ code: 'disabled' }));
    const answered = await bot.handleCase(ask('jaxa'));
    expect(answered.outcome).toBe('answered');
    expect(voteIds(answered)).toEqual([]);
    expect((await bot.handleCase(ask('zebra'))).outcome).toBe('no-match');
    expect(await bot.handleVoteButton({ customId: 'case:vote:abc:up', userId: ALICE })).toMatchObject({
      outcome: 'gaps-off',
      ephemeral: true,
    });
    const gaps = await bot.handleGaps({ guildId: GUILD });
    expect(gaps).toMatchObject({ outcome: 'gaps-off', ephemeral: true, content: 'Knowledge gaps are off: GAPS_DB is set to "off".' });
    const field = bot.handleStatus().embeds?.[0]?.fields?.find((f) => f.name === 'Knowledge gaps');
    expect(markdownToPlain(field?.value ?? '')).toBe('⚪ Knowledge gaps are off: GAPS_DB is set to "off".');
  });

  it('logs a failing store once and still answers', async () => {
    const store = openGapStore(gapFiles.file(), { retentionDays: 90 });
    const { bot, lines } = setup(store);
    store.close();
    expect((await bot.handleCase(ask('zebra'))).outcome).toBe('no-match');
    expect((await bot.handleCase(ask('zebra two'))).outcome).toBe('no-match');
    expect(lines.filter((l) => l.level === 'error')).toHaveLength(0);
    const failing: LocalGapStore = {
      ...offGapStore({ code: 'disabled' }),
      status: () => ({ state: 'on', retentionDays: 90, lastWriteError: { code: 'not-kept', problem: { code: 'disk-full' } } }),
      recordQuestion: () => false,
    };
    const second = setup(failing);
    await second.bot.handleCase(ask('zebra'));
    await second.bot.handleCase(ask('zebra two'));
    expect((await second.bot.handleCase(ask('jaxa'))).outcome).toBe('answered');
    expect(second.lines.filter((l) => l.level === 'error')).toHaveLength(1);
  });

  it('never lets a throwing store cost the answer', async () => {
    const throwing: LocalGapStore = {
      ...offGapStore({ code: 'disabled' }),
      status: () => ({ state: 'on', retentionDays: 90, lastWriteError: null }),
      recordQuestion: () => {
        throw new Error('boom');
      },
    };
    const { bot } = setup(throwing);
    expect((await bot.handleCase(ask('zebra'))).outcome).toBe('no-match');
    expect((await bot.handleCase(ask('jaxa'))).outcome).toBe('answered');
  });
});

describe('/case-admin gaps', () => {
  it('lists this server’s unanswered questions and voted-down answers with counts', async () => {
    const { bot } = setup();
    await bot.handleCase(ask('zebra'));
    await bot.handleCase(ask('zebra', BOB));
    await bot.handleCase(ask('giraffe', ALICE, OTHER_GUILD));
    const [, down = ''] = voteIds(await bot.handleCase(ask('jaxa')));
    await bot.handleVoteButton({ customId: down, userId: BOB, guildId: GUILD });
    const reply = await bot.handleGaps({ guildId: GUILD, days: 7 });
    expect(reply).toMatchObject({ outcome: 'gaps', ephemeral: true });
    const [questions, answers] = reply.embeds ?? [];
    expect(questions?.title).toContain('last 7 days');
    expect(questions?.description).toMatch(/^1\. \*\*2×\*\* “zebra” — 2 no answer · `tick-jaxa` · last <t:\d+:R>$/);
    expect(questions?.description).not.toContain('giraffe');
    expect(answers?.description).toMatch(/^1\. \*\*👎 1 · 👍 0\*\* “jaxa” · facts `f1`, `f2`, `f3` \+2 · `tick-jaxa` · last <t:\d+:R>$/);
  });

  it('filters by case, refuses an unknown case and a bad number of days, and the console sees every server', async () => {
    const { bot } = setup();
    await bot.handleCase(ask('zebra'));
    await bot.handleCase(ask('giraffe', ALICE, OTHER_GUILD));
    await bot.handleCase(ask('okapi', ALICE, null));
    expect((await bot.handleGaps({ guildId: GUILD, caseId: 'tick-jaxa' })).embeds?.[0]?.description).toContain('zebra');
    expect((await bot.handleGaps({ guildId: GUILD, caseId: 'nope' })).content).toBe('No case `nope`; the cases are: `tick-jaxa`.');
    expect((await bot.handleGaps({ guildId: GUILD, days: 0 })).content).toContain('days must be a whole number');
    const all = (await bot.handleGaps({})).embeds?.[0]?.description ?? '';
    expect(['zebra', 'giraffe', 'okapi'].every((q) => all.includes(q))).toBe(true);
  });

  it('shows gaps on in status', () => {
    const { bot } = setup();
    const field = bot.handleStatus().embeds?.[0]?.fields?.find((f) => f.name === 'Knowledge gaps');
    expect(field?.value).toBe('✅ On: questions and votes kept 90 days.');
  });
});
