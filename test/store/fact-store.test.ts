import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeFacts, generateFactsFolder, makeTempDir, type GeneratedFolder } from '../../src/bench/generate.js';
import { startBlockProbe } from '../../src/bench/probe.js';
import { loadFactsDir } from '../../src/facts/load.js';
import { FactStore } from '../../src/store/fact-store.js';
import { rm } from 'node:fs/promises';

const FACTS = 20_000;
const silent = { info: () => undefined, warn: () => undefined };
const QUERIES = ['server network', 'Tanaka', 'malware Osaka', 'data stolen', 'espionage', '東京'];

let folder: GeneratedFolder;
let store: FactStore;

const answers = (s: FactStore) =>
  QUERIES.map((q) =>
    s
      .current()
      .index.search(q, { limit: 5 })
      .hits.map((h) => `${h.fact.caseId}/${h.fact.id}`),
  );

beforeAll(async () => {
  folder = await generateFactsFolder(await makeTempDir(), { facts: FACTS, seed: 3 });
  store = await FactStore.open(folder.root, silent, { loadOptions: { maxYamlBytes: 50 * 1024 * 1024 } });
  await store.semanticReady;
}, 120_000);

afterAll(async () => {
  await rm(folder.root, { recursive: true, force: true });
});

describe('FactStore reload at scale', () => {
  it('keeps answering from the old snapshot during a large reload, then serves the new facts', async () => {
    const before = answers(store);
    const oldVersion = store.current().version;
    const changed = await changeFacts(folder, 0.02, 5);

    // While the reload runs: a timer probe, and searches + autocomplete every few milliseconds.
    const probe = startBlockProbe();
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 5);
    const during: string[][][] = [];
    let stop = false;
    const ask = (): void => {
      if (stop) return;
      if (store.current().version === oldVersion) {
        during.push(answers(store));
        expect(store.current().index.autocomplete('serv').length).toBeGreaterThan(0);
      }
      setTimeout(ask, 10);
    };
    ask();
    const report = await store.reload('test');
    stop = true;
    clearInterval(timer);
    const maxBlock = probe.stop();

    expect(report.ok).toBe(true);
    expect(ticks).toBeGreaterThan(10);
    expect(during.length).toBeGreaterThan(3);
    for (const seen of during) expect(seen).toEqual(before);
    // Generous for a shared CI machine; the benchmark holds the real target (50 ms).
    expect(maxBlock).toBeLessThan(500);

    // Only the reworded facts were re-indexed, and they are what is served now.
    if (!report.ok) throw new Error('expected the reload to succeed');
    expect(report.diff.counts).toEqual({ added: 0, removed: 0, changed: changed.length });
    // The report keeps the first keys only, in file order.
    expect(report.diff.changed.length).toBeLessThan(changed.length);
    for (const key of report.diff.changed) expect(changed).toContain(key);
    expect(store.current().index.stats).toEqual({ indexed: changed.length, reused: FACTS - changed.length });
    const key = changed[0] ?? '';
    const fact = store.current().factSet.facts.find((f) => `${f.caseId}/${f.id}` === key);
    expect(fact).toBeDefined();
    const ids = store
      .current()
      .index.search(fact?.text ?? '', { limit: 10 })
      .hits.map((h) => `${h.fact.caseId}/${h.fact.id}`);
    expect(ids).toContain(key);
  }, 120_000);

  it('keeps the old snapshot answering exactly as before when a reload fails', async () => {
    const before = answers(store);
    const snapshot = store.current();
    const completions = snapshot.index.autocomplete('tan');
    await writeFile(path.join(folder.root, folder.cases[0]?.id ?? 'bench-01', 'facts-zzz.yaml'), 'facts:\n  - id: [broken\n');
    const report = await store.reload('test');
    expect(report.ok).toBe(false);
    expect(store.current()).toBe(snapshot);
    expect(answers(store)).toEqual(before);
    expect(snapshot.index.autocomplete('tan')).toEqual(completions);
  }, 120_000);
});

describe('FactStore reload of unchanged facts', () => {
  it('keeps the fact objects it already serves instead of the copies the worker sent', async () => {
    const small = await generateFactsFolder(await makeTempDir(), { facts: 3000, seed: 9 });
    try {
      const own = await FactStore.open(small.root, silent);
      const before = new Map(own.current().factSet.facts.map((f) => [`${f.caseId}/${f.id}`, f]));
      const changed = await changeFacts(small, 0.01, 11);
      const report = await own.reload('test');
      expect(report.ok).toBe(true);
      const replaced = own.current().factSet.facts.filter((f) => before.get(`${f.caseId}/${f.id}`) !== f);
      expect(replaced.map((f) => `${f.caseId}/${f.id}`).sort()).toEqual([...changed].sort());

      // A second reload works from the first reload's fingerprints: again only what changed since.
      const middle = new Map(own.current().factSet.facts.map((f) => [`${f.caseId}/${f.id}`, f]));
      const again = await changeFacts(small, 0.01, 12);
      const second = await own.reload('test');
      if (!second.ok) throw new Error('expected the second reload to succeed');
      expect(second.diff.counts).toEqual({ added: 0, removed: 0, changed: again.length });
      for (const key of second.diff.changed) expect(again).toContain(key);
      const replacedAgain = own.current().factSet.facts.filter((f) => middle.get(`${f.caseId}/${f.id}`) !== f);
      expect(replacedAgain.map((f) => `${f.caseId}/${f.id}`).sort()).toEqual([...again].sort());
      // And the served facts are exactly what a fresh load of the folder gives.
      const fresh = await loadFactsDir(small.root);
      expect(fresh.ok && fresh.factSet.facts).toEqual(own.current().factSet.facts);
    } finally {
      await rm(small.root, { recursive: true, force: true });
    }
  }, 120_000);
});
