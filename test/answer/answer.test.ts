import { describe, expect, it } from 'vitest';
import { ANSWER_LIMIT, answer, type Searchable } from '../../src/answer/answer.js';
import type { Case, Fact, FactSet, Source } from '../../src/facts/types.js';
import type { SearchOptions, SearchResponse } from '../../src/search/types.js';

const report: Source = {
  id: 'report',
  title: 'The report',
  publisher: 'NHK',
  date: '2024-06-01',
  url: 'https://example.org/r',
  file: 'tick-jaxa/sources/report.txt',
  text: 'JAXA’s network was breached. It said so.',
};
const jaxa: Case = { id: 'tick-jaxa', title: 'JAXA', summary: '…', sources: new Map([['report', report]]), aliases: [] };
const fact: Fact = {
  id: 'breach',
  caseId: 'tick-jaxa',
  text: 'JAXA was breached.',
  citations: [
    // Typed with a straight apostrophe; the source has its own, typographic one.
    {
      source: 'report',
      quote: "JAXA's network was breached.",
      sourceText: 'JAXA’s network was breached.',
      position: { first: 1, last: 1, of: 2 },
    },
    { source: 'gone', quote: 'It said so.', sourceText: 'It said so.', position: { first: 0, last: 0, of: 0 } },
  ],
  tags: [],
  questions: [],
  file: 'tick-jaxa/facts.yaml',
  line: 3,
};
const factSet: FactSet = { cases: new Map([['tick-jaxa', jaxa]]), facts: [fact] };

function fakeIndex(response: SearchResponse): Searchable & { calls: { query: string; options: SearchOptions | undefined }[] } {
  const calls: { query: string; options: SearchOptions | undefined }[] = [];
  return {
    factSet,
    calls,
    search(query, options) {
      calls.push({ query, options });
      return response;
    },
  };
}

describe('answer', () => {
  it('resolves sources (the source’s own text of each quote, and which sentence it is), names the matched words as written, rounds scores and passes the options on', () => {
    const index = fakeIndex({ hits: [{ fact, score: 3.14159, matched: ['jaxa'] }], suggestions: [], unmatched: [], queryTerms: 1 });
    const result = answer(index, 'jaxa', { caseId: 'tick-jaxa', limit: 10 });
    expect(index.calls).toEqual([{ query: 'jaxa', options: { caseId: 'tick-jaxa', limit: 10 } }]);
    expect(result).toEqual({
      query: 'jaxa',
      results: [
        {
          id: 'breach',
          case: 'tick-jaxa',
          text: 'JAXA was breached.',
          score: 3.14,
          matched: ['JAXA'],
          sources: [
            {
              sourceId: 'report',
              quote: 'JAXA’s network was breached.',
              sentence: { first: 1, last: 1, of: 2 },
              title: 'The report',
              publisher: 'NHK',
              date: '2024-06-01',
              url: 'https://example.org/r',
            },
            // A citation whose source is missing still shows, titled by its id.
            { sourceId: 'gone', quote: 'It said so.', sentence: null, title: 'gone', publisher: null, date: null, url: null },
          ],
        },
      ],
      suggestions: [],
      unmatched: [],
      queryTerms: 1,
    });
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('asks for ANSWER_LIMIT results unless told otherwise (the one count of /case, console and ask), and keeps suggestions', () => {
    const index = fakeIndex({ hits: [], suggestions: ['jaxa'], unmatched: [], queryTerms: 1 });
    expect(answer(index, 'jaxxa')).toEqual({ query: 'jaxxa', results: [], suggestions: ['jaxa'], unmatched: [], queryTerms: 1 });
    expect(index.calls[0]?.options).toEqual({ limit: ANSWER_LIMIT });
    expect(ANSWER_LIMIT).toBe(15);
  });

  it('says when the question is off-topic (and only then)', () => {
    const offTopic = answer(fakeIndex({ hits: [], suggestions: [], unmatched: [], queryTerms: 2, offTopic: true }), 'minecraft server ip');
    expect(offTopic).toEqual({ query: 'minecraft server ip', results: [], suggestions: [], unmatched: [], queryTerms: 2, offTopic: true });
    expect('offTopic' in answer(fakeIndex({ hits: [], suggestions: [], unmatched: [], queryTerms: 2 }), 'jaxxa')).toBe(false);
  });

  it('carries the kind of answer no fact gives', () => {
    const response = { hits: [], suggestions: [], unmatched: [], queryTerms: 2, wanted: 'name' as const };
    expect(answer(fakeIndex(response), 'what was the company called').wanted).toBe('name');
    expect('wanted' in answer(fakeIndex({ hits: [], suggestions: [], unmatched: [], queryTerms: 2 }), 'jaxxa')).toBe(false);
  });

  it('rounds odd scores sanely', () => {
    const scores = [0.005, -0.001, Number.NaN, 12.345678].map(
      (score) =>
        answer(fakeIndex({ hits: [{ fact, score, matched: [] }], suggestions: [], unmatched: [], queryTerms: 1 }), 'x').results[0]?.score,
    );
    expect(scores).toEqual([0.01, 0, 0, 12.35]);
  });
});
