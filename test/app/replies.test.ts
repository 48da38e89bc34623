import { describe, expect, it } from 'vitest';
import { JA } from '../../src/answer/locale/index.js';
import {
  cooldownNote,
  renderAdminRefused,
  renderDefaultCaseSet,
  renderError,
  renderPagingExpired,
  renderPagingRefused,
  renderQueryTooLong,
  renderUnknownCase,
} from '../../src/app/replies.js';

describe('the app’s own replies', () => {
  it('paging refused/expired, error, cooldown and too-long are ephemeral and plain', () => {
    expect(renderPagingRefused()).toEqual({
      content: 'Only the person who asked can page through these results — run `/case` yourself.',
      ephemeral: true,
    });
    expect(renderPagingExpired().content).toBe('These buttons have expired — run `/case` again.');
    const error = renderError('abc123');
    expect(error.ephemeral).toBe(true);
    expect(error.content).toContain('Reference: `abc123`');
    expect(renderError('/home/x/src/a.ts:12 `boom`').content).toContain('`homexsrcats12boom`');
    expect(cooldownNote(2.2)).toBe(
      '-# Only you see this answer: you asked again within the cooldown, so it did not go to the channel (public again in 3 seconds).',
    );
    expect(cooldownNote(0.1)).toContain('in 1 second)');
    expect(renderQueryTooLong(200).content).toContain('200 characters');
  });

  it('refuses an admin command privately, saying why', () => {
    expect(renderAdminRefused('not-permitted').ephemeral).toBe(true);
    expect(renderAdminRefused('outside-guild').content).toMatch(/server/);
    expect(renderAdminRefused('not-permitted').content).not.toBe(renderAdminRefused('outside-guild').content);
  });

  it('names the cases there are when the one asked for is unknown, with no markdown of the asker’s getting through', () => {
    const titles = new Map([['tick-jaxa', 'Tick at JAXA']]);
    const reply = renderUnknownCase('no`such **case**', titles);
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toContain('`tick-jaxa` (Tick at JAXA)');
    expect(reply.content).not.toContain('**case**');
    expect(reply.content).not.toContain('no`such');
  });

  it('confirms a default case, and says when it lasts only until a restart', () => {
    const titles = new Map([['tick-jaxa', 'Tick at JAXA']]);
    expect(renderDefaultCaseSet('tick-jaxa', titles, null).content).toContain('Tick at JAXA');
    expect(renderDefaultCaseSet(null, titles, 'no database').content).toContain('-# no database');
    expect(renderDefaultCaseSet('tick-jaxa', titles, null, JA).content).not.toBe(renderDefaultCaseSet('tick-jaxa', titles, null).content);
  });
});
