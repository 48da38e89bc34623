/**
 * `FACTS_WATCH=true npm start` (console mode, one process): main.ts starts the watcher, a save
 * reloads through the store, `/case-admin status` shows it, and quitting exits cleanly with the
 * watcher open. Without FACTS_WATCH nothing watches.
 */
import { spawn } from 'node:child_process';
import { appendFile, cp } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { consoleEnv, exited, mainCommand, ROOT, workDir } from './helpers/main-process.js';

async function until(what: string, probe: () => boolean, seen: () => string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; got:\n${seen()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** Starts the console on a copy of the shipped facts; stdout and stderr (JSON log lines) apart. */
async function startConsole(vars: Readonly<Record<string, string>>) {
  const { dir, cleanup } = await workDir();
  cleanups.push(cleanup);
  const factsDir = path.join(dir, 'facts');
  await cp(path.join(ROOT, 'facts'), factsDir, { recursive: true });
  const [command = '', ...args] = mainCommand();
  const child = spawn(command, args, {
    cwd: dir,
    env: consoleEnv({ FACTS_DIR: factsDir, LOG_LEVEL: 'info', ...vars }),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  cleanups.unshift(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  const out = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (out.stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (out.stderr += chunk.toString('utf8')));
  const seen = (): string => `${out.stdout}\n--- stderr ---\n${out.stderr}`;
  await until('the banner', () => out.stdout.includes('casebot console:'), seen);
  return { child, out, seen, factsFile: path.join(factsDir, 'tick-jaxa', 'facts.yaml') };
}

describe('npm start with FACTS_WATCH', () => {
  it('reloads on a save and shows it in /case-admin status; quits with exit code 0', async () => {
    const { child, out, seen, factsFile } = await startConsole({ FACTS_WATCH: 'true', FACTS_WATCH_DEBOUNCE_MS: '100' });
    expect(out.stderr).toContain('watching the facts folder');
    await appendFile(factsFile, '# a comment saved by a moderator\n');
    await until('the reload', () => out.stderr.includes('facts changed on disk; reloaded'), seen);
    child.stdin.write('/case-admin status\n');
    await until('the status', () => out.stdout.includes('Reload on save'), seen);
    expect(out.stdout).toContain('On: a save reloads 100 ms after the last change.');
    expect(out.stdout).toMatch(/Last reload[\s\S]*by file watcher/);
    child.stdin.end('quit\n');
    expect(await exited(child), seen()).toBe(0);
  });

  it('watches nothing when FACTS_WATCH is not set', async () => {
    const { child, out, seen, factsFile } = await startConsole({});
    await appendFile(factsFile, '# a comment\n');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    child.stdin.write('/case-admin status\n');
    await until('the status', () => out.stdout.includes('Reload on save'), seen);
    expect(out.stdout).toMatch(/Off: edits take effect with/);
    expect(out.stdout).toMatch(/None since start/);
    expect(out.stderr).not.toContain('watching the facts folder');
    child.stdin.end('quit\n');
    expect(await exited(child), seen()).toBe(0);
  });
});
