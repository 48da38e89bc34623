import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFactsDir } from '../../../src/facts/load.js';
import type { Case, FactSet } from '../../../src/facts/types.js';
import { buildIndex } from '../../../src/search/build-index.js';
import { loadLanguage, type Language } from '../../../src/search/language.js';
import { checkOfftopicLines, describeOfftopicLineWarning } from '../../../src/search/semantic/offtopic-lines.js';
import type { WordVectors } from '../../../src/search/semantic/word-vectors.js';

/** The shipped case with its own off-topic questions replaced by `offtopic`. */
function withOfftopic(factSet: FactSet, offtopic: readonly string[]): FactSet {
  const cases = new Map<string, Case>();
  for (const [id, c] of factSet.cases) cases.set(id, { ...c, offtopic });
  return { ...factSet, cases };
}

let language: Language;
let words: WordVectors;
let factSet: FactSet;

beforeAll(async () => {
  const loaded = await loadFactsDir(fileURLToPath(new URL('../../../facts', import.meta.url)));
  if (!loaded.ok) throw new Error('the shipped facts do not load');
  language = await loadLanguage();
  if (language.words === undefined) throw new Error('no word vectors');
  words = language.words;
  factSet = loaded.factSet;
});

describe("checkOfftopicLines (a case's offtopic: lines, for check-facts)", () => {
  it('warns of a line that reads like a question a fact answers, and of one the word vectors cannot read', async () => {
    const lines = ['who is tick', 'how do i cancel nitro', 'does nexgard actually kill ticks or just fleas'];
    const index = await buildIndex(withOfftopic(factSet, lines), language);
    const warnings = checkOfftopicLines(index, words);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatchObject({ kind: 'near-fact', caseId: 'tick-jaxa', line: 'who is tick', factId: 'what-is-tick' });
    expect(warnings[1]).toEqual({ kind: 'form-only', caseId: 'tick-jaxa', line: 'how do i cancel nitro' });
    expect(describeOfftopicLineWarning(warnings[0] ?? { kind: 'form-only', caseId: '', line: '' })).toContain(
      'case tick-jaxa, offtopic: "who is tick" reads like a question fact what-is-tick answers',
    );
  });

  it("finds nothing to say of the shipped case's lines, nor without semantic search", async () => {
    expect(checkOfftopicLines(await buildIndex(factSet, language), words)).toEqual([]);
    const lexical = await buildIndex(withOfftopic(factSet, ['who is tick']), language, { lexicalOnly: true });
    expect(checkOfftopicLines(lexical, words)).toEqual([]);
  });
});
