/**
 * The HTTP dispatcher routes to the same app layer as the gateway bot (createCaseBot) and answers
 * with Discord API JSON: inline for fast work, deferred then edited for a reload.
 */
import { describe, expect, it } from 'vitest';
import { InteractionResponseType, MessageFlags, PermissionFlagsBits, type APIInteractionResponse } from 'discord-api-types/v10';
import { PageSessions } from '../../src/app/page-sessions.js';
import { createCaseBot, type CaseBot } from '../../src/app/case-bot.js';
import { createMessageChecker } from '../../src/app/check-message.js';
import { createDispatcher } from '../../src/http/dispatch.js';
import { parseInteraction, type ParsedInteraction } from '../../src/http/payload.js';
import type { EditOriginal, OriginalResponse } from '../../src/http/webhook.js';
import { fakeStore } from '../app/fake-store.js';
import { autocomplete, button, chatInput, MEMBER_PERMISSIONS } from '../e2e/fake-discord/index.js';

const GUILD = '1100000000000000000';
const APP = '100000000000000001';
const OWNER = { id: '200000000000000001', username: 'asker' };
const STRANGER = { id: '200000000000000002', username: 'stranger' };

function setup(options: { ready?: boolean } = {}) {
  const store = fakeStore();
  const lines: Record<string, unknown>[] = [];
  const log = {
    info: (obj: object, msg?: string) => void lines.push({ ...obj, msg }),
    warn: (obj: object, msg?: string) => void lines.push({ ...obj, msg }),
    error: (obj: object, msg?: string) => void lines.push({ ...obj, msg }),
  };
  const bot: CaseBot = createCaseBot({ store, sessions: new PageSessions(), log, cooldownSeconds: 0, modRoleIds: [], version: 'test' });
  const edits: { target: OriginalResponse; body: unknown }[] = [];
  const editOriginal: EditOriginal = async (target, body) => {
    edits.push({ target, body });
    return true;
  };
  const app = { bot, check: createMessageChecker({ store, log }) };
  const dispatch = createDispatcher({ app: () => (options.ready === false ? undefined : app), log, editOriginal });
  const run = (payload: object) => {
    const parsed: ParsedInteraction | null = parseInteraction(JSON.parse(JSON.stringify({ ...payload, application_id: APP })));
    if (parsed === null) throw new Error('payload did not parse');
    return dispatch(parsed);
  };
  return { store, lines, edits, run };
}

/** The message data of a type 4 or 7 response. */
function message(response: APIInteractionResponse) {
  if (response.type !== InteractionResponseType.ChannelMessageWithSource && response.type !== InteractionResponseType.UpdateMessage) {
    throw new Error(`not a message response: type ${response.type}`);
  }
  if (response.data === undefined) throw new Error('message response without data');
  return response.data;
}

