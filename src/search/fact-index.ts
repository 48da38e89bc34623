/**
 * A searchable index over a {@link FactSet}: build it once per fact set, then ask it questions —
 * build, query, discard, as with MiniSearch. A FactIndex is immutable and owns its postings
 * ({@link Engine}) and, once {@link FactIndex.withVectors} added them, its fact vectors: two
 * snapshots share nothing mutable. {@link FactIndex.buildAsync} with `previous` copies the postings
 * of unchanged facts instead of analysing them again.
 */
import type { Fact, FactSet } from '../facts/types.js';
import { sameFactContent } from '../facts/diff.js';
import { FactKeyMap } from '../facts/fact-key-map.js';
import type { AutocompleteChoice, AutocompleteOptions, Hit, SearchOptions, SearchResponse } from './types.js';
import { splitSentences } from '../facts/quotes.js';
import { AliasTable } from './aliases.js';
import { autocompleteChoices, defaultFacts } from './autocomplete.js';
import { Engine, trimEntry } from './engine.js';
import { FactAnalyzer, type DocTerms } from './fact-doc.js';
import { entityNames, MAX_QUERY_CHARS, planQuery, type QueryPlan, type Unit } from './query-plan.js';
import { rankPlan, unmatchedWords, type LexicalResult, type RankContext } from './rank.js';
import {
  namesEntity,
  namesOtherPerson,
  namesOtherPlace,
  namesUnknown,
  otherNumbers,
  wantsWords,
  type ElsewhereContext,
} from './elsewhere.js';
import { DEFAULT_FLOORS, fuse, type Fusion, type FusionFloors, type OffTopicFloors } from './hybrid.js';
import type { FactVectors } from './semantic/fact-vectors.js';
import type { QuestionVectors } from './semantic/question-vectors.js';
import type { EverydayVectors } from './semantic/everyday-vectors.js';
import type { CaseOfftopic } from './semantic/case-offtopic.js';
import type { SentenceWord, WordVectors } from './semantic/word-vectors.js';
import type { RelatedWords } from './semantic/related-words.js';
import { hasJapanese, type Glossary } from './japanese/translate.js';
import { rerankForIntent } from './intent.js';
import { asksGeneric } from './general-forms.js';
import { asksErrand, asksOverview, asksRecommendation, checksClaim, OVERVIEW_WORDS } from './question-forms.js';
import { correctedWords, suggestCorrections } from './suggest.js';
import { answerTest } from './wanted-answer.js';
import { Vocabulary } from './vocabulary.js';
import { Slicer } from '../shared/slicer.js';
import { wordsOf } from './semantic/embedding-words.js';

export interface FactIndexOptions {
  /**
   * The relevance floors. `fullCoverage` is the share of the query's words (alias names count as
   * one) a fact must match to be a hit on words alone, where a match only in a quote counts half
   * and a typo match ¾. Default 0.6, so both words of a two-word query must match, and an
   * off-topic query that happens to share one word with the case ("football score") finds nothing
   * — unless the meaning of the question is close to the fact (see hybrid.ts).
   */
  readonly floors?: Partial<FusionFloors>;
  /** English words and their vectors: semantic search, and "a dictionary word is not a typo". */
  readonly words?: WordVectors;
  /** Japanese → English glossary: Japanese questions find English facts. */
  readonly glossary?: Glossary;
}

/** The vectors of one snapshot and the word vectors they were built with. */
export interface Semantic {
  readonly words: WordVectors;
  readonly vectors: FactVectors;
  /** The snapshot's fact words, for words of a question that no fact has. */
  readonly related: RelatedWords;
  /** The vectors of the questions moderators wrote for the facts. */
  readonly questions: QuestionVectors;
  /** The vectors of everyday questions about no case: what tells an off-topic question. */
  readonly everyday: EverydayVectors;
  /** Each case's own off-topic questions (`offtopic:` in case.yaml), by case id; cases without any are absent. */
  readonly caseOfftopic: ReadonlyMap<string, CaseOfftopic>;
}

