import { describe, expect, it, vi } from 'vitest';
import { Engine } from '../../src/search/engine.js';
import type { DocTerms } from '../../src/search/fact-doc.js';
import { FactIndex } from '../../src/search/fact-index.js';
import { makeFactSet, type FactSpec } from './make-fact-set.js';

const WORDS = ['satellite', 'launch', 'server', 'breach', 'malware', 'contract', 'engineer', 'police', 'report', 'network', 'leak', 'court'];
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
    const edited = makeFactSet([...specs(3000, (i) => (i % 100 === 0 ? `Rockets were fired at the embassy, fact ${i}.` : undefined)).slice(10), { id: 'new', text: 'Rockets hit a warehouse.' }]);
    const second = await FactIndex.buildAsync(edited, { previous: first, chunkSize: 100 });
    // 30 edited facts minus the one removed with the first ten, plus the new one.
    expect(second.stats).toEqual({ indexed: 30, incremental: true });
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
    setTimeout(() => controller.abort(new Error('stop')), 5);
    await expect(build).rejects.toThrow('stop');
    expect(QUERIES.map((q) => first.search(q))).toEqual(before);
    expect(first.autocomplete('sat')).toEqual(completions);
    expect(first.autocomplete('zep')).toEqual([]);
    // The engine was rolled back and released: the next build extends it again.
    const retry = await FactIndex.buildAsync(changed, { previous: first });
    expect(retry.stats).toEqual({ indexed: 400, incremental: true });
    expect(ids(retry, 'zeppelins')).toHaveLength(10);
  });

  it('an older snapshot is never extended twice: a second build from it starts a fresh engine', async () => {
    const first = FactIndex.build(makeFactSet(specs(50)));
    const second = await FactIndex.buildAsync(makeFactSet(specs(51)), { previous: first });
    expect(second.stats.incremental).toBe(true);
    const third = await FactIndex.buildAsync(makeFactSet(specs(52)), { previous: first });
    expect(third.stats).toEqual({ indexed: 52, incremental: false });
    expect(ids(second, 'number 50')).toEqual(['f50']);
    expect(ids(third, 'number 51')).toEqual(['f51']);
  });
});

describe('mostly changed fact sets', () => {
  it('are built into a fresh engine rather than doubling the old one', async () => {
    const first = await FactIndex.buildAsync(makeFactSet(specs(200)));
    const mostlyNew = makeFactSet(specs(200, (i) => (i % 2 === 0 ? `Rockets and zeppelins, fact ${i}.` : undefined)));
    const next = await FactIndex.buildAsync(mostlyNew, { previous: first });
    expect(next.stats).toEqual({ indexed: 200, incremental: false });
    expect(ids(next, 'zeppelins').length).toBeGreaterThan(0);
  });
});

describe('failed and concurrent incremental builds (found in review)', () => {
  const base = [
    { id: 'a', text: 'The satellite launch was delayed.' },
    { id: 'b', text: 'Zeppelins flew over Osaka.' },
    { id: 'c', text: 'Police raided the office.' },
    { id: 'd', text: 'Engineers fixed the server.' },
  ];

  it('a build that fails while retiring old facts restores what the served snapshot sees', async () => {
    const first = FactIndex.build(makeFactSet(base));
    const before = first.autocomplete('zep');
    const next = makeFactSet(base.filter((f) => f.id !== 'b'));
    // Aborted inside the retire loop, right after it retired `b` (whatever the slices' timing).
    const retire = Engine.prototype.retire;
    const abort = new AbortController();
    let retired = 0;
    const spy = vi.spyOn(Engine.prototype, 'retire').mockImplementation(function (this: Engine, doc: DocTerms) {
      retire.call(this, doc);
      retired++;
      abort.abort(new Error('stop'));
    });
    try {
      await expect(FactIndex.buildAsync(next, { previous: first, signal: abort.signal })).rejects.toThrow('stop');
    } finally {
      spy.mockRestore();
    }
    expect(retired).toBe(1);
    expect(first.autocomplete('zep')).toEqual(before);
    // The engine is as it was, so the next build still extends it.
    const retry = await FactIndex.buildAsync(next, { previous: first });
    expect(retry.stats.incremental).toBe(true);
  });

  it('two builds from the same snapshot never both extend its engine', async () => {
    const first = FactIndex.build(makeFactSet(base));
    const [x, y] = await Promise.all([
      FactIndex.buildAsync(makeFactSet([...base, { id: 'e', text: 'Rockets.' }]), { previous: first }),
      FactIndex.buildAsync(makeFactSet([...base, { id: 'f', text: 'Balloons.' }]), { previous: first }),
    ]);
    expect([x.stats.incremental, y.stats.incremental].filter(Boolean)).toHaveLength(1);
    expect(x.search('rockets').hits.map((h) => h.fact.id)).toEqual(['e']);
    expect(y.search('balloons').hits.map((h) => h.fact.id)).toEqual(['f']);
    expect(first.search('rockets').hits).toEqual([]);
  });
});
