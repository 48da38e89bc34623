/**
 * "Check against case facts" end to end: the real casebot and discord.js client against the local
 * Discord fake, which delivers the message command with the target in `resolved.messages`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import { messageCommand } from './fake-discord/index.js';
import { dataOf, embedsOf, factIdsOf, startHarness, typeOf, type BotHarness } from './helpers/bot-harness.js';

const CHECKER = { id: '200000000000000005', username: 'checker' };
/** The jaxa-among-targets fact's verbatim source sentence, as a block quote renders it. */
const JAXA_QUOTE_START =
  '> Between 2016 and 2017, officials reported that about 200 local companies and research institutions, including the JAXA';

describe('the message command against fake Discord', () => {
  let h: BotHarness;

  beforeAll(async () => {
    h = await startHarness({ heartbeatIntervalMs: 500 });
  });

  afterAll(async () => {
    await h?.close();
  });

  const checkMessage = (content: string, extra: { embeds?: { title: string }[] } = {}) =>
    h.send(messageCommand({ name: 'Check against case facts', guildId: h.guildId, user: CHECKER, content, ...extra }));

  it('answers with the fact the message repeats and its source sentence, ephemerally, pinging no one', async () => {
    const { id, callback } = await checkMessage(
      '@everyone heads up <@200000000000000001>: JAXA was among the organisations hit by the Tick cyberattacks!',
    );
    expect(callback.status).toBe(204);
    expect(typeOf(callback.body)).toBe(InteractionResponseType.ChannelMessageWithSource);
    const message = dataOf(callback.body);
    expect(message['flags']).toBe(MessageFlags.Ephemeral);
    expect(message['allowed_mentions']).toEqual({ parse: [] });
    // The fact the message repeats is among those shown (the Tick group's facts may lead: the claim
    // names both; a fact's own text as the claim comes first for 24 of the case's 27 facts).
    expect(factIdsOf(message)).toContain('jaxa-among-targets');
    const text = JSON.stringify(message);
    expect(
      embedsOf(message)
        .map((e) => String(e['description'] ?? ''))
        .join('\n'),
    ).toContain(JAXA_QUOTE_START);
    expect(text).not.toMatch(/@everyone|<@\d/);
    expect(String(message['content'])).toMatch(
      /case facts speak\*\* to “heads up: JAXA was among the organisations hit by the Tick cyberattacks!”/,
    );
    expect(await h.interactionLine(id)).toMatchObject({ kind: 'message-command', command: 'Check against case facts', outcome: 'checked' });
  });

  it('says so for an off-topic message, an embed-only message and a link', async () => {
    const offTopic = dataOf((await checkMessage('The football match last night was great, the striker scored twice.')).callback.body);
    expect(offTopic).toMatchObject({
      flags: MessageFlags.Ephemeral,
      content: expect.stringMatching(/^No case fact speaks to this message\./),
    });
    expect(embedsOf(offTopic)).toEqual([]);
    const embedOnly = dataOf((await checkMessage('', { embeds: [{ title: 'A news card' }] })).callback.body);
    expect(embedOnly).toMatchObject({ flags: MessageFlags.Ephemeral, content: 'This message has no text to check — only embeds.' });
    const link = dataOf((await checkMessage('https://example.org/jaxa-story')).callback.body);
    expect(link['content']).toMatch(/^This message is only a link/);
  });
});
