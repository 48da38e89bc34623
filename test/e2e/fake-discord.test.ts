/**
 * Proves the Discord fake against the real discord.js client: login, ready, commands, replies, deferrals,
 * follow-ups, autocomplete, buttons, rate limits, 5xx retries, gateway resume and two shards.
 * No casebot code: the bot is defined here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, Events, GatewayIntentBits, MessageFlags, PermissionFlagsBits, type Interaction } from 'discord.js';
import { InteractionResponseType } from 'discord-api-types/v10';
import {
  autocomplete,
  button,
  chatInput,
  fakeBotToken,
  guildIdForShard,
  MEMBER_PERMISSIONS,
  startFakeDiscord,
  type FakeDiscord,
} from './fake-discord/index.js';
import { isRecord } from './fake-discord/util.js';

/** A tiny bot: one behaviour per command name. Errors are kept so tests can assert on them. */
function attachBot(client: Client, errors: unknown[], withResponse: string[]): void {
  client.on(Events.InteractionCreate, (interaction: Interaction) => {
    void handle(interaction).catch((cause: unknown) => errors.push(cause));
  });
  async function handle(interaction: Interaction): Promise<void> {
    if (interaction.isChatInputCommand()) {
      switch (interaction.commandName) {
        case 'ping':
          await interaction.reply({ content: `pong ${interaction.options.getString('text') ?? ''}`.trim(), flags: MessageFlags.Ephemeral });
          return;
        case 'slow':
          await interaction.deferReply();
          await interaction.editReply({ content: 'done after thinking' });
          return;
        case 'twice':
          await interaction.reply('first');
          await interaction.followUp({ content: 'second' });
          return;
        case 'fetch': {
          const response = await interaction.reply({ content: 'with response', withResponse: true });
          withResponse.push(response.resource?.message?.content ?? 'none');
          return;
        }
        case 'file': {
          await interaction.reply({ content: 'see file', files: [{ attachment: Buffer.from('hello'), name: 'notes.txt' }] });
          const fetched = await interaction.fetchReply();
          withResponse.push(`fetched ${fetched.content}`);
          return;
        }
        case 'admin':
          await interaction.reply(interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ? 'allowed' : 'denied');
          return;
        case 'shard':
          await interaction.reply(`shard ${interaction.guild?.shardId ?? 'dm'}`);
          return;
        default:
          await interaction.reply('unknown');
      }
    } else if (interaction.isAutocomplete()) {
      const typed = interaction.options.getFocused();
      await interaction.respond([
        { name: `${typed}-one`, value: `${typed}1` },
        { name: `${typed}-two`, value: `${typed}2` },
      ]);
    } else if (interaction.isButton()) {
      await interaction.update({ content: `pressed ${interaction.customId}`, components: [] });
    }
  }
}

function ready(client: Client): Promise<void> {
  return new Promise((resolve) => client.once(Events.ClientReady, () => resolve()));
}

/** A request straight to the fake, as a misbehaving client would send it. */
async function send(url: string, method: string, body: unknown): Promise<{ status: number; json: unknown }> {
  const response = await fetch(url, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, json: await response.json() };
}

function dataOf(body: unknown): Record<string, unknown> {
  return isRecord(body) && isRecord(body['data']) ? body['data'] : {};
}

