/**
 * HTTP mode has what gateway mode has (issue 10's features, issue 13's "only the transport
 * differs"): the real endpoint (startHttpMode) over the two-case fixture, a real SQLite gaps file
 * and settings, and the local fake Discord delivering signed interactions and applying each HTTP
 * answer as the callback — knowledge gaps and `/case-admin gaps`, 👍 / 👎, `/case-admin
 * default-case`, the `case` option's autocomplete, the message command and `mention`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApplicationCommandOptionType,
  InteractionResponseType,
  MessageFlags,
  PermissionFlagsBits,
  type APIInteraction,
} from 'discord-api-types/v10';
import { markdownToPlain } from '../../src/answer/render-text.js';
import { openGapStore } from '../../src/gaps/index.js';
import type { GapStore } from '../../src/gaps/types.js';
import { startHttpMode, type HttpMode } from '../../src/http/run-http.js';
import { createLogger } from '../../src/log.js';
import { openServerSettings } from '../../src/settings/server-settings.js';
import { FactStore } from '../../src/store/fact-store.js';
import {
  autocomplete,
  button,
  chatInput,
  MEMBER_PERMISSIONS,
  messageCommand,
  startFakeDiscord,
  user,
  type FakeDiscord,
} from '../e2e/fake-discord/index.js';
import { customIdsOf, dataOf, embedsOf, factIdsOf, sleep, typeOf } from '../e2e/helpers/bot-harness.js';

const TWO_CASES = fileURLToPath(new URL('../fixtures/facts/two-cases', import.meta.url));
const GUILD = '1100000000000000000';
const ASKER = { id: '200000000000000011', username: 'asker' };
const VOTER = { id: '200000000000000012', username: 'voter' };
const OTHER_VOTER = { id: '200000000000000014', username: 'voter2' };
const MODERATOR = { id: '200000000000000013', username: 'mod' };
const TARGET = user({ id: '200000000000000019', username: 'target' });
const MODERATOR_PERMISSIONS = MEMBER_PERMISSIONS | PermissionFlagsBits.ManageGuild;
const NO_MATCH = 'zebra stripes';
/** The jaxa-among-targets fact's verbatim source sentence, as a block quote renders it. */
const JAXA_QUOTE_START =
  '> Between 2016 and 2017, officials reported that about 200 local companies and research institutions, including the JAXA';

/** What a member reads: the content and the facts, markdown taken out. */
function readable(message: Record<string, unknown>): string {
  return markdownToPlain([String(message['content'] ?? ''), ...embedsOf(message).map((e) => String(e['description'] ?? ''))].join('\n'));
}

