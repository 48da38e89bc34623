import { Cooldowns } from '../../src/app/cooldowns.js';
import { describe, expect, it } from 'vitest';
import { PageSessions } from '../../src/app/page-sessions.js';
import type { Reply } from '../../src/answer/reply.js';
import { createCaseBot, MAX_QUERY_LENGTH, type CaseBotOptions } from '../../src/app/case-bot.js';
import { createLogger } from '../../src/log.js';
import { enabledButtonIds } from '../answer/fixtures.js';
import { captureLog, fakeStore, type FakeStoreOptions } from './fake-store.js';

const ALICE = '111111111111111111';
const BOB = '222222222222222222';

function setup({ store: storeOptions, ...overrides }: Partial<Omit<CaseBotOptions, 'store'>> & { store?: FakeStoreOptions } = {}) {
  let now = 1_000_000;
  const { lines, log } = captureLog();
  const store = fakeStore(storeOptions);
  const sessions = new PageSessions({ ttlMs: 60_000, now: () => now });
  const bot = createCaseBot({
    store,
    sessions,
    log,
    cooldownSeconds: 5,
    modRoleIds: [],
    version: '9.9.9',
    clock: () => now,
    ...overrides,
  });
  return { bot, store, lines, advance: (ms: number) => (now += ms) };
}

const ask = (query: string, userId = ALICE, isPrivate = false, moderator = false) => ({
  query,
  private: isPrivate,
  userId,
  moderator,
  interactionId: 'i1',
});

/** The fact ids an answer shows in its footers (only a moderator's private answer has them). */
function footerIds(reply: Reply): (string | undefined)[] {
  return (reply.embeds ?? []).map((e) => e.footer?.text);
}

