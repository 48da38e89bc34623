import { describe, expect, it } from 'vitest';
import { FactIndex } from '../../src/search/fact-index.js';
import { ALIAS_WORDS_SHARE } from '../../src/search/query-plan.js';
import { makeFactSet, SAMPLE } from './make-fact-set.js';

const index = FactIndex.build(SAMPLE);
const ids = (query: string, caseId?: string) => index.search(query, caseId === undefined ? {} : { caseId }).hits.map((h) => h.fact.id);

describe('FactIndex.search', () => {
  it('finds facts by word, prefix and normalised form', () => {
    expect(ids('jaxa')[0]).toBe('jaxa-hit');
    expect(ids('cancelled')[0]).toBe('sale-cancelled');
    expect(ids('leaked')[0]).toBe('no-leak');
    expect(ids('ｊａｘａ')[0]).toBe('jaxa-hit');
    expect(ids('cafe')[0]).toBe('cafe');
    expect(ids('resear')[0]).toBe('research');
  });

  it('tolerates typos on longer words only', () => {
    expect(ids('jaxs')[0]).toBe('jaxa-hit');
    expect(ids('cyberatack')).toEqual(expect.arrayContaining(['jaxa-hit', 'pla-likely']));
    expect(ids('pka')).toEqual([]);
  });

  it('expands alias groups in any language', () => {
    expect(ids('宇宙航空研究開発機構')[0]).toBe('jaxa-hit');
    expect(ids('人民解放軍')[0]).toBe('pla-likely');
    expect(ids("People's Liberation Army")[0]).toBe('pla-likely');
    expect(ids('PLA')[0]).toBe('pla-likely');
    expect(ids('加藤勝信')[0]).toBe('pla-likely');
  });

  it('reports the normalised query terms each hit matched', () => {
    const hit = index.search('cancelled transaction').hits[0];
    expect(hit?.fact.id).toBe('sale-cancelled');
    expect(hit?.matched).toEqual(['cancel', 'transaction']);
    // `jaxs` stems to `jax`, which reaches `jaxa` as a prefix: the query term is what is reported.
    expect(index.search('jaxs').hits[0]?.matched).toEqual(['jax']);
    expect(index.search('cyberatack').hits[0]?.matched).toEqual(['cyberattack']);
  });

  it('returns nothing for stop words only and for off-topic queries', () => {
    expect(index.search('who is the what of').hits).toEqual([]);
    for (const query of ['pizza recipe', 'football score', 'weather tomorrow', 'chinese food recipe']) {
      expect(index.search(query).hits, query).toEqual([]);
    }
  });

  it('says how many things the query asks about, so an empty answer can say why it is empty', () => {
    // Only question and stop words: nothing to look for, which is why nothing was found.
    for (const query of ['what happened', 'who did it?', 'when was it', 'who is the what of']) {
      expect(index.search(query).queryTerms, query).toBe(0);
    }
    // Words that match nothing are still things asked about.
    expect(index.search('pizza recipe')).toMatchObject({ hits: [], queryTerms: 2 });
    // An alias group is one thing however it is named; a fact key is one.
    expect(index.search("People's Liberation Army attack").queryTerms).toBe(2);
    expect(index.search('kato statement')).toMatchObject({ unmatched: ['statement'], queryTerms: 2 });
    expect(index.search('case-a/no-leak').queryTerms).toBe(1);
  });

  it('suggests a close indexed word when nothing matched', () => {
    expect(index.search('kataa')).toEqual({ hits: [], suggestions: ['kato'], unmatched: ['kataa'], queryTerms: 1 });
    expect(index.search('kataa cyberattacks').suggestions).toEqual(['kato cyberattacks']);
    expect(index.search('pizza').suggestions).toEqual([]);
  });

  it('resolves a fact key to exactly that fact', () => {
    expect(ids('case-a/no-leak')).toEqual(['no-leak']);
  });

  it('filters by case and respects the limit', () => {
    const two = FactIndex.build(
      makeFactSet(
        [
          { id: 'x1', text: 'The satellite launch was delayed.', caseId: 'x' },
          { id: 'y1', text: 'The satellite launch succeeded.', caseId: 'y' },
        ],
        [{ id: 'x' }, { id: 'y' }],
      ),
    );
    expect(two.search('satellite launch').hits).toHaveLength(2);
    expect(two.search('satellite launch', { caseId: 'y' }).hits.map((h) => h.fact.id)).toEqual(['y1']);
    expect(two.search('satellite', { limit: 1 }).hits).toHaveLength(1);
    expect(two.search('x/x1', { caseId: 'y' }).hits).toEqual([]);
  });

  it('never throws on hostile input', () => {
    const inputs = [
      '',
      ' ',
      '\u0000\u0007',
      'a'.repeat(6000),
      '__proto__',
      'constructor',
      '\uD800\uDFFF\uD800',
      '\u202Ejaxa\u202C',
      '?!.,;',
      'jaxa '.repeat(100),
      '👍',
    ];
    for (const input of inputs) {
      expect(() => index.search(input)).not.toThrow();
      expect(() => index.autocomplete(input)).not.toThrow();
    }
    expect(index.search('\u202Ejaxa\u202C').hits[0]?.fact.id).toBe('jaxa-hit');
  });
});

