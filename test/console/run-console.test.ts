import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { PageSessions } from '../../src/app/page-sessions.js';
import { createCaseBot } from '../../src/app/case-bot.js';
import { createMessageChecker } from '../../src/app/check-message.js';
import { runConsole, shownFolder } from '../../src/console/run-console.js';
import { captureLog, fakeStore } from '../app/fake-store.js';

/** Runs the console over the given input lines and returns everything it printed. */
async function session(input: string, reloadFails = false, extra: { echo?: boolean; logFile?: string } = {}): Promise<string> {
  const { log } = captureLog();
  const store = fakeStore(
    reloadFails
      ? {
          reload: async (by) => ({
            ok: false,
            at: new Date(0),
            by,
            durationMs: 1,
            errors: [{ file: 'x/facts.yaml', line: 2, column: 1, message: 'bad' }],
            warnings: [{ file: 'x/sources/notes.txt', line: 0, column: 0, message: 'this source file is not listed in case.yaml' }],
            servingFacts: 5,
          }),
        }
      : {},
  );
  const bot = createCaseBot({ store, sessions: new PageSessions(), log, cooldownSeconds: 0, modRoleIds: [], version: '1.2.3' });
  const stdin = new PassThrough();
  let printed = '';
  const done = runConsole({
    bot,
    check: createMessageChecker({ store, log }),
    input: stdin,
    output: { write: (t: string) => (printed += t) },
    loaded: { facts: 5, cases: 1, factsDir: '/facts' },
    ...extra,
  });
  stdin.end(input);
  await done;
  return printed;
}

describe('runConsole', () => {
  it('prints a banner and answers /case until end of input', async () => {
    const out = await session('/case jaxa\n');
    expect(out).toMatch(/^casebot console: 5 facts in 1 case from \/facts/);
    expect(out).toContain('Results 1–4 of 5');
    expect(out).toContain('[More ▶]');
  });

  it('checks typed text with /check, as the message command does', async () => {
    const out = await session('/check JAXA staff removed the tick.\n/check https://example.org/story\n/check\n');
    expect(out).toContain('JAXA staff removed the tick.');
    expect(out).toMatch(/case facts? speaks? to “JAXA staff removed the tick\.”/);
    expect(out).toContain('This message is only a link');
    expect(out).toContain('Paste the message to check after /check');
  });

  it('pages with more and back', async () => {
    const out = await session('/case jaxa\nmore\nmore\nback\nback\n');
    expect(out).toContain('Results 5 of 5');
    expect(out).toContain('That was the last page.');
    expect(out.match(/Results 1–4 of 5/g)).toHaveLength(2);
    expect(out).toContain('Already at the first page.');
  });

  it('explains paging before any answer', async () => {
    expect(await session('more\n')).toContain('Nothing to page through');
  });

  it('marks private answers and runs admin commands', async () => {
    const out = await session('/case jaxa private:true\n/case-admin status\n/case-admin reload\n');
    expect(out).toContain('(only you can see this)');
    expect(out).toContain('1.2.3');
    expect(out).toMatch(/reloaded/i);
  });

  it('shows reload errors as file:line:col, and the warnings after them', async () => {
    const out = await session('/case-admin reload\n', true);
    expect(out).toContain('x/facts.yaml:2:1');
    expect(out).toContain('1 warning');
    expect(out).toContain('x/sources/notes.txt this source file is not listed in case.yaml');
  });

  it('helps, explains mistakes, and stops at quit', async () => {
    const out = await session('help\n/nope\n/case-admin foo\nquit\n/case jaxa\n');
    expect(out).toContain('/case-admin reload');
    expect(out).toContain('Unknown command /nope');
    expect(out).toContain('Unknown subcommand foo for /case-admin; the subcommands are: reload, status, gaps, default-case.');
    expect(out).not.toContain('Results');
  });

  it('handles input without a trailing newline', async () => {
    expect(await session('/case tick')).toMatch(/results? .*for “tick”/i);
  });

  it('echoes piped commands after "> ", so the output reads as the same session at a terminal', async () => {
    const out = await session('/case jaxa\n\nmore\n', false, { echo: true });
    const lines = out.split('\n');
    expect(lines.indexOf('> /case jaxa')).toBeLessThan(lines.findIndex((l) => l.startsWith('Results 1–4')));
    expect(lines.indexOf('> more')).toBeLessThan(lines.findIndex((l) => l.startsWith('Results 5 of 5')));
    expect(lines).toContain('>');
    // Not echoed unless asked: a terminal shows what was typed itself.
    expect(await session('/case jaxa\n')).not.toContain('> /case jaxa');
  });

  it('names the log file in the banner when the logs go to one', async () => {
    expect(await session('', false, { logFile: '/tmp/casebot-console.log' })).toContain('Logs go to /tmp/casebot-console.log.');
    expect(await session('')).not.toContain('Logs go to');
  });
});

describe('shownFolder', () => {
  it('shows a folder inside the working directory as ./relative, others as given', () => {
    expect(shownFolder('/home/me/casebot/facts', '/home/me/casebot')).toBe('./facts');
    expect(shownFolder('/home/me/casebot/data/facts', '/home/me/casebot')).toBe('./data/facts');
    expect(shownFolder('/home/me/casebot', '/home/me/casebot')).toBe('.');
    expect(shownFolder('/srv/facts', '/home/me/casebot')).toBe('/srv/facts');
    expect(shownFolder('/home/me/casebot-facts', '/home/me/casebot')).toBe('/home/me/casebot-facts');
  });
});
