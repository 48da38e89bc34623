import { describe, expect, it } from 'vitest';
import { PageTokens } from '../../src/answer/paging-token.js';
import { isPageButton } from '../../src/app/answer-paging.js';
import { pageCustomId, pageInfoCustomId } from '../../src/app/page-sessions.js';

describe('isPageButton', () => {
  it('knows both kinds of page button, and nothing else', () => {
    const signed = new PageTokens('a'.repeat(32)).customId({
      query: 'jaxa',
      page: 1,
      ownerId: '111111111111111111',
      showIds: false,
      expiresAt: 1,
    });
    if (signed === null) throw new Error('not signed');
    expect(isPageButton(signed)).toBe(true);
    expect(isPageButton(pageCustomId('k3J9_aQx', 1))).toBe(true);
    for (const other of [pageInfoCustomId('k3J9_aQx'), 'case:vote:k3J9_aQx:up', '', 42, undefined]) expect(isPageButton(other)).toBe(false);
  });
});
