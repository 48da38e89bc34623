import * as caseAdmin from './case-admin.js';
import * as caseCommand from './case.js';
import * as checkMessage from './check-message.js';
import type { BotCommand, MessageCommand } from './types.js';

/** Every slash command the bot registers (a test checks the app layer routes exactly these). */
export const commands: readonly BotCommand[] = [caseCommand, caseAdmin];

/** Every message context-menu command the bot registers. */
export const messageCommands: readonly MessageCommand[] = [checkMessage];

/** What `deploy-commands` registers: the slash commands, then the message commands. */
export const deployable: readonly (BotCommand['data'] | MessageCommand['data'])[] = [
  ...commands.map((command) => command.data),
  ...messageCommands.map((command) => command.data),
];
