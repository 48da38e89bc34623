/** The commands answer in the asker's language: Japanese for `ja`, English for every other locale. */
import { describe, expect, it } from 'vitest';
import { PageSessions } from '../../src/app/page-sessions.js';
import { createCaseBot } from '../../src/app/case-bot.js';
import { createMessageChecker } from '../../src/app/check-message.js';
import { createGapFeedback } from '../../src/app/gap-feedback.js';
import { openGapStore } from '../../src/gaps/index.js';
import { buttonLabels, enabledButtonIds } from '../answer/fixtures.js';
import { captureLog, fakeStore } from './fake-store.js';
import { tempGapStores } from './temp-gap-stores.js';

const ALICE = '111111111111111111';
const BOB = '222222222222222222';

const gapFiles = tempGapStores('casebot-locale-');

function setup() {
  const gapStore = gapFiles.keep(openGapStore(gapFiles.file(), { retentionDays: 90 }));
  const { log } = captureLog();
  const store = fakeStore();
  const bot = createCaseBot({
    store,
    sessions: new PageSessions(),
    log,
    cooldownSeconds: 30,
    modRoleIds: [],
    version: '1',
    gaps: createGapFeedback({ store: gapStore, log, later: (work) => work() }),
  });
  return { bot, checker: createMessageChecker({ store, log }) };
}

const ask = (query: string, locale: string | null, userId = ALICE) => ({
  query,
  private: false,
  userId,
  moderator: false,
  interactionId: 'i1',
  locale,
});

describe('a ja interaction', () => {
  it('gets the count, paging and vote buttons in Japanese', async () => {
    const { bot } = setup();
    const reply = await bot.handleCase(ask('jaxa', 'ja'));
    expect(reply.outcome).toBe('answered');
    expect(reply.content).toBe('「jaxa」の検索結果: **5件中 1–4件目**');
    expect(buttonLabels(reply)).toEqual(['◀ 前へ', '1 / 2 ページ', '次へ ▶', '👍 役に立った', '👎 役に立たなかった']);
    // On the first page the only enabled button besides the votes is More (a signed id for a Discord user).
    const more = enabledButtonIds(reply).find((id) => id.startsWith('cp1:')) ?? '';
    const page = await bot.handlePageButton({ customId: more, userId: ALICE, locale: 'ja' });
    expect(page.content).toBe('「jaxa」の検索結果: **5件中 5件目**');
    expect((await bot.handlePageButton({ customId: more, userId: BOB, locale: 'ja' })).content).toContain('質問した人だけ');
    const vote = enabledButtonIds(reply).find((id) => id.startsWith('cv1:')) ?? '';
    expect((await bot.handleVoteButton({ customId: vote, userId: BOB, locale: 'ja' })).content).toBe(
      'ありがとうございます。記録しました。',
    );
  });

  it('gets no match, cooldown and too-long replies in Japanese', async () => {
    const { bot } = setup();
    expect((await bot.handleCase(ask('zzzz', 'ja'))).content).toContain(
      '「zzzz」に一致する事実は見つかりませんでした。\nもしかして: **jaxa**',
    );
    await bot.handleCase(ask('jaxa', 'ja'));
    // Within the cooldown the answer still comes, privately, with a note in Japanese.
    expect((await bot.handleCase(ask('tick', 'ja'))).content).toMatch(
      /\n-# この回答はあなたにだけ表示されています。.*（\d+秒後から再び公開で回答します）。$/,
    );
    expect((await bot.handleCase(ask('x'.repeat(201), 'ja'))).content).toBe('質問が長すぎます。200文字以内にしてください。');
  });

  it('gets the fact-check replies in Japanese', () => {
    const { checker } = setup();
    const checked = checker.handleCheck({ text: 'JAXA staff removed the tick.', userId: ALICE, interactionId: 'i2', locale: 'ja' });
    expect(checked.outcome).toBe('checked');
    expect(checked.content).toMatch(/^「JAXA staff removed the tick\.」に関係する\*\*事件の事実: \d+件\*\*/);
    expect(checker.handleCheck({ text: 'https://example.org/x', userId: ALICE, interactionId: 'i3', locale: 'ja' }).content).toContain(
      'リンクだけ',
    );
    expect(checker.handleCheck({ text: '', embeds: 1, userId: ALICE, interactionId: 'i4', locale: 'ja' }).content).toBe(
      'このメッセージには確認できる文章がありません（埋め込みだけです）。',
    );
  });
});

describe('any other locale', () => {
  it('gets English', async () => {
    const { bot } = setup();
    for (const locale of ['en-US', 'fr', 'zh-CN', null]) {
      expect((await bot.handleCase(ask('zzzz', locale, locale ?? 'none'))).content).toMatch(/^No facts match “zzzz”\./);
    }
    expect(buttonLabels(await bot.handleCase(ask('jaxa', 'de')))).toEqual([
      '◀ Back',
      'Page 1 of 2',
      'More ▶',
      '👍 Helpful',
      '👎 Not helpful',
    ]);
  });
});
