import { describe, expect, it } from 'vitest';
import type { APIButtonComponent, APIEmbed } from 'discord-api-types/v10';
import { parseCustomId, sessionButtonIds } from '../../src/app/page-sessions.js';
import { renderAnswerPage, renderNoMatch, safeUrl } from '../../src/answer/render-answer.js';
import { assertReplyWithinLimits, type Reply } from '../../src/answer/reply.js';
import type { Answer } from '../../src/answer/types.js';
import { answerWith, liveMarkup, result, source } from './fixtures.js';
import { renderAnswerAsText } from '../../src/answer/render-text.js';
import { catalogFor } from '../../src/answer/locale/index.js';

function embeds(reply: Reply): APIEmbed[] {
  return reply.embeds ?? [];
}

function buttons(reply: Reply): APIButtonComponent[] {
  return (reply.components ?? []).flatMap((row) => row.components);
}

function customId(button: APIButtonComponent | undefined): string | undefined {
  return button !== undefined && 'custom_id' in button ? button.custom_id : undefined;
}

/** The passage line of a fact embed (before the blank line and the quotes). */
function passage(embed: APIEmbed | undefined): string {
  return embed?.description?.split('\n')[0] ?? '';
}

describe('renderAnswerPage: layout', () => {
  it('shows a header, one embed per fact with passage, quote and the linked source with publisher, date and sentence — no ids, no case title', () => {
    const reply = renderAnswerPage(answerWith(2, {}, 'breach'), { page: 0, caseTitles: new Map([['tick-jaxa', 'The JAXA intrusion']]) });
    expect(reply.content).toBe('**2 results** for “breach”');
    expect(reply.ephemeral).toBe(false);
    expect(embeds(reply)).toHaveLength(2);
    const [first] = embeds(reply);
    // One case: its title above every fact would only repeat itself; ids are for moderators.
    expect(first?.author).toBeUndefined();
    expect(first?.footer).toBeUndefined();
    expect(JSON.stringify(reply)).not.toContain('fact-1');
    expect(typeof first?.color).toBe('number');
    const lines = first?.description?.split('\n') ?? [];
    expect(lines).toContain('> JAXA said the network was accessed without authorization in 2023.');
    expect(lines).toContain(
      '-# — [Report on the JAXA intrusion](https://example.org/jaxa) · Example News, 2024\\-06\\-01 · sentence 2 of 5',
    );
    expect(reply.components).toBeUndefined();
  });

  it('names the case above each fact only when the answer mixes cases', () => {
    const mixed: Answer = { ...answerWith(1), results: [result({ id: 'a' }), result({ id: 'b', case: 'other' })] };
    const titles = new Map([
      ['tick-jaxa', 'The JAXA intrusion'],
      ['other', 'Another case'],
    ]);
    expect(embeds(renderAnswerPage(mixed, { page: 0, caseTitles: titles })).map((e) => e.author?.name)).toEqual([
      'The JAXA intrusion',
      'Another case',
    ]);
  });

  it('shows the case and fact ids only with showIds (a moderator’s private answer)', () => {
    const reply = renderAnswerPage(answerWith(2), { page: 0, showIds: true, ephemeral: true });
    expect(embeds(reply).map((e) => e.footer?.text)).toEqual(['Case tick-jaxa · Fact fact-1', 'Case tick-jaxa · Fact fact-2']);
  });

  it('quotes a sentence once per page: later facts resting on it refer back to it', () => {
    const other = source({ quote: 'Another sentence of the report.', sentence: { first: 4, last: 4, of: 5 } });
    const answer: Answer = { ...answerWith(1), results: [result({ id: 'a' }), result({ id: 'b', sources: [other] }), result({ id: 'c' })] };
    const [a, b, c] = embeds(renderAnswerPage(answer, { page: 0 })).map((e) => e.description ?? '');
    expect(a).toContain('> JAXA said the network');
    expect(b).toContain('> Another sentence of the report.');
    expect(c).not.toContain('> JAXA said the network');
    expect(c).toContain('-# ↑ The same source sentence as quoted above · Report on the JAXA intrusion · sentence 2 of 5');
    // A new page quotes it again: each page stands on its own.
    const paged = renderAnswerPage({ ...answer, results: [...answer.results, result({ id: 'd' })] }, { page: 1 });
    expect(embeds(paged)[0]?.description).toContain('> JAXA said the network');
  });

  it('says which sentences a quote spans, and nothing when that is unknown', () => {
    const spans = renderAnswerPage(answerWith(1, { sources: [source({ sentence: { first: 3, last: 4, of: 8 } })] }), { page: 0 });
    expect(embeds(spans)[0]?.description).toContain(' · sentences 3–4 of 8');
    const unknown = renderAnswerPage(answerWith(1, { sources: [source({ sentence: null })] }), { page: 0 });
    expect(embeds(unknown)[0]?.description).not.toContain('sentence');
  });

  it('titles a fact picked in autocomplete (its key as the query) by its text, never the key', () => {
    const picked = answerWith(
      1,
      { id: 'engineer-wanted-list', text: 'Police put the engineer on a wanted list after he left the country for good.' },
      'tick-jaxa/engineer-wanted-list',
    );
    const reply = renderAnswerPage(picked, { page: 0 });
    expect(reply.content).toBe('**Police put the engineer on a wanted list after he left the country for good.**');
    expect(JSON.stringify(reply)).not.toContain('engineer-wanted-list');
    const long = answerWith(1, { id: 'x', text: 'word '.repeat(60).trim() }, 'tick-jaxa/x');
    expect(renderAnswerPage(long, { page: 0 }).content?.length).toBeLessThanOrEqual(100);
    expect(renderAnswerAsText(picked).split('\n')[0]).toBe('Police put the engineer on a wanted list after he left the country for good.');
  });

  it('links the source only when a URL is known, and only http(s)', () => {
    const noUrl = renderAnswerPage(answerWith(1, { sources: [source({ url: null })] }), { page: 0 });
    expect(embeds(noUrl)[0]?.description).toContain('-# — Report on the JAXA intrusion · Example News');
    const bad = renderAnswerPage(answerWith(1, { sources: [source({ url: 'javascript:alert(1)' })] }), { page: 0 });
    expect(embeds(bad)[0]?.description).not.toContain('javascript');
    expect(safeUrl('https://e.org/a_(b) c')).toBe('https://e.org/a_%28b%29%20c');
  });

  it('quotes every line of a multi-paragraph quote', () => {
    const reply = renderAnswerPage(answerWith(1, { sources: [source({ quote: 'First part.\n\n> Second part.' })] }), { page: 0 });
    const lines = embeds(reply)[0]?.description?.split('\n') ?? [];
    expect(lines).toContain('> First part.');
    expect(lines).toContain('> \\> Second part.');
  });

  it('gives a case the same colour on every page', () => {
    const answer = answerWith(7);
    const colours = [0, 1, 2].flatMap((page) => embeds(renderAnswerPage(answer, { page })).map((e) => e.color));
    expect(new Set(colours).size).toBe(1);
  });
});

