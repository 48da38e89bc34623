import { REST, Routes, type RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';

/** The REST calls deployment makes; discord.js's `REST` satisfies it, tests pass a fake. */
export interface DeployRest {
  get(route: `/${string}`): Promise<unknown>;
  put(route: `/${string}`, options: { body: unknown }): Promise<unknown>;
}

export interface DeployOptions {
  /** Slash and context-menu commands alike (see `deployable` in commands/index.ts). */
  readonly commands: readonly { toJSON(): RESTPostAPIApplicationCommandsJSONBody }[];
  /** Absent: learnt from `GET /applications/@me`. */
  readonly applicationId?: string | undefined;
  /** Present: registered for this guild only (visible at once); absent: globally. */
  readonly guildId?: string | undefined;
  readonly rest: DeployRest;
}

export interface DeployResult {
  readonly applicationId: string;
  readonly scope: { readonly guildId: string } | 'global';
  readonly names: readonly string[];
}

/** Deployment failed; the message says what to check. */
export class DeployError extends Error {
  constructor(message: string, options?: { cause: unknown }) {
    super(message, options);
    this.name = 'DeployError';
  }
}

/** A REST client for deployment, pointed at DISCORD_API_URL when set. */
export function createDeployRest(token: string, apiUrl: string | undefined): DeployRest {
  return new REST(apiUrl === undefined ? {} : { api: apiUrl }).setToken(token);
}

/**
 * Registers the commands (slash and message commands), replacing the application's (or the guild's) whole command list
 * with exactly these, so removed commands disappear too.
 *
 * @example
 * await deployCommands({ commands: deployable, guildId, rest: createDeployRest(token, apiUrl) });
 */
export async function deployCommands(options: DeployOptions): Promise<DeployResult> {
  const applicationId = options.applicationId ?? (await learnApplicationId(options.rest));
  const body = options.commands.map((command) => command.toJSON());
  const route =
    options.guildId === undefined
      ? Routes.applicationCommands(applicationId)
      : Routes.applicationGuildCommands(applicationId, options.guildId);
  try {
    await options.rest.put(route, { body });
  } catch (error) {
    const where = options.guildId === undefined ? 'globally' : `in guild ${options.guildId}`;
    throw new DeployError(
      `Discord refused the commands ${where}: ${describe(error)}. Is the bot in that server, and the application id right?`,
      { cause: error },
    );
  }
  return {
    applicationId,
    scope: options.guildId === undefined ? 'global' : { guildId: options.guildId },
    names: body.map((command) => command.name),
  };
}

async function learnApplicationId(rest: DeployRest): Promise<string> {
  let application: unknown;
  try {
    application = await rest.get(Routes.currentApplication());
  } catch (error) {
    throw new DeployError(
      `Could not read the application from Discord (${describe(error)}); check DISCORD_TOKEN or set DISCORD_CLIENT_ID.`,
      { cause: error },
    );
  }
  if (typeof application === 'object' && application !== null && 'id' in application && typeof application.id === 'string') {
    return application.id;
  }
  throw new DeployError('Discord answered GET /applications/@me without an id; set DISCORD_CLIENT_ID.');
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
