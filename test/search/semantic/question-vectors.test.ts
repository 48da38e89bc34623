import { describe, expect, it } from 'vitest';
import { QuestionVectors } from '../../../src/search/semantic/question-vectors.js';
import type { WordVectors } from '../../../src/search/semantic/word-vectors.js';
import { toyWordVectors } from './toy-word-vectors.js';
import { makeFactSet } from '../make-fact-set.js';

/** Four made-up directions: space, money, police, filler. */
const WORDS: Record<string, readonly number[]> = {
  rocket: [1, 0, 0, 0],
  launch: [0.95, 0, 0.05, 0],
  price: [0, 1, 0, 0],
  paid: [0.05, 0.95, 0, 0],
  police: [0, 0, 1, 0],
  cops: [0, 0.05, 0.95, 0],
  the: [0.3, 0.3, 0.3, 1],
};

function words(modelId = 'test-model'): WordVectors {
  return toyWordVectors(WORDS, modelId);
}

const read = (question: string): string[] => question.split(' ');

const factSet = (aliases: readonly (readonly string[])[] = []) =>
  makeFactSet(
    [
      { id: 'space', text: 'A launch.', questions: ['the rocket', 'zzyzx'] },
      { id: 'cash', text: 'A sum.', questions: ['the price', 'the police paid'] },
      { id: 'plain', text: 'No questions.' },
      { id: 'other-case', text: 'A launch.', questions: ['the rocket'], caseId: 'case-b' },
    ],
    [{ id: 'case-a', aliases }, { id: 'case-b' }],
  );

const query = (w: WordVectors, text: string): Float32Array => {
  const v = new Float32Array(w.dims);
  if (!w.embedInto(text.split(' '), v)) throw new Error(`no known word in ${text}`);
  return v;
};

describe('QuestionVectors', () => {
  it('finds facts by their closest own question, once each, best first, above the floor, within a case', async () => {
    const w = words();
    const questions = await QuestionVectors.build(factSet(), w, read);
    // 'zzyzx' has no known word, 'plain' has no questions: no rows for them.
    expect(questions.size).toBe(4);
    expect(questions.embedded).toBe(3);
    const hits = questions.search(query(w, 'launch'), 5, 0.5);
    expect(hits.map((h) => h.fact.id)).toEqual(['space', 'other-case']);
    expect(questions.search(query(w, 'launch'), 5, 0.5, 'case-a').map((h) => h.fact.id)).toEqual(['space']);
    // Both of cash's questions are near "paid"; the fact comes back once, with its best cosine.
    const paid = questions.search(query(w, 'paid'), 5, 0.3);
    expect(paid.map((h) => h.fact.id)).toEqual(['cash']);
    expect(paid[0]?.cosine).toBeGreaterThan(0.9);
    expect(questions.search(query(w, 'cops'), 5, 0.99)).toEqual([]);
  });

  it("gives a fact's closest question directly, and keeps only the best `limit` facts of a scan", async () => {
    const w = words();
    const set = factSet();
    const questions = await QuestionVectors.build(set, w, read);
    const [space, cash, plain] = set.facts;
    if (space === undefined || cash === undefined || plain === undefined) throw new Error('facts');
    expect(questions.cosineOf(cash, query(w, 'paid'))).toBeGreaterThan(0.9);
    expect(questions.cosineOf(space, query(w, 'paid'))).toBeLessThan(0.3);
    expect(questions.cosineOf(plain, query(w, 'paid'))).toBeUndefined();
    // A copy of a fact is not the fact this set holds.
    expect(questions.cosineOf({ ...cash }, query(w, 'paid'))).toBeUndefined();
    expect(questions.search(query(w, 'rocket'), 1, 0.5).map((h) => h.fact.id)).toEqual(['space']);
  });

  it('a rebuild copies the rows of unchanged facts and embeds changed ones; new alias names re-embed their case', async () => {
    const w = words();
    const first = factSet();
    const before = await QuestionVectors.build(first, w, read);
    const changed = { ...first, facts: first.facts.map((f) => (f.id === 'cash' ? { ...f, questions: ['the cops'] } : f)) };
    const after = await QuestionVectors.build(changed, w, read, { previous: before });
    expect(after.embedded).toBe(1);
    expect(after.search(query(w, 'police'), 5, 0.9).map((h) => h.fact.id)).toEqual(['cash']);
    expect(after.search(query(w, 'rocket'), 5, 0.9).map((h) => h.fact.id)).toEqual(['space', 'other-case']);
    const renamed = { ...changed, cases: factSet([['rocket', 'launcher']]).cases };
    expect((await QuestionVectors.build(renamed, w, read, { previous: after })).embedded).toBe(2);
    // Other word vectors: nothing is reused.
    expect((await QuestionVectors.build(changed, words('other-model'), read, { previous: after })).embedded).toBe(3);
  });
});
