import { describe, expect, it } from 'vitest';
import { isPageToken, MAX_TOKEN_PAGE, PageTokens, randomPagingSecret, type PageState } from '../../src/answer/paging-token.js';

const SECRET = 'a'.repeat(32);
const OTHER_SECRET = 'b'.repeat(32);
const NOW = 1_750_000_000_000;
/** The largest user id a snowflake can be (64 bits). */
const MAX_OWNER = '18446744073709551615';

function state(overrides: Partial<PageState> = {}): PageState {
  return { query: 'when did jaxa launch', page: 1, ownerId: '111111111111111111', showIds: false, expiresAt: NOW + 600_000, ...overrides };
}

/** Changes one base64url character of the payload (not the prefix) to another valid one. */
function tamper(customId: string, at: number, to: string): string {
  const i = 4 + at;
  return customId.slice(0, i) + to + customId.slice(i + 1);
}

describe('PageTokens', () => {
  it('round-trips every field, within 100 characters', () => {
    const tokens = new PageTokens(SECRET);
    for (const s of [
      state(),
      state({ caseId: 'tick-jaxa', showIds: true, page: 0 }),
      state({ page: MAX_TOKEN_PAGE, ownerId: MAX_OWNER, query: '' }),
    ]) {
      const id = tokens.customId(s);
      if (id === null) throw new Error('not signed');
      expect(id).toMatch(/^cp1:[A-Za-z0-9_-]+$/);
      expect(id.length).toBeLessThanOrEqual(100);
      expect(isPageToken(id)).toBe(true);
      // Expiry is carried in whole seconds, rounded up: never earlier than asked.
      expect(tokens.read(id, NOW)).toEqual({ ...s, expiresAt: Math.ceil(s.expiresAt / 1000) * 1000 });
    }
  });

  it('carries non-ASCII queries and case ids exactly', () => {
    const tokens = new PageTokens(SECRET);
    for (const query of ['宇宙航空研究開発機構', 'café ☕ naïve', '🚀🛰️ launch', 'a\u0301']) {
      const s = state({ query, caseId: 'ケース' });
      const id = tokens.customId(s);
      if (id === null) throw new Error(`not signed: ${query}`);
      expect(tokens.read(id, NOW)).toMatchObject({ query, caseId: 'ケース' });
    }
  });

  it('fits the longest query it accepts in 100 characters, and refuses one byte more', () => {
    const tokens = new PageTokens(SECRET);
    const fits = (query: string, caseId?: string) =>
      tokens.customId(
        state({ query, ownerId: MAX_OWNER, page: MAX_TOKEN_PAGE, showIds: true, ...(caseId === undefined ? {} : { caseId }) }),
      );
    let longest = '';
    while (fits(`${longest}x`) !== null) longest += 'x';
    expect(longest.length).toBe(49);
    expect(fits(longest)?.length).toBe(100);
    // Multi-byte characters count by their UTF-8 bytes: 16 kanji are 48 bytes, 17 would be 51.
    expect(fits('宇'.repeat(16))?.length).toBeLessThanOrEqual(100);
    expect(fits('宇'.repeat(17))).toBeNull();
    // A case id takes its bytes plus one from the query's room.
    expect(fits('x'.repeat(49 - 10), 'tick-jaxa')?.length).toBe(100);
    expect(fits('x'.repeat(49 - 9), 'tick-jaxa')).toBeNull();
  });

  it('refuses what it cannot carry: a non-snowflake owner, a page past the limit, an over-long case id', () => {
    const tokens = new PageTokens(SECRET);
    expect(tokens.customId(state({ ownerId: 'console' }))).toBeNull();
    expect(tokens.customId(state({ ownerId: '0123' }))).toBeNull();
    expect(tokens.customId(state({ ownerId: '18446744073709551616' }))).toBeNull();
    expect(tokens.customId(state({ page: MAX_TOKEN_PAGE + 1 }))).toBeNull();
    expect(tokens.customId(state({ page: -1 }))).toBeNull();
    expect(tokens.customId(state({ caseId: 'c'.repeat(256) }))).toBeNull();
    expect(tokens.answerId(state({ ownerId: 'console' }))).toBeNull();
  });

  it('rejects every single-character change and every truncation', () => {
    const tokens = new PageTokens(SECRET);
    const id = tokens.customId(state({ caseId: 'tick-jaxa' })) ?? '';
    // 53 bytes: the last character has unused low bits, which must not make a second valid id.
    expect(id.length).toBe(4 + 71);
    for (let at = 0; at < id.length - 4; at += 1) {
      for (const to of ['A', 'B', 'z', '_']) {
        if (id[4 + at] !== to) expect(tokens.read(tamper(id, at, to), NOW), `at ${at} → ${to}`).toBe('invalid');
      }
    }
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(id.at(-1) ?? '');
    const sameBytes = alphabet[(last & ~3) | ((last + 1) & 3)] ?? '';
    expect(tamper(id, id.length - 5, sameBytes)).not.toBe(id);
    expect(tokens.read(tamper(id, id.length - 5, sameBytes), NOW)).toBe('invalid');
    for (let cut = 1; cut < id.length - 4; cut += 1) expect(tokens.read(id.slice(0, -cut), NOW)).toBe('invalid');
    expect(tokens.read(`${id}A`, NOW)).toBe('invalid');
  });

  it('rejects tokens signed with another secret', () => {
    const id = new PageTokens(OTHER_SECRET).customId(state()) ?? '';
    expect(id).not.toBe('');
    expect(new PageTokens(SECRET).read(id, NOW)).toBe('invalid');
    expect(new PageTokens(SECRET).read(new PageTokens(SECRET).customId(state()), NOW)).toMatchObject({ page: 1 });
  });

  it('says expired once now reaches the expiry, even with a valid signature', () => {
    const tokens = new PageTokens(SECRET);
    const id = tokens.customId(state({ expiresAt: NOW + 60_000 })) ?? '';
    expect(tokens.read(id, NOW + 59_999)).toMatchObject({ page: 1 });
    expect(tokens.read(id, NOW + 60_000)).toBe('expired');
    expect(tokens.read(id, NOW + 10 ** 9)).toBe('expired');
  });

  it('treats garbage and other formats as invalid without throwing', () => {
    const tokens = new PageTokens(SECRET);
    for (const junk of [
      undefined,
      42,
      '',
      'cp1:',
      `cp1:${'A'.repeat(40)}`,
      `cp1:${'A'.repeat(97)}`,
      `cp2:${'A'.repeat(40)}`,
      'case:page:abc:1',
      `cp1:${'/'.repeat(40)}`,
    ]) {
      expect(tokens.read(junk, NOW)).toBe('invalid');
    }
  });

  it('gives one answer id for every page of an answer, another for another answer or secret', () => {
    const tokens = new PageTokens(SECRET);
    const id = tokens.answerId(state({ page: 0 }));
    expect(id).toMatch(/^[A-Za-z0-9_-]{8}$/);
    expect(tokens.answerId(state({ page: 3 }))).toBe(id);
    expect(tokens.answerId(state({ query: 'another question' }))).not.toBe(id);
    expect(new PageTokens(OTHER_SECRET).answerId(state())).not.toBe(id);
  });

  it('wants a secret of at least 32 characters; random ones differ', () => {
    expect(() => new PageTokens('short')).toThrow(/32/);
    expect(randomPagingSecret()).toMatch(/^[0-9a-f]{64}$/);
    expect(randomPagingSecret()).not.toBe(randomPagingSecret());
  });
});
