import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { PageSessions } from '../../src/app/page-sessions.js';
import { renderReplyAsText } from '../../src/answer/render-text.js';
import { createCaseBot, type CaseBot } from '../../src/app/case-bot.js';
import { loadFactsDir } from '../../src/facts/load.js';
import { buildIndex } from '../../src/search/build-index.js';
import type { ReloadReport, StoreStatus } from '../../src/store/types.js';
import { captureLog } from './fake-store.js';

let bot: CaseBot;

beforeAll(async () => {
  const loaded = await loadFactsDir(fileURLToPath(new URL('../../facts', import.meta.url)));
  if (!loaded.ok) throw new Error('the shipped facts must load');
  const index = await buildIndex(loaded.factSet, { problems: [] });
  const unused = (): never => {
    throw new Error('not used here');
  };
  bot = createCaseBot({
    store: {
      current: () => ({ factSet: loaded.factSet, index }),
      reload: (): Promise<ReloadReport> => unused(),
      status: (): StoreStatus => unused(),
    },
    sessions: new PageSessions(),
    log: captureLog().log,
    cooldownSeconds: 0,
    modRoleIds: [],
    version: 'test',
  });
});

describe('a fact picked in autocomplete', () => {
  it('is answered with that fact, titled by its text, and the internal id is never shown', async () => {
    const choice = bot.handleAutocomplete({ input: 'engineer', userId: '1' }).find((c) => c.kind === 'fact');
    expect(choice?.value).toMatch(/^tick-jaxa\//);
    const value = choice?.value ?? '';
    const reply = await bot.handleCase({ query: value, private: false, userId: '1', moderator: false, interactionId: 'i1' });
    expect(reply.outcome).toBe('answered');
    expect(reply.embeds).toHaveLength(1);
    const text = renderReplyAsText(reply);
    expect(text).not.toContain(value);
    expect(text).not.toContain(value.split('/')[1] ?? value);
    // The header is the fact's own words (the autocomplete name starts the same way).
    expect(text.split('\n')[0]?.slice(0, 30)).toBe(choice?.name.slice(0, 30));
  });
});
