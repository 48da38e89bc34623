import { describe, expect, it } from 'vitest';
import { FactVectors } from '../../../src/search/semantic/fact-vectors.js';
import { RelatedWords } from '../../../src/search/semantic/related-words.js';
import type { WordVectors } from '../../../src/search/semantic/word-vectors.js';
import { toyWordVectors } from './toy-word-vectors.js';
import { makeFactSet } from '../make-fact-set.js';

/** Four made-up directions: space, money, police, filler. */
const WORDS: Record<string, readonly number[]> = {
  rocket: [1, 0, 0, 0],
  agency: [0.9, 0.1, 0, 0],
  launch: [0.95, 0, 0.05, 0],
  price: [0, 1, 0, 0],
  paid: [0.05, 0.95, 0, 0],
  money: [0, 0.9, 0, 0.1],
  police: [0, 0, 1, 0],
  cops: [0, 0.05, 0.95, 0],
  the: [0.3, 0.3, 0.3, 1],
};

function words(modelId = 'test-model'): WordVectors {
  return toyWordVectors(WORDS, modelId);
}

const facts = makeFactSet(
  [
    { id: 'space', text: 'The rocket agency delayed the launch.', quote: 'The rocket agency delayed the launch.' },
    { id: 'cash', text: 'The price was paid in money.', quote: 'The price was paid in money.' },
    { id: 'law', text: 'The police said so.', quote: 'The police said so.' },
    { id: 'unknowable', text: 'Zzyzx qwfp.', quote: 'Zzyzx qwfp.' },
    { id: 'other-case', text: 'The rocket launch.', quote: 'The rocket launch.', caseId: 'case-b' },
  ],
  [{ id: 'case-a' }, { id: 'case-b' }],
);

const query = (w: WordVectors, text: string): Float32Array => {
  const v = new Float32Array(w.dims);
  if (!w.embedInto(text.split(' '), v)) throw new Error(`no known word in ${text}`);
  return v;
};

describe('FactVectors', () => {
  it('finds facts by meaning, best first, above the floor, within a case', async () => {
    const w = words();
    const vectors = await FactVectors.build(facts, w);
    expect(vectors.size).toBe(5);
    expect(vectors.embedded).toBe(5);
    const hits = vectors.search(query(w, 'cops'), 3, 0.5);
    expect(hits.map((h) => h.fact.id)).toEqual(['law']);
    expect(hits[0]?.cosine).toBeGreaterThan(0.9);
    expect(vectors.search(query(w, 'rocket'), 5, 0.5).map((h) => h.fact.id)).toEqual(['space', 'other-case']);
    expect(vectors.search(query(w, 'rocket'), 5, 0.5, 'case-b').map((h) => h.fact.id)).toEqual(['other-case']);
    expect(vectors.search(query(w, 'rocket'), 1, 0.5)).toHaveLength(1);
    // A fact with no known word has no vector and is never returned, even with the lowest floor.
    expect(vectors.search(query(w, 'the'), 10, -1).map((h) => h.fact.id)).not.toContain('unknowable');
  });

  it('cosineOf agrees with search, and knows only its own fact objects', async () => {
    const w = words();
    const vectors = await FactVectors.build(facts, w);
    const q = query(w, 'paid');
    const [best] = vectors.search(q, 1, 0);
    expect(best?.fact.id).toBe('cash');
    expect(vectors.cosineOf(facts.facts[1]!, q)).toBeCloseTo(best?.cosine ?? 0, 5);
    expect(vectors.cosineOf({ ...facts.facts[1]! }, q)).toBeUndefined();
  });

  it('a rebuild embeds only facts that are not the very same objects, and never reuses another model', async () => {
    const w = words();
    const first = await FactVectors.build(facts, w);
    const changed = { ...facts, facts: facts.facts.map((f) => (f.id === 'cash' ? { ...f, text: 'The rocket price.' } : f)) };
    const second = await FactVectors.build(changed, w, { previous: first });
    expect(second.embedded).toBe(1);
    expect(second.search(query(w, 'police'), 1, 0.5).map((h) => h.fact.id)).toEqual(['law']);
    const third = await FactVectors.build(changed, words('another-model'), { previous: second });
    expect(third.embedded).toBe(5);
  });

  it('yields while building and stops when aborted', async () => {
    const big = makeFactSet(
      Array.from({ length: 3000 }, (_, i) => ({ id: `f${i}`, text: `The rocket agency launch number ${i} was paid in money by police.` })),
    );
    const controller = new AbortController();
    let progress = 0;
    const build = FactVectors.build(big, words(), { signal: controller.signal, onProgress: (done) => (progress = done) });
    setImmediate(() => controller.abort(new Error('stop')));
    await expect(build).rejects.toThrow('stop');
    expect(progress).toBeLessThan(3000);
  });
});

describe('RelatedWords', () => {
  it('finds the fact words closest in meaning, not the word itself, above the floor', async () => {
    const w = words();
    const related = await RelatedWords.build(
      [
        ['police', 'polic'],
        ['money', 'money'],
        ['rocket', 'rocket'],
        ['cops', 'cop'],
      ],
      w,
    );
    expect(related.size).toBe(4);
    expect(related.nearest('cops', 3, 0.6).map((r) => r.surface)).toEqual(['police']);
    expect(related.nearest('cops', 3, 0.6)[0]?.term).toBe('polic');
    expect(related.nearest('paid', 3, 0.6).map((r) => r.surface)).toEqual(['money']);
    expect(related.nearest('unknown-word', 3, 0)).toEqual([]);
  });
});
