/** Every command, subcommand and option deploys with a Japanese name and description within Discord's rules. */
import { ApplicationCommandType } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { deployable } from '../../src/bot/commands/index.js';
import { JA_CHECK_MESSAGE } from '../../src/bot/commands/localizations.js';

/** Discord's rule for chat-input command and option names (any locale). */
const NAME = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

interface Named {
  readonly name: string;
  readonly description?: string;
  readonly name_localizations?: Partial<Record<string, string | null>> | null;
  readonly description_localizations?: Partial<Record<string, string | null>> | null;
  readonly options?: readonly Named[];
}

/** Each command, subcommand and option of a command's JSON, with its English path. */
function walk(node: Named, path: string): { path: string; node: Named }[] {
  return [{ path, node }, ...(node.options ?? []).flatMap((option) => walk(option, `${path} ${option.name}`))];
}

const json = deployable.map((command) => command.toJSON());

describe('Japanese command definitions', () => {
  const slash = json.filter((c) => c.type === undefined || c.type === ApplicationCommandType.ChatInput);

  it('name and describe every slash command, subcommand and option in Japanese, within Discord’s rules', () => {
    const nodes = slash.flatMap((command) => walk(command, command.name));
    expect(nodes.length).toBeGreaterThanOrEqual(9);
    for (const { path, node } of nodes) {
      const name = node.name_localizations?.ja ?? '';
      const description = node.description_localizations?.ja ?? '';
      expect(name, path).toMatch(NAME);
      expect(name, path).toBe(name.toLowerCase());
      expect(description.length, path).toBeGreaterThanOrEqual(1);
      expect(description.length, path).toBeLessThanOrEqual(100);
      expect(description, path).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    }
  });

  it('give siblings distinct Japanese names', () => {
    const siblings = [slash, ...slash.flatMap((command) => walk(command, command.name).map(({ node }) => node.options ?? []))];
    for (const group of siblings) {
      const names = group.map((node) => node.name_localizations?.ja);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it('name the message command in Japanese (1–32 characters, no description)', () => {
    const message = json.find((c) => c.type === ApplicationCommandType.Message);
    expect(message?.name_localizations).toEqual({ ja: JA_CHECK_MESSAGE });
    expect([...JA_CHECK_MESSAGE].length).toBeLessThanOrEqual(32);
    expect(message).not.toHaveProperty('description_localizations');
  });
});