export interface BuildAsyncOptions extends FactIndexOptions {
  /** An index of an earlier version of the fact set: facts whose content did not change are not analysed again. */
  readonly previous?: FactIndex;
  /** Steps per slice between yields to the event loop (a slice also ends after `SLICE_MS`). Default 2000. */
  readonly chunkSize?: number;
  /** Aborting rejects the build with the signal's reason; nothing else is touched. */
  readonly signal?: AbortSignal;
}

/**
 * A question is exempt from the off-topic check when at most this many of its units come per unit
 * the word vectors cannot see (see `matchesUnseen`): when a third or more of it is unseen. Chosen on
 * the development questions: of blind.yaml's 116 off-topic questions, exempting any question with
 * one unseen unit answered 11, exempting a half or a third unseen (or a quarter) 9; a half lost a
 * blind member question, a third none.
 */
const UNITS_PER_UNSEEN = 3;
const DEFAULT_LIMIT = 5;
const INTENT_DEPTH = 15;
/** The most hits one search returns; `ask --limit` is held to the same. */
export const MAX_LIMIT = 50;
/** Partial matches below this coverage are not even candidates: too little of the question. */
const PARTIAL_COVERAGE = 0.25;
/** How many facts an overview shows for each sentence of the case's summary (see `FactIndex.overview`). */
const OVERVIEW_PER_SENTENCE = 1;

const EMPTY: SearchResponse = { hits: [], suggestions: [], unmatched: [], queryTerms: 0 };

/** What a build produced besides the index, for tests and logs. */
export interface BuildStats {
  /** Facts analysed by this build (new, changed, or all without a previous index). */
  readonly indexed: number;
  /** Facts whose postings were copied from the previous index instead. */
  readonly reused: number;
}

interface Parts {
  readonly factSet: FactSet;
  readonly engine: Engine;
  readonly factBySlot: readonly Fact[];
  readonly slotByKey: FactKeyMap<number>;
  readonly stats: BuildStats;
}

export class FactIndex {
  readonly factSet: FactSet;
  /** How this index was built. */
  readonly stats: BuildStats;
  private readonly parts: Parts;
  private readonly options: FactIndexOptions;
  private readonly engine: Engine;
  /** The facts this snapshot serves, by engine slot. */
  private readonly factBySlot: readonly Fact[];
  private readonly slotByKey: FactKeyMap<number>;
  private readonly vocabulary: Vocabulary;
  private readonly aliases: AliasTable;
  private readonly ranking: RankContext;
  private readonly floors: FusionFloors;
  /** The floors for a question with no word to look up (see `topiclessQuestionCosine`). */
  private readonly topiclessFloors: FusionFloors;
  private readonly semantic: Semantic | undefined;
  /** Per-snapshot memos, bounded by the cases and limits asked for (the snapshot never changes). */
  private readonly defaults = new Map<string, readonly Fact[]>();
  private readonly stories = new Map<string, readonly Hit[]>();

  private constructor(parts: Parts, options: FactIndexOptions, semantic?: Semantic, shared?: FactIndex) {
    this.parts = parts;
    // Only what searches need: a build's `previous` must not be kept alive by its successor.
    this.options = { floors: options.floors, words: options.words, glossary: options.glossary };
    this.factSet = parts.factSet;
    this.stats = parts.stats;
    this.engine = parts.engine;
    this.factBySlot = parts.factBySlot;
    this.slotByKey = parts.slotByKey;
    this.vocabulary = shared?.vocabulary ?? new Vocabulary(parts.engine);
    this.aliases = shared?.aliases ?? AliasTable.fromFactSet(parts.factSet);
    this.ranking = {
      engine: parts.engine,
      vocabulary: this.vocabulary,
      factBySlot: parts.factBySlot,
      liveCount: parts.factSet.facts.length,
      ...(semantic !== undefined ? { related: semantic.related } : {}),
    };
    this.floors = { ...DEFAULT_FLOORS, ...options.floors };
    this.topiclessFloors = { ...this.floors, questionCosine: Math.max(this.floors.questionCosine, this.floors.topiclessQuestionCosine) };
    this.semantic = semantic;
  }

