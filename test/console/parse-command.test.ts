import { describe, expect, it } from 'vitest';
import { parseConsoleCommand } from '../../src/console/parse-command.js';

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
    expect(parseConsoleCommand('/cases jaxa')).toEqual({ kind: 'invalid', message: 'Unknown command /cases; type help to see the commands.' });
    expect(parseConsoleCommand('/case-admin purge')).toMatchObject({ kind: 'invalid', message: expect.stringMatching(/reload or \/case-admin status/) });
  });

  it('keeps a word that only contains "private:" inside the question', () => {
    expect(parseConsoleCommand('/case xprivate:true')).toEqual({ kind: 'case', query: 'xprivate:true', private: false });
  });
});
