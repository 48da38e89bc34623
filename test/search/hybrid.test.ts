import { describe, expect, it } from 'vitest';
import { DEFAULT_FLOORS, fuse, requiredCosine, type FusionInput, type OffTopicFloors } from '../../src/search/hybrid.js';
import type { LexicalHit } from '../../src/search/rank.js';
import type { SemanticHit } from '../../src/search/semantic/fact-vectors.js';
import { SAMPLE } from './make-fact-set.js';

const fact = (id: string) => {
  const found = SAMPLE.facts.find((f) => f.id === id);
  if (found === undefined) throw new Error(id);
  return found;
};
const lex = (id: string, coverage: number, named: readonly string[] = [], complete = coverage >= 1): LexicalHit => ({
  fact: fact(id),
  score: 1,
  coverage,
  complete,
  matched: [id],
  named,
});
const sem = (id: string, cosine: number): SemanticHit => ({ fact: fact(id), cosine });
const floors = {
  fullCoverage: 0.6,
  fullCoverageCosine: 0.05,
  fullCoverageQuestionCosine: 0.55,
  partialCosine: 0.4,
  semanticOnlyCosine: 0.7,
  semanticWeight: 1,
  questionCosine: 0.8,
  topiclessQuestionCosine: 0.85,
  questionSupportCosine: 0.7,
  sameQuestionCosine: 0.95,
  questionRankCosine: 0.6,
  questionWeight: 1,
  offTopicMargin: 0.05,
  translatedOffTopicMargin: 0.08,
  namedOffTopicMargin: 0.02,
};
/** The accepted facts of a fusion. */
const fuseHits = (input: FusionInput) => fuse(input).hits;
const ids = (hits: { fact: { id: string } }[]) => hits.map((h) => h.fact.id);