describe('fake Discord with one shard', () => {
  const guildId = '1100000000000000000';
  const token = fakeBotToken();
  const errors: unknown[] = [];
  const withResponse: string[] = [];
  let fake: FakeDiscord;
  let client: Client;

  beforeAll(async () => {
    fake = await startFakeDiscord({ guilds: [{ id: guildId, name: 'Test Guild' }], heartbeatIntervalMs: 300 });
    client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl } });
    attachBot(client, errors, withResponse);
    const isReady = ready(client);
    await client.login(token);
    await isReady;
  });

  afterAll(async () => {
    await client?.destroy();
    await fake?.close();
  });

  it('logs in through GET /gateway/bot and IDENTIFY, and waits for the guild', async () => {
    const gatewayBot = await fake.waitForRequest('GET /gateway/bot');
    expect(gatewayBot.headers['authorization']).toBe(`Bot ${token}`);
    expect(gatewayBot.path).toBe('/api/v10/gateway/bot');
    expect(fake.identifies).toHaveLength(1);
    expect(fake.identifies[0]).toMatchObject({ token, intents: GatewayIntentBits.Guilds, shard: [0, 1] });
    expect(fake.connections[0]?.query).toMatchObject({ v: '10', encoding: 'json' });
    expect(client.guilds.cache.get(guildId)?.name).toBe('Test Guild');
    expect(client.user?.id).toBe(fake.botUser.id);
    expect(client.application?.id).toBe(fake.applicationId);
  });

  it('acknowledges heartbeats so the connection stays up', async () => {
    const before = fake.gateway.heartbeats;
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(fake.gateway.heartbeats).toBeGreaterThan(before);
    expect(client.ws.ping).toBeGreaterThanOrEqual(0);
  });

  it('stores and echoes global and guild commands', async () => {
    const global = await client.application?.commands.set([{ name: 'ping', description: 'Ping' }]);
    expect(global?.first()?.name).toBe('ping');
    expect(fake.commands.global[0]).toMatchObject({ name: 'ping', application_id: fake.applicationId });
    const guild = await client.application?.commands.set([{ name: 'case', description: 'Ask' }], guildId);
    expect(guild?.first()?.id).toBe(fake.commands.guilds.get(guildId)?.[0]?.id);
    const put = await fake.waitForRequest(`PUT /applications/${fake.applicationId}/guilds/${guildId}/commands`);
    expect(put.body).toEqual([expect.objectContaining({ name: 'case', description: 'Ask' })]);
  });

  it('records a chat-input reply (type 4) without a bot token on the callback', async () => {
    const { id } = await fake.sendInteraction(chatInput({ name: 'ping', guildId, options: { text: 'hello' } }));
    const callback = await fake.waitForCallback(id);
    expect(callback.status).toBe(204);
    expect(callback.query['with_response']).toBe('false');
    expect(callback.headers['authorization']).toBeUndefined();
    expect(callback.body).toMatchObject({ type: InteractionResponseType.ChannelMessageWithSource });
    expect(dataOf(callback.body)).toMatchObject({ content: 'pong hello', flags: MessageFlags.Ephemeral });
    expect(fake.originalMessage(id)?.content).toBe('pong hello');
  });

  it('passes member permissions through so memberPermissions works', async () => {
    const admin = await fake.sendInteraction(
      chatInput({ name: 'admin', guildId, permissions: MEMBER_PERMISSIONS | PermissionFlagsBits.ManageGuild }),
    );
    const member = await fake.sendInteraction(chatInput({ name: 'admin', guildId }));
    expect(dataOf((await fake.waitForCallback(admin.id)).body)['content']).toBe('allowed');
    expect(dataOf((await fake.waitForCallback(member.id)).body)['content']).toBe('denied');
  });

  it('answers DMs on shard 0', async () => {
    const { id } = await fake.sendInteraction(chatInput({ name: 'ping', user: { id: '300000000000000001' } }));
    expect(dataOf((await fake.waitForCallback(id)).body)['content']).toBe('pong');
  });

  it('records deferReply (type 5) then editReply as PATCH @original', async () => {
    const { id, token: interactionToken } = await fake.sendInteraction(chatInput({ name: 'slow', guildId }));
    const callback = await fake.waitForCallback(id);
    expect(callback.body).toMatchObject({ type: InteractionResponseType.DeferredChannelMessageWithSource });
    const edit = await fake.waitForRequest(`PATCH /webhooks/${fake.applicationId}/${interactionToken}/messages/@original`);
    expect(edit.status).toBe(200);
    expect(edit.body).toMatchObject({ content: 'done after thinking' });
    expect(fake.originalMessage(id)?.content).toBe('done after thinking');
  });

  it('records follow-ups as POST /webhooks/{app}/{token}', async () => {
    const { id, token: interactionToken } = await fake.sendInteraction(chatInput({ name: 'twice', guildId }));
    const followUp = await fake.waitForRequest(`POST /webhooks/${fake.applicationId}/${interactionToken}`);
    expect(followUp.body).toMatchObject({ content: 'second' });
    expect(fake.interactions.get(id)?.followUps.map((m) => m.content)).toEqual(['second']);
  });

  it('answers with_response=true with the created message', async () => {
    const { id } = await fake.sendInteraction(chatInput({ name: 'fetch', guildId }));
    const callback = await fake.waitForCallback(id);
    expect(callback.query['with_response']).toBe('true');
    expect(callback.status).toBe(200);
    await expect.poll(() => withResponse).toContain('with response');
  });

  it('parses multipart replies with files, and serves GET @original', async () => {
    const { id, token: interactionToken } = await fake.sendInteraction(chatInput({ name: 'file', guildId }));
    const callback = await fake.waitForCallback(id);
    expect(callback.headers['content-type']).toMatch(/^multipart\/form-data/);
    expect(dataOf(callback.body)['content']).toBe('see file');
    expect(callback.files).toEqual([expect.objectContaining({ field: 'files[0]', name: 'notes.txt', size: 5 })]);
    await fake.waitForRequest(`GET /webhooks/${fake.applicationId}/${interactionToken}/messages/@original`);
    await expect.poll(() => withResponse).toContain('fetched see file');
  });

  it('records an autocomplete respond (type 8) with choices', async () => {
    const { id } = await fake.sendInteraction(autocomplete({ name: 'case', guildId, focused: { name: 'query', value: 'tic' } }));
    const callback = await fake.waitForCallback(id);
    expect(callback.body).toMatchObject({ type: InteractionResponseType.ApplicationCommandAutocompleteResult });
    expect(dataOf(callback.body)['choices']).toEqual([
      { name: 'tic-one', value: 'tic1' },
      { name: 'tic-two', value: 'tic2' },
    ]);
  });

  it('records a button update (type 7) and updates the original message', async () => {
    const { id } = await fake.sendInteraction(button({ customId: 'more:1', guildId }));
    const callback = await fake.waitForCallback(id);
    expect(callback.body).toMatchObject({
      type: InteractionResponseType.UpdateMessage,
      data: { content: 'pressed more:1', components: [] },
    });
    expect(fake.originalMessage(id)?.content).toBe('pressed more:1');
  });

  it('retries a callback answered 429 and the reply still arrives', async () => {
    fake.failNext('POST /interactions/', { status: 429, retryAfter: 0.2 });
    const started = Date.now();
    const { id } = await fake.sendInteraction(chatInput({ name: 'ping', guildId }));
    const callback = await fake.waitForCallback(id);
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    const attempts = fake.callbacksFor(id);
    expect(attempts.map((a) => a.status)).toEqual([429, 204]);
    expect(attempts[0]?.response).toMatchObject({ retry_after: 0.2, global: false });
    expect(dataOf(callback.body)['content']).toBe('pong');
  });

  it('retries an edit answered 500', async () => {
    fake.failNext(/^PATCH \/webhooks\//, { status: 500 });
    const { id } = await fake.sendInteraction(chatInput({ name: 'slow', guildId }));
    await expect.poll(() => fake.webhookRequestsFor(id).map((r) => r.status), { timeout: 5000 }).toEqual([500, 200]);
    expect(fake.originalMessage(id)?.content).toBe('done after thinking');
  });

  it('answers a second acknowledgement with 40060, like Discord', async () => {
    const { id, token: interactionToken } = await fake.sendInteraction(chatInput({ name: 'ping', guildId }));
    await fake.waitForCallback(id);
    const again = await send(`${fake.apiUrl}/v10/interactions/${id}/${interactionToken}/callback`, 'POST', {
      type: 4,
      data: { content: 'again' },
    });
    expect(again).toEqual({ status: 400, json: { message: 'Interaction has already been acknowledged.', code: 40060 } });
  });

  it('answers a callback for an unknown interaction with 10062', async () => {
    const unknown = await send(`${fake.apiUrl}/v10/interactions/1/nope/callback`, 'POST', { type: 4, data: { content: 'hi' } });
    expect(unknown).toEqual({ status: 404, json: { message: 'Unknown interaction', code: 10062 } });
  });

  it('rejects an edit over 2000 characters with Invalid Form Body (50035)', async () => {
    const sent = await fake.sendInteraction(chatInput({ name: 'ping', guildId }));
    await fake.waitForCallback(sent.id);
    const long = await send(`${fake.apiUrl}/v10/webhooks/${fake.applicationId}/${sent.token}/messages/@original`, 'PATCH', {
      content: 'x'.repeat(2001),
    });
    expect(long).toMatchObject({ status: 400, json: { code: 50035, errors: { content: expect.any(String) } } });
  });

  it('answers unknown routes with 404 and Discord error JSON', async () => {
    const response = await fetch(`${fake.apiUrl}/v10/channels/1/messages`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ message: '404: Not Found', code: 0 });
    expect(fake.requests.at(-1)?.route).toBe('/channels/1/messages');
  });

  it('resumes after a 4000 close and still answers', async () => {
    const identifies = fake.identifies.length;
    fake.closeGateway(4000);
    const [resume] = await fake.waitForResume(1);
    expect(resume).toMatchObject({ accepted: true, sessionId: fake.identifies[0]?.sessionId });
    const { id } = await fake.sendInteraction(chatInput({ name: 'ping', guildId }));
    expect(dataOf((await fake.waitForCallback(id)).body)['content']).toBe('pong');
    expect(fake.identifies).toHaveLength(identifies);
  });

  it('resumes after an abnormal drop (1006) and still answers', async () => {
    fake.closeGateway(1006);
    await fake.waitForResume(2);
    const { id } = await fake.sendInteraction(chatInput({ name: 'ping', guildId }));
    expect(dataOf((await fake.waitForCallback(id)).body)['content']).toBe('pong');
    expect(errors).toEqual([]);
  });
});

