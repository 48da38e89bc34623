/**
 * The real casebot (startBot, FactStore over a temp copy of facts/) against the local Discord fake:
 * /case answers and paging, autocomplete, no-match replies, /case-admin status and reload (with
 * permissions, broken and fixed folders), the per-interaction log line, and that the token never
 * leaks into a log line or a REST body.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InteractionResponseType, MessageFlags, PermissionFlagsBits } from 'discord-api-types/v10';
import { autocomplete, button, chatInput, MEMBER_PERMISSIONS } from './fake-discord/index.js';
import { isRecord } from './fake-discord/util.js';
import {
  customIdsOf,
  dataOf,
  embedChars,
  embedsOf,
  factIdsOf,
  messageBodies,
  startHarness,
  typeOf,
  type BotHarness,
} from './helpers/bot-harness.js';

const OWNER = { id: '200000000000000001', username: 'asker' };
const STRANGER = { id: '200000000000000002', username: 'stranger' };
const MODERATOR = { id: '200000000000000003', username: 'mod' };
/** The verbatim sentence behind the jaxa-among-targets fact (as rendered in a block quote, markdown escaped). */
const JAXA_QUOTE_START =
  '> Between 2016 and 2017, officials reported that about 200 local companies and research institutions, including the JAXA';

describe('casebot against fake Discord', () => {
  let h: BotHarness;

  beforeAll(async () => {
    h = await startHarness({ logLevel: 'trace', heartbeatIntervalMs: 500 });
  });

  afterAll(async () => {
    await h?.close();
  });

  const ask = (query: string, extra: { private?: boolean; user?: { id: string; username: string } } = {}) =>
    h.send(
      chatInput({
        name: 'case',
        guildId: h.guildId,
        user: extra.user ?? OWNER,
        options: extra.private === undefined ? { query } : { query, private: extra.private },
      }),
    );

  const admin = (
    subcommand: 'status' | 'reload',
    who: { permissions?: bigint; roles?: string[]; user?: { id: string; username: string } } = {},
  ) =>
    h.send(
      chatInput({
        name: 'case-admin',
        subcommand,
        guildId: h.guildId,
        user: who.user ?? MODERATOR,
        permissions: who.permissions ?? MEMBER_PERMISSIONS | PermissionFlagsBits.ManageGuild,
        ...(who.roles === undefined ? {} : { member: { roles: who.roles } }),
      }),
    );

  /** The content of the PATCH @original that filled in a deferred reply. */
  const editOf = async (id: string): Promise<Record<string, unknown>> => {
    const token = h.fake.interactions.get(id)?.payload.token ?? '';
    const edit = await h.fake.waitForRequest(`PATCH /webhooks/${h.fake.applicationId}/${token}/messages/@original`, 10_000);
    expect(edit.status).toBe(200);
    return isRecord(edit.body) ? edit.body : {};
  };

  const descriptions = (message: Record<string, unknown>): string =>
    embedsOf(message)
      .map((e) => String(e['description'] ?? ''))
      .join('\n');

  it('answers /case query:jaxa publicly with JAXA facts, the verbatim quote and paging buttons', async () => {
    const { id, callback } = await ask('jaxa');
    expect(callback.status).toBe(204);
    expect(typeOf(callback.body)).toBe(InteractionResponseType.ChannelMessageWithSource);
    const message = dataOf(callback.body);
    expect(message['flags'] ?? 0).toBe(0);
    const total = Number(/Results 1–4 of (\d+)\*\* for “jaxa”/.exec(String(message['content']))?.[1]);
    // Every fact that names JAXA in its text, quote or moderators' questions (10 in the shipped case;
    // 7 in their text); pages of 4.
    expect(total).toBeGreaterThanOrEqual(6);
    expect(total).toBeLessThanOrEqual(12);
    expect(message['allowed_mentions']).toEqual({ parse: [] });
    const ids = factIdsOf(message);
    expect(ids).toHaveLength(4);
    expect(ids).toContain('jaxa-among-targets');
    // Members are shown the source (and where in it), never our ids.
    expect(JSON.stringify(message)).not.toContain('jaxa-among-targets');
    expect(descriptions(message)).toMatch(/ · sentence \d+ of \d+/);
    expect(descriptions(message)).toContain(JAXA_QUOTE_START);
    expect(descriptions(message)).toMatch(/\*\*JAXA\*\*/);
    const buttons = customIdsOf(message);
    expect(buttons.map((b) => b.label)).toEqual(['◀ Back', `Page 1 of ${Math.ceil(total / 4)}`, 'More ▶']);
    // Signed buttons: each carries its page's state (src/answer/paging-token.ts).
    expect(buttons[0]).toMatchObject({ disabled: true, customId: expect.stringMatching(/^cp1:[\w-]+$/) });
    expect(buttons[2]).toMatchObject({ disabled: false, customId: expect.stringMatching(/^cp1:[\w-]+$/) });
    expect(buttons[2]?.customId).not.toBe(buttons[0]?.customId);
    for (const b of buttons) expect(b.customId.length).toBeLessThanOrEqual(100);
    expect(h.fake.callbacksFor(id)).toHaveLength(1);
  });

  it('answers /case query:jaxa private:true ephemerally', async () => {
    const { callback } = await ask('jaxa', { private: true });
    expect(typeOf(callback.body)).toBe(InteractionResponseType.ChannelMessageWithSource);
    const message = dataOf(callback.body);
    expect(message['flags']).toBe(MessageFlags.Ephemeral);
    expect(factIdsOf(message)).toContain('jaxa-among-targets');
  });

  it('answers autocomplete on query quickly with ≤ 25 valid choices', async () => {
    for (const value of ['', 'ja', '宇宙']) {
      const started = Date.now();
      const { callback } = await h.send(autocomplete({ name: 'case', guildId: h.guildId, user: OWNER, focused: { name: 'query', value } }));
      expect(Date.now() - started).toBeLessThan(1500); // Discord allows 3 s
      expect(typeOf(callback.body)).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
      const choices = dataOf(callback.body)['choices'];
      expect(Array.isArray(choices)).toBe(true);
      if (!Array.isArray(choices)) continue;
      expect(choices.length).toBeLessThanOrEqual(25);
      if (value !== '') expect(choices.length, `choices for ${JSON.stringify(value)}`).toBeGreaterThan(0);
      for (const choice of choices) {
        expect(isRecord(choice)).toBe(true);
        if (!isRecord(choice)) continue;
        for (const key of ['name', 'value']) {
          const text = choice[key];
          expect(typeof text).toBe('string');
          expect(String(text).length).toBeGreaterThanOrEqual(1);
          expect(String(text).length).toBeLessThanOrEqual(100);
        }
      }
    }
  });

  describe('paging', () => {
    let firstIds: string[] = [];
    let total = 0;
    let more = '';
    let back = '';

    beforeAll(async () => {
      const { callback } = await ask('jaxa', { user: OWNER });
      const message = dataOf(callback.body);
      firstIds = factIdsOf(message);
      total = Number(/ of (\d+)\*\*/.exec(String(message['content']))?.[1]);
      more = customIdsOf(message).find((b) => b.label === 'More ▶')?.customId ?? '';
    });

    it('turns the page in place when the asker presses More, and back with Back', async () => {
      const { id, callback } = await h.send(button({ customId: more, guildId: h.guildId, user: OWNER }));
      expect(typeOf(callback.body)).toBe(InteractionResponseType.UpdateMessage);
      const page2 = dataOf(callback.body);
      const lastOnPage2 = Math.min(8, total);
      expect(page2['content']).toContain(`Results 5–${lastOnPage2} of ${total}`);
      const ids = factIdsOf(page2);
      expect(ids).toHaveLength(lastOnPage2 - 4);
      expect(ids.filter((x) => firstIds.includes(x))).toEqual([]);
      expect(page2['allowed_mentions']).toEqual({ parse: [] });
      const buttons = customIdsOf(page2);
      const pages = Math.ceil(total / 4);
      expect(buttons.map((b) => [b.label, b.disabled])).toEqual([
        ['◀ Back', false],
        [`Page 2 of ${pages}`, true],
        ['More ▶', pages === 2],
      ]);
      back = buttons[0]?.customId ?? '';
      expect(h.fake.originalMessage(id)?.content).toContain(`Results 5–${lastOnPage2} of ${total}`);

      const again = await h.send(button({ customId: back, guildId: h.guildId, user: OWNER }));
      expect(typeOf(again.callback.body)).toBe(InteractionResponseType.UpdateMessage);
      expect(factIdsOf(dataOf(again.callback.body))).toEqual(firstIds);
    });

    it('refuses a stranger privately and leaves the message as it is', async () => {
      const { id, callback } = await h.send(button({ customId: more, guildId: h.guildId, user: STRANGER }));
      expect(typeOf(callback.body)).toBe(InteractionResponseType.ChannelMessageWithSource);
      const note = dataOf(callback.body);
      expect(note['flags']).toBe(MessageFlags.Ephemeral);
      expect(note['content']).toMatch(/Only the person who asked/);
      expect(h.fake.callbacksFor(id).map((c) => typeOf(c.body))).toEqual([InteractionResponseType.ChannelMessageWithSource]);
      expect(h.fake.webhookRequestsFor(id)).toEqual([]);
      expect((await h.interactionLine(id))['outcome']).toBe('paging-refused');
    });

    it('answers unknown, malformed and other buttons with a private "expired" note', async () => {
      for (const customId of ['case:page:nosuchsess:1', 'case:page:../../x:1e9', 'case:page:', `cp1:${'A'.repeat(40)}`]) {
        const { id, callback } = await h.send(button({ customId, guildId: h.guildId, user: OWNER }));
        expect(typeOf(callback.body), customId).toBe(InteractionResponseType.ChannelMessageWithSource);
        expect(dataOf(callback.body)).toMatchObject({ flags: MessageFlags.Ephemeral, content: expect.stringMatching(/expired/) });
        expect((await h.interactionLine(id))['outcome']).toBe('paging-expired');
      }
    });
  });

  it('answers a query without matches privately, with suggestions for a typo', async () => {
    const pizza = await ask('pizza recipe');
    expect(typeOf(pizza.callback.body)).toBe(InteractionResponseType.ChannelMessageWithSource);
    const none = dataOf(pizza.callback.body);
    expect(none['flags']).toBe(MessageFlags.Ephemeral);
    expect(none['content']).toMatch(/No facts match “pizza recipe”/);
    expect(embedsOf(none)).toEqual([]);
    expect((await h.interactionLine(pizza.id))['outcome']).toBe('no-match');

    const typo = await ask('kataa');
    const suggested = dataOf(typo.callback.body);
    expect(suggested['flags']).toBe(MessageFlags.Ephemeral);
    expect(suggested['content']).toMatch(/Did you mean: .*\*\*kato\*\*/i);
  });

  describe('/case-admin', () => {
    it('shows status to a member with Manage Server', async () => {
      const { id, callback } = await admin('status');
      expect(typeOf(callback.body)).toBe(InteractionResponseType.ChannelMessageWithSource);
      const message = dataOf(callback.body);
      expect(message['flags']).toBe(MessageFlags.Ephemeral);
      const fields = embedsOf(message)[0]?.['fields'];
      expect(fields).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ name: 'Facts', value: String(h.store.status().facts) }),
          expect.objectContaining({ name: 'Cases', value: '1' }),
          expect.objectContaining({ name: 'Bot version', value: '9.9.9' }),
        ]),
      );
      expect(await h.interactionLine(id)).toMatchObject({ command: 'case-admin status', outcome: 'status' });
    });

    it('shows status to a member with a role listed in MOD_ROLE_IDS', async () => {
      const { callback } = await admin('status', { permissions: MEMBER_PERMISSIONS, roles: [h.modRoleId] });
      expect(dataOf(callback.body)['flags']).toBe(MessageFlags.Ephemeral);
      expect(embedsOf(dataOf(callback.body))[0]?.['title']).toBe('casebot status');
    });

    it('refuses an ordinary member privately, and logs it', async () => {
      for (const subcommand of ['status', 'reload'] as const) {
        const { id, callback } = await admin(subcommand, { permissions: MEMBER_PERMISSIONS, user: STRANGER });
        expect(typeOf(callback.body)).toBe(InteractionResponseType.ChannelMessageWithSource);
        expect(dataOf(callback.body)).toMatchObject({ flags: MessageFlags.Ephemeral, content: expect.stringMatching(/for moderators/) });
        expect(await h.interactionLine(id)).toMatchObject({ command: `case-admin ${subcommand}`, outcome: 'refused', userId: STRANGER.id });
      }
    });

    it('reloads for a moderator: defers privately, then edits @original with the report', async () => {
      const { id, callback } = await admin('reload', { permissions: MEMBER_PERMISSIONS, roles: [h.modRoleId] });
      expect(typeOf(callback.body)).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
      expect(dataOf(callback.body)['flags']).toBe(MessageFlags.Ephemeral);
      const report = await editOf(id);
      expect(report['allowed_mentions']).toEqual({ parse: [] });
      const embed = embedsOf(report)[0];
      expect(embed?.['title']).toBe('✅ Facts reloaded');
      expect(String(embed?.['description'])).toMatch(
        new RegExp(`Now serving \\*\\*${h.store.status().facts} facts\\*\\* in \\*\\*1 case\\*\\*`),
      );
      expect(String(embed?.['description'])).toContain('Nothing changed.');
      expect(await h.interactionLine(id)).toMatchObject({ command: 'case-admin reload', outcome: 'reloaded', deferred: true });
    });

    it('keeps serving the old facts when a reload finds a broken quote, and reports file:line', async () => {
      const before = h.store.status();
      await h.editFacts((text) =>
        text.replace(
          'The seller who dealt with Wang reportedly canceled the transaction',
          'The buyer who dealt with Wang reportedly canceled the transaction',
        ),
      );
      const { id } = await admin('reload');
      const report = await editOf(id);
      const embed = embedsOf(report)[0];
      expect(embed?.['title']).toBe(`❌ Reload failed — still serving ${before.facts} facts.`);
      expect(String(embed?.['description'])).toMatch(/tick-jaxa\/facts\.yaml:\d+(:\d+)? .*quote/);
      expect(await h.interactionLine(id)).toMatchObject({ outcome: 'reload-failed' });
      expect(h.store.status().version).toBe(before.version);

      const { callback } = await ask('jaxa');
      expect(factIdsOf(dataOf(callback.body))).toContain('jaxa-among-targets');
    });

    it('reloads the fixed folder and reports what was added, removed and changed', async () => {
      await h.restoreFacts();
      await h.editFacts((text) =>
        text
          .replace('  - id: two-wangs', '  - id: two-people-called-wang')
          .replace('The purchase failed: the seller who dealt with Wang', 'The purchase did not happen: the seller who dealt with Wang'),
      );
      const { id } = await admin('reload');
      const embed = embedsOf(await editOf(id))[0];
      const description = String(embed?.['description']);
      expect(embed?.['title']).toBe('✅ Facts reloaded');
      expect(description).toContain('+1 added, −1 removed, ~1 changed');
      expect(description).toContain('`tick-jaxa/two-people-called-wang`');
      expect(description).toContain('`tick-jaxa/two-wangs`');
      expect(description).toContain('`tick-jaxa/seller-canceled-transaction`');

      const { callback } = await ask('jaxa');
      expect(factIdsOf(dataOf(callback.body))).toContain('jaxa-among-targets');
    });
  });

  it('writes one interaction log line per interaction, with id, command, user, latency and outcome', async () => {
    const interactionIds = [...h.fake.interactions.keys()];
    expect(interactionIds.length).toBeGreaterThan(15);
    // The line is written just after the reply went out; wait for the last ones.
    for (const id of interactionIds) await h.interactionLine(id);
    const logged = h.lines().filter((line) => line.msg === 'interaction');
    for (const id of interactionIds) {
      const mine = logged.filter((line) => line['interactionId'] === id);
      expect(mine, `log lines for ${id}`).toHaveLength(1);
      const [line] = mine;
      expect(line).toMatchObject({
        kind: expect.any(String),
        userId: expect.stringMatching(/^\d+$/),
        latencyMs: expect.any(Number),
        outcome: expect.any(String),
      });
      expect(typeof line?.['command']).toBe('string');
    }
  });

  it('keeps every message within limits and never lets it mention anyone', () => {
    const bodies = messageBodies(h.fake.requests);
    expect(bodies.length).toBeGreaterThan(10);
    for (const { request, message } of bodies) {
      const where = `${request.method} ${request.route}`;
      expect(message['allowed_mentions'], where).toEqual({ parse: [] });
      expect(String(message['content'] ?? '').length, where).toBeLessThanOrEqual(2000);
      expect(embedsOf(message).length, where).toBeLessThanOrEqual(10);
      expect(embedChars(message), where).toBeLessThanOrEqual(6000);
    }
    expect(h.fake.requests.filter((r) => r.status >= 400)).toEqual([]);
  });

  it('never writes the token into a log line or a REST body', () => {
    expect(h.rawLog.length).toBeGreaterThan(30);
    expect(h.rawLog.filter((line) => line.includes(h.token))).toEqual([]);
    // The token piece after the first dot is random too; not even a fragment may leak.
    const secretPart = h.token.split('.').slice(1).join('.');
    expect(h.rawLog.filter((line) => line.includes(secretPart))).toEqual([]);
    expect(h.fake.requests.filter((r) => JSON.stringify(r.body ?? null).includes(h.token))).toEqual([]);
    expect(h.fake.requests.filter((r) => r.path.includes(h.token) || JSON.stringify(r.query).includes(h.token))).toEqual([]);
  });
});
