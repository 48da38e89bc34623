/**
 * casebot's real shard processes (src/main.ts under discord.js's ShardingManager) against the local
 * Discord fake, for end-to-end tests: started with the environment a test gives, their output kept
 * for a failing test, and every process stopped (killed if need be) by `stop`.
 */
import type { Shard } from 'discord.js';
import { startShards, type ManagerLogger, type RunningShards } from '../../../src/shard/manager.js';
import { fakeBotToken, type FakeDiscord } from '../fake-discord/index.js';

export interface TestShards {
  readonly running: RunningShards;
  /** The shard objects, for signals (SIGSTOP) and process ids. */
  readonly shards: readonly Shard[];
  /** The manager's log lines (`info shard ready …`). */
  readonly managerLog: readonly string[];
  /** Everything the shard processes printed. */
  readonly output: readonly string[];
  /** Stops every shard (SIGTERM, then SIGKILL for any left): no process outlives the test. */
  stop(): Promise<void>;
}

/** Polls `probe` until it returns a value (not undefined), or fails with what was awaited. */
export async function eventually<T>(what: string, probe: () => T | undefined, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Starts `npm start`'s shard manager with the count learnt from the fake (`auto`), the facts in
 * `factsDir` and the gaps file `gapsDb`; `env` adds or overrides variables.
 *
 * @example
 * const shards = await startTestShards(fake, { factsDir, gapsDb });
 * await shards.stop();
 */
export async function startTestShards(
  fake: FakeDiscord,
  options: { readonly factsDir: string; readonly gapsDb: string; readonly env?: Readonly<Record<string, string>> },
): Promise<TestShards> {
  const managerLog: string[] = [];
  const output: string[] = [];
  const shards: Shard[] = [];
  const log: ManagerLogger = {
    info: (obj, msg) => managerLog.push(`info ${msg ?? ''} ${JSON.stringify(obj)}`),
    warn: (obj, msg) => managerLog.push(`warn ${msg ?? ''} ${JSON.stringify(obj)}`),
    error: (obj, msg) => managerLog.push(`error ${msg ?? ''} ${JSON.stringify(obj)}`),
  };
  const killAll = (): void => {
    for (const shard of shards) {
      shard.manager.respawn = false;
      shard.process?.kill('SIGKILL');
    }
  };
  try {
    const running = await startShards({
      token: fakeBotToken(),
      apiUrl: fake.apiUrl,
      shardCount: 'auto',
      log,
      env: {
        DISCORD_API_URL: fake.apiUrl,
        FACTS_DIR: options.factsDir,
        GAPS_DB: options.gapsDb,
        LOG_LEVEL: 'warn',
        CASE_COOLDOWN_SECONDS: '0',
        DISCORD_CLIENT_ID: '',
        DISCORD_GUILD_ID: '',
        MOD_ROLE_IDS: '',
        NODE_ENV: 'test',
        ...options.env,
      },
      spawnDelayMs: 100,
      readyTimeoutMs: 20_000,
      // A reload takes well under a second; the margin is for a loaded CI machine (it once took 3.2 s).
      reloadTimeoutMs: 8000,
      silent: true,
      onShardCreate(shard) {
        shards.push(shard);
        shard.on('spawn', () => {
          shard.process?.stdout?.on('data', (chunk: Buffer) => output.push(`[shard ${shard.id}] ${chunk.toString()}`));
          shard.process?.stderr?.on('data', (chunk: Buffer) => output.push(`[shard ${shard.id} err] ${chunk.toString()}`));
        });
      },
    });
    return {
      running,
      shards,
      managerLog,
      output,
      async stop() {
        await running.stop('SIGTERM', 5000);
        killAll();
        if (process.env.CASEBOT_TEST_DEBUG) console.log([...managerLog, ...output].join('\n'));
      },
    };
  } catch (error) {
    // Even when startShards never returned: no shard process may outlive the test.
    killAll();
    console.log([...managerLog, ...output].join('\n'));
    throw error;
  }
}
