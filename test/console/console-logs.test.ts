/**
 * In console mode, logs never show up among the replies: `npm start` run as a person runs it — at
 * a terminal (a pseudo-terminal made by `script`, where stdout and stderr are one screen) and with
 * piped input.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseLogTarget, CONSOLE_LOG_FILE } from '../../src/log.js';
import { consoleEnv, exited, mainCommand, ROOT, runPiped, workDir } from '../e2e/helpers/main-process.js';

const FACTS = path.join(ROOT, 'facts');
const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

/** Polls until `probe` is true, or fails naming what was awaited and what was seen. */
async function until(what: string, probe: () => boolean, seen: () => string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; got:\n${seen()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('chooseLogTarget', () => {
  it('keeps the console’s logs off the terminal the replies are read on', () => {
    expect(chooseLogTarget('console', { isTTY: true }, '/tmp')).toEqual({ kind: 'file', path: path.join('/tmp', CONSOLE_LOG_FILE) });
    expect(chooseLogTarget('console', { isTTY: false }, '/tmp')).toEqual({ kind: 'fd', fd: 2 });
    expect(chooseLogTarget('console', {}, '/tmp')).toEqual({ kind: 'fd', fd: 2 });
  });

  it('leaves the bot’s logs on stdout', () => {
    expect(chooseLogTarget('bot', { isTTY: true }, '/tmp')).toEqual({ kind: 'fd', fd: 1 });
  });
});

describe('npm start in console mode', () => {
  it.skipIf(!hasScript)(
    'at a terminal: no log line between a command and its reply; the logs are in the named file',
    async () => {
      const { dir, cleanup } = await workDir();
      try {
        // `script` gives the console a terminal, as a person has; TMPDIR puts the log file in our folder.
        const command = mainCommand()
          .map((part) => `'${part}'`)
          .join(' ');
        const child = spawn('script', ['-qec', command, '/dev/null'], {
          cwd: dir,
          env: consoleEnv({ FACTS_DIR: FACTS, LOG_LEVEL: 'info', TMPDIR: dir }),
          stdio: ['pipe', 'pipe', 'pipe'],
        });
        let screen = '';
        const shown = (): string => screen;
        child.stdout.on('data', (chunk: Buffer) => (screen += chunk.toString('utf8')));
        child.stderr.on('data', (chunk: Buffer) => (screen += chunk.toString('utf8')));
        await until('the banner', () => screen.includes('casebot console:'), shown);
        child.stdin.write('/case-admin reload\n');
        await until('the reload reply', () => screen.includes('Nothing changed.'), shown);
        child.stdin.write('quit\n');
        expect(await exited(child), screen).toBe(0);

        const logFile = path.join(dir, CONSOLE_LOG_FILE);
        expect(screen).toContain(`Logs go to ${logFile}.`);
        // The reply is there; the log lines (pretty "INFO: facts reloaded" before the fix) are not.
        expect(screen).toContain('Facts reloaded');
        expect(screen).not.toMatch(/INFO|facts reloaded|facts loaded|"level"/);
        const logged = await readFile(logFile, 'utf8');
        expect(logged).toContain('"msg":"facts loaded"');
        expect(logged).toContain('"msg":"facts reloaded"');
      } finally {
        await cleanup();
      }
    },
    60_000,
  );

  it('with piped input: stdout holds only the replies, the logs go to stderr', async () => {
    const { code, stdout, stderr } = await runPiped('/case-admin reload\n/case jaxa\n', { FACTS_DIR: FACTS, LOG_LEVEL: 'info' });
    expect(code, stderr).toBe(0);
    expect(stdout).toContain('Facts reloaded');
    expect(stdout).toContain('for “jaxa”');
    expect(stdout).not.toMatch(/"level"|"msg"/);
    expect(stdout).not.toContain('Logs go to');
    expect(stderr).toContain('"msg":"facts reloaded"');
  }, 60_000);
});
