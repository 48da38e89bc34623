/**
 * Fuses the lexical and the semantic ranking of one query into one list, and decides which facts
 * are good enough to show at all.
 *
 * Lexical search stays the authority on names, numbers, dates and aliases: a fact that matches
 * (nearly) every word of the question is always a hit. Meaning fills in paraphrases: a fact that
 * matches only some words, or none, is a hit only when its sentence vector is close enough to the
 * question's. The floors are calibrated on off-topic questions (`test/relevance/questions.yaml`),
 * so a question about something else still gets "no facts match", never the least-bad fact.
 *
 * Ranking is reciprocal rank fusion: each list contributes `weight / (K + rank)`; a lexical hit's
 * share is scaled by how much of the question it covers.
 */
import type { Fact } from '../facts/types.js';
import type { LexicalHit } from './rank.js';
import type { SemanticHit } from './semantic/fact-vectors.js';
import type { Hit } from './types.js';
import { INTENT_BOOST } from './intent.js';

export interface FusionFloors {
  /** Coverage at or above which a lexical hit needs no semantic support (today's relevance floor). */
  readonly fullCoverage: number;
  /**
   * Cosine below which even a full lexical match is not shown, unless it names an entity of the case
   * or one of its questions is near ({@link fullCoverageQuestionCosine}): the words agree but their
   * sense does not ("how to tie a tie" and a fact asked for as "what ties his wife to the army").
   */
  readonly fullCoverageCosine: number;
  /**
   * Cosine of a fact's closest own question from which a full lexical match of two words or more
   * keeps its sense however far the fact's text is: the words matched are often the question's
   * ("was he hunting for bugs": a moderator's "was he going to look for flaws, exploits or bugs",
   * 0.596 — the fact's text speaks of vulnerabilities, 0.25). From {@link questionRankCosine} on,
   * one word is enough.
   */
  readonly fullCoverageQuestionCosine: number;
  /**
   * Cosine a fact matching half of the question's words needs. Between no words and half of
   * them, the cosine needed falls in a straight line from {@link semanticOnlyCosine} to this.
   */
  readonly partialCosine: number;
  /** Cosine a fact matching no word of the question needs. */
  readonly semanticOnlyCosine: number;
  /** How much the semantic ranking counts against the lexical one (1 = equally). */
  readonly semanticWeight: number;
  /** Cosine between the question and one of a fact's own questions (`questions:`) that makes it a hit. */
  readonly questionCosine: number;
  /**
   * Cosine of a fact's closest question from which the fact's own cosine needs only reach
   * {@link partialCosine}, as if it matched half of the question's words: two weaker signals that
   * agree ("was he trying to find bugs in it": a question about finding flaws, and a text about
   * vulnerabilities) count as one strong one.
   */
  readonly questionSupportCosine: number;
  /**
   * Cosine between the question and one of a fact's own questions from which the member asked what
   * the moderator wrote, in other words at most: the fact is put first, above any fused score.
   */
  readonly sameQuestionCosine: number;
  /**
   * {@link questionCosine} for a question with no word to look up ("who did it"): its vector is its
   * form alone, so a moderator's question must match it more closely. Stop words strung together
   * ("were what", "tell me about") come to 0.76; real questions of that kind to 0.82–0.93.
   */
  readonly topiclessQuestionCosine: number;
  /** Cosine from which a fact's closest question ranks it (it needs another reason to be shown below {@link questionCosine}). */
  readonly questionRankCosine: number;
  /** How much the ranking by the facts' questions counts against the lexical one. */
  readonly questionWeight: number;
  /**
   * How much closer an everyday question (about no case: `everyday-questions.ts`) must be to the
   * member's question than the closest fact or moderator's question of those that would be shown,
   * for the question to be off-topic and get no facts. A margin, so that a question the crude
   * sentence vectors place about as near to chatter as to the case is still answered. On the
   * development questions every margin from 0.03 to 0.065 separates them; 0.05 is the middle.
   */
  readonly offTopicMargin: number;
  /**
   * {@link offTopicMargin} for a question read through the glossary (Japanese): its vector is the
   * first gloss of each word, and a word's first sense is not always the news sense (頼む is
   * "request": 妻に頼まれて買おうとしたの, read as "wife request buy", was 0.699 from "my friend
   * request wont send" and 0.639 from the facts). Chosen on the development sets: from 0.05 to 0.08,
   * two judged Japanese questions into the top 3 (and two in unread sets), no off-topic one
   * answered; at 0.1, five off-topic ones answered in the unread sets.
   */
  readonly translatedOffTopicMargin: number;
  /**
   * Added to the off-topic margin for a question naming an entity of the case (JAXA, the PLA): it
   * is more likely about the case, and with 2,000 everyday lines some chatter is near any question
   * by its other words ("what does PLA stand for? it keeps coming up" and "my cohost keeps talking
   * over me"). Not for the case's own off-topic lines: they are about its names in other senses
   * ("does a tick hurt"). Chosen on the development sets (session 19): at 0.02, +2 judged questions
   * and no off-topic one answered; for the case's lines too, +3 and one ("has JAXA ever sent a
   * Japanese astronaut to the ISS"); at 0.04, +5 and two, and two more in the unread sets.
   */
  readonly namedOffTopicMargin: number;
}

