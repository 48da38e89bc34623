/**
 * `/case` over two cases (test/fixtures/facts/two-cases, a made-up harbor case beside tick-jaxa),
 * through the real store and index: an answer never mixes cases.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerInCase } from '../../src/answer/answer-in-case.js';
import { PageSessions } from '../../src/app/page-sessions.js';
import type { Reply } from '../../src/answer/reply.js';
import { markdownToPlain } from '../../src/answer/render-text.js';
import { createCaseBot } from '../../src/app/case-bot.js';
import { renderReloadReport } from '../../src/app/render-admin.js';
import { allowedMentionsFor } from '../../src/bot/respond.js';
import { openServerSettings } from '../../src/settings/server-settings.js';
import { FactStore } from '../../src/store/fact-store.js';
import { captureLog } from './fake-store.js';

const TWO_CASES = fileURLToPath(new URL('../fixtures/facts/two-cases', import.meta.url));
const GUILD = '1100000000000000000';
const ALICE = '111111111111111111';
const BOB = '222222222222222222';

let store: FactStore;
let dir: string;
beforeAll(async () => {
  store = await FactStore.open(TWO_CASES, captureLog().log);
  dir = mkdtempSync(path.join(tmpdir(), 'casebot-cases-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function setup(cooldownSeconds = 0) {
  const settings = openServerSettings(path.join(dir, `${Math.random().toString(36).slice(2)}.sqlite`));
  const bot = createCaseBot({
    store,
    sessions: new PageSessions(),
    log: captureLog().log,
    cooldownSeconds,
    modRoleIds: [],
    version: '1',
    settings,
  });
  return { bot, settings };
}

const ask = (query: string, more: { caseId?: string; mentionUserId?: string; private?: boolean; userId?: string } = {}) => ({
  query,
  private: more.private ?? false,
  userId: more.userId ?? ALICE,
  moderator: false,
  interactionId: 'i1',
  guildId: GUILD,
  caseId: more.caseId,
  mentionUserId: more.mentionUserId,
});

/** What a member reads, markdown taken out. */
const text = (reply: Reply): string =>
  markdownToPlain([reply.content ?? '', ...(reply.embeds ?? []).map((e) => `${e.author?.name ?? ''} ${e.description ?? ''}`)].join('\n'));

