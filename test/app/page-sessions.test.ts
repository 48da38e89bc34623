import { describe, expect, it } from 'vitest';
import { PageSessions, pageCustomId, parseCustomId } from '../../src/app/page-sessions.js';
import { answerWith } from '../answer/fixtures.js';

function clock(start = 1_000_000): { now: () => number; advance: (ms: number) => void } {
  let t = start;
  return { now: () => t, advance: (ms) => (t += ms) };
}

describe('PageSessions', () => {
  it('creates short ids and returns the session to anyone who asks (the owner check is the caller’s)', () => {
    const sessions = new PageSessions();
    const answer = answerWith(7);
    const id = sessions.create('user-1', answer);
    expect(id).toMatch(/^[A-Za-z0-9_-]{1,12}$/);
    const session = sessions.get(id);
    expect(session).toMatchObject({ id, ownerId: 'user-1', answer });
    expect(sessions.create('user-1', answer)).not.toBe(id);
  });

  it('expires after the TTL (default 10 minutes) and then says expired, not unknown', () => {
    const time = clock();
    const sessions = new PageSessions({ now: time.now });
    const id = sessions.create('u', answerWith(1));
    time.advance(10 * 60_000 - 1);
    expect(typeof sessions.get(id)).toBe('object');
    time.advance(1);
    expect(sessions.get(id)).toBe('expired');
    expect(sessions.get(id)).toBe('expired');
    expect(sessions.get(id, time.now() - 60_000)).toBe('expired');
  });

  it('drops expired sessions when new ones are created, still remembering they expired', () => {
    const time = clock();
    const sessions = new PageSessions({ now: time.now, ttlMs: 1000 });
    const old = sessions.create('u', answerWith(1));
    time.advance(1000);
    sessions.create('u', answerWith(1));
    expect(sessions.size).toBe(1);
    expect(sessions.get(old)).toBe('expired');
  });

  it('evicts the oldest first when full', () => {
    const sessions = new PageSessions({ maxSize: 2 });
    const a = sessions.create('u', answerWith(1));
    const b = sessions.create('u', answerWith(1));
    const c = sessions.create('u', answerWith(1));
    expect(sessions.size).toBe(2);
    expect(sessions.get(a)).toBe('unknown');
    expect(typeof sessions.get(b)).toBe('object');
    expect(typeof sessions.get(c)).toBe('object');
  });

  it('unknown ids are unknown', () => {
    const sessions = new PageSessions();
    expect(sessions.get('nope')).toBe('unknown');
    expect(sessions.get('')).toBe('unknown');
  });

  it('replaces an injected id that is malformed or taken', () => {
    const sessions = new PageSessions({ newId: () => 'same' });
    expect(sessions.create('u', answerWith(1))).toBe('same');
    const second = sessions.create('u', answerWith(1));
    expect(second).not.toBe('same');
    expect(second).toMatch(/^[A-Za-z0-9_-]{1,12}$/);
    expect(new PageSessions({ newId: () => 'has:colon' }).create('u', answerWith(1))).not.toContain(':');
  });
});

describe('parseCustomId', () => {
  it('parses what pageCustomId makes', () => {
    expect(parseCustomId(pageCustomId('k3J9_aQx', 2))).toEqual({ kind: 'page', sessionId: 'k3J9_aQx', page: 2 });
    expect(parseCustomId('case:page:abc:0')).toEqual({ kind: 'page', sessionId: 'abc', page: 0 });
  });

  it.each([
    '',
    'case:page',
    'case:page::1',
    'case:page:abc:',
    'case:page:abc:-1',
    'case:page:abc:01',
    'case:page:abc:1.5',
    'case:page:abc:1e3',
    'case:page:abc:99999',
    'case:page:abc:1:extra',
    'case:page:../../x:1',
    'case:page:abcdefghijklm:1',
    'case:info:abc',
    'case:suggest:abc:0',
    'other:page:abc:1',
    `case:page:abc:${'9'.repeat(400)}`,
    'x'.repeat(10_000),
  ])('returns null for %j', (id) => {
    expect(parseCustomId(id)).toBeNull();
  });

  it('returns null for non-strings', () => {
    expect(parseCustomId(undefined)).toBeNull();
    expect(parseCustomId(42)).toBeNull();
    expect(parseCustomId({ toString: () => 'case:page:abc:1' })).toBeNull();
  });
});
