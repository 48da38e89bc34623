/**
 * HTTP mode end to end: the real endpoint (startHttpMode) on 127.0.0.1:0 with the real facts, and the
 * local fake Discord delivering signed interactions to it, applying each HTTP answer as the
 * interaction's callback and serving the webhook edits — as Discord does with an Interactions
 * Endpoint URL. Nothing is stubbed between the HTTP request and the app layer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InteractionResponseType, MessageFlags, PermissionFlagsBits } from 'discord-api-types/v10';
import type { CaseStore } from '../../src/app/case-bot.js';
import { startHttpMode, type HttpMode } from '../../src/http/run-http.js';
import { createLogger, type Logger } from '../../src/log.js';
import { FactStore } from '../../src/store/fact-store.js';
import { autocomplete, button, chatInput, MEMBER_PERMISSIONS, startFakeDiscord, type FakeDiscord } from '../e2e/fake-discord/index.js';
import { customIdsOf, dataOf, embedsOf, FACTS_DIR, sleep, typeOf } from '../e2e/helpers/bot-harness.js';
import { rawRequest, signedHeaders } from './signed-request.js';

const GUILD = '1100000000000000000';
const OWNER = { id: '200000000000000001', username: 'asker' };
const MODERATOR = { id: '200000000000000003', username: 'mod' };
/** The verbatim sentence behind the jaxa-among-targets fact (as rendered in a block quote, markdown escaped). */
const JAXA_QUOTE_START =
  '> Between 2016 and 2017, officials reported that about 200 local companies and research institutions, including the JAXA';

function memoryLogger(): { log: Logger; raw: string[] } {
  const raw: string[] = [];
  return { raw, log: createLogger({ level: 'debug', pretty: false, destination: { write: (line: string) => raw.push(line) } }) };
}

async function start(fake: FakeDiscord, log: Logger, pagingSecret?: string): Promise<HttpMode> {
  return startHttpMode({
    interactions: { port: 0, host: '127.0.0.1', publicKeyHex: fake.publicKeyHex },
    config: { discordApiUrl: fake.apiUrl, caseCooldownSeconds: 0, modRoleIds: [], ...(pagingSecret === undefined ? {} : { pagingSecret }) },
    log,
    version: 'e2e',
  });
}

const reloadBy = (user = MODERATOR) =>
  chatInput({
    name: 'case-admin',
    subcommand: 'reload',
    guildId: GUILD,
    user,
    permissions: MEMBER_PERMISSIONS | PermissionFlagsBits.ManageGuild,
  });

