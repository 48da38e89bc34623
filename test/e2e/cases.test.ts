/**
 * Several cases, mentions and the cooldown, with the real discord.js client against the local
 * Discord fake, over the two-case fixture (test/fixtures/facts/two-cases: tick-jaxa and a made-up
 * harbor case): the `case` option and its autocomplete, the server's default case (kept across a
 * bot restart), `mention` pinging only its target, and an answer within the cooldown arriving
 * ephemeral.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplicationCommandOptionType, InteractionResponseType, MessageFlags, PermissionFlagsBits } from 'discord-api-types/v10';
import { markdownToPlain } from '../../src/answer/render-text.js';
import { autocomplete, chatInput, MEMBER_PERMISSIONS, user } from './fake-discord/index.js';
import { dataOf, embedsOf, startHarness, typeOf, type BotHarness } from './helpers/bot-harness.js';

const TWO_CASES = fileURLToPath(new URL('../fixtures/facts/two-cases', import.meta.url));
const ASKER = { id: '200000000000000001', username: 'asker' };
const MODERATOR = { id: '200000000000000003', username: 'mod' };
const TARGET = user({ id: '200000000000000009', username: 'target' });

/** What a member reads: the content and the facts, markdown taken out. */
function readable(message: Record<string, unknown>): string {
  return markdownToPlain([String(message['content'] ?? ''), ...embedsOf(message).map((e) => String(e['description'] ?? ''))].join('\n'));
}

describe('several cases against fake Discord', () => {
  let dir: string;
  let h: BotHarness;
  const start = async (cooldownSeconds = 0): Promise<BotHarness> =>
    startHarness({ factsFrom: TWO_CASES, settingsDb: path.join(dir, 'casebot.sqlite'), cooldownSeconds, heartbeatIntervalMs: 500 });

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'casebot-e2e-cases-'));
    h = await start(30);
  });
  afterAll(async () => {
    await h?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const ask = (options: Record<string, string | boolean>, who = ASKER) =>
    h.send(chatInput({ name: 'case', guildId: h.guildId, user: who, options }));
  const setDefault = (caseId: string) =>
    h.send(
      chatInput({
        name: 'case-admin',
        subcommand: 'default-case',
        guildId: h.guildId,
        user: MODERATOR,
        permissions: MEMBER_PERMISSIONS | PermissionFlagsBits.ManageGuild,
        options: { case: caseId },
      }),
    );

  it('answers from the best-matching case, names it, and never mixes', async () => {
    const { callback } = await ask({ query: 'was data stolen' }, { id: '200000000000000011', username: 'a1' });
    const message = dataOf(callback.body);
    expect(message['flags'] ?? 0).toBe(0);
    expect(readable(message)).toContain('No personal data of port workers was stolen.');
    expect(readable(message)).not.toContain('Kato');
    expect(readable(message)).toContain('From Harbor ransomware (test fixture) (best match for your question). Also in:');
  });

  it('autocompletes the case option with case titles and ids', async () => {
    const { callback } = await h.send(
      autocomplete({
        name: 'case',
        guildId: h.guildId,
        user: ASKER,
        focused: { name: 'case', value: 'har' },
        options: { query: 'ransom' },
      }),
    );
    expect(typeOf(callback.body)).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    expect(dataOf(callback.body)['choices']).toEqual([
      { name: 'Harbor ransomware (test fixture) (harbor-ransomware)', value: 'harbor-ransomware' },
    ]);
  });

  it('answers from the case given with case:', async () => {
    const { callback } = await ask({ query: 'was data stolen', case: 'tick-jaxa' }, { id: '200000000000000012', username: 'a2' });
    const text = readable(dataOf(callback.body));
    expect(text).toContain('Kato noted that police did not detect a data leak');
    expect(text).not.toContain('port workers');
  });

  it('pings only the mentioned member, whatever the facts say', async () => {
    const { id, callback } = await h.send(
      chatInput({
        name: 'case',
        guildId: h.guildId,
        user: { id: '200000000000000013', username: 'a3' },
        options: [
          { name: 'query', type: ApplicationCommandOptionType.String, value: 'ransom note @everyone <@&1100000000000000555>' },
          { name: 'mention', type: ApplicationCommandOptionType.User, value: TARGET.id },
        ],
        resolvedUsers: [TARGET],
      }),
    );
    const message = dataOf(callback.body);
    expect(message['flags'] ?? 0).toBe(0);
    expect(String(message['content'])).toMatch(new RegExp(`^<@${TARGET.id}>, `));
    expect(message['allowed_mentions']).toEqual({ parse: [], users: [TARGET.id] });
    expect(readable(message)).toContain('ransom note');
    expect((await h.interactionLine(id))['outcome']).toBe('answered');
  });

  it('within the cooldown still answers, ephemerally, and pings nobody', async () => {
    await ask({ query: 'ransom' });
    const { id, callback } = await h.send(
      chatInput({
        name: 'case',
        guildId: h.guildId,
        user: ASKER,
        options: [
          { name: 'query', type: ApplicationCommandOptionType.String, value: 'ransom' },
          { name: 'mention', type: ApplicationCommandOptionType.User, value: TARGET.id },
        ],
        resolvedUsers: [TARGET],
      }),
    );
    const message = dataOf(callback.body);
    expect(message['flags']).toBe(MessageFlags.Ephemeral);
    expect(embedsOf(message).length).toBeGreaterThan(0);
    expect(readable(message)).toContain('Only you see this answer');
    expect(message['allowed_mentions']).toEqual({ parse: [] });
    expect((await h.interactionLine(id))['outcome']).toBe('cooldown');
  });

  it('a default case set by a moderator is used, and still is after a restart', async () => {
    const { callback } = await setDefault('tick-jaxa');
    const confirmation = dataOf(callback.body);
    expect(confirmation['flags']).toBe(MessageFlags.Ephemeral);
    expect(readable(confirmation)).toContain('Default case for this server');
    expect(readable(confirmation)).not.toContain('until the bot restarts');
    const before = await ask({ query: 'was data stolen' }, { id: '200000000000000014', username: 'a4' });
    expect(readable(dataOf(before.callback.body))).toContain('Kato noted that police did not detect a data leak');
    expect(readable(dataOf(before.callback.body))).toContain("this server's default case");

    await h.close();
    h = await start();
    const after = await ask({ query: 'was data stolen' }, { id: '200000000000000015', username: 'a5' });
    const text = readable(dataOf(after.callback.body));
    expect(text).toContain('Kato noted that police did not detect a data leak');
    expect(text).not.toContain('port workers');
  });
});
