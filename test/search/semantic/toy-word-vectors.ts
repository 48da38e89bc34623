import { encodeWordVectors, WordVectors } from '../../../src/search/semantic/word-vectors.js';

/**
 * Word vectors from a small hand-made table (each word's vector as written, 4 dimensions), for tests
 * of what is built on them; "the" weighs little, as a frequent word does in the real file.
 */
export function toyWordVectors(table: Readonly<Record<string, readonly number[]>>, modelId = 'test-model'): WordVectors {
  const list = Object.keys(table);
  const vectors = new Float32Array(list.flatMap((w) => [...(table[w] ?? [])]));
  const weights = new Float32Array(list.map((w) => (w === 'the' ? 0.05 : 1)));
  return WordVectors.fromBuffer(encodeWordVectors({ modelId, dims: 4, words: list, weights, vectors }), 'test');
}