  /**
   * This index with semantic search: the same lexical postings (shared, never copied), plus the
   * fact vectors, which must have been built from this index's fact set with `words`.
   *
   * @example
   * const vectors = await FactVectors.build(index.factSet, words);
   * const hybrid = index.withVectors(words, vectors);
   */
  withVectors(semantic: Semantic): FactIndex {
    const { words, vectors } = semantic;
    if (vectors.size !== this.factSet.facts.length || vectors.model !== words.version) {
      throw new Error("these fact vectors were not built from this index's facts with these word vectors");
    }
    return new FactIndex(this.parts, { ...this.options, words }, semantic, this);
  }

  /** The words this snapshot's facts use, as `[surface, term]` pairs (an array: callers read it across awaits). */
  servedWords(): readonly (readonly [string, string])[] {
    return Array.from(this.engine.bySurface, ([surface, entry]) => [surface, entry.stem] as const);
  }

  /** Each case's own off-topic vectors, when semantic search is on. */
  get caseOfftopic(): ReadonlyMap<string, CaseOfftopic> | undefined {
    return this.semantic?.caseOfftopic;
  }

  /** The fact vectors searched, when semantic search is on. */
  get vectors(): FactVectors | undefined {
    return this.semantic?.vectors;
  }

  /** The vectors of the everyday questions (what tells an off-topic question), when semantic search is on. */
  get everyday(): EverydayVectors | undefined {
    return this.semantic?.everyday;
  }

  /** The vectors of the facts' own questions, when semantic search is on. */
  get questions(): QuestionVectors | undefined {
    return this.semantic?.questions;
  }

  /**
   * Builds the index in one go. Fine for a few thousand facts; use {@link FactIndex.buildAsync}
   * where blocking the event loop matters.
   *
   * @example
   * const index = FactIndex.build(factSet);
   * index.search('jaxs').hits[0]?.fact.id // => 'jaxa-among-targets' (a typo of "jaxa")
   */
  static build(factSet: FactSet, options: FactIndexOptions = {}): FactIndex {
    const engine = new Engine();
    const factBySlot: Fact[] = [];
    const slotByKey = new FactKeyMap<number>();
    const analyzer = new FactAnalyzer();
    for (const fact of factSet.facts) {
      const slot = engine.add(analyzer.analyze(fact));
      factBySlot[slot] = fact;
      slotByKey.set(fact, slot);
    }
    for (const entry of engine.byTerm.values()) trimEntry(entry);
    return new FactIndex({ factSet, engine, factBySlot, slotByKey, stats: { indexed: factSet.facts.length, reused: 0 } }, options);
  }

  /**
   * Builds the index in slices, yielding to the event loop (`setImmediate`) every `SLICE_MS`, so a large
   * build never blocks other work for long. Every index has its own postings: `previous` is only
   * read, and answers exactly as before while and after this builds. With `previous`, facts whose
   * text, tags and quotes did not change are not analysed again: their postings are copied from it.
   *
   * @example
   * const next = await FactIndex.buildAsync(newFactSet, { previous: current, signal });
   */
  static async buildAsync(factSet: FactSet, options: BuildAsyncOptions = {}): Promise<FactIndex> {
    const previous = options.previous;
    const slicer = new Slicer(options.signal, options.chunkSize ?? 2000);
    const engine = new Engine();
    const analyzer = new FactAnalyzer();
    // Facts the previous snapshot indexed with the same content keep their postings. They get the
    // first slots, in their old order, so copied postings stay sorted; the rest are analysed after.
    const served = previous?.factBySlot ?? [];
    const keptFact = new Array<Fact | undefined>(served.length).fill(undefined);
    let kept = 0;
    const fresh: Fact[] = [];
    for (const fact of factSet.facts) {
      if (slicer.due()) await slicer.pause();
      const slot = previous?.slotByKey.get(fact);
      const before = slot === undefined ? undefined : served[slot];
      if (slot !== undefined && before !== undefined && keptFact[slot] === undefined && sameFactContent(before, fact)) {
        keptFact[slot] = fact;
        kept++;
      } else {
        fresh.push(fact);
      }
    }
    const factBySlot: Fact[] = [];
    const slotByKey = new FactKeyMap<number>();
    if (previous !== undefined && kept > 0) {
      // New slots for kept facts in old slot order (a pass over the old slots, no sort).
      const slotMap = new Int32Array(served.length).fill(-1);
      let next = 0;
      for (let old = 0; old < served.length; old++) {
        if (slicer.due()) await slicer.pause();
        const fact = keptFact[old];
        if (fact === undefined) continue;
        slotMap[old] = next;
        factBySlot[next] = fact;
        slotByKey.set(fact, next);
        next++;
      }
      // The words of facts the previous snapshot served and this one does not stop counting
      // (analysed one at a time, inside copyKept's slices).
      const dropped = function* (): Generator<DocTerms> {
        for (let old = 0; old < served.length; old++) {
          const fact = served[old];
          if (fact !== undefined && slotMap[old] === -1) yield analyzer.analyze(fact);
        }
      };
      await engine.copyKept(previous.engine, slotMap, kept, dropped(), slicer);
    }
    for (const fact of fresh) {
      if (slicer.due()) await slicer.pause();
      const slot = engine.add(analyzer.analyze(fact));
      factBySlot[slot] = fact;
      slotByKey.set(fact, slot);
    }
    for (const entry of engine.byTerm.values()) {
      if (slicer.due()) await slicer.pause();
      trimEntry(entry);
    }
    return new FactIndex({ factSet, engine, factBySlot, slotByKey, stats: { indexed: fresh.length, reused: kept } }, options);
  }