describe('HTTP mode has the gateway’s features', () => {
  let dir: string;
  let fake: FakeDiscord;
  let mode: HttpMode;
  let gaps: GapStore;
  let endpoint: string;
  const raw: string[] = [];
  const log = createLogger({ level: 'debug', pretty: false, destination: { write: (line: string) => raw.push(line) } });

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'casebot-http-features-'));
    const file = path.join(dir, 'casebot.sqlite');
    gaps = openGapStore(file, { retentionDays: 90 });
    expect(gaps.status().state).toBe('on');
    fake = await startFakeDiscord();
    mode = await startHttpMode({
      interactions: { port: 0, host: '127.0.0.1', publicKeyHex: fake.publicKeyHex },
      config: { discordApiUrl: fake.apiUrl, caseCooldownSeconds: 0, modRoleIds: [] },
      log,
      version: 'test',
      gaps,
      settings: openServerSettings(file),
    });
    mode.serve(await FactStore.open(TWO_CASES, log));
    endpoint = `${mode.server.url}/interactions`;
  });

  afterAll(async () => {
    await mode?.stop();
    await fake?.close();
    gaps?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const post = async (interaction: APIInteraction) => {
    const sent = await fake.postInteraction(endpoint, interaction);
    expect(sent.status).toBe(200);
    // The fake applied the answer as the callback: in time and within Discord's limits.
    expect(sent.callback?.status).toBe(204);
    return { ...sent, message: dataOf(sent.body) };
  };
  const ask = (options: Record<string, string | boolean>, who: { id: string; username: string } = ASKER) =>
    post(chatInput({ name: 'case', guildId: GUILD, user: who, options }));
  const admin = (subcommand: string, options: Record<string, string | number> = {}, who = MODERATOR, permissions = MODERATOR_PERMISSIONS) =>
    post(chatInput({ name: 'case-admin', subcommand, guildId: GUILD, user: who, permissions, options }));
  const gapsReport = async () => {
    const { message } = await admin('gaps', { days: 7 });
    expect(message['flags']).toBe(MessageFlags.Ephemeral);
    return embedsOf(message).map((e) => String(e['description'] ?? ''));
  };

  it('records an unanswered question and lists it in /case-admin gaps, for moderators only', async () => {
    const miss = await ask({ query: NO_MATCH });
    expect(miss.message['content']).toContain('No facts match');
    await sleep(20); // recording runs just after the answer is sent
    const [questions] = await gapsReport();
    expect(questions).toContain(`**1×** “${NO_MATCH}” — 1 no answer`);

    const refused = await admin('gaps', {}, ASKER, MEMBER_PERMISSIONS);
    expect(refused.message).toMatchObject({ flags: MessageFlags.Ephemeral, content: expect.stringContaining('for moderators') });
    expect(JSON.stringify(refused.message)).not.toContain(NO_MATCH);
    const inDm = await post(chatInput({ name: 'case-admin', subcommand: 'gaps', user: MODERATOR }));
    expect(inDm.message['content']).toContain('only inside a server');
  });

  it('puts 👍 / 👎 under an answer and counts one vote per member, thanked privately, the answer left alone', async () => {
    const answered = await ask({ query: 'jaxa', case: 'tick-jaxa' });
    const votes = customIdsOf(answered.message).filter((b) => b.customId.startsWith('cv1:') || b.customId.startsWith('case:vote:'));
    expect(votes.map((b) => b.label)).toEqual(['👍 Helpful', '👎 Not helpful']);
    const [up, down] = votes.map((b) => b.customId);
    if (up === undefined || down === undefined) throw new Error('no vote buttons');
    const click = (customId: string, who: { id: string; username: string }) => post(button({ customId, guildId: GUILD, user: who }));

    const first = await click(down, VOTER);
    expect(typeOf(first.body)).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(first.message).toMatchObject({ content: 'Thanks — noted.', flags: MessageFlags.Ephemeral });
    expect(fake.webhookRequestsFor(first.id)).toEqual([]);
    await click(down, VOTER); // the same member again: still one vote
    await click(up, OTHER_VOTER);
    const [, answers] = await gapsReport();
    expect(answers).toMatch(/\*\*👎 1 · 👍 1\*\* “jaxa” · facts `/);

    const changed = await click(up, VOTER); // a member changing their mind replaces their vote
    expect(changed.message['content']).toBe('Thanks — your vote is now 👍.');
    const [, after] = await gapsReport();
    expect(after).toContain('None: no answer got a 👎 in this period.');
  });

  it('sets the server’s default case with /case-admin default-case (autocompleted), and /case answers from it', async () => {
    const typed = await post(
      autocomplete({
        name: 'case-admin',
        subcommand: 'default-case',
        guildId: GUILD,
        user: MODERATOR,
        permissions: MODERATOR_PERMISSIONS,
        focused: { name: 'case', value: 'tick' },
      }),
    );
    expect(typeOf(typed.body)).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    expect(JSON.stringify(typed.message['choices'])).toContain('"value":"tick-jaxa"');

    const before = readable((await ask({ query: 'was data stolen' }, { id: '200000000000000021', username: 'a1' })).message);
    expect(before).toContain('port workers');
    const set = await admin('default-case', { case: 'tick-jaxa' });
    expect(set.message).toMatchObject({ flags: MessageFlags.Ephemeral, content: expect.stringContaining('Default case for this server') });
    const after = readable((await ask({ query: 'was data stolen' }, { id: '200000000000000022', username: 'a2' })).message);
    expect(after).toContain('Kato noted that police did not detect a data leak');
    expect(after).not.toContain('port workers');
    const refused = await admin('default-case', { case: 'harbor-ransomware' }, ASKER, MEMBER_PERMISSIONS);
    expect(refused.message['content']).toContain('for moderators');
    await admin('default-case'); // cleared again for the other tests
  });

  it('autocompletes the case option of /case', async () => {
    const typed = await post(
      autocomplete({ name: 'case', guildId: GUILD, user: ASKER, focused: { name: 'case', value: 'har' }, options: { query: 'ransom' } }),
    );
    expect(typed.message['choices']).toEqual([
      { name: 'Harbor ransomware (test fixture) (harbor-ransomware)', value: 'harbor-ransomware' },
    ]);
  });

  it('checks a message against the facts: the closest fact and its source sentence, ephemerally; embeds-only and links said plainly', async () => {
    const check = (content: string, extra: { embeds?: { title: string }[] } = {}) =>
      post(messageCommand({ name: 'Check against case facts', guildId: GUILD, user: ASKER, content, ...extra }));
    const checked = await check('@everyone heads up: JAXA was among the organisations hit by the Tick cyberattacks!');
    expect(typeOf(checked.body)).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(checked.message['flags']).toBe(MessageFlags.Ephemeral);
    expect(checked.message['allowed_mentions']).toEqual({ parse: [] });
    expect(factIdsOf(checked.message)[0]).toBe('jaxa-among-targets');
    expect(
      embedsOf(checked.message)
        .map((e) => String(e['description'] ?? ''))
        .join('\n'),
    ).toContain(JAXA_QUOTE_START);

    const embedOnly = await check('', { embeds: [{ title: 'A news card' }] });
    expect(embedOnly.message).toMatchObject({ flags: MessageFlags.Ephemeral, content: 'This message has no text to check — only embeds.' });
    const link = await check('https://example.org/jaxa-story');
    expect(link.message).toMatchObject({ flags: MessageFlags.Ephemeral, content: expect.stringMatching(/^This message is only a link/) });
    const line = raw.find((l) => l.includes('"msg":"interaction"') && l.includes(`"interactionId":"${checked.id}"`));
    expect(JSON.parse(line ?? '{}')).toMatchObject({ kind: 'message-command', command: 'Check against case facts', outcome: 'checked' });
  });

  it('pings exactly the member named with mention:, never roles or @everyone; a private answer pings nobody', async () => {
    const mention = { name: 'mention', type: ApplicationCommandOptionType.User as const, value: TARGET.id };
    const asked = await post(
      chatInput({
        name: 'case',
        guildId: GUILD,
        user: ASKER,
        options: [{ name: 'query', type: ApplicationCommandOptionType.String, value: '@everyone jaxa' }, mention],
        resolvedUsers: [TARGET],
      }),
    );
    expect(asked.message['allowed_mentions']).toEqual({ parse: [], users: [TARGET.id] });
    expect(String(asked.message['content'])).toMatch(new RegExp(`^<@${TARGET.id}>, `));
    expect(fake.originalMessage(asked.id)?.content).toMatch(new RegExp(`^<@${TARGET.id}>`));

    const privately = await post(
      chatInput({
        name: 'case',
        guildId: GUILD,
        user: ASKER,
        options: [
          { name: 'query', type: ApplicationCommandOptionType.String, value: 'jaxa' },
          { name: 'private', type: ApplicationCommandOptionType.Boolean, value: true },
          mention,
        ],
        resolvedUsers: [TARGET],
      }),
    );
    expect(privately.message['allowed_mentions']).toEqual({ parse: [] });
    expect(privately.message['flags']).toBe(MessageFlags.Ephemeral);
  });
});
