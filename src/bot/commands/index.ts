import * as caseAdmin from './case-admin.js';
import * as caseCommand from './case.js';
import type { BotCommand } from './types.js';

/** Every slash command the bot serves and registers. */
export const commands: readonly BotCommand[] = [caseCommand, caseAdmin];

/** Looks a command up by its name. */
export function findCommand(name: string): BotCommand | undefined {
  return commands.find((command) => command.data.name === name);
}
