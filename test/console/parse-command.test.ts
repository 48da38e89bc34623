import { describe, expect, it } from 'vitest';
import { data as caseAdmin } from '../../src/bot/commands/case-admin.js';
import { ADMIN_SUBCOMMANDS, parseConsoleCommand } from '../../src/console/parse-command.js';

describe('parseConsoleCommand', () => {
  it.each([
    ['/case jaxa', { kind: 'case', query: 'jaxa', private: false }],
    ['/case query:jaxa private:true', { kind: 'case', query: 'jaxa', private: true }],
    ['/case jaxa private:true', { kind: 'case', query: 'jaxa', private: true }],
    ['/case private:yes query:"who found the tick"', { kind: 'case', query: 'who found the tick', private: true }],
    ['/case who found the tick? private:false', { kind: 'case', query: 'who found the tick?', private: false }],
    ['  /CASE   jaxa launch  ', { kind: 'case', query: 'jaxa launch', private: false }],
    ['/case private:deals', { kind: 'invalid', message: 'private must be true or false, got "deals"' }],
    ['jaxa tick', { kind: 'case', query: 'jaxa tick', private: false }],
    ['/check JAXA was hacked. Wang did it', { kind: 'check', text: 'JAXA was hacked. Wang did it' }],
    ['/check', { kind: 'invalid', message: 'Paste the message to check after /check, e.g. /check JAXA was hacked by Tick.' }],
    ['/case-admin reload', { kind: 'reload' }],
    ['/case-admin status', { kind: 'status' }],
    ['more', { kind: 'more' }],
    ['BACK', { kind: 'back' }],
    ['help', { kind: 'help' }],
    ['quit', { kind: 'quit' }],
    ['exit', { kind: 'quit' }],
    ['', { kind: 'empty' }],
    ['   ', { kind: 'empty' }],
  ])('%j', (line, expected) => {
    expect(parseConsoleCommand(line)).toEqual(expected);
  });

  it('explains a missing question', () => {
    expect(parseConsoleCommand('/case')).toMatchObject({ kind: 'invalid', message: expect.stringMatching(/Type a question/) });
    expect(parseConsoleCommand('/case private:true')).toMatchObject({ kind: 'invalid' });
  });

  it('explains unknown commands and subcommands', () => {
    expect(parseConsoleCommand('/cases jaxa')).toEqual({
      kind: 'invalid',
      message: 'Unknown command /cases; type help to see the commands.',
    });
  });

  it('takes case:<id> on /case and /case-admin default-case, as Discord does', () => {
    expect(parseConsoleCommand('/case jaxa case:tick-jaxa private:true')).toEqual({
      kind: 'case',
      query: 'jaxa',
      private: true,
      caseId: 'tick-jaxa',
    });
    expect(parseConsoleCommand('/case-admin default-case case:tick-jaxa')).toEqual({ kind: 'default-case', caseId: 'tick-jaxa' });
    expect(parseConsoleCommand('/case-admin default-case')).toEqual({ kind: 'default-case', caseId: null });
    expect(parseConsoleCommand('/case-admin default-case tick')).toMatchObject({ kind: 'invalid' });
  });

  it('names an unknown /case-admin subcommand and lists the real ones', () => {
    expect(parseConsoleCommand('/case-admin foo')).toEqual({
      kind: 'invalid',
      message: 'Unknown subcommand foo for /case-admin; the subcommands are: reload, status, gaps, default-case.',
    });
    expect(parseConsoleCommand('/case-admin')).toEqual({
      kind: 'invalid',
      message: '/case-admin needs a subcommand: reload, status, gaps, default-case.',
    });
    expect(parseConsoleCommand('/case-admin RELOAD')).toEqual({ kind: 'reload' });
    expect(parseConsoleCommand('/case-admin status now')).toEqual({
      kind: 'invalid',
      message: '/case-admin status takes no options, got now.',
    });
  });

  it('reads /case-admin gaps with an optional case and number of days', () => {
    expect(parseConsoleCommand('/case-admin gaps')).toEqual({ kind: 'gaps' });
    expect(parseConsoleCommand('/case-admin gaps 7')).toEqual({ kind: 'gaps', days: 7 });
    expect(parseConsoleCommand('/case-admin gaps tick-jaxa 7')).toEqual({ kind: 'gaps', caseId: 'tick-jaxa', days: 7 });
    expect(parseConsoleCommand('/case-admin gaps days:3 case:tick-jaxa')).toEqual({ kind: 'gaps', caseId: 'tick-jaxa', days: 3 });
    expect(parseConsoleCommand('/case-admin gaps 0')).toMatchObject({ kind: 'invalid' });
    expect(parseConsoleCommand('/case-admin gaps a b')).toMatchObject({ kind: 'invalid' });
  });

  it('knows the same /case-admin subcommands as Discord', () => {
    const discord = (caseAdmin.toJSON().options ?? []).map((option) => option.name);
    expect([...ADMIN_SUBCOMMANDS].sort()).toEqual([...discord].sort());
  });

  it('never echoes control characters of a mistyped command to the terminal', () => {
    const parsed = parseConsoleCommand('/case-admin \u001b[2Jwipe');
    expect(parsed).toMatchObject({ kind: 'invalid', message: expect.stringContaining('Unknown subcommand [2Jwipe') });
    expect(JSON.stringify(parsed)).not.toContain('\\u001b');
  });

  it('takes any line that is not a command as a question, even a console-sounding word', () => {
    expect(parseConsoleCommand('clear')).toEqual({ kind: 'case', query: 'clear', private: false });
  });

  it('keeps a word that only contains "private:" inside the question', () => {
    expect(parseConsoleCommand('/case xprivate:true')).toEqual({ kind: 'case', query: 'xprivate:true', private: false });
  });
});
