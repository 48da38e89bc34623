import { Client, Events, MessageFlags } from 'discord.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PageSessions } from '../../src/app/page-sessions.js';
import { createCaseBot, type CaseBot } from '../../src/app/case-bot.js';
import { createMessageChecker } from '../../src/app/check-message.js';
import { clientOptions } from '../../src/bot/client.js';
import type { BotContext } from '../../src/bot/context.js';
import { handleInteraction } from '../../src/bot/interactions.js';
import { captureLog, fakeStore, type FakeStoreOptions } from '../app/fake-store.js';
import { botMessage, dispatchInteraction, startFakeRest, type FakeRest } from './fake-rest.js';

const APP = '999999999999999999';
const GUILD = '500000000000000000';
const ALICE = { id: '111111111111111111', username: 'alice', discriminator: '0', global_name: 'Alice', avatar: null };
const MOD_ROLE = '333333333333333333';
const MANAGE_GUILD = String(1n << 5n);

let rest: FakeRest;
let client: Client;
let sequence = 0;

beforeAll(async () => {
  rest = await startFakeRest();
  client = new Client(clientOptions({ discordApiUrl: rest.api }));
});

afterAll(async () => {
  await client.destroy();
  await rest.close();
});

beforeEach(() => {
  rest.requests.length = 0;
});

function member(permissions = '0', roles: string[] = []) {
  return { user: ALICE, roles, permissions, joined_at: new Date(0).toISOString(), deaf: false, mute: false, flags: 0 };
}

function base(type: number, where: 'guild' | 'dm', memberPermissions = '0', roles: string[] = []) {
  sequence += 1;
  return {
    id: `80000000000000${String(sequence).padStart(4, '0')}`,
    application_id: APP,
    type,
    token: `token-${sequence}`,
    version: 1,
    locale: 'en-US',
    app_permissions: '0',
    entitlements: [],
    authorizing_integration_owners: {},
    channel_id: '600000000000000000',
    ...(where === 'guild' ? { guild_id: GUILD, member: member(memberPermissions, roles), context: 0 } : { user: ALICE, context: 1 }),
  };
}

function slash(name: string, options: object[], where: 'guild' | 'dm' = 'guild', permissions = '0', roles: string[] = []) {
  return { ...base(2, where, permissions, roles), data: { id: '400000000000000000', name, type: 1, options } };
}

function caseCommand(query: string, isPrivate?: boolean) {
  const options: object[] = [{ name: 'query', type: 3, value: query }];
  if (isPrivate !== undefined) options.push({ name: 'private', type: 5, value: isPrivate });
  return slash('case', options);
}

function button(customId: string) {
  return {
    ...base(3, 'guild'),
    data: { custom_id: customId, component_type: 2 },
    message: botMessage({ ...ALICE, id: APP }),
  };
}

/** Dispatches raw interactions and waits until the bot has fully handled them. */
function makeBot(log: ReturnType<typeof captureLog>['log'], store?: FakeStoreOptions): CaseBot {
  return createCaseBot({
    store: fakeStore(store),
    sessions: new PageSessions(),
    log,
    cooldownSeconds: 5,
    modRoleIds: [MOD_ROLE],
    version: '1.0.0',
  });
}

async function run(
  raws: object[],
  options: {
    store?: FakeStoreOptions;
    deferAfterMs?: number;
    bot?: (bot: CaseBot) => CaseBot;
    capture?: ReturnType<typeof captureLog>;
    reuse?: CaseBot;
  } = {},
) {
  const { lines, log } = options.capture ?? captureLog();
  let bot = options.reuse ?? makeBot(log, options.store);
  if (options.bot !== undefined) bot = options.bot(bot);
  const ctx: BotContext = {
    bot,
    check: createMessageChecker({ store: fakeStore(options.store), log }),
    log,
    deferAfterMs: options.deferAfterMs ?? 2000,
  };
  const pending: Promise<void>[] = [];
  const listener = (interaction: Parameters<typeof handleInteraction>[0]) => {
    pending.push(handleInteraction(interaction, ctx));
  };
  client.on(Events.InteractionCreate, listener);
  try {
    for (const raw of raws) {
      dispatchInteraction(client, raw);
      await Promise.all(pending);
    }
  } finally {
    client.off(Events.InteractionCreate, listener);
  }
  const interactionLines = lines.filter((line) => line.msg === 'interaction').map((line) => line.obj);
  return { lines, interactionLines, requests: [...rest.requests] };
}