/** The cosines from which an everyday question, or one of a case's own off-topic questions, makes a question off-topic. */
export interface OffTopicFloors {
  readonly everyday: number;
  readonly caseLines: number;
}

/** Chosen on the relevance set (`npm run relevance`; see the README's *Answer quality*). */
export const DEFAULT_FLOORS: FusionFloors = {
  fullCoverage: 0.6,
  fullCoverageCosine: 0.3,
  fullCoverageQuestionCosine: 0.55,
  partialCosine: 0.45,
  semanticOnlyCosine: 0.8,
  semanticWeight: 0.5,
  questionCosine: 0.75,
  topiclessQuestionCosine: 0.8,
  questionSupportCosine: 0.72,
  sameQuestionCosine: 0.95,
  questionRankCosine: 0.6,
  questionWeight: 0.75,
  offTopicMargin: 0.05,
  translatedOffTopicMargin: 0.08,
  namedOffTopicMargin: 0.02,
};

/**
 * A fact that matches a named entity of the case (an alias: JAXA, Kato, the PLA) and half of the
 * question is a hit on words alone: "kato speech" answers with facts about Kato and says that
 * no fact mentions "speech". The price: "a tick on my dog" answers with the Tick group, and
 * says no fact mentions "dog".
 */
const NAMED_COVERAGE = 0.5;

/** RRF's rank offset: small, because only the first few ranks of either list matter here. */
const K = 4;
const LEXICAL_WEIGHT = 1;
/**
 * Added to the score of a fact asked for by one of its own questions (`sameQuestionCosine`). A fused
 * score is below 1 (each list adds at most its weight / K, weights ≤ 1) and the intent re-ranking
 * after fusion multiplies it by at most {@link INTENT_BOOST}, so such a fact stays first.
 */
const SAME_QUESTION_BONUS = INTENT_BOOST;

export interface FusionInput {
  /** Best first; may include partial matches down to any coverage. */
  readonly lexical: readonly LexicalHit[];
  /** Facts the semantic scan found (at or above `semanticOnlyCosine`). Empty when semantic search is off. */
  readonly semantic: readonly SemanticHit[];
  /**
   * Facts one of whose own questions (`questions:`) is close enough to the question to show them
   * (at or above `questionCosine`), found by a scan of all questions. Empty when semantic search is off.
   */
  readonly asked?: readonly SemanticHit[];
  /** The cosine of a fact's closest own question to the question; undefined when it has none, or semantic search is off. */
  readonly askedOf?: (fact: Fact) => number | undefined;
  /** The cosine of a fact to the question; undefined when semantic search is off. */
  readonly cosineOf: (fact: Fact) => number | undefined;
  readonly floors: FusionFloors;
  /**
   * The question may well be about something else (the asker's own things, advice for the asker, a
   * name the case does not know: `wantsWords` in elsewhere.ts): only a fact that matches every word
   * of the question by a word of its own (a typo or a prefix counts, a related word does not:
   * `LexicalHit.complete`), or one of whose own questions is the same question (`sameQuestionCosine`), is
   * shown — never one that meaning alone, a named entity and half the words, or most of the words
   * lets in ("how do i register a company in japan as a foreigner": a fact has all but "register").
   */
  readonly wordsOnly?: boolean;
  /**
   * The question asks for a recommendation ("best antivirus for a laptop", PLAフィラメントのおすすめ:
   * `asksRecommendation` in question-forms.ts) or runs an errand of the asker's ("tick bite rash what
   * to do", 警察に相談したい: `asksErrand`), whatever it names; or it asks about a kind of thing in
   * general ("how many troops does the pla have", "who was spokesperson before wang wenbin":
   * `asksGeneric`), or about a country no fact mentions ("what did the US government say about the
   * jaxa hack": `namesOtherPlace`). Facts never recommend, run errands nor say what holds in general
   * or elsewhere, so not even one covering every word answers it ("US" is no word the search looks
   * up): only one of whose own questions is the same question (`sameQuestionCosine`).
   */
  readonly questionOnly?: boolean;
  /**
   * Whether some everyday question is at least `floors.everyday` from the question, or an off-topic
   * question of one of `cases` (the cases of the facts that would be shown) at least
   * `floors.caseLines` (`EverydayVectors.reaches`); undefined when semantic search is off, and then
   * nothing is judged off-topic.
   */
  readonly everyday?: (floors: OffTopicFloors, cases: ReadonlySet<string>) => boolean;
  /**
   * The words of the question that some fact matched and the word vectors do not know (a name like
   * Kato or JAXA, a word like "orgs") are a third or more of it (`matchesUnseen` in fact-index.ts):
   * the question's vector cannot see enough of what it asks, so it is never judged off-topic ("kato
   * speech" would read as "speech").
   */
  readonly unseen?: boolean;
  /**
   * The question names an entity of the case (an alias: JAXA, Wang Wenbin). A moderator's same
   * question then puts its fact first only when the fact names one of the question's entities:
   * the sentence vectors do not see names they lack ("who's wang wenbin" reads as "who is wang").
   */
  readonly namesEntity?: boolean;
}

