/**
 * `npm start` in HTTP mode as a real process (src/main.ts under tsx): chosen by INTERACTIONS_PORT,
 * refused without DISCORD_PUBLIC_KEY, and on SIGTERM it stops accepting, finishes the request in
 * flight and exits 0.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { chatInput, startFakeDiscord, type FakeDiscord } from '../e2e/fake-discord/index.js';
import { FACTS_DIR, sleep } from '../e2e/helpers/bot-harness.js';
import { rawRequest, signedHeaders } from './signed-request.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const GUILD = '1100000000000000000';

/** Runs main.ts with exactly `env` (plus PATH), collecting its output. */
function startMain(env: Record<string, string>): { child: ChildProcess; stdout: string[]; stderr: string[] } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk.toString('utf8')));
  return { child, stdout, stderr };
}

async function waitFor<T>(check: () => T | undefined, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = check();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** The URL from the JSON log line `interactions endpoint listening`. */
function listeningUrl(stdout: string): string | undefined {
  for (const line of stdout.split('\n')) {
    if (!line.includes('interactions endpoint listening')) continue;
    const parsed: unknown = JSON.parse(line);
    if (typeof parsed === 'object' && parsed !== null && 'url' in parsed && typeof parsed.url === 'string') return parsed.url;
  }
  return undefined;
}

describe('npm start in HTTP mode', () => {
  let fake: FakeDiscord | undefined;
  const children: ChildProcess[] = [];

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await fake?.close();
  });

  it('refuses to start with a port but no public key, saying what to set', async () => {
    const run = startMain({ INTERACTIONS_PORT: '0', FACTS_DIR });
    children.push(run.child);
    const [code] = await once(run.child, 'exit');
    expect(code).toBe(1);
    expect(run.stderr.join('')).toContain('INTERACTIONS_PORT is set but DISCORD_PUBLIC_KEY is not');
  });

  it('serves the endpoint instead of the gateway, and on SIGTERM finishes the request in flight and exits 0', async () => {
    fake = await startFakeDiscord();
    const run = startMain({
      INTERACTIONS_PORT: '0',
      INTERACTIONS_HOST: '127.0.0.1',
      DISCORD_PUBLIC_KEY: fake.publicKeyHex,
      DISCORD_API_URL: fake.apiUrl,
      FACTS_DIR,
      LOG_LEVEL: 'info',
    });
    children.push(run.child);
    const url = await waitFor(() => listeningUrl(run.stdout.join('')), 'the listening line');
    // Ready once the facts are loaded.
    while ((await fetch(`${url}/readyz`)).status !== 200) await sleep(100);
    expect(fake.requests.filter((r) => r.route.startsWith('/gateway'))).toEqual([]); // no gateway connection

    const payload = { ...chatInput({ name: 'case', guildId: GUILD, options: { query: 'jaxa' } }), application_id: fake.applicationId };
    const raw = JSON.stringify(payload);
    const half = Math.floor(raw.length / 2);
    let firstHalfSent!: () => void;
    const started = new Promise<void>((resolve) => (firstHalfSent = resolve));
    const inFlight = rawRequest(`${url}/interactions`, {
      headers: { ...signedHeaders(fake.signingKeys.privateKey, raw), 'content-length': String(Buffer.byteLength(raw)) },
      chunks: [raw.slice(0, half), raw.slice(half)],
      delayMs: 500,
      onWritten: (count) => count === half && firstHalfSent(),
    });
    await started;
    const exited = once(run.child, 'exit');
    run.child.kill('SIGTERM');

    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('JAXA');
    const [code] = await exited;
    expect(code).toBe(0);
    expect(run.stdout.join('')).toContain('"msg":"interactions endpoint stopped"');
  });
});
