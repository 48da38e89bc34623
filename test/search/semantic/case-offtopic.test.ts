import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFactsDir } from '../../../src/facts/load.js';
import type { Case, FactSet } from '../../../src/facts/types.js';
import { buildIndex } from '../../../src/search/build-index.js';
import type { FactIndex } from '../../../src/search/fact-index.js';
import { loadLanguage, type Language } from '../../../src/search/language.js';

/** The shipped case with its own off-topic questions replaced by `offtopic` (none when undefined). */
function withOfftopic(factSet: FactSet, offtopic: readonly string[] | undefined): FactSet {
  const cases = new Map<string, Case>();
  for (const [id, c] of factSet.cases) {
    const { offtopic: _shipped, ...rest } = c;
    cases.set(id, offtopic === undefined ? rest : { ...rest, offtopic });
  }
  return { ...factSet, cases };
}

let language: Language;
let factSet: FactSet;
let shipped: FactIndex;
let bare: FactIndex;
const ids = (index: FactIndex, query: string): string[] => index.search(query).hits.map((h) => h.fact.id);

beforeAll(async () => {
  const loaded = await loadFactsDir(fileURLToPath(new URL('../../../facts', import.meta.url)));
  if (!loaded.ok) throw new Error('the shipped facts do not load');
  language = await loadLanguage();
  factSet = loaded.factSet;
  shipped = await buildIndex(factSet, language);
  bare = await buildIndex(withOfftopic(factSet, undefined), language);
});

describe("a case's own off-topic questions (offtopic: in case.yaml)", () => {
  it('make a question in another sense of its names off-topic, where the everyday questions alone do not', () => {
    for (const query of ['jaxa rocket launch tanegashima', 'does a tick hurt']) {
      expect(ids(bare, query), query).not.toEqual([]);
      expect(shipped.search(query), query).toMatchObject({ hits: [], offTopic: true });
    }
    // Another event named after the case's own names ("jaxa's rocket launch") needs no line since
    // session 14: its name holds a word no fact matched (`namesOtherIncident` in elsewhere.ts).
    expect(bare.search("did jaxa's rocket launch go well")).toMatchObject({ hits: [], offTopic: true });
    // Questions about the case are still answered.
    expect(ids(shipped, 'was jaxa hacked')).toContain('jaxa-among-targets');
    expect(ids(shipped, 'rental server')).toContain('kato-rental-server-jaxa');
  });

  it('count only for the facts of their own case', async () => {
    // The same lines on another case (one without facts): they do not judge this case's facts.
    const lines = factSet.cases.get('tick-jaxa')?.offtopic ?? [];
    expect(lines.length).toBeGreaterThan(0);
    const bareSet = withOfftopic(factSet, undefined);
    const jaxa = bareSet.cases.get('tick-jaxa');
    if (jaxa === undefined) throw new Error('no tick-jaxa case');
    const cases = new Map([...bareSet.cases, ['another-case', { ...jaxa, id: 'another-case', offtopic: lines }]]);
    const elsewhere = await buildIndex({ ...bareSet, cases }, language);
    expect(elsewhere.caseOfftopic?.has('another-case')).toBe(true);
    expect(ids(elsewhere, 'jaxa rocket launch tanegashima')).not.toEqual([]);
  });

  it('are read again only when the lines or the case aliases change', async () => {
    const again = await buildIndex(factSet, language, { previous: shipped });
    expect(again.caseOfftopic?.get('tick-jaxa')).toBe(shipped.caseOfftopic?.get('tick-jaxa'));
    const changed = await buildIndex(withOfftopic(factSet, ['when is the next rocket launch']), language, { previous: shipped });
    expect(changed.caseOfftopic?.get('tick-jaxa')).not.toBe(shipped.caseOfftopic?.get('tick-jaxa'));
    expect(changed.caseOfftopic?.get('tick-jaxa')?.vectors.size).toBe(1);
    expect((await buildIndex(withOfftopic(factSet, []), language)).caseOfftopic?.size).toBe(0);
  });
});