describe('HTTP mode with the real facts', () => {
  let fake: FakeDiscord;
  let mode: HttpMode;
  let endpoint: string;
  const logged = memoryLogger();

  beforeAll(async () => {
    fake = await startFakeDiscord();
    mode = await start(fake, logged.log);
    endpoint = `${mode.server.url}/interactions`;
  });

  afterAll(async () => {
    await mode?.stop();
    await fake?.close();
  });

  it('is alive and answers PING at once, but not ready until the facts are loaded; then ready', async () => {
    expect((await fetch(`${mode.server.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${mode.server.url}/readyz`)).status).toBe(503);
    const ping = await fake.postInteraction(endpoint, fake.ping());
    expect(ping.body).toEqual({ type: InteractionResponseType.Pong });
    const early = await fake.postInteraction(endpoint, chatInput({ name: 'case', guildId: GUILD, options: { query: 'jaxa' } }));
    expect(dataOf(early.body)).toMatchObject({ content: expect.stringContaining('starting up'), flags: MessageFlags.Ephemeral });

    mode.serve(await FactStore.open(FACTS_DIR, logged.log));
    expect((await fetch(`${mode.server.url}/readyz`)).status).toBe(200);
  });

  it('answers a signed /case inline (type 4) with the expected fact and its verbatim quote, accepted by Discord', async () => {
    const sent = await fake.postInteraction(endpoint, chatInput({ name: 'case', guildId: GUILD, user: OWNER, options: { query: 'jaxa' } }));
    expect(sent.status).toBe(200);
    expect(typeOf(sent.body)).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(sent.callback?.status).toBe(204); // the fake accepted it as the callback: in time, within limits
    const message = dataOf(sent.body);
    expect(message['allowed_mentions']).toEqual({ parse: [] });
    expect(message['flags']).toBeUndefined();
    expect(
      embedsOf(message)
        .map((e) => String(e['description']))
        .join('\n'),
    ).toContain(JAXA_QUOTE_START);
    expect(fake.originalMessage(sent.id)?.embeds.length).toBeGreaterThan(0);
  });

  it('suggests completions while typing (type 8)', async () => {
    const sent = await fake.postInteraction(
      endpoint,
      autocomplete({ name: 'case', guildId: GUILD, user: OWNER, focused: { name: 'query', value: 'jax' } }),
    );
    expect(typeOf(sent.body)).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    const choices = dataOf(sent.body)['choices'];
    expect(Array.isArray(choices) && choices.length > 0).toBe(true);
    expect(JSON.stringify(choices).toLowerCase()).toContain('jaxa');
    expect(sent.callback?.status).toBe(204);
  });

  it('turns the page when the asker clicks More (type 7), on the same message', async () => {
    const asked = await fake.postInteraction(
      endpoint,
      chatInput({ name: 'case', guildId: GUILD, user: OWNER, options: { query: 'jaxa' } }),
    );
    const next = customIdsOf(dataOf(asked.body)).find((b) => b.label === 'More ▶' && !b.disabled);
    if (next === undefined) throw new Error('no next-page button');
    const original = fake.originalMessage(asked.id);
    if (original === null) throw new Error('no original message');
    const clicked = await fake.postInteraction(
      endpoint,
      button({ customId: next.customId, guildId: GUILD, user: OWNER, message: original }),
    );
    expect(typeOf(clicked.body)).toBe(InteractionResponseType.UpdateMessage);
    expect(clicked.callback?.status).toBe(204);
    const page2 = dataOf(clicked.body);
    expect(String(page2['content'])).toContain('Results 5–');
    expect(fake.originalMessage(clicked.id)?.id).toBe(original.id); // edited in place
  });

  it('defers /case-admin reload (type 5, ephemeral), then edits @original through the webhook endpoint', async () => {
    const sent = await fake.postInteraction(endpoint, reloadBy());
    expect(sent.body).toEqual({ type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: MessageFlags.Ephemeral } });
    const edit = await fake.waitForRequest(`PATCH /webhooks/${fake.applicationId}/${sent.token}/messages/@original`, 10_000);
    expect(edit.status).toBe(200);
    const message = fake.originalMessage(sent.id);
    expect(message?.embeds[0]?.title).toBe('✅ Facts reloaded');
    expect((message?.flags ?? 0) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect((message?.flags ?? 0) & MessageFlags.Loading).toBe(0);
  });

  it('writes one line per interaction and never an interaction token', async () => {
    await sleep(50);
    const text = logged.raw.join('');
    for (const state of fake.interactions.values()) expect(text).not.toContain(state.payload.token);
    const lines = logged.raw.flatMap((raw) => raw.split('\n')).filter((l) => l.includes('"msg":"interaction"'));
    expect(lines.some((l) => l.includes('"command":"case-admin reload"') && l.includes('"outcome":"reloaded"'))).toBe(true);
  });
});

