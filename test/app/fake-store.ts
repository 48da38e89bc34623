/** A small in-memory stand-in for FactStore: naive word search over hand-made facts. */
import type { CaseStore } from '../../src/app/case-bot.js';
import type { Case, Fact, FactSet } from '../../src/facts/types.js';
import type { SearchOptions, SearchResponse } from '../../src/search/types.js';
import { factsByCase, type ReloadReport, type StoreStatus } from '../../src/store/types.js';

export function fact(id: string, text: string): Fact {
  return {
    id,
    caseId: 'tick-jaxa',
    text,
    citations: [{ source: 'report', quote: text, sourceText: text, position: { first: 1, last: 1, of: 1 } }],
    tags: [],
    questions: [],
    file: 'tick-jaxa/facts.yaml',
    line: 1,
  };
}

export function factSet(facts: readonly Fact[]): FactSet {
  const theCase: Case = {
    id: 'tick-jaxa',
    title: 'The tick and JAXA',
    summary: 'A test case.',
    sources: new Map([
      ['report', { id: 'report', title: 'Report', publisher: null, date: null, url: null, file: 'tick-jaxa/sources/report.txt', text: '' }],
    ]),
    aliases: [],
  };
  return { cases: new Map([['tick-jaxa', theCase]]), facts };
}

export interface FakeStoreOptions {
  facts?: readonly Fact[];
  reload?: (by: string) => Promise<ReloadReport>;
  /** Makes search throw, to exercise the error path. */
  searchThrows?: Error;
}

export function fakeStore(options: FakeStoreOptions = {}): CaseStore & { reloads: string[] } {
  const set = factSet(
    options.facts ?? [
      fact('f1', 'JAXA confirmed the tick was found on the launch pad.'),
      fact('f2', 'The JAXA launch was postponed by a day.'),
      fact('f3', 'JAXA staff removed the tick.'),
      fact('f4', 'The tick was identified by JAXA biologists.'),
      fact('f5', 'Reporters asked JAXA about ticks.'),
    ],
  );
  const reloads: string[] = [];
  const index = {
    factSet: set,
    search(query: string, searchOptions?: SearchOptions): SearchResponse {
      if (options.searchThrows !== undefined) throw options.searchThrows;
      const words = query.toLowerCase().split(/\s+/).filter(Boolean);
      const hits = set.facts
        .filter((f) => words.some((w) => f.text.toLowerCase().includes(w)))
        .slice(0, searchOptions?.limit ?? 5)
        .map((f, i) => ({ fact: f, score: 10 - i, matched: words }));
      return { hits, suggestions: hits.length === 0 ? ['jaxa'] : [], unmatched: [], queryTerms: words.length };
    },
    autocomplete(input: string) {
      return input === '' ? [] : [{ name: `${input}…`, value: input, kind: 'term' as const }];
    },
  };
  const status: StoreStatus = {
    facts: set.facts.length,
    cases: set.cases.size,
    caseIds: [...set.cases.keys()],
    factsByCase: factsByCase(set),
    version: 1,
    loadedAt: new Date(0),
    lastReload: null,
    reloading: false,
    semantic: { state: 'ready', facts: set.facts.length },
    languageProblems: [],
  };
  return {
    reloads,
    current: () => ({ factSet: set, index }),
    status: () => status,
    reload: async (by) => {
      reloads.push(by);
      if (options.reload !== undefined) return options.reload(by);
      return {
        ok: true,
        at: new Date(0),
        by,
        durationMs: 3,
        facts: set.facts.length,
        cases: 1,
        diff: { counts: { added: 0, removed: 0, changed: 0 }, added: [], removed: [], changed: [] },
      };
    },
  };
}

/** Captures log calls as objects, like a pino destination would. */
export function captureLog() {
  const lines: { level: string; obj: Record<string, unknown>; msg: string | undefined }[] = [];
  const at = (level: string) => (obj: object, msg?: string) => {
    lines.push({ level, obj: { ...obj }, msg });
  };
  return { lines, log: { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') } };
}
