import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { BotContext, HandlerResult } from '../context.js';

/** A slash command module, as in the discord.js guide: its definition and what it does. */
export interface BotCommand {
  readonly data: { readonly name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<HandlerResult>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: BotContext): Promise<HandlerResult>;
}