/** What {@link fuse} decided. */
export interface Fusion {
  /** The accepted facts, best first; empty when the question is off-topic. */
  readonly hits: Hit[];
  /**
   * Facts matched, but an everyday question is clearly closer to the question than any of them, or
   * only facts that `wordsOnly` turned away matched.
   */
  readonly offTopic: boolean;
}

interface Candidate {
  readonly fact: Fact;
  readonly lexicalRank: number;
  readonly coverage: number;
  /** Every unit of the question matched by a word of the fact (`LexicalHit.complete`). */
  readonly complete: boolean;
  readonly named: boolean;
  readonly matched: readonly string[];
  readonly cosine: number | undefined;
  /** The cosine of the fact's closest own question, when at or above `questionRankCosine`. */
  readonly asked?: number;
  /** The cosine of the fact's closest own question, however low; undefined when it has none. */
  readonly closestAsked?: number;
}

/**
 * The accepted facts, best first.
 *
 * Every candidate — a lexical hit, or a fact the semantic scan found — gets its cosine to the
 * question; the semantic rank is its rank by cosine among the candidates at or above
 * `partialCosine` (below that, meaning says nothing for it).
 *
 * @example
 * fuse({ lexical, semantic, cosineOf, floors: DEFAULT_FLOORS }) // => { hits: [{ fact, score, matched }, …], offTopic: false }
 */
export function fuse(input: FusionInput): Fusion {
  const { floors } = input;
  const byFact = new Map<Fact, Candidate>();
  input.lexical.forEach((hit, rank) => {
    byFact.set(hit.fact, {
      fact: hit.fact,
      lexicalRank: rank,
      coverage: hit.coverage,
      complete: hit.complete,
      named: hit.named.length > 0,
      matched: hit.matched,
      cosine: input.cosineOf(hit.fact),
    });
  });
  for (const hit of input.semantic) if (!byFact.has(hit.fact)) byFact.set(hit.fact, byMeaning(hit.fact, hit.cosine));
  for (const hit of input.asked ?? []) if (!byFact.has(hit.fact)) byFact.set(hit.fact, byMeaning(hit.fact, input.cosineOf(hit.fact)));
  // Every candidate's closest own question, from the scan or computed for it (a few rows each).
  const scanned = new Map((input.asked ?? []).map((hit) => [hit.fact, hit.cosine]));
  for (const [fact, c] of byFact) {
    const asked = scanned.get(fact) ?? input.askedOf?.(fact);
    if (asked !== undefined) byFact.set(fact, { ...c, closestAsked: asked, ...(asked >= floors.questionRankCosine ? { asked } : {}) });
  }
  const byAsked = [...byFact.values()].filter((c) => c.asked !== undefined).sort((a, b) => (b.asked ?? 0) - (a.asked ?? 0));
  const askedRank = new Map(byAsked.map((c, rank) => [c.fact, rank]));
  const candidates = [...byFact.values()];
  const needs: Needs = input.questionOnly === true ? 'question' : input.wordsOnly === true ? 'words' : 'meaning';
  const accepted = candidates.filter((c) => isAccepted(c, floors, needs));
  // Facts would answer it, but the question is about something else (the asker's doing, a name the
  // case does not know): it is told so, as an off-topic one is, and is no gap in the facts.
  if (accepted.length === 0 && needs !== 'meaning' && candidates.some((c) => isAccepted(c, floors, 'meaning')))
    return { hits: [], offTopic: true };
  if (isOffTopic(accepted, input)) return { hits: [], offTopic: true };
  const bySemantic = accepted.filter((c) => (c.cosine ?? -1) >= floors.partialCosine).sort((a, b) => (b.cosine ?? 0) - (a.cosine ?? 0));
  const semanticRank = new Map(bySemantic.map((c, rank) => [c, rank]));
  const out: Hit[] = accepted.map((c) => {
    let score = 0;
    if (c.lexicalRank >= 0) score += (LEXICAL_WEIGHT * Math.min(1, c.coverage)) / (K + c.lexicalRank);
    const rank = semanticRank.get(c);
    if (rank !== undefined) score += floors.semanticWeight / (K + rank);
    const asked = askedRank.get(c.fact);
    if (asked !== undefined) score += floors.questionWeight / (K + asked);
    if (c.asked !== undefined && c.asked >= floors.sameQuestionCosine && (input.namesEntity !== true || c.named))
      score += SAME_QUESTION_BONUS;
    return { fact: c.fact, score, matched: c.matched };
  });
  return { hits: out.sort((a, b) => b.score - a.score), offTopic: false };
}