describe('renderAnswerPage: highlighting', () => {
  it('bolds exactly the matched words and names, whole, wherever they occur (with the real phrase finder)', () => {
    const reply = renderAnswerPage(answerWith(1, { text: 'The seller canceled it; JAXA cancels.', matched: ['canceled', 'cancels'] }), {
      page: 0,
    });
    expect(passage(embeds(reply)[0])).toBe('The seller **canceled** it; JAXA **cancels**.');
    const names = renderAnswerPage(
      answerWith(1, {
        text: 'The Japan Aerospace Exploration Agency (JAXA), not JAXAS or Japanese firms; JAXA again.',
        matched: ['Japan Aerospace Exploration Agency', 'JAXA'],
      }),
      { page: 0 },
    );
    expect(passage(embeds(names)[0])).toBe(
      'The **Japan Aerospace Exploration Agency** \\(**JAXA**\\), not JAXAS or Japanese firms; **JAXA** again.',
    );
  });

  it('uses an injected span finder, merging touching spans and trimming whitespace off them', () => {
    const findSpans = (): { start: number; end: number }[] => [
      { start: 0, end: 2 },
      { start: 2, end: 4 },
      { start: 4, end: 9 },
    ];
    const reply = renderAnswerPage(answerWith(1, { text: 'abcd efgh ij' }), { page: 0, findSpans });
    expect(passage(embeds(reply)[0])).toBe('**abcd** **efgh** ij');
  });

  it('survives a span finder that throws or returns nonsense', () => {
    const throwing = renderAnswerPage(answerWith(1, { text: 'plain text' }), {
      page: 0,
      findSpans: () => {
        throw new Error('boom');
      },
    });
    expect(passage(embeds(throwing)[0])).toBe('plain text');
    const nonsense = renderAnswerPage(answerWith(1, { text: 'plain text' }), {
      page: 0,
      findSpans: () => [
        { start: -5, end: 2 },
        { start: 8, end: 999 },
        { start: 3, end: 1 },
        { start: 0.5, end: 3 },
      ],
    });
    expect(passage(embeds(nonsense)[0])).toBe('**pl**ain te**xt**');
  });

  it('fact text cannot break the bold, link, code or ping', () => {
    const text = 'JAXA **x** said @everyone <@123> <@&1> <#9> [click](https://e.vil) `JAXA` ||s|| ~~t~~ _u_ > q';
    const reply = renderAnswerPage(answerWith(1, { text, sources: [source({ quote: '@here **JAXA** [a](https://b.c) `x`' })] }), {
      page: 0,
    });
    const description = embeds(reply)[0]?.description ?? '';
    const bolded = passage(embeds(reply)[0]);
    // The only live markup in the passage is the pairs of ** around the two JAXA words.
    expect(liveMarkup(bolded)).toBe('********');
    expect(bolded.startsWith('**JAXA**')).toBe(true);
    expect(bolded).toContain('\\`**JAXA**\\`');
    for (const mention of ['@everyone', '@here', '<@123>', '<@&1>', '<#9>']) expect(description).not.toContain(mention);
    // The quote lines keep only the quote marker and the subtext/link structure.
    const quote = description.split('\n').find((line) => line.startsWith('> ')) ?? '';
    expect(liveMarkup(quote.slice(2))).toBe('');
  });
});

