/** Every member-facing reply rendered with the Japanese catalog: Japanese text, within Discord's limits. */
import { sessionButtonIds } from '../../src/app/page-sessions.js';
import { describe, expect, it } from 'vitest';
import { CATALOGS, EN, JA } from '../../src/answer/locale/index.js';
import { countLine, renderAnswerPage, renderNoMatch, sentenceLabel } from '../../src/answer/render-answer.js';
import {
  cooldownNote,
  renderAdminRefused,
  renderError,
  renderPagingExpired,
  renderPagingRefused,
  renderQueryTooLong,
  renderStarting,
  renderUnknownButton,
  renderUnknownCommand,
} from '../../src/app/replies.js';
import { assertReplyWithinLimits, type Reply } from '../../src/answer/reply.js';
import { memoryVoteIds, voteRow } from '../../src/answer/vote-buttons.js';
import { renderVoteAck } from '../../src/app/render-gaps.js';
import { answerWith, buttonLabels, result, source } from './fixtures.js';

/** Hiragana, katakana or kanji. */
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

/** The longest inputs each renderer takes: long queries, many words, many cases, long sources. */
function worstCases(t: typeof EN): Reply[] {
  const long = 'ぁ'.repeat(300);
  const many = Array.from({ length: 12 }, (_, i) => `${long}${i}`);
  const titles = new Map(Array.from({ length: 12 }, (_, i) => [`case-${i}`, `${long} ${i}`] as const));
  const heavy = result({
    text: 'x'.repeat(1000),
    sources: Array.from({ length: 5 }, () => source({ quote: 'q'.repeat(1000), title: long })),
  });
  const page = { ...answerWith(15, heavy, long), unmatched: many };
  return [
    renderAnswerPage(page, { page: 1, buttons: sessionButtonIds('k3J9_aQx'), showIds: true, catalog: t }),
    renderAnswerPage(
      { ...page, results: page.results.map((r, i) => ({ ...r, case: `case-${i % 3}` })) },
      { page: 0, buttons: sessionButtonIds('k3J9_aQx'), caseTitles: titles, catalog: t },
    ),
    renderNoMatch({ query: long, results: [], suggestions: many, unmatched: many, queryTerms: many.length }, titles, t),
    renderNoMatch({ query: 'what happened', results: [], suggestions: [], unmatched: [], queryTerms: 0 }, titles, t),
    renderPagingRefused(t),
    renderPagingExpired(t),
    renderError('abc123', t),
    { content: cooldownNote(1, t), ephemeral: true },
    { content: cooldownNote(59, t), ephemeral: true },
    renderQueryTooLong(200, t),
    renderUnknownCommand(t),
    renderUnknownButton(t),
    renderStarting(t),
    renderAdminRefused('outside-guild', t),
    renderAdminRefused('not-permitted', t),
    renderVoteAck({ kind: 'kept', vote: 'up', previous: null }, t),
    renderVoteAck({ kind: 'kept', vote: 'down', previous: 'up' }, t),
    renderVoteAck({ kind: 'expired' }, t),
    renderVoteAck({ kind: 'gone' }, t),
    renderVoteAck({ kind: 'off' }, t),
    renderVoteAck({ kind: 'failed' }, t),
    { components: [voteRow(memoryVoteIds('k3J9_aQx'), t)], ephemeral: false },
  ];
}

describe('replies in Japanese', () => {
  it('fit Discord’s limits in every locale, at their longest', () => {
    for (const catalog of Object.values(CATALOGS))
      for (const reply of worstCases(catalog)) expect(() => assertReplyWithinLimits(reply)).not.toThrow();
  });

  it('are Japanese: every short reply and every button label', () => {
    for (const reply of worstCases(JA)) {
      const text = [reply.content ?? '', ...buttonLabels(reply)].join('\n');
      expect(text, JSON.stringify(reply).slice(0, 200)).toMatch(JAPANESE);
    }
  });

  it('count results and label the pages in Japanese, the facts and quotes left as the sources wrote them', () => {
    const reply = renderAnswerPage(answerWith(7), { page: 1, buttons: sessionButtonIds('k3J9_aQx'), catalog: JA });
    expect(reply.content).toBe('「jaxa」の検索結果: **7件中 5–7件目**');
    expect(buttonLabels(reply)).toEqual(['◀ 前へ', '2 / 2 ページ', '次へ ▶']);
    const description = reply.embeds?.[0]?.description ?? '';
    expect(description).toContain('**JAXA** confirmed that its network was breached in 2023.');
    expect(description).toContain('> JAXA said the network was accessed without authorization in 2023.');
    expect(description).toContain('全5文中 第2文');
    expect(countLine(answerWith(2), 0, 2, 'markdown', JA)).toBe('「jaxa」の検索結果: **2件**');
  });

  it('say when the results are the overview of the case (a request for the whole story), in both languages', () => {
    const overview = { ...answerWith(2), query: '何があったの', overview: true as const };
    expect(countLine(overview, 0, 2, 'markdown', JA)).toBe('「何があったの」の検索結果: **2件**（事件の全体像に近い事実）');
    expect(countLine({ ...overview, query: 'what happened' }, 0, 2, 'plain')).toBe(
      '2 results for “what happened”: the facts closest to the whole story',
    );
  });

  it('say no match, “did you mean” and the words no fact has in Japanese', () => {
    const reply = renderNoMatch(
      { query: 'jaxxa launch', results: [], suggestions: ['jaxa'], unmatched: ['jaxxa'], queryTerms: 2 },
      new Map([['tick-jaxa', 'Tick at JAXA']]),
      JA,
    );
    expect(reply.content?.split('\n')).toEqual([
      '「jaxxa launch」に一致する事実は見つかりませんでした。',
      '「jaxxa」に触れている事実はありません。',
      'もしかして: **jaxa**',
      '-# 語を減らすか、名前や日付で試してください。',
      '-# 扱っている事件: Tick at JAXA',
    ]);
    expect(sentenceLabel({ first: 6, last: 7, of: 10 }, JA)).toBe('全10文中 第6–7文');
  });

  it('leave English replies as they were', () => {
    expect(renderAnswerPage(answerWith(7), { page: 1, buttons: sessionButtonIds('k3J9_aQx') }).content).toBe(
      '**Results 5–7 of 7** for “jaxa”',
    );
    expect(cooldownNote(2.2)).toBe(
      '-# Only you see this answer: you asked again within the cooldown, so it did not go to the channel (public again in 3 seconds).',
    );
    expect(sentenceLabel({ first: 6, last: 6, of: 10 })).toBe('sentence 6 of 10');
  });
});
