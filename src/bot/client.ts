import { Client, GatewayIntentBits, type ClientOptions } from 'discord.js';
import type { Config } from '../config.js';

/**
 * The client options casebot runs with: the Guilds intent only (slash commands need no message
 * content), no mentions ever by default, and the REST base from DISCORD_API_URL when set (which
 * also moves the gateway, since discord.js asks REST for its URL).
 */
export function clientOptions(config: Pick<Config, 'discordApiUrl'>): ClientOptions {
  return {
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [] },
    ...(config.discordApiUrl === undefined ? {} : { rest: { api: config.discordApiUrl } }),
  };
}

/** Creates (does not log in) the discord.js client. */
export function createClient(config: Pick<Config, 'discordApiUrl'>): Client {
  return new Client(clientOptions(config));
}
