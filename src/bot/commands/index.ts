import * as caseAdmin from './case-admin.js';
import * as caseCommand from './case.js';
import * as checkMessage from './check-message.js';
import type { BotCommand, MessageCommand } from './types.js';

/** Every slash command the bot serves and registers. */
export const commands: readonly BotCommand[] = [caseCommand, caseAdmin];

/** Every message context-menu command the bot serves and registers. */
export const messageCommands: readonly MessageCommand[] = [checkMessage];

/** What `deploy-commands` registers: the slash commands, then the message commands. */
export const deployable: readonly (BotCommand['data'] | MessageCommand['data'])[] = [
  ...commands.map((command) => command.data),
  ...messageCommands.map((command) => command.data),
];

/** Looks a slash command up by its name. */
export function findCommand(name: string): BotCommand | undefined {
  return commands.find((command) => command.data.name === name);
}

/** Looks a message command up by its name. */
export function findMessageCommand(name: string): MessageCommand | undefined {
  return messageCommands.find((command) => command.data.name === name);
}