describe('HTTP mode replicas', () => {
  it('turns on one replica the page another answered when they share PAGING_SECRET, and says when it is unset', async () => {
    const fake = await startFakeDiscord();
    const secret = 'replicas-share-this-secret-0123456789';
    const [a, b, alone] = [memoryLogger(), memoryLogger(), memoryLogger()];
    const modes = [await start(fake, a.log, secret), await start(fake, b.log, secret), await start(fake, alone.log)];
    try {
      const facts = await FactStore.open(FACTS_DIR, a.log);
      for (const mode of modes) mode.serve(facts);
      const [first, second, third] = modes.map((m) => `${m.server.url}/interactions`);
      const asked = await fake.postInteraction(
        first ?? '',
        chatInput({ name: 'case', guildId: GUILD, user: OWNER, options: { query: 'jaxa' } }),
      );
      const next = customIdsOf(dataOf(asked.body)).find((btn) => btn.label === 'More ▶' && !btn.disabled);
      const original = fake.originalMessage(asked.id);
      if (next === undefined || original === null) throw new Error('no next-page button');
      const click = () => button({ customId: next.customId, guildId: GUILD, user: OWNER, message: original });
      const paged = await fake.postInteraction(second ?? '', click());
      expect(typeOf(paged.body)).toBe(InteractionResponseType.UpdateMessage);
      expect(String(dataOf(paged.body)['content'])).toContain('Results 5–');
      const elsewhere = await fake.postInteraction(third ?? '', click());
      expect(dataOf(elsewhere.body)).toMatchObject({ flags: MessageFlags.Ephemeral, content: expect.stringMatching(/expired/) });
      const note = (log: string[]) => log.filter((l) => l.includes('PAGING_SECRET is not set'));
      expect(note(alone.raw)).toHaveLength(1);
      expect(JSON.parse(note(alone.raw)[0] ?? '{}')).toMatchObject({ level: 30 });
      expect([...note(a.raw), ...note(b.raw)]).toEqual([]);
    } finally {
      for (const mode of modes) await mode.stop();
      await fake.close();
    }
  });
});

describe('HTTP mode graceful shutdown', () => {
  it('stops accepting, finishes a request in flight and a deferred reload, then closes', async () => {
    const fake = await startFakeDiscord();
    const logged = memoryLogger();
    const mode = await start(fake, logged.log);
    const facts = await FactStore.open(FACTS_DIR, logged.log);
    // A reload that takes a while, so it is still running when the stop begins.
    const slow: CaseStore = {
      current: () => facts.current(),
      status: () => facts.status(),
      reload: async (by) => {
        await sleep(400);
        return facts.reload(by);
      },
    };
    mode.serve(slow);
    const endpoint = `${mode.server.url}/interactions`;
    try {
      const reload = await fake.postInteraction(endpoint, reloadBy());
      expect(typeOf(reload.body)).toBe(InteractionResponseType.DeferredChannelMessageWithSource);

      // A request whose body is still arriving when the stop begins.
      const payload = {
        ...chatInput({ name: 'case', guildId: GUILD, user: OWNER, options: { query: 'jaxa' } }),
        application_id: fake.applicationId,
      };
      const raw = JSON.stringify(payload);
      const half = Math.floor(raw.length / 2);
      let firstHalfSent!: () => void;
      const started = new Promise<void>((resolve) => (firstHalfSent = resolve));
      const inFlight = rawRequest(endpoint, {
        headers: { ...signedHeaders(fake.signingKeys.privateKey, raw), 'content-length': String(Buffer.byteLength(raw)) },
        chunks: [raw.slice(0, half), raw.slice(half)],
        delayMs: 300,
        onWritten: (count) => count === half && firstHalfSent(),
      });
      await started;

      const stopped = mode.stop();
      await sleep(50);
      await expect(fetch(`${mode.server.url}/healthz`)).rejects.toThrow(); // no longer accepting

      const answer = await inFlight;
      expect(answer.status).toBe(200);
      expect(answer.text).toContain('JAXA');
      await stopped;
      // The deferred reload finished and its edit went out before the stop completed.
      const edit = fake.requests.find(
        (r) => r.method === 'PATCH' && r.route === `/webhooks/${fake.applicationId}/${reload.token}/messages/@original`,
      );
      expect(edit?.status).toBe(200);
      expect(fake.originalMessage(reload.id)?.embeds[0]?.title).toBe('✅ Facts reloaded');
    } finally {
      await mode.stop();
      await fake.close();
    }
  });
});