describe('handleCase', () => {
  it('answers publicly with the first page and paging buttons', async () => {
    const { bot } = setup();
    const reply = await bot.handleCase(ask('jaxa'));
    expect(reply.outcome).toBe('answered');
    expect(reply.ephemeral).toBe(false);
    expect(reply.embeds).toHaveLength(4);
    // Signed: the button carries the page state itself (src/answer/paging-token.ts).
    expect(enabledButtonIds(reply)).toEqual([expect.stringMatching(/^cp1:[A-Za-z0-9_-]+$/)]);
  });

  it('answers privately when asked', async () => {
    const { bot } = setup();
    const reply = await bot.handleCase(ask('jaxa', ALICE, true));
    expect(reply.outcome).toBe('answered');
    expect(reply.ephemeral).toBe(true);
  });

  it('shows fact ids only in a moderator’s private answer, on every page of it', async () => {
    const { bot } = setup();
    expect(footerIds(await bot.handleCase(ask('jaxa', ALICE, false, true)))).toEqual([undefined, undefined, undefined, undefined]);
    expect(footerIds(await bot.handleCase(ask('jaxa', BOB, true, false)))).toEqual([undefined, undefined, undefined, undefined]);
    const mod = await bot.handleCase(ask('jaxa', 'mod-1', true, true));
    expect(footerIds(mod).every((t) => t?.startsWith('Case tick-jaxa · Fact '))).toBe(true);
    const next = await bot.handlePageButton({ customId: enabledButtonIds(mod)[0] ?? '', userId: 'mod-1' });
    expect(next.outcome).toBe('paged');
    expect(footerIds(next).every((t) => t?.startsWith('Case tick-jaxa · Fact '))).toBe(true);
  });

  it('says so, privately, when nothing matches', async () => {
    const { bot } = setup();
    const reply = await bot.handleCase(ask('zebra'));
    expect(reply).toMatchObject({ outcome: 'no-match', ephemeral: true });
    expect(reply.content).toContain('jaxa');
  });

  it(`refuses queries over ${MAX_QUERY_LENGTH} characters`, async () => {
    const { bot } = setup();
    expect((await bot.handleCase(ask('j'.repeat(MAX_QUERY_LENGTH)))).outcome).toBe('no-match');
    const reply = await bot.handleCase(ask('j'.repeat(MAX_QUERY_LENGTH + 1), BOB));
    expect(reply).toMatchObject({ outcome: 'query-too-long', ephemeral: true });
    expect(reply.content).toContain(String(MAX_QUERY_LENGTH));
  });

  it('within the cooldown still answers, privately, and only public answers start it', async () => {
    const { bot, advance } = setup();
    expect(await bot.answersPrivately(ALICE)).toBe(false);
    expect((await bot.handleCase(ask('jaxa'))).outcome).toBe('answered');
    expect(await bot.answersPrivately(ALICE)).toBe(true);
    const cooled = await bot.handleCase(ask('tick'));
    expect(cooled).toMatchObject({ outcome: 'cooldown', ephemeral: true });
    // The answer itself, not a "you're going too fast".
    expect(cooled.embeds?.map((e) => e.description ?? '').join(' ')).toMatch(/tick/i);
    expect(cooled.content).toContain('Only you see this answer');
    expect(cooled.content).toContain('5 seconds');
    // Private answers and other users are not held back.
    expect((await bot.handleCase(ask('tick', ALICE, true))).outcome).toBe('answered');
    expect((await bot.handleCase(ask('tick', BOB))).outcome).toBe('answered');
    advance(3_500);
    expect((await bot.handleCase(ask('tick'))).content).toContain('2 seconds');
    advance(1_500);
    expect((await bot.handleCase(ask('tick'))).outcome).toBe('answered');
  });

  it('does not start a cooldown for replies nobody else sees', async () => {
    const { bot } = setup();
    await bot.handleCase(ask('zebra'));
    await bot.handleCase(ask('jaxa', ALICE, true));
    expect((await bot.handleCase(ask('jaxa'))).outcome).toBe('answered');
  });

  it('keeps cooldowns where it is told, so bots sharing a store (replicas sharing Redis) share them', async () => {
    const shared = new Cooldowns(5);
    const replicaA = setup({ cooldowns: shared }).bot;
    const replicaB = setup({ cooldowns: shared }).bot;
    expect((await replicaA.handleCase(ask('jaxa'))).outcome).toBe('answered');
    expect(await replicaB.answersPrivately(ALICE)).toBe(true);
    expect(await replicaB.handleCase(ask('tick'))).toMatchObject({ outcome: 'cooldown', ephemeral: true });
    // A no-match on B gives its claim back: Bob's next public answer on A is not held.
    await replicaB.handleCase(ask('zebra', BOB));
    expect((await replicaA.handleCase(ask('jaxa', BOB))).outcome).toBe('answered');
  });

  it('has no cooldown when set to 0', async () => {
    const { bot } = setup({ cooldownSeconds: 0 });
    expect((await bot.handleCase(ask('jaxa'))).outcome).toBe('answered');
    expect((await bot.handleCase(ask('jaxa'))).outcome).toBe('answered');
  });

  it('apologises with a reference id that is in the log line', async () => {
    const { bot, lines } = setup({ store: { searchThrows: new Error('index exploded') } });
    const reply = await bot.handleCase(ask('jaxa'));
    expect(reply.outcome).toBe('error');
    expect(reply.ephemeral).toBe(true);
    const ref = reply.referenceId ?? '';
    expect(ref).toMatch(/^[0-9a-f]{8}$/);
    expect(reply.content).toContain(ref);
    expect(reply.content).not.toContain('index exploded');
    const logged = lines.find((l) => l.level === 'error');
    expect(logged?.obj).toMatchObject({ refId: ref, command: 'case', interactionId: 'i1', userId: ALICE });
    expect(logged?.obj.err).toBeInstanceOf(Error);
  });

  it('puts the same reference id in the real logger output', async () => {
    const output: string[] = [];
    const log = createLogger({ level: 'info', pretty: false, destination: { write: (l) => output.push(l) } });
    const { bot } = setup({ log, store: { searchThrows: new Error('boom') } });
    const reply = await bot.handleCase(ask('jaxa'));
    const line = JSON.parse(output.join(''));
    expect(line).toMatchObject({ level: 50, refId: reply.referenceId, msg: 'command failed' });
    expect(line.err.message).toBe('boom');
  });
});

