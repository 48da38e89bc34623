import { sessionButtonIds } from '../../src/app/page-sessions.js';
import { describe, expect, it } from 'vitest';
import { renderAnswerPage, renderNoMatch } from '../../src/answer/render-answer.js';
import { markdownToPlain, renderAnswerAsText, renderReplyAsText } from '../../src/answer/render-text.js';
import { renderReloadReport } from '../../src/app/render-admin.js';
import { answerWith, result, source } from './fixtures.js';

describe('renderReplyAsText', () => {
  it('prints the header, facts with quotes and sources, and the buttons', () => {
    const reply = renderAnswerPage(answerWith(7, { text: 'JAXA said **so** @everyone.' }), {
      page: 0,
      buttons: sessionButtonIds('abc'),
      caseTitles: new Map([['tick-jaxa', 'The JAXA intrusion']]),
    });
    const text = renderReplyAsText(reply);
    const lines = text.split('\n');
    expect(lines[0]).toBe('Results 1–4 of 7 for “jaxa”');
    // One case: no case title over each fact, and no ids (those are for moderators).
    expect(lines).not.toContain('│ The JAXA intrusion');
    expect(text).not.toContain('Fact fact-1');
    expect(lines).toContain('│ JAXA said **so** @everyone.');
    expect(lines).toContain('│ > JAXA said the network was accessed without authorization in 2023.');
    expect(lines).toContain('│ — Report on the JAXA intrusion <https://example.org/jaxa> · Example News, 2024-06-01 · sentence 2 of 5');
    expect(lines).toContain('│ ↑ The same source sentence as quoted above · Report on the JAXA intrusion · sentence 2 of 5');
    expect(lines.at(-1)).toBe('(◀ Back) (Page 1 of 2) [More ▶]');
    expect(text).not.toContain('\u200b');
  });

  it('marks ephemeral replies and shows code blocks verbatim', () => {
    const text = renderReplyAsText(renderNoMatch({ query: 'x', results: [], suggestions: ['jaxa'], unmatched: [], queryTerms: 1 }));
    expect(text).toBe('No facts match “x”.\nDid you mean: jaxa?\nTry fewer words, a name or a date.\n\n(only you can see this)');
    const failed = renderReplyAsText(
      renderReloadReport({
        ok: false,
        at: new Date(0),
        by: 'mod',
        durationMs: 1,
        servingFacts: 3,
        errors: [{ file: 'a.yaml', line: 2, column: 3, message: 'bad *thing*' }],
      }),
    );
    expect(failed).toContain('│   a.yaml:2:3 bad *thing*');
    expect(failed).toContain('1970-01-01T00:00:00.000Z');
  });

  it('markdownToPlain resolves escapes, links, bold, subtext and timestamps', () => {
    expect(markdownToPlain('-# [Report](https://e.org) \\- **JAXA** <t:0:R>')).toBe(
      'Report <https://e.org> - JAXA 1970-01-01 00:00:00 UTC',
    );
  });

  it('strips terminal control sequences', () => {
    expect(renderReplyAsText({ content: 'a\u001b[31mred\u0007', ephemeral: false })).toBe('a[31mred');
  });
});

describe('renderAnswerAsText', () => {
  it('numbers facts with quote, source (with its sentence), case/id and score, quoting a shared sentence once', () => {
    const text = renderAnswerAsText({
      query: 'jaxa',
      results: [
        result({ id: 'breach', score: 1.5 }),
        result({
          id: 'other',
          score: 0.25,
          sources: [source({ url: null, publisher: null, quote: 'Another sentence.', sentence: { first: 3, last: 3, of: 5 } })],
        }),
        result({ id: 'again', score: 0.2 }),
      ],
      suggestions: [],
      unmatched: [],
      queryTerms: 1,
    });
    expect(text).toBe(
      [
        '3 results for “jaxa”',
        '',
        '1. JAXA confirmed that its network was breached in 2023.',
        '   > “JAXA said the network was accessed without authorization in 2023.”',
        '   — Report on the JAXA intrusion, Example News, 2024-06-01 <https://example.org/jaxa> · sentence 2 of 5',
        '   tick-jaxa/breach · score 1.5',
        '',
        '2. JAXA confirmed that its network was breached in 2023.',
        '   > “Another sentence.”',
        '   — Report on the JAXA intrusion, 2024-06-01 · sentence 3 of 5',
        '   tick-jaxa/other · score 0.25',
        '',
        '3. JAXA confirmed that its network was breached in 2023.',
        '   ↑ the same source sentence as quoted under 1. — Report on the JAXA intrusion, Example News, 2024-06-01 <https://example.org/jaxa> · sentence 2 of 5',
        '   tick-jaxa/again · score 0.2',
      ].join('\n'),
    );
  });

  it('no match with suggestions', () => {
    expect(renderAnswerAsText({ query: 'jaxxa\u001b[2J', results: [], suggestions: ['jaxa', 'japan'], unmatched: [], queryTerms: 1 })).toBe(
      'No facts match “jaxxa[2J”.\nDid you mean: jaxa, japan?\nTry fewer words, a name or a date.',
    );
  });

  it('no match names the words no fact has, when some other word matched something', () => {
    expect(
      renderAnswerAsText({
        query: 'who was behind the solarwinds hack',
        results: [],
        suggestions: [],
        unmatched: ['solarwinds'],
        queryTerms: 2,
      }),
    ).toBe('No facts match “who was behind the solarwinds hack”.\nNo fact mentions “solarwinds”.\nTry fewer words, a name or a date.');
    // Every word unmatched: naming them all helps no one.
    expect(renderAnswerAsText({ query: 'pizza recipe', results: [], suggestions: [], unmatched: ['pizza', 'recipe'], queryTerms: 2 })).toBe(
      'No facts match “pizza recipe”.\nTry fewer words, a name or a date.',
    );
  });

  it('an off-topic question is told so', () => {
    const text = renderAnswerAsText({
      query: 'minecraft server ip',
      results: [],
      suggestions: [],
      unmatched: [],
      queryTerms: 3,
      offTopic: true,
    });
    expect(text.split('\n')[0]).toBe(
      '“minecraft server ip” looks like a question about something else: no fact of the cases here is about it.',
    );
  });

  it('says which kind of answer no fact gives', () => {
    const text = renderAnswerAsText({
      query: 'how much was it worth',
      results: [],
      suggestions: [],
      unmatched: [],
      queryTerms: 1,
      wanted: 'amount',
    });
    expect(text.split('\n')[0]).toBe('The facts speak of what “how much was it worth” asks about, but none of them gives an amount.');
  });
});
