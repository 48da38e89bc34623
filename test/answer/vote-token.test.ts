import { describe, expect, it } from 'vitest';
import { PageTokens } from '../../src/answer/paging-token.js';
import { isVoteToken, VoteTokens } from '../../src/answer/vote-token.js';

const SECRET = 'a'.repeat(32);
const NOW = 1_750_000_000_000;
const DAY = 24 * 60 * 60_000;
const state = { caseId: 'tick-jaxa', query: 'who attacked jaxa', expiresAt: NOW + DAY };

describe('VoteTokens', () => {
  it('round-trips case, question and direction in two ids within 100 characters', () => {
    const votes = new VoteTokens(SECRET);
    const ids = votes.customIds(state);
    if (ids === null) throw new Error('not signed');
    for (const id of [ids.up, ids.down]) {
      expect(id).toMatch(/^cv1:[A-Za-z0-9_-]+$/);
      expect(id.length).toBeLessThanOrEqual(100);
      expect(isVoteToken(id)).toBe(true);
    }
    expect(votes.read(ids.up, NOW)).toEqual({ ...state, vote: 'up' });
    expect(votes.read(ids.down, NOW)).toEqual({ ...state, vote: 'down' });
    expect(votes.customIds({ ...state, query: 'JAXAを攻撃したのは誰' })).not.toBeNull();
  });

  it('carries a 47-byte question with a 9-byte case id, and refuses one byte more', () => {
    const votes = new VoteTokens(SECRET);
    expect(votes.customIds({ ...state, query: 'x'.repeat(47) })?.up.length).toBe(100);
    expect(votes.customIds({ ...state, query: 'x'.repeat(48) })).toBeNull();
    expect(votes.customIds({ ...state, caseId: '' })).toBeNull();
  });

  it('refuses ids of another secret, tampered ids, garbage and signed page buttons; expires after its time', () => {
    const votes = new VoteTokens(SECRET);
    const ids = votes.customIds(state);
    if (ids === null) throw new Error('not signed');
    expect(new VoteTokens('b'.repeat(32)).read(ids.up, NOW)).toBe('invalid');
    const flipped = ids.up.slice(0, 10) + (ids.up[10] === 'A' ? 'B' : 'A') + ids.up.slice(11);
    expect(votes.read(flipped, NOW)).toBe('invalid');
    for (const junk of ['cv1:', 'cv1:!!!!', 'case:vote:abc:up', 42, null, `cv1:${'A'.repeat(200)}`])
      expect(votes.read(junk, NOW)).toBe('invalid');
    // The same secret signs page buttons; a page id's tag is not valid as a vote (separate domains).
    const page = new PageTokens(SECRET).customId({
      query: 'jaxa',
      page: 1,
      ownerId: '111111111111111111',
      showIds: false,
      expiresAt: NOW + DAY,
    });
    expect(votes.read(page?.replace(/^cp1:/, 'cv1:'), NOW)).toBe('invalid');
    expect(votes.read(ids.up, NOW + DAY)).toBe('expired');
  });
});