describe('handlePageButton', () => {
  async function firstAnswer() {
    const ctx = setup();
    const reply = await ctx.bot.handleCase(ask('jaxa'));
    const next = enabledButtonIds(reply)[0] ?? '';
    return { ...ctx, next };
  }

  it('turns the page in place for the asker', async () => {
    const { bot, next } = await firstAnswer();
    const page = await bot.handlePageButton({ customId: next, userId: ALICE });
    expect(page).toMatchObject({ outcome: 'paged', update: true });
    expect(page.content).toMatch(/Results 5 of 5/);
    expect(enabledButtonIds(page)).toEqual([expect.stringMatching(/^cp1:/)]);
    expect(enabledButtonIds(page)[0]).not.toBe(next);
  });

  it('refuses a stranger privately without touching the message', async () => {
    const { bot, next } = await firstAnswer();
    expect(await bot.handlePageButton({ customId: next, userId: BOB })).toMatchObject({
      outcome: 'paging-refused',
      update: false,
      ephemeral: true,
    });
  });

  it('says the buttons expired after the session timed out', async () => {
    const { bot, next, advance } = await firstAnswer();
    advance(61_000);
    expect(await bot.handlePageButton({ customId: next, userId: ALICE })).toMatchObject({
      outcome: 'paging-expired',
      update: false,
      ephemeral: true,
    });
  });

  it('treats unknown sessions and garbage ids as expired', async () => {
    const { bot } = setup();
    expect((await bot.handlePageButton({ customId: 'case:page:nosuch:1', userId: ALICE })).outcome).toBe('paging-expired');
    expect((await bot.handlePageButton({ customId: 'case:page:../x:1e9', userId: ALICE })).outcome).toBe('paging-expired');
  });
});

describe('signed paging across processes', () => {
  const SECRET = 'shared-secret-of-at-least-32-chars!';
  /** Two separate bots (each with its own sessions), as two replicas behind a load balancer. */
  function replicas(secretB = SECRET) {
    let now = 1_000_000;
    const make = (pagingSecret: string) =>
      createCaseBot({
        store: fakeStore(),
        sessions: new PageSessions({ ttlMs: 60_000, now: () => now }),
        log: captureLog().log,
        cooldownSeconds: 0,
        modRoleIds: [],
        version: '1',
        clock: () => now,
        pagingSecret,
      });
    return { a: make(SECRET), b: make(secretB), advance: (ms: number) => (now += ms) };
  }
  const flip = (id: string) => `${id.slice(0, 10)}${id[10] === 'A' ? 'B' : 'A'}${id.slice(11)}`;

  it('turns on one replica the page answered by another, for the asker only', async () => {
    const { a, b } = replicas();
    const next = enabledButtonIds(await a.handleCase(ask('jaxa')))[0] ?? '';
    const page = await b.handlePageButton({ customId: next, userId: ALICE });
    expect(page).toMatchObject({ outcome: 'paged', update: true });
    expect(page.content).toMatch(/Results 5 of 5/);
    const back = enabledButtonIds(page)[0] ?? '';
    expect((await a.handlePageButton({ customId: back, userId: ALICE })).content).toMatch(/Results 1–4 of 5/);
    expect(await b.handlePageButton({ customId: next, userId: BOB })).toMatchObject({
      outcome: 'paging-refused',
      update: false,
      ephemeral: true,
    });
  });

  it('keeps a moderator’s private answer showing ids on the other replica', async () => {
    const { a, b } = replicas();
    const next = enabledButtonIds(await a.handleCase(ask('jaxa', ALICE, true, true)))[0] ?? '';
    expect(footerIds(await b.handlePageButton({ customId: next, userId: ALICE }))).toEqual([expect.stringMatching(/f5/)]);
  });

  it('says expired for another secret, a tampered id, and after the expiry', async () => {
    const other = replicas('another-secret-of-at-least-32-chars');
    const next = enabledButtonIds(await other.a.handleCase(ask('jaxa')))[0] ?? '';
    expect(await other.b.handlePageButton({ customId: next, userId: ALICE })).toMatchObject({
      outcome: 'paging-expired',
      update: false,
      ephemeral: true,
    });
    const { a, b, advance } = replicas();
    const signed = enabledButtonIds(await a.handleCase(ask('jaxa')))[0] ?? '';
    expect((await b.handlePageButton({ customId: flip(signed), userId: ALICE })).outcome).toBe('paging-expired');
    advance(59_000);
    expect((await b.handlePageButton({ customId: signed, userId: ALICE })).outcome).toBe('paged');
    advance(1_000);
    expect((await b.handlePageButton({ customId: signed, userId: ALICE })).outcome).toBe('paging-expired');
  });

  it('keeps a question too long for a signed button in the answering process, as before', async () => {
    const { a, b } = replicas();
    const long = `jaxa ${'tick '.repeat(12)}`.trim();
    const next = enabledButtonIds(await a.handleCase(ask(long)))[0] ?? '';
    expect(next).toMatch(/^case:page:[A-Za-z0-9_-]+:1$/);
    expect((await a.handlePageButton({ customId: next, userId: ALICE })).outcome).toBe('paged');
    expect((await b.handlePageButton({ customId: next, userId: ALICE })).outcome).toBe('paging-expired');
  });
});