describe('fuse', () => {
  it('keeps a full lexical match whatever its meaning says, and without semantic search', () => {
    expect(ids(fuseHits({ lexical: [lex('jaxa-hit', 1)], semantic: [], cosineOf: () => undefined, floors }))).toEqual(['jaxa-hit']);
    expect(ids(fuseHits({ lexical: [lex('jaxa-hit', 0.6)], semantic: [], cosineOf: () => 0.1, floors }))).toEqual(['jaxa-hit']);
  });

  it('drops a full lexical match whose meaning is plainly another, unless it names the case or a question is near', () => {
    const sensed = { ...floors, fullCoverageCosine: 0.3 };
    expect(fuseHits({ lexical: [lex('jaxa-hit', 1)], semantic: [], cosineOf: () => 0.25, floors: sensed })).toEqual([]);
    expect(ids(fuseHits({ lexical: [lex('jaxa-hit', 1)], semantic: [], cosineOf: () => 0.31, floors: sensed }))).toEqual(['jaxa-hit']);
    expect(ids(fuseHits({ lexical: [lex('jaxa-hit', 1, ['JAXA'])], semantic: [], cosineOf: () => 0.1, floors: sensed }))).toEqual([
      'jaxa-hit',
    ]);
    expect(
      ids(fuseHits({ lexical: [lex('jaxa-hit', 1)], semantic: [], askedOf: () => 0.65, cosineOf: () => 0.1, floors: sensed })),
    ).toEqual(['jaxa-hit']);
    // A closest question from fullCoverageQuestionCosine on keeps a match of two words or more, though
    // too far to rank it (questionRankCosine); not a match of one word.
    const twoWords = { ...lex('jaxa-hit', 1), matched: ['jaxa', 'hit'] };
    expect(ids(fuseHits({ lexical: [twoWords], semantic: [], askedOf: () => 0.56, cosineOf: () => 0.1, floors: sensed }))).toEqual([
      'jaxa-hit',
    ]);
    expect(fuseHits({ lexical: [twoWords], semantic: [], askedOf: () => 0.54, cosineOf: () => 0.1, floors: sensed })).toEqual([]);
    expect(fuseHits({ lexical: [lex('jaxa-hit', 1)], semantic: [], askedOf: () => 0.56, cosineOf: () => 0.1, floors: sensed })).toEqual([]);
    // Without semantic search the words decide alone.
    expect(ids(fuseHits({ lexical: [lex('jaxa-hit', 1)], semantic: [], cosineOf: () => undefined, floors: sensed }))).toEqual(['jaxa-hit']);
  });

  it('keeps a partial match only with enough semantic support: less coverage needs more', () => {
    const half = [lex('no-leak', 0.5)];
    expect(fuseHits({ lexical: half, semantic: [], cosineOf: () => undefined, floors })).toEqual([]);
    expect(fuseHits({ lexical: half, semantic: [], cosineOf: () => 0.39, floors })).toEqual([]);
    expect(ids(fuseHits({ lexical: half, semantic: [], cosineOf: () => 0.41, floors }))).toEqual(['no-leak']);
    // A quarter of the question: halfway between the partial and the semantic-only floor.
    expect(requiredCosine(0.25, floors)).toBeCloseTo(0.55, 5);
    expect(fuseHits({ lexical: [lex('no-leak', 0.25)], semantic: [], cosineOf: () => 0.54, floors })).toEqual([]);
    expect(ids(fuseHits({ lexical: [lex('no-leak', 0.25)], semantic: [], cosineOf: () => 0.56, floors }))).toEqual(['no-leak']);
  });

  it('a partial match of a named entity of the case stands on its words from half the question on', () => {
    expect(ids(fuseHits({ lexical: [lex('pla-likely', 0.5, ['Kato'])], semantic: [], cosineOf: () => 0.1, floors }))).toEqual([
      'pla-likely',
    ]);
    expect(fuseHits({ lexical: [lex('pla-likely', 0.45, ['Kato'])], semantic: [], cosineOf: () => 0.1, floors })).toEqual([]);
  });

  it('keeps a fact that matches no word only above the semantic-only floor', () => {
    expect(fuseHits({ lexical: [], semantic: [sem('sale-cancelled', 0.69)], cosineOf: () => 0.69, floors })).toEqual([]);
    expect(ids(fuseHits({ lexical: [], semantic: [sem('sale-cancelled', 0.71)], cosineOf: () => 0.71, floors }))).toEqual([
      'sale-cancelled',
    ]);
  });

  it('keeps a fact whose own question is close enough, whatever else says; a nearer question ranks it higher', () => {
    expect(fuseHits({ lexical: [], semantic: [], asked: [sem('no-leak', 0.79)], cosineOf: () => 0.1, floors })).toEqual([]);
    expect(ids(fuseHits({ lexical: [], semantic: [], asked: [sem('no-leak', 0.81)], cosineOf: () => 0.1, floors }))).toEqual(['no-leak']);
    // Below the floor, a close question still ranks a fact that another reason lets in.
    const hits = fuseHits({
      lexical: [lex('jaxa-hit', 1), lex('research', 1)],
      semantic: [],
      asked: [sem('research', 0.7)],
      cosineOf: () => undefined,
      floors,
    });
    expect(ids(hits)).toEqual(['research', 'jaxa-hit']);
  });

  it('lets a close question and a fact text of partial-match closeness agree: neither alone is enough', () => {
    const askedOf = (cosine: number) => () => cosine;
    // A fact matching one word in ten; its own question at 0.72 (below the 0.8 that shows it alone),
    // its text at 0.42 (the partial floor is 0.4).
    expect(ids(fuseHits({ lexical: [lex('no-leak', 0.1)], semantic: [], askedOf: askedOf(0.72), cosineOf: () => 0.42, floors }))).toEqual([
      'no-leak',
    ]);
    expect(fuseHits({ lexical: [lex('no-leak', 0.1)], semantic: [], askedOf: askedOf(0.68), cosineOf: () => 0.42, floors })).toEqual([]);
    expect(fuseHits({ lexical: [lex('no-leak', 0.1)], semantic: [], askedOf: askedOf(0.72), cosineOf: () => 0.38, floors })).toEqual([]);
    // A fact that matches some words counts the better of its coverage and the question's support.
    expect(ids(fuseHits({ lexical: [lex('no-leak', 0.5)], semantic: [], askedOf: askedOf(0.72), cosineOf: () => 0.41, floors }))).toEqual([
      'no-leak',
    ]);
  });

  it('puts first the fact whose own question is the one asked, above facts every ranking prefers', () => {
    const run = (researchAsked: number) =>
      fuseHits({
        lexical: [lex('jaxa-hit', 1), lex('cafe', 1), lex('research', 0.6)],
        semantic: [sem('jaxa-hit', 0.9)],
        askedOf: (f) => (f.id === 'research' ? researchAsked : f.id === 'jaxa-hit' ? 0.9 : undefined),
        cosineOf: (f) => (f.id === 'jaxa-hit' ? 0.9 : f.id === 'cafe' ? 0.5 : 0.41),
        floors,
      });
    // Just under the same-question cosine, the other rankings win.
    expect(ids(run(0.94))[0]).toBe('jaxa-hit');
    const hits = run(0.96);
    expect(ids(hits)).toEqual(['research', 'jaxa-hit', 'cafe']);
    // Its lead survives the intent re-ranking, which at most doubles a score.
    const [first, second] = hits;
    expect((first?.score ?? 0) > 2 * (second?.score ?? Infinity)).toBe(true);
  });

  it("puts first a fact asked for by the same question only if it names the question's entity, when the question names one", () => {
    // "who's wang wenbin" reads as "who is wang" to the vectors: a moderator's "who is wang" of the
    // suspect's fact is the same question, but that fact does not name Wang Wenbin.
    const input = {
      lexical: [lex('jaxa-hit', 1, ['JAXA'])],
      semantic: [],
      asked: [sem('research', 0.99)],
      askedOf: (f: { id: string }) => (f.id === 'research' ? 0.99 : 0.7),
      cosineOf: () => 0.6,
      floors,
    };
    expect(ids(fuseHits(input))[0]).toBe('research');
    expect(ids(fuseHits({ ...input, namesEntity: true }))[0]).toBe('jaxa-hit');
    // A fact that names the entity keeps its place.
    expect(ids(fuseHits({ ...input, namesEntity: true, lexical: [lex('jaxa-hit', 1, ['JAXA']), lex('research', 0.5, ['JAXA'])] }))[0]).toBe(
      'research',
    );
  });

  it('shows only covered facts, or ones asked for by the same question, when the question wants its words covered (wordsOnly)', () => {
    const input = { semantic: [sem('no-leak', 0.9)], cosineOf: () => 0.9, floors };
    // Meaning alone (or with half the words) would let these in...
    expect(ids(fuseHits({ ...input, lexical: [lex('no-leak', 0.5)] }))).toEqual(['no-leak']);
    expect(ids(fuseHits({ ...input, lexical: [lex('pla-likely', 0.5, ['Kato'])] }))).toEqual(['pla-likely', 'no-leak']);
    // ...but not when the question wants its words covered.
    expect(fuseHits({ ...input, lexical: [lex('no-leak', 0.5)], wordsOnly: true })).toEqual([]);
    expect(fuseHits({ ...input, lexical: [lex('pla-likely', 0.5, ['Kato'])], wordsOnly: true })).toEqual([]);
    // Words covering the whole question, or a moderator's question close enough, still answer; most
    // of the words is not enough ("how do i register a company in japan as a foreigner": no fact has "register").
    expect(ids(fuseHits({ ...input, lexical: [lex('no-leak', 0.6)] }))).toEqual(['no-leak']);
    expect(fuseHits({ ...input, lexical: [lex('no-leak', 0.75)], wordsOnly: true })).toEqual([]);
    expect(ids(fuseHits({ ...input, lexical: [lex('no-leak', 1)], wordsOnly: true }))).toEqual(['no-leak']);
    // Every word matched, one by a typo ("how can i learn more about the jaxs hack"): covered.
    expect(ids(fuseHits({ ...input, lexical: [lex('no-leak', 0.94, [], true)], wordsOnly: true }))).toEqual(['no-leak']);
    expect(ids(fuseHits({ ...input, lexical: [], asked: [sem('no-leak', 0.96)], wordsOnly: true }))).toEqual(['no-leak']);
    // A question that is only close ("how do i get a tick off my dog" and "what is tick") is not enough.
    expect(fuseHits({ ...input, lexical: [], asked: [sem('no-leak', 0.85)], wordsOnly: true })).toEqual([]);
    expect(ids(fuseHits({ ...input, lexical: [], asked: [sem('no-leak', 0.85)] }))).toEqual(['no-leak']);
  });

  it('shows only facts asked for by the same question when the question asks for a recommendation (questionOnly)', () => {
    const input = { semantic: [sem('no-leak', 0.9)], cosineOf: () => 0.9, floors, questionOnly: true };
    // Not even every word covered ("おすすめのレンタルサーバーある？": a fact has "rental server")...
    expect(fuse({ ...input, lexical: [lex('no-leak', 1)] })).toEqual({ hits: [], offTopic: true });
    // ...only a moderator's question that is the same question.
    expect(ids(fuseHits({ ...input, lexical: [], asked: [sem('no-leak', 0.96)] }))).toEqual(['no-leak']);
    expect(fuseHits({ ...input, lexical: [], asked: [sem('no-leak', 0.9)] })).toEqual([]);
  });

  it('calls a question off-topic when only facts its wordsOnly turned away matched', () => {
    const input = { semantic: [sem('no-leak', 0.9)], cosineOf: () => 0.9, floors };
    expect(fuse({ ...input, lexical: [lex('no-leak', 0.5)], wordsOnly: true })).toEqual({ hits: [], offTopic: true });
    // Nothing that would have answered it: no verdict, the ordinary "no facts match".
    expect(fuse({ semantic: [], cosineOf: () => 0.1, floors, lexical: [lex('no-leak', 0.2)], wordsOnly: true })).toEqual({
      hits: [],
      offTopic: false,
    });
  });

  it('judges a question off-topic when an everyday question is nearer, by the margin, than every fact it would show', () => {
    // Two full word matches: one whose text is at 0.5 and whose closest own question is at 0.6,
    // one at 0.3 with no question.
    const input = {
      lexical: [lex('jaxa-hit', 1), lex('research', 1)],
      semantic: [],
      askedOf: (f: { id: string }) => (f.id === 'jaxa-hit' ? 0.6 : undefined),
      cosineOf: (f: { id: string }) => (f.id === 'jaxa-hit' ? 0.5 : 0.3),
      floors,
    };
    /** The everyday questions, the closest of which is at `closest`. */
    const near = (closest: number) => (floors: OffTopicFloors) => closest >= floors.everyday;
    // The margin is 0.05: an everyday question at 0.64 is not nearer enough than the question at 0.6.
    expect(fuse({ ...input, everyday: near(0.64) })).toEqual({ hits: expect.any(Array), offTopic: false });
    expect(ids(fuse({ ...input, everyday: near(0.64) }).hits)).toEqual(['jaxa-hit', 'research']);
    expect(fuse({ ...input, everyday: near(0.66) })).toEqual({ hits: [], offTopic: true });
    // A fact text near enough counts as a question does.
    expect(fuse({ ...input, askedOf: () => undefined, everyday: near(0.54) }).offTopic).toBe(false);
    expect(fuse({ ...input, askedOf: () => undefined, everyday: near(0.56) }).offTopic).toBe(true);
    // A question naming an entity of the case needs 0.02 more: 0.66 is not enough, 0.68 is.
    expect(fuse({ ...input, namesEntity: true, everyday: near(0.66) }).offTopic).toBe(false);
    expect(fuse({ ...input, namesEntity: true, everyday: near(0.68) })).toEqual({ hits: [], offTopic: true });
    // Not for the case's own off-topic lines: they are about its names in other senses.
    const caseLine = (closest: number) => (floors: OffTopicFloors) => closest >= floors.caseLines;
    expect(fuse({ ...input, namesEntity: true, everyday: caseLine(0.66) }).offTopic).toBe(true);
    // A matched word the word vectors cannot see, or no semantic search, and it never is.
    expect(fuse({ ...input, everyday: near(0.99), unseen: true }).offTopic).toBe(false);
    expect(fuse(input).offTopic).toBe(false);
    // Nothing accepted is "no facts match", not off-topic.
    expect(fuse({ ...input, lexical: [], everyday: near(0.99) })).toEqual({ hits: [], offTopic: false });
  });

  it('ranks by reciprocal rank fusion: agreement of both rankings wins', () => {
    const cosines = new Map([
      ['jaxa-hit', 0.2],
      ['research', 0.8],
      ['cafe', 0.75],
    ]);
    const hits = fuseHits({
      lexical: [lex('jaxa-hit', 1), lex('research', 1)],
      semantic: [sem('research', 0.8), sem('cafe', 0.75)],
      cosineOf: (f) => cosines.get(f.id),
      floors,
    });
    expect(ids(hits)).toEqual(['research', 'jaxa-hit', 'cafe']);
    expect(hits.every((h, i) => h.score > 0 && (i === 0 || (hits[i - 1]?.score ?? 0) >= h.score))).toBe(true);
  });

  it('a partial match counts in proportion to its coverage', () => {
    const scoreOf = (coverage: number): number =>
      fuseHits({ lexical: [lex('no-leak', coverage)], semantic: [], cosineOf: () => 0.95, floors })[0]?.score ?? 0;
    // The lexical share is linear in coverage (the semantic share is the same for all three).
    expect(scoreOf(1) - scoreOf(0.8)).toBeCloseTo(2 * (scoreOf(0.9) - scoreOf(0.8)), 10);
    expect(scoreOf(1)).toBeGreaterThan(scoreOf(0.8));
  });

  it('ships floors that order as they must', () => {
    expect(DEFAULT_FLOORS.partialCosine).toBeLessThan(DEFAULT_FLOORS.semanticOnlyCosine);
    expect(DEFAULT_FLOORS.fullCoverage).toBeGreaterThan(0.5);
  });
});