  /**
   * The fact this snapshot serves that is equal to `fact` in every field (key, content, file and
   * line), so a reload can keep it instead of an identical copy.
   */
  servedCopyOf(fact: Fact): Fact | undefined {
    const mine = this.servedWithKeyOf(fact);
    return mine !== undefined && mine.file === fact.file && mine.line === fact.line && sameFactContent(mine, fact) ? mine : undefined;
  }

  /** Whether this snapshot serves a fact with the same key and the same indexed content. */
  indexes(fact: Fact): boolean {
    const mine = this.servedWithKeyOf(fact);
    return mine !== undefined && sameFactContent(mine, fact);
  }

  /** The fact this snapshot serves under `fact`'s key, whatever its content. */
  private servedWithKeyOf(fact: Fact): Fact | undefined {
    const slot = this.slotByKey.get(fact);
    return slot === undefined ? undefined : this.factBySlot[slot];
  }

  /** Number of indexed facts. */
  get size(): number {
    return this.factSet.facts.length;
  }

  /**
   * Ranked facts for a query, best first, with the normalised query terms each one matched. Never
   * throws: any string is a valid query; one with no meaningful words returns nothing. A query equal
   * to a fact key (`case/id`, what autocomplete puts in choice values) returns exactly that fact.
   * When nothing clears the relevance floor, `suggestions` may hold a corrected query.
   *
   * @example
   * index.search('jaxs').hits.map((h) => h.fact.id) // => ['jaxa-among-targets', …]
   * index.search('kataa') // => { hits: [], suggestions: ['kato'] }
   * index.search('pizza recipe') // => { hits: [], suggestions: [] }
   */
  search(query: string, options: SearchOptions = {}): SearchResponse {
    const text = typeof query === 'string' ? query.slice(0, MAX_QUERY_CHARS) : '';
    const limit = clampLimit(options.limit);
    const { caseId } = options;
    const exact = this.lookup(text.trim(), caseId);
    if (exact !== undefined) return { hits: [{ fact: exact, score: 1, matched: [] }], suggestions: [], unmatched: [], queryTerms: 1 };
    const typedPlan = this.plan(text, caseId);
    const overviewOf = this.overviewCases(text, typedPlan, caseId);
    // (Summaries no fact is close to leave the question to the search below.)
    const overview = overviewOf.length === 0 ? undefined : this.overview(overviewOf, limit);
    if (overview !== undefined && overview.hits.length > 0) return overview;
    // A question of question words only ("who told him to do it") has nothing to look up by words,
    // but meaning may still find the moderators' own questions for it (and the off-topic check
    // still applies: "what do you do" is chatter).
    if (typedPlan.units.length === 0 && this.semantic === undefined) return EMPTY;
    // Ranked a little deeper than asked, so a fact the question's intent favours can move up into the limit.
    const depth = Math.max(limit, INTENT_DEPTH);
    const { plan, lexical } = this.withoutClaimedNumbers(
      text,
      typedPlan,
      this.rank(typedPlan, depth, caseId, true, PARTIAL_COVERAGE),
      depth,
      caseId,
    );
    // A year or a numbered thing the case does not know, not a claim to correct (those were taken
    // out above): "what happened in the jaxa cyberattack in 2023", "is pla unit 61398 the same
    // unit". The question is about another time or thing, and its vector, blind to numbers, would
    // read as a moderator's question of the case's own ("what happened in the jaxa cyberattack").
    // So with another person of a surname the facts write: "who is wang yi" reads as "who is wang".
    if (otherNumbers(lexical).length > 0 || namesOtherPerson(text, lexical, this.elsewhere()))
      return { hits: [], suggestions: [], unmatched: unmatchedWords(lexical), queryTerms: plan.units.length, offTopic: true };
    // Nothing of it matched and it names something no dictionary knows ("frieren s2 when"): its
    // vector is its question words alone, so no moderator's question may stand for it. A misspelt
    // name of the case gets its "did you mean" instead.
    if (plan.units.length > 0 && lexical.unmatched.length === plan.units.length && namesUnknown(lexical, this.semantic?.words)) {
      const suggestions = this.suggestions(plan, caseId);
      const unmatched = unmatchedWords(lexical);
      return suggestions.length > 0
        ? { hits: [], suggestions, unmatched, queryTerms: plan.units.length }
        : { hits: [], suggestions: [], unmatched, queryTerms: plan.units.length, offTopic: true };
    }
    const fusion = this.fuseWithMeaning(text, plan, lexical, depth, caseId);
    return this.respond(text, plan, lexical, fusion, limit, caseId);
  }

