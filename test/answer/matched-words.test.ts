import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../src/answer/answer.js';
import { boldRuleFor, matchedWords } from '../../src/answer/matched-words.js';
import { loadFactsDir } from '../../src/facts/load.js';
import type { FactSet } from '../../src/facts/types.js';
import { buildIndex } from '../../src/search/build-index.js';
import type { FactIndex } from '../../src/search/fact-index.js';

let factSet: FactSet;
let index: FactIndex;

beforeAll(async () => {
  const loaded = await loadFactsDir(fileURLToPath(new URL('../../facts', import.meta.url)));
  if (!loaded.ok) throw new Error('the shipped facts must load');
  factSet = loaded.factSet;
  index = await buildIndex(factSet, { problems: [] });
});

const TEXT = 'The Japan Aerospace Exploration Agency (JAXA) was among about 200 Japanese organisations hit.';

describe('matchedWords: the bold rule', () => {
  it('a name of the query marks every name of its group whole, never a word of a name alone', () => {
    const rule = boldRuleFor('jaxa', factSet, 'tick-jaxa');
    // What the search reports for an alias hit: every term of every name of the group.
    const stems = ['jaxa', 'japan', 'aerospac', 'explor', 'agenc'];
    expect(matchedWords(TEXT, stems, rule)).toEqual(['Japan Aerospace Exploration Agency', 'JAXA']);
  });

  it('a word the query typed itself marks the words with that same term, not longer words it prefixes', () => {
    const rule = boldRuleFor('japan', factSet, 'tick-jaxa');
    expect(matchedWords('Japan and Japanese firms.', ['japan'], rule)).toEqual(['Japan']);
  });

  it('a prefix or typo the fact has no whole word for marks the words it reached', () => {
    const rule = boldRuleFor('canc', factSet, 'tick-jaxa');
    expect(matchedWords('The seller canceled the transaction.', ['canc'], rule)).toEqual(['canceled']);
  });

  it('a Japanese name in the query marks the names of its group', () => {
    const rule = boldRuleFor('加藤は何と言った', factSet, 'tick-jaxa');
    expect(matchedWords('Chief Cabinet Secretary Katsunobu Kato said so; Kato added more.', ['kato'], rule)).toEqual([
      'Katsunobu Kato',
      'Kato',
    ]);
  });
});

describe('answer: matched words in a jaxa search', () => {
  it('are the names of JAXA as the facts write them, and never "Japanese"', () => {
    const result = answer(index, 'jaxa');
    expect(result.results.length).toBeGreaterThan(0);
    const all = result.results.flatMap((r) => r.matched);
    expect(all).toContain('JAXA');
    expect(all).not.toContain('Japanese');
    for (const r of result.results) for (const word of r.matched) expect(r.text).toContain(word);
    expect(all.every((w) => ['JAXA', 'Japan Aerospace Exploration Agency'].includes(w))).toBe(true);
  });

  it('are words as written, not stems (aerospace, people)', () => {
    for (const [query, words] of [
      ['aerospace agency', ['Aerospace', 'Agency']],
      ['people', ["People's"]],
    ] as const) {
      const result = answer(index, query);
      expect(result.results.length, query).toBeGreaterThan(0);
      // A fact found through one of its moderator questions has nothing of the query to bold in its text.
      const bolded = result.results.filter((r) => r.matched.length > 0);
      expect(bolded.length, query).toBeGreaterThan(0);
      for (const r of bolded) expect(r.matched).toEqual(words);
      for (const r of result.results.filter((x) => x.matched.length === 0)) expect(r.text.toLowerCase()).not.toContain(query.split(' ')[0]);
    }
  });
});
