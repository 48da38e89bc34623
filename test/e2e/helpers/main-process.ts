/**
 * Runs the real `npm start` entry (src/main.ts under tsx) as its own process, in a fresh working
 * directory (so no developer's `.env` is read: it could hold a real token) with only the variables
 * a test gives (or a `.env` it writes there).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CONFIG_VARIABLES } from '../../../src/config.js';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** `node --import <this project's tsx> src/main.ts`, as an argument list. */
export function mainCommand(): string[] {
  // `--import tsx` alone would look for tsx in the working directory, which is not the project.
  const tsx = pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
  return [process.execPath, '--import', tsx, path.join(ROOT, 'src/main.ts')];
}

/** A temp working directory; `cleanup` removes it. */
export async function workDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'casebot-console-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** The test runner's environment without any casebot variable (vitest sets NODE_ENV), plus `vars`: only what a test gives (or a `.env` it writes) configures the process. */
export function consoleEnv(vars: Readonly<Record<string, string>>): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { ...process.env };
  for (const name of [...CONFIG_VARIABLES, 'NODE_ENV']) Reflect.deleteProperty(env, name);
  return { ...env, ...vars };
}

/** Resolves with the exit code (or the signal's name). */
export function exited(child: ChildProcess): Promise<number | string> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  if (child.signalCode !== null) return Promise.resolve(child.signalCode);
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
}

/**
 * Pipes `input` into the console (`printf … | npm start`) and collects stdout and stderr apart.
 * With `copyFacts`, the working directory gets a copy of the project's `facts/`, so the default
 * `FACTS_DIR` (`./facts`) finds it as in a fresh clone.
 */
export async function runPiped(
  input: string,
  vars: Readonly<Record<string, string>>,
  options: { readonly copyFacts?: boolean } = {},
): Promise<{ code: number | string; stdout: string; stderr: string }> {
  const { dir, cleanup } = await workDir();
  try {
    if (options.copyFacts === true) await cp(path.join(ROOT, 'facts'), path.join(dir, 'facts'), { recursive: true });
    const [command = '', ...args] = mainCommand();
    const child = spawn(command, args, { cwd: dir, env: consoleEnv(vars), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.stdin.end(input);
    const code = await exited(child);
    return { code, stdout, stderr };
  } finally {
    await cleanup();
  }
}
