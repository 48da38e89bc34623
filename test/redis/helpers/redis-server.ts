/**
 * A real `redis-server` for tests: its own process on a free 127.0.0.1 port with a temporary folder
 * (never the system's server, data or config), stopped and started again at will on the same port.
 *
 * Without the binary (Debian package `redis-server`), tests that need it are skipped locally with a
 * loud warning, and fail in CI (`CI` set), where `.ci/run` installs it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Whether `redis-server` can be run here. */
export function redisServerAvailable(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

/**
 * Decides, once per test file, whether the Redis tests run: true when `redis-server` is there;
 * otherwise throws in CI and warns loudly (returns false) elsewhere.
 */
export function requireRedisServer(what: string): boolean {
  if (redisServerAvailable()) return true;
  const message = `redis-server is not installed: ${what} needs it (Debian: apt-get install redis-server)`;
  if (process.env['CI'] !== undefined && process.env['CI'] !== '') throw new Error(`${message}; CI must install it (.ci/run does)`);
  console.warn(`\n⚠️  SKIPPED — ${message}.\n`);
  return false;
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export interface TestRedis {
  readonly url: string;
  readonly port: number;
  /** Stops the server (SIGKILL: as abrupt as a crash) and waits for it to be gone. */
  stop(): Promise<void>;
  /** Starts it again on the same port (empty: nothing is persisted). */
  start(): Promise<void>;
  /** Stops it and removes its folder. */
  close(): Promise<void>;
}

/** Starts a private redis-server and resolves once it accepts connections. */
export async function startRedisServer(): Promise<TestRedis> {
  const dir = mkdtempSync(path.join(tmpdir(), 'casebot-redis-'));
  const port = await freePort();
  let child: ChildProcess | undefined;

  async function start(): Promise<void> {
    const proc = spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--dir',
        dir,
        '--save',
        '',
        '--appendonly',
        'no',
        '--daemonize',
        'no',
        '--protected-mode',
        'yes',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child = proc;
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`redis-server did not start: ${output}`)), 10_000);
      proc.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString('utf8');
        if (output.includes('Ready to accept connections')) {
          clearTimeout(timer);
          resolve();
        }
      });
      proc.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`redis-server exited with ${String(code)}: ${output}`));
      });
    });
  }

  async function stop(): Promise<void> {
    const proc = child;
    child = undefined;
    if (proc === undefined || proc.exitCode !== null) return;
    const exited = once(proc, 'exit');
    proc.kill('SIGKILL');
    await exited;
  }

  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop,
    start,
    async close() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
