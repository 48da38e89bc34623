import { ApplicationCommandOptionType, ApplicationCommandType, InteractionContextType, PermissionFlagsBits } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { clientOptions } from '../../src/bot/client.js';
import { commands, deployable, findCommand, findMessageCommand, messageCommands } from '../../src/bot/commands/index.js';
import { findButtonHandler } from '../../src/bot/buttons.js';

describe('command definitions', () => {
  const json = commands.map((command) => command.data.toJSON());

  it('are /case and /case-admin', () => {
    expect(json.map((c) => c.name)).toEqual(['case', 'case-admin']);
    expect(typeof findCommand('case')?.autocomplete).toBe('function');
    expect(findCommand('nope')).toBeUndefined();
  });

  it('keep every description within Discord’s 100 characters', () => {
    const descriptions = json.flatMap((c) => [c.description, ...(c.options ?? []).map((o) => o.description)]);
    for (const description of descriptions) expect(description.length).toBeLessThanOrEqual(100);
  });

  it('/case takes a required, autocompleted query of at most 200 characters, an optional private flag, an autocompleted case and a user to mention', () => {
    const caseJson = json[0];
    expect(caseJson?.options).toEqual([
      expect.objectContaining({
        name: 'query',
        type: ApplicationCommandOptionType.String,
        required: true,
        autocomplete: true,
        max_length: 200,
      }),
      expect.objectContaining({ name: 'private', type: ApplicationCommandOptionType.Boolean, required: false }),
      expect.objectContaining({
        name: 'case',
        type: ApplicationCommandOptionType.String,
        required: false,
        autocomplete: true,
        max_length: 100,
      }),
      expect.objectContaining({ name: 'mention', type: ApplicationCommandOptionType.User, required: false }),
    ]);
    for (const option of caseJson?.options ?? []) expect(option.description.length).toBeLessThanOrEqual(100);
  });

  it('/case-admin needs Manage Server by default and exists only in servers', () => {
    const admin = json[1];
    expect(admin?.default_member_permissions).toBe(String(PermissionFlagsBits.ManageGuild));
    expect(admin?.contexts).toEqual([InteractionContextType.Guild]);
    expect(admin?.options?.map((o) => [o.name, o.type])).toEqual([
      ['reload', ApplicationCommandOptionType.Subcommand],
      ['status', ApplicationCommandOptionType.Subcommand],
      ['gaps', ApplicationCommandOptionType.Subcommand],
      ['default-case', ApplicationCommandOptionType.Subcommand],
    ]);
    const defaultCase = admin?.options?.find((o) => o.name === 'default-case');
    expect(defaultCase?.type === ApplicationCommandOptionType.Subcommand ? defaultCase.options : undefined).toEqual([
      expect.objectContaining({ name: 'case', type: ApplicationCommandOptionType.String, required: false, autocomplete: true }),
    ]);
  });

  it('/case-admin gaps takes an optional case id and a number of days from 1 to 365', () => {
    const gaps = json[1]?.options?.find((o) => o.name === 'gaps');
    const options = gaps !== undefined && 'options' in gaps ? (gaps.options ?? []) : [];
    expect(options.map((o) => ({ name: o.name, type: o.type, required: o.required ?? false }))).toEqual([
      { name: 'case', type: ApplicationCommandOptionType.String, required: false },
      { name: 'days', type: ApplicationCommandOptionType.Integer, required: false },
    ]);
    const days = options.find((o) => o.name === 'days');
    expect(days !== undefined && 'min_value' in days ? [days.min_value, days.max_value] : []).toEqual([1, 365]);
    for (const option of [gaps, ...options]) expect(option?.description.length).toBeLessThanOrEqual(100);
  });
});

describe('the message command', () => {
  it('is “Check against case facts”: type 3, no description, no options, 1–32 characters, registered with the slash commands', () => {
    const json = messageCommands.map((command) => command.data.toJSON());
    expect(json).toEqual([expect.objectContaining({ name: 'Check against case facts', type: ApplicationCommandType.Message })]);
    const [check] = json;
    expect(check?.name.length).toBeLessThanOrEqual(32);
    expect(check).not.toHaveProperty('description');
    expect(check).not.toHaveProperty('options');
    expect(typeof findMessageCommand('Check against case facts')?.execute).toBe('function');
    expect(findMessageCommand('case')).toBeUndefined();
    expect(deployable.map((c) => c.toJSON().name)).toEqual(['case', 'case-admin', 'Check against case facts']);
  });
});

describe('buttons', () => {
  it('routes page and vote buttons by prefix and nothing else', () => {
    expect(findButtonHandler('case:page:abc:1')).toBeTypeOf('function');
    expect(findButtonHandler('cp1:AAAA')).toBe(findButtonHandler('case:page:abc:1'));
    expect(findButtonHandler('case:vote:abc:up')).toBeTypeOf('function');
    expect(findButtonHandler('case:vote:abc:up')).not.toBe(findButtonHandler('case:page:abc:1'));
    expect(findButtonHandler('cv1:AAAA')).toBe(findButtonHandler('case:vote:abc:up'));
    expect(findButtonHandler('case:info:abc')).toBeUndefined();
    expect(findButtonHandler('other')).toBeUndefined();
  });
});

describe('clientOptions', () => {
  it('uses the Guilds intent only and no mentions', () => {
    const options = clientOptions({ discordApiUrl: undefined });
    expect(options.intents).toEqual([1]);
    expect(options.allowedMentions).toEqual({ parse: [] });
    expect(options.rest).toBeUndefined();
  });

  it('points REST at DISCORD_API_URL', () => {
    expect(clientOptions({ discordApiUrl: 'http://127.0.0.1:9/api' }).rest).toEqual({ api: 'http://127.0.0.1:9/api' });
  });
});