  /**
   * The question's lexical hits fused with what its meaning finds (hybrid.ts), under the cues its
   * text gives: only facts covering its words, only moderators' same questions, near everyday
   * chatter, or too much of it unseen by the word vectors to judge by meaning.
   */
  private fuseWithMeaning(text: string, plan: QueryPlan, lexical: LexicalResult, depth: number, caseId: string | undefined): Fusion {
    const queryVector = this.embedQuery(plan);
    const vectors = this.semantic?.vectors;
    // The scans look for facts that share no word with the question (by their own vector, or one of
    // their questions). When the words alone found a full list of complete matches, such a fact would
    // not be shown above them: skip both.
    const complete = lexical.hits.filter((h) => h.coverage >= this.floors.fullCoverage).length;
    const scan = queryVector !== undefined && vectors !== undefined && complete < depth;
    const questions = this.semantic?.questions;
    const semantic = this.semantic;
    const chosen = plan.units.length === 0 ? this.topiclessFloors : this.floors;
    // A Japanese question's vector is its words' first glosses, coarser than an English question's:
    // it must be nearer chatter by more to be judged off-topic (妻に頼まれて…: "wife request buy").
    const floors = hasJapanese(text) ? { ...chosen, offTopicMargin: chosen.translatedOffTopicMargin } : chosen;
    const named = namesEntity(plan);
    return fuse({
      lexical: lexical.hits,
      semantic: scan ? vectors.search(queryVector, depth, this.floors.semanticOnlyCosine, caseId) : [],
      // Only questions close enough to show their fact are scanned for; the candidates' own
      // questions rank them from questionRankCosine on (askedOf), a few rows each.
      asked: scan && questions !== undefined ? questions.search(queryVector, depth, floors.questionCosine, caseId) : [],
      askedOf: (fact) => (queryVector === undefined ? undefined : questions?.cosineOf(fact, queryVector)),
      cosineOf: (fact) => (queryVector === undefined ? undefined : vectors?.cosineOf(fact, queryVector)),
      floors,
      wordsOnly: wantsWords(text, plan, lexical, this.elsewhere(), caseId),
      // A recommendation, an errand, anything in general, or a country no fact mentions: no fact says such
      // things, however many of the question's words it has ("人民解放軍の兵力ってどれくらい": the
      // PLA, and "force" in a fact).
      questionOnly: asksRecommendation(text) || asksErrand(text) || asksGeneric(text) || namesOtherPlace(text, this.vocabulary),
      ...(queryVector !== undefined && semantic !== undefined
        ? { everyday: (floors: OffTopicFloors, cases: ReadonlySet<string>) => reachesOfftopic(semantic, queryVector, floors, cases) }
        : {}),
      unseen: this.matchesUnseen(plan, lexical),
      namesEntity: named,
    });
  }

