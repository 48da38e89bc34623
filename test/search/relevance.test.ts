import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { loadFactsDir } from '../../src/facts/load.js';
import { formatLoadError } from '../../src/facts/types.js';
import { FactIndex } from '../../src/search/fact-index.js';

const root = fileURLToPath(new URL('../../facts', import.meta.url));
const queriesFile = fileURLToPath(new URL('../relevance/queries.yaml', import.meta.url));

const RelevanceSet = z.object({
  queries: z.array(z.object({ query: z.string(), relevant: z.array(z.string()).min(1) })),
  offtopic: z.array(z.string()),
});

let index: FactIndex;
let set: z.infer<typeof RelevanceSet>;

beforeAll(async () => {
  const loaded = await loadFactsDir(root);
  if (!loaded.ok) throw new Error(loaded.errors.map(formatLoadError).join('\n'));
  index = FactIndex.build(loaded.factSet);
  set = RelevanceSet.parse(parse(await readFile(queriesFile, 'utf8')));
});

describe('relevance on the real case (test/relevance/queries.yaml)', () => {
  it('ranks a relevant fact in the top 3 for ≥ 90% of queries, MRR ≥ 0.8', () => {
    let hitAt3 = 0;
    let reciprocalRanks = 0;
    const misses: string[] = [];
    for (const { query, relevant } of set.queries) {
      const ids = index.search(query, { limit: 10 }).hits.map((h) => h.fact.id);
      const rank = ids.findIndex((id) => relevant.includes(id));
      if (rank >= 0 && rank < 3) hitAt3++;
      else misses.push(`${query} → [${ids.slice(0, 3).join(', ')}]`);
      if (rank >= 0) reciprocalRanks += 1 / (rank + 1);
    }
    const n = set.queries.length;
    console.log(`relevance: ${n} queries, hit@3 ${(hitAt3 / n).toFixed(3)}, MRR ${(reciprocalRanks / n).toFixed(3)}`);
    if (misses.length > 0) console.log(`not in top 3:\n  ${misses.join('\n  ')}`);
    expect(hitAt3 / n).toBeGreaterThanOrEqual(0.9);
    expect(reciprocalRanks / n).toBeGreaterThanOrEqual(0.8);
  });

  it('returns no hits for every off-topic query', () => {
    const noisy = set.offtopic.filter((q) => index.search(q).hits.length > 0);
    expect(noisy).toEqual([]);
  });
});
