import type { Case, Fact, FactSet, Source } from '../../src/facts/types.js';

/** A fact as a test writes it: text required, everything else defaulted. */
export interface FactSpec {
  readonly id: string;
  readonly text: string;
  readonly tags?: readonly string[];
  readonly questions?: readonly string[];
  readonly quote?: string;
  readonly caseId?: string;
}

export interface CaseSpec {
  readonly id: string;
  readonly aliases?: readonly (readonly string[])[];
  /** case.yaml's `summary:` (default: empty). */
  readonly summary?: string;
}

/**
 * A small, valid-looking FactSet built in code (the loader is not involved): one source per case,
 * each fact citing it with `quote` (default: the fact's own text).
 */
export function makeFactSet(facts: readonly FactSpec[], cases: readonly CaseSpec[] = [{ id: 'case-a' }]): FactSet {
  const caseMap = new Map<string, Case>();
  for (const spec of cases) {
    const source: Source = {
      id: 'src',
      title: 'Source',
      publisher: null,
      date: null,
      url: null,
      file: `${spec.id}/sources/src.txt`,
      text: '',
    };
    caseMap.set(spec.id, {
      id: spec.id,
      title: spec.id,
      summary: spec.summary ?? '',
      sources: new Map([['src', source]]),
      aliases: spec.aliases ?? [],
    });
  }
  const defaultCase = cases[0]?.id ?? 'case-a';
  const built: Fact[] = facts.map((f, i) => ({
    id: f.id,
    caseId: f.caseId ?? defaultCase,
    text: f.text,
    citations: [{ source: 'src', quote: f.quote ?? f.text, sourceText: f.quote ?? f.text, position: { first: 1, last: 1, of: 1 } }],
    tags: f.tags ?? [],
    questions: f.questions ?? [],
    file: `${f.caseId ?? defaultCase}/facts.yaml`,
    line: i + 1,
  }));
  return { cases: caseMap, facts: built };
}

/** The facts of a miniature case about JAXA, the PLA and a canceled software purchase. */
export const SAMPLE = makeFactSet(
  [
    {
      id: 'jaxa-hit',
      text: 'The Japan Aerospace Exploration Agency (JAXA) was among the organisations hit by the cyberattacks.',
      tags: ['jaxa', 'targets'],
    },
    {
      id: 'pla-likely',
      text: 'Kato said China’s People’s Liberation Army is highly likely to be involved in the cyberattacks.',
      tags: ['kato', 'pla'],
    },
    { id: 'sale-cancelled', text: 'The seller canceled the transaction after learning the company did not exist.', tags: ['seller'] },
    { id: 'no-leak', text: 'Police did not detect a data leak or damage.', tags: ['damage', 'data-leak'] },
    { id: 'research', text: 'About 200 companies and research institutions were hit between 2016 and 2017.', tags: ['targets'] },
    { id: 'cafe', text: 'The suspect met his contact at a café in Tokyo.', tags: ['meeting'] },
  ],
  [
    {
      id: 'case-a',
      aliases: [
        ['JAXA', 'Japan Aerospace Exploration Agency', '宇宙航空研究開発機構'],
        ['PLA', "People's Liberation Army", '人民解放軍'],
        ['Katsunobu Kato', 'Kato', '加藤勝信'],
      ],
    },
  ],
);
