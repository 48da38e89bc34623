import type { Reply } from '../../src/answer/reply.js';
import type { Answer, AnswerResult, AnswerSource } from '../../src/answer/types.js';

/** Small fake answers for the renderer tests. */
export function source(overrides: Partial<AnswerSource> = {}): AnswerSource {
  return {
    sourceId: 'report',
    quote: 'JAXA said the network was accessed without authorization in 2023.',
    sentence: { first: 2, last: 2, of: 5 },
    title: 'Report on the JAXA intrusion',
    publisher: 'Example News',
    date: '2024-06-01',
    url: 'https://example.org/jaxa',
    ...overrides,
  };
}

export function result(overrides: Partial<AnswerResult> = {}): AnswerResult {
  return {
    id: 'breach',
    case: 'tick-jaxa',
    text: 'JAXA confirmed that its network was breached in 2023.',
    score: 1.5,
    sources: [source()],
    matched: ['JAXA'],
    ...overrides,
  };
}

export function answerWith(count: number, overrides: Partial<AnswerResult> = {}, query = 'jaxa'): Answer {
  return {
    query,
    results: Array.from({ length: count }, (_, i) => result({ id: `fact-${i + 1}`, ...overrides })),
    suggestions: [],
    unmatched: [],
    queryTerms: query.split(/\s+/).filter((word) => word !== '').length,
  };
}

/** Markdown characters left with their meaning once escapes are taken out. */
export function liveMarkup(markdown: string): string {
  return markdown.replace(/\\[^A-Za-z0-9\s]/g, '').replace(/[^\\*_~`|>#\-[\]()]/g, '');
}

/** The labels of a reply's buttons, in order (paging and votes alike). */
export function buttonLabels(reply: Reply): string[] {
  return (reply.components ?? []).flatMap((row) => row.components.flatMap((b) => ('label' in b && b.label !== undefined ? [b.label] : [])));
}

/** The custom_ids of a reply's enabled buttons: what a member can click. */
export function enabledButtonIds(reply: Reply): string[] {
  return (reply.components ?? []).flatMap((row) =>
    row.components.flatMap((b) => ('custom_id' in b && b.disabled !== true ? [b.custom_id] : [])),
  );
}
