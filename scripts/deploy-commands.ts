/**
 * Registers casebot's slash commands and its message command: `npm run deploy-commands`.
 * With DISCORD_GUILD_ID set they go to that server (instant); otherwise globally (may take a while to show).
 */
import { deployable } from '../src/bot/commands/index.js';
import { createDeployRest, deployCommands } from '../src/bot/deploy.js';
import { ConfigError, loadConfig } from '../src/config.js';

const config = loadConfig();
if (config instanceof ConfigError) {
  console.error(config.message);
  process.exit(1);
}
if (config.discordToken === undefined) {
  console.error('DISCORD_TOKEN is not set; deploying commands needs the bot token (see .env.example).');
  process.exit(1);
}

try {
  const result = await deployCommands({
    commands: deployable,
    applicationId: config.discordClientId,
    guildId: config.discordGuildId,
    rest: createDeployRest(config.discordToken, config.discordApiUrl),
  });
  const where = result.scope === 'global' ? 'globally (may take up to an hour to appear)' : `in guild ${result.scope.guildId}`;
  console.log(
    `Registered ${result.names.map((name) => (/\s/.test(name) ? `“${name}” (message command)` : `/${name}`)).join(', ')} for application ${result.applicationId} ${where}.`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