/** A message command (type 2, command type 3) on a message with this content. */
function messageCommand(name: string, content: string) {
  const target = {
    id: '700000000000000001',
    channel_id: '600000000000000000',
    content,
    embeds: [],
    components: [],
    attachments: [],
    mentions: [],
    mention_roles: [],
    type: 0,
    author: ALICE,
    timestamp: new Date(0).toISOString(),
  };
  return {
    ...base(2, 'guild'),
    data: { id: '400000000000000001', name, type: 3, target_id: target.id, resolved: { messages: { [target.id]: target } } },
  };
}

interface CallbackBody {
  type: number;
  data?: { content?: string; flags?: number; embeds?: unknown[]; components?: unknown[]; allowed_mentions?: unknown; choices?: unknown[] };
}

function callback(requests: FakeRest['requests'], index = 0): CallbackBody {
  const request = requests.filter((r) => r.path.includes('/callback'))[index];
  if (request === undefined) throw new Error(`no callback #${index}; got ${requests.map((r) => `${r.method} ${r.path}`).join(', ')}`);
  return request.body as CallbackBody;
}

describe('handleInteraction', () => {
  it('answers /case publicly, without mentions, and logs one line', async () => {
    const { requests, interactionLines } = await run([caseCommand('jaxa')]);
    const body = callback(requests);
    expect(body.type).toBe(4);
    expect(body.data?.flags ?? 0).toBe(0);
    expect(body.data?.embeds).toHaveLength(4);
    expect(body.data?.allowed_mentions).toEqual({ parse: [] });
    expect(interactionLines).toEqual([
      expect.objectContaining({
        kind: 'command',
        command: 'case',
        userId: ALICE.id,
        guildId: GUILD,
        outcome: 'answered',
        latencyMs: expect.any(Number),
      }),
    ]);
  });

  it('answers privately with the ephemeral flag', async () => {
    const { requests } = await run([caseCommand('jaxa', true)]);
    expect(callback(requests).data?.flags).toBe(MessageFlags.Ephemeral);
  });

  it('pages for the asker by updating the message', async () => {
    const capture = captureLog();
    const bot = makeBot(capture.log);
    const first = await run([caseCommand('jaxa')], { capture, reuse: bot });
    const row = callback(first.requests).data?.components?.[0];
    const customId = JSON.stringify(row).match(/"label":"More ▶","custom_id":"(cp1:[A-Za-z0-9_-]+)"/)?.[1] ?? '';
    expect(customId).not.toBe('');
    rest.requests.length = 0;
    const { requests } = await run([button(customId)], { capture, reuse: bot });
    const interactionLines = capture.lines
      .filter((l) => l.msg === 'interaction')
      .map((l) => l.obj)
      .slice(1);
    expect(callback(requests).type).toBe(7); // UPDATE_MESSAGE
    expect(interactionLines[0]).toMatchObject({ kind: 'button', outcome: 'paged' });
  });

  it('answers stale buttons privately', async () => {
    const { requests, interactionLines } = await run([button('case:page:gone:1')]);
    expect(callback(requests)).toMatchObject({ type: 4, data: { flags: MessageFlags.Ephemeral } });
    expect(interactionLines[0]?.outcome).toBe('paging-expired');
  });

  it('answers autocomplete with choices', async () => {
    const raw = {
      ...base(4, 'guild'),
      data: { id: '400000000000000000', name: 'case', type: 1, options: [{ name: 'query', type: 3, value: 'ja', focused: true }] },
    };
    const { requests } = await run([raw]);
    expect(callback(requests)).toEqual({ type: 8, data: { choices: [{ name: 'ja…', value: 'ja' }] } });
  });

  it('routes the message command to the checker: the target message text, answered privately, one log line', async () => {
    const { requests, interactionLines } = await run([messageCommand('Check against case facts', 'JAXA staff removed the tick @everyone')]);
    const body = callback(requests);
    expect(body.type).toBe(4);
    expect(body.data?.flags).toBe(MessageFlags.Ephemeral);
    expect(body.data?.allowed_mentions).toEqual({ parse: [] });
    expect(JSON.stringify(body.data?.embeds)).toContain('JAXA staff removed the tick.');
    expect(interactionLines[0]).toMatchObject({ kind: 'message-command', command: 'Check against case facts', outcome: 'checked' });
  });

  it('says "Unknown command" privately for a message command it does not know', async () => {
    const { requests, interactionLines } = await run([messageCommand('Translate', 'hello')]);
    expect(callback(requests).data).toMatchObject({ content: 'Unknown command.', flags: MessageFlags.Ephemeral });
    expect(interactionLines[0]).toMatchObject({ kind: 'message-command', outcome: 'unknown-command' });
  });

  it('says "Unknown command" privately for a command it does not know', async () => {
    const { requests, interactionLines } = await run([slash('nope', [])]);
    expect(callback(requests).data).toMatchObject({ content: 'Unknown command.', flags: MessageFlags.Ephemeral });
    expect(interactionLines[0]?.outcome).toBe('unknown-command');
  });

  it('refuses /case-admin to members without Manage Server or a moderator role', async () => {
    const { requests, interactionLines } = await run([slash('case-admin', [{ name: 'status', type: 1 }])]);
    expect(callback(requests).data).toMatchObject({ content: expect.stringMatching(/for moderators/), flags: MessageFlags.Ephemeral });
    expect(interactionLines[0]).toMatchObject({ command: 'case-admin status', outcome: 'refused' });
  });

  it('refuses /case-admin in DMs', async () => {
    const { requests } = await run([slash('case-admin', [{ name: 'status', type: 1 }], 'dm')]);
    expect(callback(requests).data?.content).toMatch(/only inside a server/);
  });

  it('lets a moderator role see the status', async () => {
    const { requests, interactionLines } = await run([slash('case-admin', [{ name: 'status', type: 1 }], 'guild', '0', [MOD_ROLE])]);
    expect(callback(requests)).toMatchObject({ type: 4, data: { flags: MessageFlags.Ephemeral } });
    expect(interactionLines[0]?.outcome).toBe('status');
  });

  it('defers a reload privately, then edits in the report', async () => {
    const { requests, interactionLines } = await run([slash('case-admin', [{ name: 'reload', type: 1 }], 'guild', MANAGE_GUILD)]);
    expect(callback(requests)).toEqual({ type: 5, data: { flags: MessageFlags.Ephemeral } });
    const edit = requests.find((r) => r.method === 'PATCH');
    expect(edit?.path).toMatch(new RegExp(`/webhooks/${APP}/token-\\d+/messages/@original`));
    expect(JSON.stringify(edit?.body)).toMatch(/reloaded/i);
    expect(interactionLines[0]).toMatchObject({ outcome: 'reloaded', deferred: true });
  });

  it('never throws: a failing handler gets an apology whose reference id is in the log', async () => {
    const broken = (bot: CaseBot): CaseBot => ({
      ...bot,
      handleStatus: () => {
        throw new Error('status exploded');
      },
    });
    const { requests, lines, interactionLines } = await run([slash('case-admin', [{ name: 'status', type: 1 }], 'guild', MANAGE_GUILD)], {
      bot: broken,
    });
    const content = callback(requests).data?.content ?? '';
    const ref = /`([0-9a-f]{8})`/.exec(content)?.[1];
    expect(ref).toBeDefined();
    expect(content).not.toContain('exploded');
    expect(lines.find((l) => l.level === 'error')?.obj).toMatchObject({ refId: ref });
    expect(interactionLines[0]).toMatchObject({ outcome: 'error', refId: ref });
  });
});
