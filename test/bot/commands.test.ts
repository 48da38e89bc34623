import { ApplicationCommandOptionType, ApplicationCommandType, InteractionContextType, PermissionFlagsBits } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { clientOptions } from '../../src/bot/client.js';
import { ROUTES } from '../../src/app/interaction-routes.js';
import { commands, deployable, messageCommands } from '../../src/bot/commands/index.js';

describe('command definitions', () => {
  const json = commands.map((command) => command.data.toJSON());

  it('are /case and /case-admin, exactly the slash commands the app layer routes', () => {
    expect(json.map((c) => c.name)).toEqual(['case', 'case-admin']);
    expect([...ROUTES.slashCommands].sort()).toEqual(json.map((c) => c.name).sort());
  });

  it('offer autocomplete only on commands the app layer completes', () => {
    const autocompleted = (options: readonly unknown[] | undefined): boolean =>
      (options ?? []).some(
        (o) =>
          typeof o === 'object' &&
          o !== null &&
          (('autocomplete' in o && o.autocomplete === true) || ('options' in o && Array.isArray(o.options) && autocompleted(o.options))),
      );
    expect(json.filter((c) => autocompleted(c.options)).map((c) => c.name)).toEqual([...ROUTES.autocomplete]);
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
    expect([...ROUTES.messageCommands]).toEqual(json.map((c) => c.name));
    expect(deployable.map((c) => c.toJSON().name)).toEqual(['case', 'case-admin', 'Check against case facts']);
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