/**
 * Whether an everyday question is closer to the question, by `offTopicMargin` (and
 * `namedOffTopicMargin` for a question naming an entity of the case; not for the case's own
 * off-topic lines, which are about its names in other senses), than every fact that
 * would be shown: by its text, or by its closest own question. Only the facts that would be shown
 * count: a fact that is not shown cannot make the answer on-topic, and comparing them costs nothing
 * (their cosines are known), where a scan of a whole 100k-fact case costs ~10 ms.
 */
function isOffTopic(accepted: readonly Candidate[], input: FusionInput): boolean {
  const { everyday } = input;
  if (everyday === undefined || input.unseen === true || accepted.length === 0) return false;
  let closest = -1;
  for (const c of accepted) closest = Math.max(closest, c.cosine ?? -1, c.closestAsked ?? -1);
  const { offTopicMargin, namedOffTopicMargin } = input.floors;
  const caseLines = closest + offTopicMargin;
  const floors = { everyday: input.namesEntity === true ? caseLines + namedOffTopicMargin : caseLines, caseLines };
  return everyday(floors, new Set(accepted.map((c) => c.fact.caseId)));
}

/** A candidate that no word of the question found, only meaning (its text or one of its questions). */
function byMeaning(fact: Fact, cosine: number | undefined): Candidate {
  return { fact, lexicalRank: -1, coverage: 0, complete: false, named: false, matched: [], cosine };
}

/**
 * What lets a fact answer: meaning too (the default), only words covering the whole question
 * (`wordsOnly`), or only one of its own questions being the same question (`questionOnly`).
 */
type Needs = 'meaning' | 'words' | 'question';

function isAccepted(c: Candidate, floors: FusionFloors, needs: Needs): boolean {
  if (c.asked !== undefined && c.asked >= (needs === 'meaning' ? floors.questionCosine : floors.sameQuestionCosine)) return true;
  if (needs === 'question') return false;
  if (c.lexicalRank >= 0 && c.coverage >= floors.fullCoverage && (needs === 'meaning' || c.complete) && makesSense(c, floors)) return true;
  if (needs === 'words') return false;
  if (c.lexicalRank >= 0 && c.named && c.coverage >= NAMED_COVERAGE) return true;
  if (c.cosine === undefined) return false;
  const coverage = c.lexicalRank >= 0 ? c.coverage : 0;
  const supported = c.asked !== undefined && c.asked >= floors.questionSupportCosine;
  return c.cosine >= requiredCosine(supported ? Math.max(coverage, 0.5) : coverage, floors);
}

/** Whether a full lexical match's sense is not plainly another (see {@link FusionFloors.fullCoverageCosine}). */
function makesSense(c: Candidate, floors: FusionFloors): boolean {
  if (c.named || c.cosine === undefined || c.cosine >= floors.fullCoverageCosine) return true;
  if (c.asked !== undefined) return true;
  // Below questionRankCosine, only when two or more words agree: one word alone ("tick tock", read
  // as "time") says too little of what the question means.
  return c.closestAsked !== undefined && c.closestAsked >= floors.fullCoverageQuestionCosine && new Set(c.matched).size >= 2;
}

/** The cosine a fact covering `coverage` of the question needs (see {@link FusionFloors}). */
export function requiredCosine(coverage: number, floors: FusionFloors): number {
  const share = Math.min(1, Math.max(0, coverage) / 0.5);
  return floors.semanticOnlyCosine + (floors.partialCosine - floors.semanticOnlyCosine) * share;
}