describe('HTTP dispatch', () => {
  it('answers /case inline with the app layer’s answer, public or private, with paging buttons', async () => {
    const { run, lines } = setup();
    const publicAnswer = await run(chatInput({ name: 'case', guildId: GUILD, user: OWNER, options: { query: 'jaxa' } }));
    expect(publicAnswer.after).toBeUndefined();
    const data = message(publicAnswer.response);
    expect(publicAnswer.response.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(data.flags).toBeUndefined();
    expect(JSON.stringify(data.embeds)).toContain('JAXA confirmed the tick');
    expect(JSON.stringify(data.components)).toContain('"custom_id":"cp1:');
    expect(data.allowed_mentions).toEqual({ parse: [] });
    const privateAnswer = await run(chatInput({ name: 'case', guildId: GUILD, user: OWNER, options: { query: 'jaxa', private: true } }));
    expect(message(privateAnswer.response).flags).toBe(MessageFlags.Ephemeral);
    const line = lines.find((l) => l['msg'] === 'interaction');
    expect(line).toMatchObject({
      kind: 'command',
      command: 'case',
      userId: OWNER.id,
      guildId: GUILD,
      outcome: 'answered',
      transport: 'http',
    });
    expect(JSON.stringify(lines)).not.toMatch(/aW50ZXJhY3Rpb246/); // no interaction token in any log line
  });

  it('turns the page in place for the asker (type 7), privately refuses anyone else', async () => {
    const { run } = setup();
    const first = message((await run(chatInput({ name: 'case', guildId: GUILD, user: OWNER, options: { query: 'jaxa' } }))).response);
    const next = /"label":"More ▶","custom_id":"([^"]+)"/.exec(JSON.stringify(first.components))?.[1];
    if (next === undefined) throw new Error('no next-page button');
    const paged = await run(button({ customId: next, guildId: GUILD, user: OWNER }));
    expect(paged.response.type).toBe(InteractionResponseType.UpdateMessage);
    expect(JSON.stringify(message(paged.response).embeds)).not.toEqual(JSON.stringify(first.embeds));
    const refused = await run(button({ customId: next, guildId: GUILD, user: STRANGER }));
    expect(refused.response.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(message(refused.response)).toMatchObject({
      flags: MessageFlags.Ephemeral,
      content: expect.stringContaining('Only the person who asked'),
    });
    const unknown = await run(button({ customId: 'other:thing', guildId: GUILD, user: OWNER }));
    expect(message(unknown.response).content).toContain('no longer in use');
  });

  it('takes 👍 / 👎 clicks (answered privately by the app layer), not as unknown buttons', async () => {
    const { run, lines } = setup();
    const voted = await run(button({ customId: 'case:vote:k3J9_aQx:up', guildId: GUILD, user: STRANGER }));
    expect(voted.response.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    // This bot runs without knowledge gaps, so the app layer says votes are off — privately.
    expect(message(voted.response)).toMatchObject({ flags: MessageFlags.Ephemeral, content: 'Votes are not being collected right now.' });
    expect(lines.find((l) => l['msg'] === 'interaction')).toMatchObject({ kind: 'button', outcome: 'gaps-off' });
  });

  it('suggests completions for the query option (type 8), nothing for other options', async () => {
    const { run } = setup();
    expect((await run(autocomplete({ name: 'case', guildId: GUILD, focused: { name: 'query', value: 'jax' } }))).response).toEqual({
      type: InteractionResponseType.ApplicationCommandAutocompleteResult,
      data: { choices: [{ name: 'jax…', value: 'jax' }] },
    });
    expect((await run(autocomplete({ name: 'case', guildId: GUILD, focused: { name: 'other', value: 'jax' } }))).response).toEqual({
      type: InteractionResponseType.ApplicationCommandAutocompleteResult,
      data: { choices: [] },
    });
  });

  it('defers /case-admin reload (type 5, ephemeral), then edits @original with the report', async () => {
    const { run, store, edits, lines } = setup();
    const admin = {
      permissions: MEMBER_PERMISSIONS | PermissionFlagsBits.ManageGuild,
      user: { id: '200000000000000003', username: 'mod' },
    };
    const payload = chatInput({ name: 'case-admin', subcommand: 'reload', guildId: GUILD, ...admin });
    const dispatched = await run(payload);
    expect(dispatched.response).toEqual({
      type: InteractionResponseType.DeferredChannelMessageWithSource,
      data: { flags: MessageFlags.Ephemeral },
    });
    expect(store.reloads).toEqual([]); // nothing done before the defer is on its way
    await dispatched.after?.();
    expect(store.reloads).toEqual(['mod (200000000000000003)']);
    expect(edits).toHaveLength(1);
    expect(edits[0]?.target).toEqual({ applicationId: APP, token: payload.token, interactionId: payload.id });
    expect(edits[0]?.body).toMatchObject({ allowed_mentions: { parse: [] }, components: [] });
    expect(edits[0]?.body).not.toHaveProperty('flags'); // visibility was fixed by the defer
    expect(lines.find((l) => l['msg'] === 'interaction')).toMatchObject({ command: 'case-admin reload', deferred: true });
  });

  it('checks /case-admin permissions again: refused in a DM and without Manage Server; status is ephemeral', async () => {
    const { run, store } = setup();
    const dm = message((await run(chatInput({ name: 'case-admin', subcommand: 'reload', user: OWNER }))).response);
    expect(dm).toMatchObject({ flags: MessageFlags.Ephemeral, content: expect.stringContaining('only inside a server') });
    const member = message((await run(chatInput({ name: 'case-admin', subcommand: 'reload', guildId: GUILD, user: OWNER }))).response);
    expect(member.content).toContain('for moderators');
    expect(store.reloads).toEqual([]);
    const status = await run(
      chatInput({ name: 'case-admin', subcommand: 'status', guildId: GUILD, permissions: PermissionFlagsBits.Administrator }),
    );
    expect(message(status.response).flags).toBe(MessageFlags.Ephemeral);
  });

  it('answers unknown commands, and commands of another type, with a private "Unknown command."', async () => {
    const { run } = setup();
    expect(message((await run(chatInput({ name: 'ping', guildId: GUILD }))).response)).toMatchObject({
      content: 'Unknown command.',
      flags: MessageFlags.Ephemeral,
    });
    const payload = chatInput({ name: 'case', guildId: GUILD });
    expect(message((await run({ ...payload, data: { ...payload.data, type: 3 } })).response).content).toBe('Unknown command.');
  });

  it('answers PING, and asks to wait while the facts load', async () => {
    const { run } = setup({ ready: false });
    expect((await run({ type: 1, id: '1000000000000000001' })).response).toEqual({ type: InteractionResponseType.Pong });
    const early = message((await run(chatInput({ name: 'case', guildId: GUILD, options: { query: 'jaxa' } }))).response);
    expect(early).toMatchObject({ flags: MessageFlags.Ephemeral, content: expect.stringContaining('starting up') });
    expect((await run(autocomplete({ name: 'case', guildId: GUILD, focused: { name: 'query', value: 'jax' } }))).response).toEqual({
      type: InteractionResponseType.ApplicationCommandAutocompleteResult,
      data: { choices: [] },
    });
  });
});