  /**
   * The response for a fused question: a gap when the facts found hold no name or amount it asks
   * for, off-topic, the hits reranked for its intent, or "did you mean" when nothing was found.
   */
  private respond(
    text: string,
    plan: QueryPlan,
    lexical: LexicalResult,
    fusion: Fusion,
    limit: number,
    caseId: string | undefined,
  ): SearchResponse {
    const unmatched = unmatchedWords(lexical);
    const { hits } = fusion;
    // "What was the fake company called", "how much was it worth": facts about the company or the
    // purchase that hold no name or amount do not answer — and the question, whose words the facts
    // have, is about the case even when it reads like chatter ("whats the name of the engineer").
    const wanted =
      hits.length > 0 || (fusion.offTopic && lexical.hits.length > 0)
        ? answerTest(text, entityNames(plan), this.aliases.personNames(caseId))
        : undefined;
    if (wanted !== undefined && !hits.some((hit) => wanted.holds(hit.fact.text)))
      return { hits: [], suggestions: [], unmatched, queryTerms: plan.units.length, wanted: wanted.wanted };
    if (fusion.offTopic) return { hits: [], suggestions: [], unmatched, queryTerms: plan.units.length, offTopic: true };
    if (hits.length > 0)
      return { hits: rerankForIntent(plan.intentText, hits).slice(0, limit), suggestions: [], unmatched, queryTerms: plan.units.length };
    return { hits: [], suggestions: this.suggestions(plan, caseId), unmatched, queryTerms: plan.units.length };
  }

  /** "Did you mean" for a question nothing answered: corrections of its words that find facts. */
  private suggestions(plan: QueryPlan, caseId: string | undefined): string[] {
    return suggestCorrections(
      plan,
      this.vocabulary,
      (q) => {
        const p = this.plan(q, caseId);
        return p.units.length > 0 && this.rank(p, 1, caseId, true, this.floors.fullCoverage).hits.length > 0;
      },
      this.options.words,
    );
  }

  /**
   * A claim to check with a year or numbered thing no fact has ("the attacks were in 2019, right?"):
   * the number is the claim to correct, the rest of the question is what to look up — so it is
   * planned and ranked again without it, its intent still read from the whole text (the year asks
   * "when"). Any other question is returned as planned.
   */
  private withoutClaimedNumbers(
    text: string,
    plan: QueryPlan,
    lexical: LexicalResult,
    depth: number,
    caseId: string | undefined,
  ): { plan: QueryPlan; lexical: LexicalResult } {
    const claimed = new Set(otherNumbers(lexical));
    if (claimed.size === 0 || !checksClaim(text)) return { plan, lexical };
    const rest = text.replace(/[A-Za-z0-9]+/g, (word) => (claimed.has(word.toLowerCase()) ? ' ' : word));
    const restPlan: QueryPlan = { ...this.plan(rest, caseId), intentText: plan.intentText };
    return { plan: restPlan, lexical: this.rank(restPlan, depth, caseId, true, PARTIAL_COVERAGE) };
  }

  /**
   * Whether the words of the question that some fact matched and the word vectors do not know — a
   * name (Kato, JAXA, 加藤) or a word like "orgs" — are a third or more of its units ({@link UNITS_PER_UNSEEN}):
   * then the question's vector misses too much of what it asks to judge it off-topic ("kato
   * speech" would read as "speech", "jaxa update" as "update"). In a longer question the words it
   * does see say what it is about ("when is jaxa's next h3 rocket launch").
   */
  private matchesUnseen(plan: QueryPlan, lexical: LexicalResult): boolean {
    const words = this.semantic?.words;
    if (words === undefined) return false;
    const unmatched = new Set(lexical.unmatched);
    const unseen = plan.units.filter((unit) => {
      if (unmatched.has(unit)) return false;
      if (unit.kind === 'term') return !words.knows(unit.leaf.surface);
      return unit.entity && wordsOf(unit.typed).some((word) => !words.knows(word));
    }).length;
    return unseen > 0 && unseen * UNITS_PER_UNSEEN >= plan.units.length;
  }