describe('fake Discord with two shards', () => {
  const guildOnShard0 = guildIdForShard(0, 2);
  const guildOnShard1 = guildIdForShard(1, 2);
  const errors: unknown[] = [];
  let fake: FakeDiscord;
  let client: Client;

  beforeAll(async () => {
    fake = await startFakeDiscord({ shards: 2, guilds: [{ id: guildOnShard0 }, { id: guildOnShard1 }] });
    client = new Client({ intents: [GatewayIntentBits.Guilds], shards: 'auto', rest: { api: fake.apiUrl } });
    attachBot(client, errors, []);
    const isReady = ready(client);
    await client.login(fakeBotToken());
    await isReady;
  });

  afterAll(async () => {
    await client?.destroy();
    await fake?.close();
  });

  it('identifies once per shard and sends each shard only its guilds', () => {
    expect(fake.identifies.map((i) => i.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(client.guilds.cache.get(guildOnShard0)?.shardId).toBe(0);
    expect(client.guilds.cache.get(guildOnShard1)?.shardId).toBe(1);
  });

  it('routes interactions to the shard owning the guild, and both are answered', async () => {
    const first = await fake.sendInteraction(chatInput({ name: 'shard', guildId: guildOnShard0 }));
    const second = await fake.sendInteraction(chatInput({ name: 'shard', guildId: guildOnShard1 }));
    expect(dataOf((await fake.waitForCallback(first.id)).body)['content']).toBe('shard 0');
    expect(dataOf((await fake.waitForCallback(second.id)).body)['content']).toBe('shard 1');
    expect(errors).toEqual([]);
  });
});
