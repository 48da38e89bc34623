import type { RESTPostAPIChatInputApplicationCommandsJSONBody, RESTPostAPIContextMenuApplicationCommandsJSONBody } from 'discord.js';

/**
 * A slash command module: its definition, which `deploy-commands` registers. What it does is the
 * app layer's (src/app/interaction-routes.ts), shared with the HTTP endpoint.
 */
export interface BotCommand {
  readonly data: { readonly name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
}

/** A message context-menu command (type 3): a name, no description, no options. */
export interface MessageCommand {
  readonly data: { readonly name: string; toJSON(): RESTPostAPIContextMenuApplicationCommandsJSONBody };
}
