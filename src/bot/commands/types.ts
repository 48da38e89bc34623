import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  MessageContextMenuCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord.js';
import type { BotContext, HandlerResult } from '../context.js';

/** A slash command module, as in the discord.js guide: its definition and what it does. */
export interface BotCommand {
  readonly data: { readonly name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<HandlerResult>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: BotContext): Promise<HandlerResult>;
}

/** A message context-menu command (type 3): a name, no description, no options; acts on `targetMessage`. */
export interface MessageCommand {
  readonly data: { readonly name: string; toJSON(): RESTPostAPIContextMenuApplicationCommandsJSONBody };
  execute(interaction: MessageContextMenuCommandInteraction, ctx: BotContext): Promise<HandlerResult>;
}
