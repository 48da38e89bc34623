/**
 * The gateway and the HTTP endpoint answer the same interactions. The candidates are read off the
 * code — the commands, subcommands and autocompleted options `deploy-commands` registers, the app
 * layer's routing table, and the custom_ids of a real answer's buttons — plus one of each kind that
 * is nobody's. Each is delivered as the same Discord payload to both transports (the gateway
 * through a real discord.js client, the endpoint through its parser and dispatcher), and what each
 * one handled (anything but "unknown") is compared: a command, button or completion one transport
 * handles and the other does not fails here.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client, Events } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplicationCommandOptionType, PermissionFlagsBits, type APIInteraction } from 'discord-api-types/v10';
import { PageSessions } from '../../src/app/page-sessions.js';
import { createInteractionApp } from '../../src/app/interaction-app.js';
import { ROUTES, type InteractionApp } from '../../src/app/interaction-routes.js';
import { clientOptions } from '../../src/bot/client.js';
import { commands, messageCommands } from '../../src/bot/commands/index.js';
import { handleInteraction } from '../../src/bot/interactions.js';
import { openGapStore } from '../../src/gaps/index.js';
import type { GapStore } from '../../src/gaps/types.js';
import { createDispatcher } from '../../src/http/dispatch.js';
import { parseInteraction } from '../../src/http/payload.js';
import { captureLog, fakeStore } from '../app/fake-store.js';
import { dispatchInteraction, startFakeRest, type FakeRest } from '../bot/fake-rest.js';
import { autocomplete, button, chatInput, MEMBER_PERMISSIONS, messageCommand } from '../e2e/fake-discord/index.js';

const APP = '100000000000000001';
const GUILD = '1100000000000000000';
const MODERATOR = { id: '200000000000000003', username: 'mod' };
const PERMISSIONS = MEMBER_PERMISSIONS | PermissionFlagsBits.ManageGuild;
/** Outcomes that mean "not ours". */
const UNKNOWN = new Set(['unknown-command', 'unknown-button', 'unknown-subcommand', 'no-choices']);

/** One interaction to try on both transports, and the name it is listed under. */
interface Probe {
  readonly key: string;
  readonly payload: APIInteraction;
}

const where = { guildId: GUILD, user: MODERATOR, permissions: PERMISSIONS, applicationId: APP };

/** Every registered command (per subcommand) and every autocompleted option, from the definitions `deploy-commands` sends. */
function registeredProbes(): Probe[] {
  const probes: Probe[] = [];
  for (const definition of commands.map((c) => c.data.toJSON())) {
    const options = definition.options ?? [];
    const subcommands = options.filter((o) => o.type === ApplicationCommandOptionType.Subcommand);
    const leaves = (sub: (typeof options)[number] | undefined) =>
      (sub === undefined ? options : 'options' in sub ? (sub.options ?? []) : []).filter(
        (o) => o.type !== ApplicationCommandOptionType.Subcommand && o.type !== ApplicationCommandOptionType.SubcommandGroup,
      );
    for (const sub of subcommands.length === 0 ? [undefined] : subcommands) {
      const name = sub === undefined ? definition.name : `${definition.name} ${sub.name}`;
      // Required string options get a value, as Discord insists.
      const required = Object.fromEntries(
        leaves(sub)
          .filter((o) => 'required' in o && o.required === true && o.type === ApplicationCommandOptionType.String)
          .map((o) => [o.name, 'jaxa']),
      );
      const subcommand = sub === undefined ? {} : { subcommand: sub.name };
      probes.push({ key: `command ${name}`, payload: chatInput({ ...where, name: definition.name, ...subcommand, options: required }) });
      for (const option of leaves(sub).filter((o) => 'autocomplete' in o && o.autocomplete === true)) {
        probes.push({
          key: `autocomplete ${name} ${option.name}`,
          payload: autocomplete({ ...where, name: definition.name, ...subcommand, focused: { name: option.name, value: 'ja' } }),
        });
      }
    }
  }
  for (const definition of messageCommands.map((c) => c.data.toJSON())) {
    probes.push({
      key: `message-command ${definition.name}`,
      payload: messageCommand({ ...where, name: definition.name, content: 'JAXA' }),
    });
  }
  return probes;
}

/** What the app layer routes, and what nobody does. */
function routedAndForeignProbes(): Probe[] {
  return [
    ...ROUTES.slashCommands.map((name) => ({ key: `command ${name}`, payload: chatInput({ ...where, name, options: { query: 'jaxa' } }) })),
    ...ROUTES.messageCommands.map((name) => ({
      key: `message-command ${name}`,
      payload: messageCommand({ ...where, name, content: 'JAXA' }),
    })),
    ...ROUTES.buttonPrefixes.map((prefix) => ({ key: `button ${prefix}`, payload: button({ ...where, customId: `${prefix}x` }) })),
    { key: 'command not-ours', payload: chatInput({ ...where, name: 'not-ours' }) },
    { key: 'message-command Translate', payload: messageCommand({ ...where, name: 'Translate', content: 'hi' }) },
    { key: 'button other:', payload: button({ ...where, customId: 'other:thing' }) },
    { key: 'autocomplete not-ours', payload: autocomplete({ ...where, name: 'not-ours', focused: { name: 'query', value: 'x' } }) },
  ];
}

