/**
 * casebot under Discord faults, against the local fake: gateway drops and resumes, 429s and 500s on
 * callbacks and edits, DMs, unknown commands and buttons, deferral of slow work, and reloads under
 * load (no lost, doubled or half-loaded answers).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InteractionResponseType, MessageFlags, PermissionFlagsBits } from 'discord-api-types/v10';
import { PageSessions } from '../../src/app/page-sessions.js';
import type { CaseStore } from '../../src/app/case-bot.js';
import type { FactStore } from '../../src/store/fact-store.js';
import { button, chatInput, interactionToken, MEMBER_PERMISSIONS } from './fake-discord/index.js';
import { isRecord } from './fake-discord/util.js';
import {
  customIdsOf,
  dataOf,
  embedsOf,
  factIdsOf,
  passagesOf,
  sleep,
  startHarness,
  typeOf,
  type BotHarness,
} from './helpers/bot-harness.js';

const USER = { id: '200000000000000011', username: 'asker' };
const MODERATOR_PERMISSIONS = MEMBER_PERMISSIONS | PermissionFlagsBits.ManageGuild;
const INTERACTION_TOKEN_PREFIX = interactionToken().slice(0, 16);
/** Added to every reload while the test that wants slowness is running. */
let reloadDelayMs = 0;

/** The store, with a reload that can be made slow (a big folder, a slow disk). */
function slowReloads(store: FactStore): CaseStore {
  return {
    current: () => store.current(),
    status: () => store.status(),
    async reload(by) {
      if (reloadDelayMs > 0) await sleep(reloadDelayMs);
      return store.reload(by);
    },
  };
}