  /** What the off-topic verdicts read besides the question (elsewhere.ts). */
  private elsewhere(): ElsewhereContext {
    return {
      vocabulary: this.vocabulary,
      aliases: this.aliases,
      words: this.semantic?.words,
      dictionary: this.semantic?.words ?? this.options.words,
    };
  }

  /**
   * The words a question's sentence vector is made of, read as {@link search} reads a member's
   * question (alias names add their group's words; Japanese is read into English).
   */
  questionWords(text: string, caseId?: string): readonly SentenceWord[] {
    return this.plan(text, caseId).words;
  }

  private plan(text: string, caseId: string | undefined): QueryPlan {
    return planQuery(text, this.aliases, this.vocabulary, caseId, {
      dictionary: this.semantic?.words ?? this.options.words,
      glossary: this.options.glossary,
    });
  }

  /**
   * The cases whose overview a question asks for ("what happened", "what is this case about",
   * この件について教えて): one that asks for the whole story and names nothing else, of `caseId`
   * when given, else of every case; empty for any other question.
   */
  private overviewCases(text: string, plan: QueryPlan, caseId: string | undefined): readonly string[] {
    if (!asksOverview(text)) return [];
    const general = plan.units.every((unit) =>
      unit.kind === 'term' ? OVERVIEW_WORDS.has(unit.leaf.surface) : !unit.entity && OVERVIEW_WORDS.has(unit.typed),
    );
    if (!general) return [];
    if (caseId !== undefined) return this.factSet.cases.has(caseId) ? [caseId] : [];
    return [...this.factSet.cases.keys()];
  }

  /**
   * The overview of `caseIds`: each case's story (see {@link storyOf}); with several cases, their
   * stories interleaved — every case's first fact, then every case's second, and so on — so the
   * first page holds the lead of each.
   */
  private overview(caseIds: readonly string[], limit: number): SearchResponse {
    const stories = caseIds.map((id) => this.storyOf(id));
    const hits: Hit[] = [];
    for (let i = 0; hits.length < limit && stories.some((story) => i < story.length); i++)
      for (const story of stories) {
        const hit = story[i];
        if (hit !== undefined && hits.length < limit) hits.push(hit);
      }
    return { hits, suggestions: [], unmatched: [], queryTerms: 0, overview: true };
  }

  /**
   * A case's story: its summary (case.yaml), which the moderators wrote as the whole story in a
   * paragraph, told by its facts — for each sentence of the summary in turn, the facts closest to it
   * in meaning (by its words when semantic search is off) not told yet, at most
   * {@link OVERVIEW_PER_SENTENCE}; in the summary's order, each scored by its closeness to its
   * sentence. Each is a cited fact: the summary itself is not shown.
   *
   * Computed once per snapshot and case: at 100k facts each summary sentence is a scan of every
   * fact vector (~14 ms a story), and "what happened" is a common question (`npm run bench`: overview).
   */
  private storyOf(caseId: string): readonly Hit[] {
    let story = this.stories.get(caseId);
    if (story === undefined) {
      story = this.tellStory(caseId);
      this.stories.set(caseId, story);
    }
    return story;
  }

  private tellStory(caseId: string): Hit[] {
    const summary = this.factSet.cases.get(caseId)?.summary ?? '';
    const semantic = this.semantic;
    const vector = semantic === undefined ? undefined : new Float32Array(semantic.words.dims);
    const told = new Set<Fact>();
    const hits: Hit[] = [];
    for (const sentence of splitSentences(summary)) {
      const depth = told.size + OVERVIEW_PER_SENTENCE;
      const closest =
        semantic !== undefined && vector !== undefined && semantic.words.embedInto(this.questionWords(sentence, caseId), vector)
          ? semantic.vectors.search(vector, depth, -1, caseId).map((hit) => ({ fact: hit.fact, score: hit.cosine }))
          : this.rank(this.plan(sentence, caseId), depth, caseId, true, 0).hits;
      for (const { fact, score } of closest.filter((hit) => !told.has(hit.fact)).slice(0, OVERVIEW_PER_SENTENCE)) {
        told.add(fact);
        hits.push({ fact, score, matched: [] });
      }
    }
    return hits;
  }