describe('renderAnswerPage: paging', () => {
  // Four facts a page: 9 results make pages of 4, 4 and 1.
  const answer = answerWith(9);

  it('page 0: results 1–4, Back disabled, More enabled, ids parse back', () => {
    const reply = renderAnswerPage(answer, { page: 0, buttons: sessionButtonIds('abc123'), showIds: true });
    expect(reply.content).toBe('**Results 1–4 of 9** for “jaxa”');
    expect(embeds(reply).map((e) => e.footer?.text)).toEqual([
      'Case tick-jaxa · Fact fact-1',
      'Case tick-jaxa · Fact fact-2',
      'Case tick-jaxa · Fact fact-3',
      'Case tick-jaxa · Fact fact-4',
    ]);
    const [back, info, more] = buttons(reply);
    expect(back).toMatchObject({ label: '◀ Back', disabled: true });
    expect(info).toMatchObject({ label: 'Page 1 of 3', disabled: true });
    expect(more).toMatchObject({ label: 'More ▶', disabled: false });
    expect(parseCustomId(customId(more))).toEqual({ kind: 'page', sessionId: 'abc123', page: 1 });
    expect(parseCustomId(customId(info))).toBeNull();
  });

  it('page 1: both directions enabled', () => {
    const reply = renderAnswerPage(answer, { page: 1, buttons: sessionButtonIds('abc123') });
    expect(reply.content).toBe('**Results 5–8 of 9** for “jaxa”');
    const [back, , more] = buttons(reply);
    expect(back?.disabled).toBe(false);
    expect(more?.disabled).toBe(false);
    expect(parseCustomId(customId(back))?.page).toBe(0);
    expect(parseCustomId(customId(more))?.page).toBe(2);
  });

  it('last page: a single result, More disabled; pages beyond the end clamp to it', () => {
    for (const page of [2, 99]) {
      const reply = renderAnswerPage(answer, { page, buttons: sessionButtonIds('abc123') });
      expect(reply.content).toBe('**Results 9 of 9** for “jaxa”');
      expect(embeds(reply)).toHaveLength(1);
      const [back, info, more] = buttons(reply);
      expect(back?.disabled).toBe(false);
      expect(info).toMatchObject({ label: 'Page 3 of 3' });
      expect(more?.disabled).toBe(true);
    }
  });

  it('custom ids are unique within a message and within 100 characters', () => {
    for (const page of [0, 1, 2]) {
      const ids = buttons(renderAnswerPage(answer, { page, buttons: sessionButtonIds('abcdefghijkl') })).map(customId);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('no buttons without a session or with a single page', () => {
    expect(renderAnswerPage(answer, { page: 0 }).components).toBeUndefined();
    expect(renderAnswerPage(answerWith(3), { page: 0, buttons: sessionButtonIds('abc') }).components).toBeUndefined();
  });

  it('honours pageSize and ephemeral', () => {
    const reply = renderAnswerPage(answer, { page: 0, pageSize: 5, buttons: sessionButtonIds('abc'), ephemeral: true });
    expect(embeds(reply)).toHaveLength(5);
    expect(reply.ephemeral).toBe(true);
    expect(buttons(reply)[1]).toMatchObject({ label: 'Page 1 of 2' });
  });
});

describe('renderAnswerPage: limits', () => {
  it('stays within Discord limits for huge inputs', () => {
    const longQuote = 'A very long verbatim sentence from the source document, repeated. '.repeat(40);
    const huge: Answer = {
      query: `${'q'.repeat(5990)} @everyone`,
      results: Array.from({ length: 30 }, (_, i) =>
        result({
          id: `fact-${i}-${'x'.repeat(150)}`,
          case: `case-${'y'.repeat(150)}`,
          text: '**JAXA** `word` '.repeat(30).slice(0, 300),
          sources: Array.from({ length: 6 }, (_, k) =>
            source({ quote: `${longQuote} ${i}.${k}`, title: 'T'.repeat(500), url: `https://e.org/${'p'.repeat(900)}` }),
          ),
        }),
      ),
      suggestions: [],
      unmatched: [],
      queryTerms: 1,
    };
    for (const pageSize of [3, 10]) {
      for (const page of [0, 1, 99]) {
        const reply = renderAnswerPage(huge, {
          page,
          pageSize,
          buttons: sessionButtonIds('abcdefghijkl'),
          caseTitles: new Map([[`case-${'y'.repeat(150)}`, 'Z'.repeat(400)]]),
        });
        expect(() => assertReplyWithinLimits(reply)).not.toThrow();
        expect(reply.content?.length).toBeLessThan(200);
        expect(reply.content).not.toContain('@everyone');
        // Every fact on the page is still shown, each with at least the start of its quote.
        expect(embeds(reply)).toHaveLength(pageSize);
        for (const embed of embeds(reply)) expect(embed.description).toContain('> A very long');
      }
    }
  });
});

describe('short replies', () => {
  it('no match: ephemeral, echoes the sanitised query, suggests and hints', () => {
    const reply = renderNoMatch(
      { query: 'jaxxa **@everyone**', results: [], suggestions: ['jaxa', 'japan'], unmatched: [], queryTerms: 2 },
      new Map([['tick-jaxa', 'The JAXA intrusion']]),
    );
    expect(reply.ephemeral).toBe(true);
    const lines = reply.content?.split('\n') ?? [];
    expect(lines[0]).toBe('No facts match “jaxxa \\*\\*@\u200beveryone\\*\\*”.');
    expect(lines[1]).toBe('Did you mean: **jaxa**, **japan**?');
    expect(reply.content).toContain('Try fewer words');
    expect(reply.content).toContain('The JAXA intrusion');
    expect(renderAnswerPage({ query: 'x', results: [], suggestions: [], unmatched: [], queryTerms: 1 }, { page: 0 }).content).toBe(
      'No facts match “x”.\n-# Try fewer words, a name or a date.',
    );
  });

  it('no match for a question without topic words (the search found none to look for) says what to ask instead', () => {
    for (const query of ['what happened', 'who did it?', 'when was it']) {
      const content = renderNoMatch({ query, results: [], suggestions: [], unmatched: [], queryTerms: 0 }).content ?? '';
      expect(content.split('\n')[0], query).toBe(`“${query}” has no words to search for.`);
      expect(content).toContain('Ask about a name, a place, an organisation, an event or a date.');
      expect(content).not.toContain('No facts match');
    }
    // A query with words that simply match nothing keeps the usual message.
    expect(renderNoMatch({ query: 'pizza recipe', results: [], suggestions: [], unmatched: [], queryTerms: 2 }).content).toMatch(
      /^No facts match “pizza recipe”\./,
    );
  });

  it("an off-topic question is told so, in the reader's language, without listing its words", () => {
    const answer = {
      query: 'how many members does this server have',
      results: [],
      suggestions: [],
      unmatched: [],
      queryTerms: 2,
      offTopic: true as const,
    };
    const content = renderNoMatch(answer, new Map([['tick-jaxa', 'The JAXA intrusion']])).content ?? '';
    expect(content.split('\n')[0]).toBe(
      '“how many members does this server have” looks like a question about something else: no fact of the cases here is about it.',
    );
    expect(content).toContain('Ask about a name, a place, an organisation, an event or a date.');
    expect(content).toContain('Cases I know about: The JAXA intrusion');
    expect(content).not.toContain('No facts match');
    expect(renderNoMatch({ ...answer, unmatched: ['members'] }).content).not.toContain('No fact mentions');
    expect(renderNoMatch(answer, undefined, catalogFor('ja')).content?.split('\n')[0]).toContain('別の話題の質問のようです');
  });

  it("a question asking a name or an amount no fact gives is told what is missing, in the reader's language", () => {
    const answer = {
      query: 'what was the fake company called',
      results: [],
      suggestions: [],
      unmatched: [],
      queryTerms: 2,
      wanted: 'name' as const,
    };
    const content = renderNoMatch(answer).content ?? '';
    expect(content.split('\n')[0]).toBe(
      'The facts speak of what “what was the fake company called” asks about, but none of them gives its name.',
    );
    expect(content).not.toContain('No facts match');
    // Another wording would not find it: the tip says where the gap is, not "try fewer words".
    expect(content).toContain('-# This is a gap in the facts, not in your question.');
    expect(content).not.toContain('Try fewer words');
    expect(renderNoMatch({ ...answer, wanted: 'amount' }).content?.split('\n')[0]).toContain('none of them gives an amount');
    expect(renderNoMatch({ ...answer, wanted: 'discovery' }).content?.split('\n')[0]).toContain('none of them says how it came to light');
    expect(renderNoMatch({ ...answer, wanted: 'date' }).content?.split('\n')[0]).toContain('none of them gives a date');
    expect(renderNoMatch({ ...answer, wanted: 'statement' }).content?.split('\n')[0]).toContain('none of them reports what they said');
    expect(renderNoMatch({ ...answer, wanted: 'indicator' }).content?.split('\n')[0]).toContain('none of them gives technical indicators');
    expect(renderNoMatch({ ...answer, wanted: 'identity' }).content?.split('\n')[0]).toContain(
      'none of them says whether they are the same person',
    );
    expect(renderNoMatch(answer, undefined, catalogFor('ja')).content?.split('\n')[0]).toContain('その名前を示す事実はありません');
  });

  it('no match with a huge query and many suggestions fits', () => {
    const reply = renderNoMatch({
      query: 'z'.repeat(6000),
      results: [],
      suggestions: Array.from({ length: 50 }, () => 's'.repeat(500)),
      unmatched: Array.from({ length: 50 }, () => 'u'.repeat(500)),
      queryTerms: 50,
    });
    expect(() => assertReplyWithinLimits(reply)).not.toThrow();
  });
});

describe('words no fact mentions', () => {
  it('the header names them under the count, escaped, and says the facts answer the rest', () => {
    const reply = renderAnswerPage({ ...answerWith(2, {}, 'kato statement'), unmatched: ['statement'] }, { page: 0 });
    expect(reply.content).toBe('**2 results** for “kato statement”\n-# No fact mentions “statement”; these facts answer the rest.');
    const hostile = renderAnswerPage({ ...answerWith(1), unmatched: ['@everyone', '**x**', 'a', 'b', 'c'] }, { page: 0 });
    expect(hostile.content).toContain('and 1 more');
    expect(hostile.content).not.toMatch(/(?<!\\)\*\*x/);
    expect(hostile.content).not.toContain('@everyone');
  });

  it('a no-match reply names them only when some other word did match something', () => {
    const partly = renderNoMatch({ query: 'kataa statement', results: [], suggestions: [], unmatched: ['statement'], queryTerms: 2 });
    expect(partly.content).toContain('No fact mentions “statement”.');
    const none = renderNoMatch({ query: 'pizza recipe', results: [], suggestions: [], unmatched: ['pizza', 'recipe'], queryTerms: 2 });
    expect(none.content).not.toContain('No fact mentions');
  });

  it('the plain-text answer (ask) says it too', () => {
    const text = renderAnswerAsText({ ...answerWith(1, {}, 'kato statement'), unmatched: ['statement'] });
    // The same words as the Discord header, without the markdown.
    expect(text.split('\n').slice(0, 2)).toEqual([
      '1 result for “kato statement”',
      'No fact mentions “statement”; these facts answer the rest.',
    ]);
  });
});