describe('casebot under Discord faults', () => {
  let h: BotHarness;

  beforeAll(async () => {
    h = await startHarness({
      logLevel: 'debug',
      heartbeatIntervalMs: 500,
      wrapStore: slowReloads,
      sessions: new PageSessions({ ttlMs: 400 }),
    });
  });

  afterAll(async () => {
    await h?.close();
  });

  const caseCommand = (query: string, extra: { guild?: boolean; private?: boolean; userId?: string } = {}) =>
    chatInput({
      name: 'case',
      ...(extra.guild === false ? {} : { guildId: h.guildId }),
      user: { ...USER, ...(extra.userId === undefined ? {} : { id: extra.userId }) },
      options: extra.private === undefined ? { query } : { query, private: extra.private },
    });

  const reloadCommand = () =>
    chatInput({ name: 'case-admin', subcommand: 'reload', guildId: h.guildId, user: USER, permissions: MODERATOR_PERMISSIONS });

  const expectAnswer = (body: unknown): void => {
    expect(typeOf(body)).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(factIdsOf(dataOf(body)).length).toBeGreaterThan(0);
  };

  describe('gateway', () => {
    it('resumes after a 4000 close and still answers /case', async () => {
      const identifies = h.fake.identifies.length;
      h.fake.closeGateway(4000);
      const [resume] = await h.fake.waitForResume(1);
      expect(resume).toMatchObject({ accepted: true });
      const { callback } = await h.send(caseCommand('jaxa'));
      expectAnswer(callback.body);
      expect(h.fake.identifies).toHaveLength(identifies);
      expect(h.lines().some((line) => line.msg === 'gateway reconnecting')).toBe(true);
      await expect.poll(() => h.lines().some((line) => line.msg === 'gateway resumed')).toBe(true);
    });

    it('resumes after an abnormal drop (1006) and still answers /case', async () => {
      h.fake.closeGateway(1006);
      await h.fake.waitForResume(2);
      const { callback } = await h.send(caseCommand('tick'));
      expectAnswer(callback.body);
      await expect.poll(() => h.lines().filter((line) => line.msg === 'gateway resumed').length).toBeGreaterThanOrEqual(2);
    });
  });

  describe('REST', () => {
    it('waits out a 429 on the interaction callback and the reply still arrives', async () => {
      h.fake.failNext('POST /interactions/', { status: 429, retryAfter: 0.2 });
      const { id, callback } = await h.send(caseCommand('jaxa'));
      expectAnswer(callback.body);
      expect(h.fake.callbacksFor(id).map((c) => c.status)).toEqual([429, 204]);
      expect(await h.interactionLine(id)).toMatchObject({ outcome: 'answered' });
    });

    it('logs a callback that keeps failing with 500, apologises with a matching reference, and keeps answering', async () => {
      // discord.js tries a 5xx four times in all; the fifth request (the apology) goes through.
      h.fake.failNext('POST /interactions/', { status: 500, times: 4 });
      const { id, callback } = await h.send(caseCommand('jaxa'), 10_000);
      expect(h.fake.callbacksFor(id).map((c) => c.status)).toEqual([500, 500, 500, 500, 204]);
      const line = await h.interactionLine(id);
      expect(line).toMatchObject({ outcome: 'error', refId: expect.any(String) });
      const failure = h.lines().find((l) => l.msg === 'interaction failed' && l['interactionId'] === id);
      expect(failure?.['refId']).toBe(line['refId']);
      expect(dataOf(callback.body)).toMatchObject({
        flags: MessageFlags.Ephemeral,
        content: expect.stringContaining(String(line['refId'])),
      });

      const next = await h.send(caseCommand('wang'));
      expectAnswer(next.callback.body);
    });

    it('logs an edit that keeps failing with 500 and keeps answering', async () => {
      h.fake.failNext(/^PATCH \/webhooks\//, { status: 500, times: 4 });
      const { id, callback } = await h.send(reloadCommand());
      expect(typeOf(callback.body)).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
      const line = await h.interactionLine(id);
      expect(line).toMatchObject({ outcome: 'error', refId: expect.any(String) });
      expect(h.fake.webhookRequestsFor(id).map((r) => r.status)).toEqual([500, 500, 500, 500, 200]);
      expect(h.fake.originalMessage(id)?.content).toContain(String(line['refId']));

      const next = await h.send(caseCommand('kato'));
      expectAnswer(next.callback.body);
    });
  });

  describe('where and what', () => {
    it('answers /case in a DM, and refuses /case-admin there politely', async () => {
      const dm = await h.send(caseCommand('jaxa', { guild: false }));
      expectAnswer(dm.callback.body);
      expect(await h.interactionLine(dm.id)).toMatchObject({ guildId: null, outcome: 'answered' });

      const adminDm = await h.send(chatInput({ name: 'case-admin', subcommand: 'status', user: USER }));
      expect(typeOf(adminDm.callback.body)).toBe(InteractionResponseType.ChannelMessageWithSource);
      expect(dataOf(adminDm.callback.body)).toMatchObject({
        flags: MessageFlags.Ephemeral,
        content: expect.stringMatching(/only inside a server/),
      });
      expect(await h.interactionLine(adminDm.id)).toMatchObject({ outcome: 'refused' });
    });

    it('answers an unknown command with a private "Unknown command."', async () => {
      const { id, callback } = await h.send(chatInput({ name: 'no-such-command', guildId: h.guildId, user: USER }));
      expect(typeOf(callback.body)).toBe(InteractionResponseType.ChannelMessageWithSource);
      expect(dataOf(callback.body)).toMatchObject({ flags: MessageFlags.Ephemeral, content: 'Unknown command.' });
      expect(await h.interactionLine(id)).toMatchObject({ command: 'no-such-command', outcome: 'unknown-command' });
    });

    it('answers unknown and stale buttons with a private note', async () => {
      const other = await h.send(button({ customId: 'poll:vote:3', guildId: h.guildId, user: USER }));
      expect(dataOf(other.callback.body)).toMatchObject({
        flags: MessageFlags.Ephemeral,
        content: expect.stringMatching(/no longer in use/),
      });
      expect(await h.interactionLine(other.id)).toMatchObject({ outcome: 'unknown-button' });

      const asked = await h.send(caseCommand('jaxa'));
      const more = customIdsOf(dataOf(asked.callback.body)).find((b) => b.label === 'More ▶')?.customId ?? '';
      expect(more).toMatch(/^cp1:/);
      await sleep(1_500); // the sessions of this bot live 400 ms; signed buttons carry expiry in whole seconds, rounded up
      const stale = await h.send(button({ customId: more, guildId: h.guildId, user: USER }));
      expect(typeOf(stale.callback.body)).toBe(InteractionResponseType.ChannelMessageWithSource);
      expect(dataOf(stale.callback.body)).toMatchObject({ flags: MessageFlags.Ephemeral, content: expect.stringMatching(/expired/) });
      expect(h.fake.webhookRequestsFor(stale.id)).toEqual([]);
    });
  });

  it('defers a slow reload at once, then edits the reply when it is done', async () => {
    reloadDelayMs = 1500;
    try {
      const started = Date.now();
      const { id, token, callback } = await h.send(reloadCommand());
      expect(Date.now() - started).toBeLessThan(1200); // long before the 1.5 s reload ends
      expect(typeOf(callback.body)).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
      expect(dataOf(callback.body)['flags']).toBe(MessageFlags.Ephemeral);
      const edit = await h.fake.waitForRequest(`PATCH /webhooks/${h.fake.applicationId}/${token}/messages/@original`);
      expect(edit.seq).toBeGreaterThan(callback.seq);
      expect(edit.at - callback.at).toBeGreaterThanOrEqual(1400);
      expect(embedsOf(isRecord(edit.body) ? edit.body : {})[0]?.['title']).toBe('✅ Facts reloaded');
      expect(await h.interactionLine(id)).toMatchObject({ outcome: 'reloaded', deferred: true });
    } finally {
      reloadDelayMs = 0;
    }
  });

  it('answers 500 /case interactions exactly once each, from a whole fact set, while 10 reloads run', { timeout: 60_000 }, async () => {
    await h.restoreFacts();
    // Reload i renames every fact id with a suffix and starts every fact text with a word naming its
    // version (members' answers show texts, not ids); odd ones also break a quote, so they must be refused.
    const plans = Array.from({ length: 10 }, (_, i) => ({
      suffix: i % 2 === 0 ? `-v${i}` : `-b${i}`,
      marker: `Edition${i}`,
      broken: i % 2 === 1,
    }));
    const valid: string[] = ['', ...plans.filter((p) => !p.broken).map((p) => p.marker)];
    const versionOf = (message: Record<string, unknown>): number => {
      const markers = new Set(passagesOf(message).map((passage) => /^Edition\d+ /.exec(passage)?.[0].trim() ?? ''));
      return markers.size === 1 ? valid.indexOf([...markers][0] ?? '-') : -1;
    };
    const queries = ['jaxa', 'wang', 'tick', 'kato', 'software', 'pla', 'police', 'china'];
    const answered: string[] = [];
    const batches = 10;
    const perBatch = 50;

    const reload = async (plan: (typeof plans)[number]): Promise<void> => {
      await h.restoreFacts();
      await h.editFacts((text) => {
        const renamed = text
          .replace(/^ {2}- id: (\S+)$/gm, `  - id: $1${plan.suffix}`)
          .replace(/^( {4}text: >-\n {6})/gm, `$1${plan.marker} `);
        return plan.broken
          ? renamed.replace('The seller who dealt with Wang reportedly', 'The buyer who dealt with Wang reportedly')
          : renamed;
      });
      const { token, callback } = await h.send(reloadCommand());
      expect(typeOf(callback.body)).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
      const edit = await h.fake.waitForRequest(`PATCH /webhooks/${h.fake.applicationId}/${token}/messages/@original`, 20_000);
      const title = String(embedsOf(isRecord(edit.body) ? edit.body : {})[0]?.['title']);
      expect(title).toMatch(plan.broken ? /^❌ Reload failed/ : /^✅ Facts reloaded/);
    };

    for (let batch = 0; batch < batches; batch += 1) {
      const plan = plans[batch];
      const reloading = plan === undefined ? Promise.resolve() : reload(plan);
      const sent = await Promise.all(
        Array.from({ length: perBatch }, (_, i) =>
          h.fake.sendInteraction(
            caseCommand(queries[i % queries.length] ?? 'jaxa', {
              userId: `2100000000000${String(batch * perBatch + i).padStart(5, '0')}`,
              private: i % 3 === 0,
            }),
          ),
        ),
      );
      await expect
        .poll(() => sent.filter(({ id }) => (h.fake.interactions.get(id)?.ackType ?? null) === null).length, {
          timeout: 20_000,
          interval: 20,
        })
        .toBe(0);
      await reloading;
      answered.push(...sent.map(({ id }) => id));
    }

    expect(answered).toHaveLength(batches * perBatch);
    await h.interactionLine(answered.at(-1) ?? '');
    await sleep(50); // the last lines of the batch are written just after their replies
    const logged = new Map<unknown, number>();
    for (const line of h.lines())
      if (line.msg === 'interaction') logged.set(line['interactionId'], (logged.get(line['interactionId']) ?? 0) + 1);
    const versionsSeen = new Set<number>();
    for (const id of answered) {
      const callbacks = h.fake.callbacksFor(id);
      expect(
        callbacks.map((c) => c.status),
        id,
      ).toEqual([204]);
      const [callback] = callbacks;
      expect(typeOf(callback?.body)).toBe(InteractionResponseType.ChannelMessageWithSource);
      const message = dataOf(callback?.body);
      expect(passagesOf(message).length, `facts of ${id}`).toBeGreaterThan(0);
      const version = versionOf(message);
      expect(version, `answer ${id} shows ${passagesOf(message).join(' | ')}`).toBeGreaterThanOrEqual(0);
      versionsSeen.add(version);
      expect(h.fake.webhookRequestsFor(id)).toEqual([]);
      expect(logged.get(id), `log lines of ${id}`).toBe(1);
    }
    // The reloads really happened during the load.
    expect(versionsSeen.size).toBeGreaterThan(2);
    expect(h.lines().filter((line) => line.msg === 'interaction failed')).toHaveLength(2); // the two 500 tests above
    await h.restoreFacts();
  });

  it('never writes the bot token, or an interaction token, into a log line or a REST body', () => {
    expect(h.rawLog.filter((line) => line.includes(h.token))).toEqual([]);
    // Every token the fake hands out starts like this; the failures above logged REST errors with their URLs.
    expect(h.rawLog.filter((line) => line.includes(INTERACTION_TOKEN_PREFIX))).toEqual([]);
    expect(h.lines().some((line) => line.msg === 'interaction failed' && JSON.stringify(line).includes('/[REDACTED]'))).toBe(true);
    expect(h.fake.requests.filter((r) => JSON.stringify(r.body ?? null).includes(h.token))).toEqual([]);
  });
});
