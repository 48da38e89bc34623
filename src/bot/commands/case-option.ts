import type { SlashCommandStringOption } from 'discord.js';
import { inJapanese, type JA_COMMANDS } from './localizations.js';

/** Discord's limit on an autocomplete choice's value, and so on a case id picked from one. */
const CHOICE_MAX = 100;

/**
 * A `case` option: a case id, completed from the loaded cases. `/case` and `/case-admin gaps` and
 * `default-case` all take one, the same way; only the description (and its Japanese) differs.
 *
 * @example
 * builder.addStringOption((option) => caseOption(option, 'case case', 'Which case to answer from'))
 */
export function caseOption(
  option: SlashCommandStringOption,
  path: keyof typeof JA_COMMANDS,
  description: string,
): SlashCommandStringOption {
  return inJapanese(option, path).setName('case').setDescription(description).setAutocomplete(true).setMaxLength(CHOICE_MAX);
}