/** A custom_id named by its fixed part: everything before its last two `:`-separated fields, or before the last one. */
function buttonKind(customId: string): string {
  const parts = customId.split(':');
  return `${parts.slice(0, Math.max(1, parts.length - 2)).join(':')}:`;
}

describe('the gateway and the HTTP endpoint handle the same interactions', () => {
  let rest: FakeRest;
  let client: Client;
  let dir: string;
  let gaps: GapStore;
  let app: InteractionApp;
  const gatewayLog = captureLog();
  const httpLog = captureLog();

  beforeAll(async () => {
    rest = await startFakeRest();
    client = new Client(clientOptions({ discordApiUrl: rest.api }));
    dir = await mkdtemp(path.join(tmpdir(), 'casebot-parity-'));
    gaps = openGapStore(path.join(dir, 'gaps.sqlite'), { retentionDays: 30 });
    app = createInteractionApp({
      store: fakeStore(),
      sessions: new PageSessions(),
      log: httpLog.log,
      cooldownSeconds: 0,
      modRoleIds: [],
      version: 'test',
      gaps,
    });
  });

  afterAll(async () => {
    await client.destroy();
    await rest.close();
    gaps.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** The outcome the gateway logs for the payload. */
  async function onGateway(payload: APIInteraction): Promise<string> {
    const ctx = { ...app, log: gatewayLog.log, deferAfterMs: 2000 };
    const handled: Promise<void>[] = [];
    const listener = (interaction: Parameters<typeof handleInteraction>[0]) => void handled.push(handleInteraction(interaction, ctx));
    client.on(Events.InteractionCreate, listener);
    try {
      dispatchInteraction(client, payload);
      await Promise.all(handled);
    } finally {
      client.off(Events.InteractionCreate, listener);
    }
    return outcomeOf(gatewayLog.lines, payload.id);
  }

  /** The outcome the endpoint logs for the payload (its deferred work run to the end). */
  async function onHttp(payload: APIInteraction): Promise<string> {
    const dispatch = createDispatcher({ app: () => app, log: httpLog.log, editOriginal: async () => true });
    const parsed = parseInteraction(JSON.parse(JSON.stringify(payload)));
    if (parsed === null) return 'unparsed';
    await (await dispatch(parsed)).after?.();
    return outcomeOf(httpLog.lines, payload.id);
  }

  function outcomeOf(lines: ReturnType<typeof captureLog>['lines'], interactionId: string): string {
    const line = lines.findLast((l) => l.msg === 'interaction' && l.obj['interactionId'] === interactionId);
    return String(line?.obj['outcome'] ?? 'no log line');
  }

  it('derives a list that means something: every registered command, option and button kind, and foreign ones', async () => {
    // The buttons a real answer carries (page, page indicator, 👍 / 👎), found by asking.
    const answer = await app.bot.handleCase({ query: 'jaxa', private: false, userId: MODERATOR.id, moderator: false, interactionId: '1' });
    const customIds = (answer.components ?? []).flatMap((row) => row.components.flatMap((b) => ('custom_id' in b ? [b.custom_id] : [])));
    // Vote buttons are signed (cv1:) when the question fits one, else name an answer held in memory.
    expect(customIds.some((id) => id.startsWith('cv1:') || id.startsWith('case:vote:'))).toBe(true);
    const probes = [
      ...registeredProbes(),
      ...routedAndForeignProbes(),
      ...customIds.map((customId) => ({ key: `button ${buttonKind(customId)}`, payload: button({ ...where, customId }) })),
    ];

    const handledBy = { gateway: new Set<string>(), http: new Set<string>() };
    const outcomes: string[] = [];
    for (const probe of probes) {
      const gateway = await onGateway(probe.payload);
      const http = await onHttp(probe.payload);
      outcomes.push(`${probe.key}: gateway ${gateway}, http ${http}`);
      if (!UNKNOWN.has(gateway)) handledBy.gateway.add(probe.key);
      if (!UNKNOWN.has(http)) handledBy.http.add(probe.key);
    }
    const gatewayOnly = [...handledBy.gateway].filter((key) => !handledBy.http.has(key));
    const httpOnly = [...handledBy.http].filter((key) => !handledBy.gateway.has(key));
    expect({ gatewayOnly, httpOnly }, outcomes.join('\n')).toEqual({ gatewayOnly: [], httpOnly: [] });

    // And the list is the registered one: every registered probe handled, nothing foreign.
    for (const probe of registeredProbes()) expect(handledBy.http, probe.key).toContain(probe.key);
    for (const foreign of ['command not-ours', 'message-command Translate', 'button other:', 'autocomplete not-ours']) {
      expect(handledBy.http).not.toContain(foreign);
    }
    expect([...handledBy.http].filter((key) => key.startsWith('button ')).sort()).toEqual(
      ['button case:page:', 'button case:vote:', 'button cp1:', 'button cv1:'].sort(),
    );
  });
});