describe('answers from one case at a time', () => {
  it('without a case or default: answers from the best-matching case, names it and the other one, never mixes', async () => {
    const { bot } = setup();
    const reply = await bot.handleCase(ask('was data stolen'));
    expect(reply.outcome).toBe('answered');
    expect(text(reply)).toContain('No personal data of port workers was stolen');
    expect(text(reply)).not.toContain('Kato');
    expect(reply.content).toContain('From **Harbor ransomware \\(test fixture\\)** (best match for your question)');
    expect(reply.content).toMatch(/Also in: The “Tick” cyberattacks.* \(1\); add `case:tick-jaxa` to see those\./);
  });

  it('with the server default case set: answers from it, and says so', async () => {
    const { bot } = setup();
    expect(bot.handleDefaultCase({ guildId: GUILD, caseId: 'tick-jaxa', by: 'mod' })).toMatchObject({
      outcome: 'default-case-set',
      ephemeral: true,
    });
    const reply = await bot.handleCase(ask('was data stolen'));
    expect(text(reply)).toContain('Kato noted that police did not detect a data leak');
    expect(text(reply)).not.toContain('port workers');
    expect(reply.content).toContain("(this server's default case)");
    // Another server keeps the best-match rule.
    expect(text(await bot.handleCase({ ...ask('was data stolen'), guildId: '1200000000000000000' }))).toContain('port workers');
  });

  it('case: wins over the default; an unknown case is refused with the list', async () => {
    const { bot } = setup();
    bot.handleDefaultCase({ guildId: GUILD, caseId: 'tick-jaxa', by: 'mod' });
    const reply = await bot.handleCase(ask('was data stolen', { caseId: 'harbor-ransomware' }));
    expect(text(reply)).toContain('port workers');
    expect(text(reply)).not.toContain('Kato');
    const unknown = await bot.handleCase(ask('was data stolen', { caseId: 'nope' }));
    expect(unknown).toMatchObject({ outcome: 'unknown-case', ephemeral: true });
    expect(unknown.content).toContain('`harbor-ransomware`');
    expect(bot.handleDefaultCase({ guildId: GUILD, caseId: 'nope', by: 'mod' }).outcome).toBe('unknown-case');
  });

  it('the case option autocompletes titles and ids', () => {
    const { bot } = setup();
    expect(
      bot
        .handleCaseAutocomplete({ input: '' })
        .map((c) => c.value)
        .sort(),
    ).toEqual(['harbor-ransomware', 'tick-jaxa']);
    expect(bot.handleCaseAutocomplete({ input: 'harb' })).toEqual([
      { name: 'Harbor ransomware (test fixture) (harbor-ransomware)', value: 'harbor-ransomware', kind: 'term' },
    ]);
    expect(bot.handleCaseAutocomplete({ input: 'JAXA' }).map((c) => c.value)).toEqual(['tick-jaxa']);
    expect(bot.handleCaseAutocomplete({ input: 'zzz' })).toEqual([]);
  });

  it('answerInCase: with one case asked the rule is the same for every front end', () => {
    const index = store.current().index;
    const best = answerInCase(index, 'was data stolen');
    expect(best.ok && best.choice).toMatchObject({
      caseId: 'harbor-ransomware',
      how: 'best-match',
      others: [{ caseId: 'tick-jaxa', results: 1 }],
    });
    expect(best.ok && new Set(best.answer.results.map((r) => r.case))).toEqual(new Set(['harbor-ransomware']));
    const asked = answerInCase(index, 'was data stolen', { caseId: 'tick-jaxa', defaultCaseId: 'harbor-ransomware' });
    expect(asked.ok && asked.choice?.how).toBe('asked');
    expect(answerInCase(index, 'qwertyuiop zxcv')).toMatchObject({ ok: true, choice: null });
    expect(answerInCase(index, 'x', { caseId: 'nope' })).toMatchObject({ ok: false, unknownCase: 'nope' });
  });

  it('status and reload count facts per case', async () => {
    const { bot } = setup();
    const status = bot.handleStatus({ guildId: GUILD });
    const fields = Object.fromEntries((status.embeds?.[0]?.fields ?? []).map((f) => [f.name, f.value]));
    expect(fields['Facts per case']).toBe('`harbor-ransomware` 5 · `tick-jaxa` 27');
    expect(fields['Default case']).toContain('None');
    const report = await store.reload('test');
    expect(report.ok && report.factsByCase).toEqual([
      { id: 'harbor-ransomware', facts: 5 },
      { id: 'tick-jaxa', facts: 27 },
    ]);
    expect(renderReloadReport(report).embeds?.[0]?.description).toContain('`harbor-ransomware` 5 · `tick-jaxa` 27');
  });
});

describe('mention', () => {
  it('addresses the public answer to the user and lets only them be pinged, whatever the facts say', async () => {
    const { bot } = setup();
    const reply = await bot.handleCase(ask('ransom note @everyone <@&1100000000000000555> <@1100000000000000777>', { mentionUserId: BOB }));
    expect(reply.outcome).toBe('answered');
    expect(reply.content?.startsWith(`<@${BOB}>, `)).toBe(true);
    expect(reply.mentionUserId).toBe(BOB);
    // The fact quoting @everyone, a role and another user is there, neutralised, and cannot ping.
    expect(text(reply)).toContain('ransom note');
    const raw = [reply.content ?? '', ...(reply.embeds ?? []).map((e) => e.description ?? '')].join('\n');
    expect(raw).toContain('@\u200beveryone');
    expect(raw).not.toMatch(/(^|[^\u200b])@everyone/);
    expect(allowedMentionsFor(reply)).toEqual({ parse: [], users: [BOB] });
  });

  it('is ignored on private answers and on anything but a user id', async () => {
    const { bot } = setup();
    const privateReply = await bot.handleCase(ask('ransom', { mentionUserId: BOB, private: true }));
    expect(privateReply.content).not.toContain(`<@${BOB}>`);
    expect(allowedMentionsFor(privateReply)).toEqual({ parse: [] });
    const bogus = await bot.handleCase(ask('ransom', { mentionUserId: '@everyone' }));
    expect(bogus.mentionUserId).toBeUndefined();
    expect(allowedMentionsFor({ ...bogus, mentionUserId: '<@&1>' })).toEqual({ parse: [] });
  });

  it('within the cooldown the answer comes privately, so nobody is pinged', async () => {
    const { bot } = setup(30);
    await bot.handleCase(ask('ransom'));
    const again = await bot.handleCase(ask('ransom', { mentionUserId: BOB }));
    expect(again).toMatchObject({ outcome: 'cooldown', ephemeral: true });
    expect(again.embeds?.length).toBeGreaterThan(0);
    expect(allowedMentionsFor(again)).toEqual({ parse: [] });
  });
});
