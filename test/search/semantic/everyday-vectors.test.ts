import { describe, expect, it } from 'vitest';
import { EverydayVectors } from '../../../src/search/semantic/everyday-vectors.js';
import { EVERYDAY_QUESTIONS } from '../../../src/search/semantic/everyday-questions.js';
import { wordsOf } from '../../../src/search/semantic/embedding-words.js';
import { toyWordVectors } from './toy-word-vectors.js';

const table = {
  pizza: [1, 0, 0, 0],
  recipe: [0.8, 0.6, 0, 0],
  weather: [0, 1, 0, 0],
  attack: [0, 0, 1, 0],
  the: [0, 0, 0, 1],
};
const words = toyWordVectors(table);

describe('EverydayVectors', () => {
  it('gives the cosine of the closest everyday question, read as a member question is read', async () => {
    const everyday = await EverydayVectors.build(words, wordsOf, { questions: ['pizza recipe', 'the weather', 'zzz qqq'] });
    // The question of unknown words only gets no row.
    expect(everyday.size).toBe(2);
    const query = new Float32Array(4);
    words.embedInto(['pizza', 'recipe'], query);
    expect(everyday.closest(query)).toBeCloseTo(1, 1);
    words.embedInto(['attack'], query);
    expect(everyday.closest(query)).toBeCloseTo(0, 1);
    words.embedInto(['weather'], query);
    expect(everyday.closest(query)).toBeGreaterThan(0.9);
  });

  it('leaves out a question the vectors would read as its form alone: one known content word beside unknown ones', async () => {
    // "how do i cancel nitro" reads as "how do i cancel" (nitro unknown): every question with
    // "cancel" would be near it. One known word alone, or two, is a topic.
    const everyday = await EverydayVectors.build(words, wordsOf, {
      questions: ['the pizza zzz', 'weather recipe zzz', 'the weather', 'attack'],
    });
    expect(everyday.size).toBe(3);
    const query = new Float32Array(4);
    words.embedInto(['pizza'], query);
    expect(everyday.closest(query)).toBeLessThan(0.9);
  });

  it('says whether some question reaches a floor, as the closest does, and never for a query of other dimensions', async () => {
    const everyday = await EverydayVectors.build(words, wordsOf, { questions: ['pizza recipe', 'the weather', 'attack'] });
    const query = new Float32Array(4);
    for (const probe of [['pizza'], ['recipe'], ['weather', 'the'], ['pizza', 'attack'], ['the']]) {
      words.embedInto(probe, query);
      const closest = everyday.closest(query);
      for (const floor of [-0.5, 0, 0.3, 0.6, 0.9, 0.99])
        expect(everyday.reaches(query, floor), `${probe.join(' ')} ≥ ${floor}`).toBe(closest >= floor);
    }
    expect(everyday.reaches(new Float32Array(3), -1)).toBe(false);
  });

  it('is −1 when there is nothing to compare: no rows, or a query of other dimensions', async () => {
    expect((await EverydayVectors.build(words, wordsOf, { questions: [] })).closest(new Float32Array([1, 0, 0, 0]))).toBe(-1);
    expect((await EverydayVectors.build(words, wordsOf, { questions: ['pizza'] })).closest(new Float32Array(3))).toBe(-1);
  });

  it('reuses an earlier set of the same questions and word vectors, and reads them again otherwise', async () => {
    const questions = ['pizza recipe'];
    let reads = 0;
    const read = (q: string): readonly string[] => {
      reads++;
      return wordsOf(q);
    };
    const first = await EverydayVectors.build(words, read, { questions });
    expect(await EverydayVectors.build(words, read, { questions, previous: first })).toBe(first);
    expect(reads).toBe(1);
    const otherModel = toyWordVectors(table, 'other-model');
    expect(await EverydayVectors.build(otherModel, read, { questions, previous: first })).not.toBe(first);
    expect(await EverydayVectors.build(words, read, { questions: ['the weather'], previous: first })).not.toBe(first);
    expect(reads).toBe(3);
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('reload superseded'));
    await expect(EverydayVectors.build(words, wordsOf, { signal: controller.signal })).rejects.toThrow('reload superseded');
  });

  it('ships a few hundred distinct questions in English and Japanese', () => {
    expect(EVERYDAY_QUESTIONS.length).toBeGreaterThan(300);
    expect(new Set(EVERYDAY_QUESTIONS).size).toBe(EVERYDAY_QUESTIONS.length);
    expect(EVERYDAY_QUESTIONS.filter((q) => /[\u3040-\u30ff\u4e00-\u9fff]/u.test(q)).length).toBeGreaterThan(50);
  });
});