describe('FactIndex.autocomplete', () => {
  const valid = (query: string) => {
    const choices = index.autocomplete(query);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(new Set(choices.map((c) => c.value)).size).toBe(choices.length);
    for (const c of choices) {
      expect(c.name.length).toBeGreaterThanOrEqual(1);
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(c.value.length).toBeGreaterThanOrEqual(1);
      expect(c.value.length).toBeLessThanOrEqual(100);
    }
    return choices;
  };

  it('offers the leading facts on empty input', () => {
    const choices = valid('');
    expect(choices[0]).toMatchObject({ kind: 'fact', value: 'case-a/jaxa-hit' });
  });

  it('completes the last word and keeps what came before', () => {
    expect(valid('who canc')).toContainEqual({ name: 'who canceled', value: 'who canceled', kind: 'term' });
    expect(valid('cyb').map((c) => c.value)).toContain('cyberattacks');
  });

  it('offers alias names and facts whose value finds them', () => {
    expect(valid('japan aero').map((c) => c.value)).toContain('Japan Aerospace Exploration Agency');
    const fact = valid('seller').find((c) => c.kind === 'fact');
    expect(fact?.value).toBe('case-a/sale-cancelled');
    expect(index.search(fact?.value ?? '').hits[0]?.fact.id).toBe('sale-cancelled');
  });

  it('cuts long fact texts to 100 characters', () => {
    const long = FactIndex.build(makeFactSet([{ id: 'long', text: `Satellite ${'word '.repeat(60)}end.` }]));
    const choice = long.autocomplete('satellite').find((c) => c.kind === 'fact');
    expect(choice?.name.length).toBe(100);
    expect(choice?.name.endsWith('…')).toBe(true);
  });
});

describe('FactIndex.buildAsync', () => {
  it('builds the same index as build, reusing the previous analysis', async () => {
    const first = await FactIndex.buildAsync(SAMPLE, { chunkSize: 2 });
    expect(first.size).toBe(SAMPLE.facts.length);
    expect(first.search('jaxa').hits.map((h) => h.fact.id)).toEqual(index.search('jaxa').hits.map((h) => h.fact.id));
    const changed = makeFactSet(
      [...SAMPLE.facts.map((f) => ({ id: f.id, text: f.text, tags: f.tags })), { id: 'new', text: 'A new fact about rockets.' }],
      [{ id: 'case-a' }],
    );
    const second = await FactIndex.buildAsync(changed, { previous: first, chunkSize: 3 });
    expect(second.search('rockets').hits.map((h) => h.fact.id)).toEqual(['new']);
    expect(first.search('rockets').hits).toEqual([]);
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(FactIndex.buildAsync(SAMPLE, { signal: controller.signal })).rejects.toThrow('stop');
  });
});

describe('autocomplete limits', () => {
  it('treats a NaN or infinite limit as unset: never more than 25 choices (found by the fuzz run, seed 416254323)', () => {
    const many = FactIndex.build(
      makeFactSet(Array.from({ length: 60 }, (_, i) => ({ id: `f${i}`, text: `Fact number ${i} about satellites.` }))),
    );
    for (const limit of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      const choices = many.autocomplete('', { limit });
      expect(choices.length).toBeLessThanOrEqual(25);
    }
    expect(many.autocomplete('', { limit: Number.NaN }).length).toBeGreaterThan(0);
  });
});