  /**
   * The question's sentence vector, its misspelt words read as the words the facts use
   * (`investigaton` → `investigation`); undefined when semantic search is off or the model knows none of its words.
   */
  private embedQuery(plan: QueryPlan): Float32Array | undefined {
    const semantic = this.semantic;
    if (semantic === undefined) return undefined;
    const corrections = correctedWords(plan, this.vocabulary, semantic.words);
    const words =
      corrections.size === 0 ? plan.words : plan.words.map((word) => (typeof word === 'string' ? (corrections.get(word) ?? word) : word));
    const vector = new Float32Array(semantic.words.dims);
    return semantic.words.embedInto(words, vector) ? vector : undefined;
  }

  /**
   * Choices for a slash-command option being typed: completions of the last word, alias names, and
   * facts (value = the fact's key, which {@link FactIndex.search} resolves to that fact).
   *
   * @example
   * index.autocomplete('cyb') // => [{ name: 'cyberattacks', value: 'cyberattacks', kind: 'term' }, …]
   */
  autocomplete(input: string, options: AutocompleteOptions = {}): AutocompleteChoice[] {
    const text = typeof input === 'string' ? input : '';
    return autocompleteChoices(
      text,
      {
        vocabulary: this.vocabulary,
        aliases: this.aliases,
        defaultFacts: (limit, caseId) => this.defaultFacts(limit, caseId),
        searchFacts: (partial, limit, caseId) => {
          const plan = this.plan(partial, caseId);
          // No typo tolerance while typing: a half-typed word is not a typo.
          const cheap: QueryPlan = { ...plan, units: plan.units.map(withoutFuzzy) };
          return cheap.units.length === 0 ? [] : this.rank(cheap, limit, caseId, false, this.floors.fullCoverage).hits.map((h) => h.fact);
        },
      },
      options,
    );
  }

  /** The facts offered for empty autocomplete input: computed once per snapshot and case. */
  private defaultFacts(limit: number, caseId?: string): readonly Fact[] {
    const key = `${limit}\u0000${caseId ?? ''}`;
    let facts = this.defaults.get(key);
    if (facts === undefined) {
      facts = defaultFacts(this.factSet.facts, limit, caseId);
      this.defaults.set(key, facts);
    }
    return facts;
  }

  private lookup(key: string, caseId?: string): Fact | undefined {
    if (key.length === 0 || key.length > 200) return undefined;
    const slot = this.slotByKey.getByKey(key);
    const fact = slot === undefined ? undefined : this.factBySlot[slot];
    return fact !== undefined && (caseId === undefined || fact.caseId === caseId) ? fact : undefined;
  }

  private rank(plan: QueryPlan, limit: number, caseId: string | undefined, fallback: boolean, minCoverage: number): LexicalResult {
    return rankPlan(this.ranking, plan, limit, caseId, fallback, minCoverage);
  }
}

function withoutFuzzy(unit: Unit): Unit {
  return unit.kind === 'term' ? { ...unit, leaf: { ...unit.leaf, fuzzy: 0 } } : unit;
}

function clampLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_LIMIT;
  return Math.max(1, Math.min(MAX_LIMIT, Math.floor(limit)));
}

/**
 * Whether an everyday question is at least `floors.everyday` from the question's vector, or an
 * off-topic question of one of `cases` (those of the facts that would be shown) `floors.caseLines`.
 */
function reachesOfftopic(semantic: Semantic, queryVector: Float32Array, floors: OffTopicFloors, cases: ReadonlySet<string>): boolean {
  if (semantic.everyday.reaches(queryVector, floors.everyday)) return true;
  for (const id of cases) if (semantic.caseOfftopic.get(id)?.vectors.reaches(queryVector, floors.caseLines) === true) return true;
  return false;
}
