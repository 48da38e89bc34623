import { describe, expect, it } from 'vitest';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { FactIndex } from '../../src/search/fact-index.js';
import { makeFactSet, type FactSpec } from './make-fact-set.js';

const WORDS = [
  'satellite',
  'launch',
  'server',
  'breach',
  'malware',
  'contract',
  'engineer',
  'police',
  'report',
  'network',
  'leak',
  'court',
];
const PLACES = ['Tokyo', 'Osaka', 'Kyoto', 'Nagoya', 'Sapporo', 'Kobe'];

/** `n` facts with varied wording, deterministic. */
function specs(n: number, edit: (i: number) => string | undefined = () => undefined): FactSpec[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `f${i}`,
    text: edit(i) ?? `The ${WORDS[i % WORDS.length]} ${WORDS[(i * 7 + 3) % WORDS.length]} in ${PLACES[i % PLACES.length]} was number ${i}.`,
    tags: [WORDS[(i * 5) % WORDS.length] ?? 'x'],
  }));
}

const ids = (index: FactIndex, q: string) => index.search(q, { limit: 10 }).hits.map((h) => h.fact.id);
const QUERIES = ['satellite launch', 'malware Osaka', 'number 42', 'polce', 'rockets', 'kyo'];

describe('incremental builds', () => {
  it('re-indexes only new and changed facts, and the previous index answers as before', async () => {
    const first = await FactIndex.buildAsync(makeFactSet(specs(3000)), { chunkSize: 100 });
    const before = QUERIES.map((q) => ids(first, q));
    const edited = makeFactSet([
      ...specs(3000, (i) => (i % 100 === 0 ? `Rockets were fired at the embassy, fact ${i}.` : undefined)).slice(10),
      { id: 'new', text: 'Rockets hit a warehouse.' },
    ]);
    const second = await FactIndex.buildAsync(edited, { previous: first, chunkSize: 100 });
    // 30 edited facts minus the one removed with the first ten, plus the new one.
    expect(second.stats).toEqual({ indexed: 30, reused: 2961 });
    expect(ids(second, 'rockets')).toContain('new');
    expect(ids(second, 'rockets')).toHaveLength(10);
    expect(ids(second, 'number 5')).toEqual([]);
    expect(QUERIES.map((q) => ids(first, q))).toEqual(before);
    expect(first.autocomplete('rock')).toEqual([]);
    expect(second.autocomplete('rock').map((c) => c.value)).toContain('rockets');
  });

  it('a failed (aborted) build leaves the previous index answering exactly as before', async () => {
    const first = await FactIndex.buildAsync(makeFactSet(specs(2000)), { chunkSize: 50 });
    const before = QUERIES.map((q) => first.search(q));
    const completions = first.autocomplete('sat');
    const changed = makeFactSet(specs(2000, (i) => (i % 5 === 0 ? `Rockets and zeppelins, fact ${i}.` : undefined)));
    const controller = new AbortController();
    const build = FactIndex.buildAsync(changed, { previous: first, chunkSize: 50, signal: controller.signal });
    // The build yields every 50 steps (setImmediate); this runs at its second pause, mid-build on
    // any machine, where a timer could fire before the first pause or after the end.
    setImmediate(() => controller.abort(new Error('stop')));
    await expect(build).rejects.toThrow('stop');
    expect(QUERIES.map((q) => first.search(q))).toEqual(before);
    expect(first.autocomplete('sat')).toEqual(completions);
    expect(first.autocomplete('zep')).toEqual([]);
    // Nothing was touched: the next build reuses it as before.
    const retry = await FactIndex.buildAsync(changed, { previous: first });
    expect(retry.stats).toEqual({ indexed: 400, reused: 1600 });
    expect(ids(retry, 'zeppelins')).toHaveLength(10);
  });

  it('any snapshot can be built from, any number of times: each build has its own postings', async () => {
    const first = FactIndex.build(makeFactSet(specs(50)));
    const second = await FactIndex.buildAsync(makeFactSet(specs(51)), { previous: first });
    expect(second.stats).toEqual({ indexed: 1, reused: 50 });
    const third = await FactIndex.buildAsync(makeFactSet(specs(52)), { previous: first });
    expect(third.stats).toEqual({ indexed: 2, reused: 50 });
    expect(ids(second, 'number 50')).toEqual(['f50']);
    expect(ids(second, 'number 51')).toEqual([]);
    expect(ids(third, 'number 51')).toEqual(['f51']);
    expect(ids(first, 'number 50')).toEqual([]);
  });

  it('a copied index answers exactly like one built from scratch', async () => {
    const first = await FactIndex.buildAsync(makeFactSet(specs(600)), { chunkSize: 50 });
    const specsNext = specs(600, (i) => (i % 7 === 0 ? `Zeppelins over ${PLACES[i % PLACES.length]}, report ${i}.` : undefined)).filter(
      (_, i) => i % 11 !== 0,
    );
    const next = makeFactSet(specsNext);
    const copied = await FactIndex.buildAsync(next, { previous: first, chunkSize: 50 });
    const scratch = FactIndex.build(next);
    expect(copied.stats.reused).toBeGreaterThan(400);
    for (const q of [...QUERIES, 'zeppelins', 'zeppelins osaka', 'report 14', 'netw', 'breach leak']) {
      expect(copied.search(q), q).toEqual(scratch.search(q));
      expect(copied.autocomplete(q), q).toEqual(scratch.autocomplete(q));
    }
  });
});

describe('concurrent builds', () => {
  const base = [
    { id: 'a', text: 'The satellite launch was delayed.' },
    { id: 'b', text: 'Zeppelins flew over Osaka.' },
    { id: 'c', text: 'Police raided the office.' },
    { id: 'd', text: 'Engineers fixed the server.' },
  ];

  it('two builds from the same snapshot at once do not see each other', async () => {
    const first = FactIndex.build(makeFactSet(base));
    const [x, y] = await Promise.all([
      FactIndex.buildAsync(makeFactSet([...base, { id: 'e', text: 'Rockets.' }]), { previous: first }),
      FactIndex.buildAsync(makeFactSet([...base, { id: 'f', text: 'Balloons.' }]), { previous: first }),
    ]);
    expect([x.stats, y.stats]).toEqual([
      { indexed: 1, reused: 4 },
      { indexed: 1, reused: 4 },
    ]);
    expect(x.search('balloons').hits).toEqual([]);
    expect(x.search('rockets').hits.map((h) => h.fact.id)).toEqual(['e']);
    expect(y.search('balloons').hits.map((h) => h.fact.id)).toEqual(['f']);
    expect(first.search('rockets').hits).toEqual([]);
  });
});

describe('memory', () => {
  it('an index does not keep the index it was built from alive', async () => {
    setFlagsFromString('--expose_gc');
    const gc = runInNewContext('gc') as () => void;
    let first: FactIndex | undefined = FactIndex.build(makeFactSet(specs(200)));
    const ref = new WeakRef(first);
    const second = await FactIndex.buildAsync(makeFactSet(specs(201)), { previous: first });
    // Dropping the last reference is the point: the WeakRef must then empty.
    // eslint-disable-next-line no-useless-assignment
    first = undefined;
    for (let i = 0; i < 3 && ref.deref() !== undefined; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      gc();
    }
    expect(ref.deref()).toBeUndefined();
    expect(ids(second, 'number 200')).toEqual(['f200']);
  });
});