describe('the words of a question’s sentence vector', () => {
  it('counts the typed words once each, and an alias group’s names together as half a word', () => {
    const words = index.questionWords('when is jaxa launching');
    expect(words.filter((w) => typeof w === 'string')).toEqual(['when', 'is', 'jaxa', 'launching']);
    const names = words.filter((w) => typeof w !== 'string');
    expect(names.map((w) => w.word)).toEqual(['jaxa', 'japan', 'aerospace', 'exploration', 'agency']);
    const total = names.reduce((sum, w) => sum + w.weight, 0);
    expect(total).toBeCloseTo(ALIAS_WORDS_SHARE, 10);
  });
});

describe('FactIndex.search, a request for the whole story', () => {
  const twoCases = makeFactSet(
    [
      { id: 'leak', text: 'Police did not detect a data leak.' },
      { id: 'breach', text: 'The harbor office network was breached in March.', caseId: 'harbor' },
      { id: 'sale', text: 'The seller canceled the sale of the software.' },
      { id: 'ransom', text: 'The attackers demanded a ransom in bitcoin.', caseId: 'harbor' },
      { id: 'hack', text: 'About 200 companies were hit by cyberattacks.' },
    ],
    [
      { id: 'tick', summary: 'About 200 companies were hit by cyberattacks. The seller canceled the sale. No data leak was detected.' },
      { id: 'harbor', summary: 'Attackers breached the harbor office network and demanded a ransom.' },
    ],
  );
  const both = FactIndex.build(twoCases);

  it("tells the chosen case's summary by its facts, one per sentence, in the summary's order (by words without vectors)", () => {
    const response = both.search('what happened', { caseId: 'tick' });
    expect(response.overview).toBe(true);
    expect(response.queryTerms).toBe(0);
    expect(response.hits.map((h) => h.fact.id)).toEqual(['hack', 'sale', 'leak']);
    // One sentence naming two facts gives the closer one only.
    expect(both.search('tl;dr', { caseId: 'harbor' }).hits.map((h) => h.fact.id)).toHaveLength(1);
    expect(both.search('catch me up', { caseId: 'tick', limit: 2 }).hits).toHaveLength(2);
  });

  it("with several cases and none chosen, interleaves their stories: each case's lead first", () => {
    const response = both.search('what happened');
    expect(response.overview).toBe(true);
    expect(response.hits.map((h) => h.fact.id)).toEqual(['hack', 'breach', 'sale', 'leak']);
    expect(both.search('what happened', { limit: 3 }).hits.map((h) => h.fact.id)).toEqual(['hack', 'breach', 'sale']);
  });

  it('tells a story once per snapshot: later asks, with any limit, get the same hits; a new snapshot tells it anew', () => {
    const index = FactIndex.build(twoCases);
    const first = index.search('what happened', { caseId: 'tick' }).hits;
    const again = index.search('catch me up', { caseId: 'tick', limit: 2 }).hits;
    expect(again).toHaveLength(2);
    again.forEach((hit, i) => expect(hit).toBe(first[i]));
    const other = FactIndex.build(twoCases).search('what happened', { caseId: 'tick' }).hits;
    expect(other.map((h) => h.fact.id)).toEqual(first.map((h) => h.fact.id));
    expect(other[0]).not.toBe(first[0]);
  });

  it('is an ordinary search when the question names something', () => {
    expect(both.search('what happened to the sale', { caseId: 'tick' }).overview).toBeUndefined();
    expect(both.search('what happened to the sale', { caseId: 'tick' }).hits[0]?.fact.id).toBe('sale');
    // A case whose summary no fact is close to leaves the question to the usual search.
    const unrelated = FactIndex.build(makeFactSet([{ id: 'x', text: 'Kato spoke.' }], [{ id: 'c', summary: 'Zebras graze.' }]));
    expect(unrelated.search('what happened').overview).toBeUndefined();
  });
});