describe('handleAutocomplete', () => {
  it('returns the index’s suggestions', () => {
    const { bot } = setup();
    expect(bot.handleAutocomplete({ input: 'ja', userId: ALICE })).toEqual([{ name: 'ja…', value: 'ja', kind: 'term' }]);
  });
});

describe('handleReload', () => {
  it('reports a successful reload and who did it', async () => {
    const { bot, store } = setup();
    const reply = await bot.handleReload({ by: 'mod (1)' });
    expect(reply).toMatchObject({ outcome: 'reloaded', ephemeral: true });
    expect(store.reloads).toEqual(['mod (1)']);
    expect(JSON.stringify(reply.embeds)).toMatch(/reloaded/i);
  });

  it('reports a failed reload with the errors and the facts still served', async () => {
    const { bot } = setup({
      store: {
        reload: async (by) => ({
          ok: false,
          at: new Date(0),
          by,
          durationMs: 2,
          errors: [{ file: 'tick-jaxa/facts.yaml', line: 4, column: 3, message: 'quote not found in source "report"' }],
          servingFacts: 5,
        }),
      },
    });
    const reply = await bot.handleReload({ by: 'mod' });
    expect(reply.outcome).toBe('reload-failed');
    const text = JSON.stringify(reply);
    expect(text).toContain('tick-jaxa/facts.yaml:4:3');
    expect(text).toMatch(/5 facts/);
  });

  it('apologises with a reference id when the reload throws', async () => {
    const { bot, lines } = setup({ store: { reload: () => Promise.reject(new Error('disk on fire')) } });
    const reply = await bot.handleReload({ by: 'mod' });
    expect(reply.outcome).toBe('error');
    expect(reply.content).toContain(reply.referenceId);
    expect(lines.find((l) => l.level === 'error')?.obj.refId).toBe(reply.referenceId);
  });
});

describe('handleStatus', () => {
  it('shows facts, version and uptime', () => {
    const { bot, advance } = setup();
    advance(90_000);
    const reply = bot.handleStatus();
    expect(reply).toMatchObject({ outcome: 'status', ephemeral: true });
    const text = JSON.stringify(reply);
    expect(text).toContain('9.9.9');
    expect(text).toContain('5');
  });
});

describe('mayAdminister', () => {
  it('uses the configured moderator roles', () => {
    const { bot } = setup({ modRoleIds: ['333333333333333333'] });
    expect(bot.mayAdminister({ permissions: 0n, roleIds: ['333333333333333333'] })).toBe(true);
    expect(bot.mayAdminister({ permissions: 0n, roleIds: [] })).toBe(false);
  });
});
