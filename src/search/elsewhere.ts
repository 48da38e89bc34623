/**
 * Whether a question asks about something other than the case, though it shares words with it: read
 * from its text (`question-forms.ts`, `places.ts`) and from which of its words the facts matched (the
 * lexical result). `FactIndex.search` turns the verdicts into what may answer the question
 * (`wordsOnly` and `questionOnly` in hybrid.ts).
 */
import type { AliasTable } from './aliases.js';
import { PINYIN_SURNAMES, pinyinGivenName } from './chinese-names.js';
import { ROMAJI_SURNAMES, romajiGivenName } from './japanese-names.js';
import { namedPlaces } from './places.js';
import type { QueryPlan } from './query-plan.js';
import {
  asksAdvice,
  asksCurrentNews,
  hackedWords,
  incidentNamePhrases,
  incidentNameWords,
  isAboutAsker,
  statementTopicWords,
} from './question-forms.js';
import { unmatchedWords, type LexicalResult } from './rank.js';
import type { WordVectors } from './semantic/word-vectors.js';
import { correctedWords } from './suggest.js';
import { normalizeTerm } from './text.js';
import type { Vocabulary } from './vocabulary.js';

/** What the verdicts read besides the question: the snapshot's words and names, and the dictionaries. */
export interface ElsewhereContext {
  readonly vocabulary: Vocabulary;
  readonly aliases: AliasTable;
  /** The word vectors of semantic search: the dictionary names are unknown to; undefined when it is off. */
  readonly words: WordVectors | undefined;
  /** English words to read a misspelling as (the word vectors, or the lexical-only dictionary). */
  readonly dictionary: WordVectors | undefined;
}

/**
 * Fewest letters of an unmatched word that no dictionary knows for it to count as a name the case
 * does not know (`namesUnknown`): shorter ones are mostly chat shorthand ("smth", "pls", "rn").
 */
const MIN_NAME_LETTERS = 5;
/** Completions of an unfinished word looked at for an entity's name (`namesEntityMisspelt`): the most frequent. */
const MISSPELT_NAME_COMPLETIONS = 3;

/**
 * Whether only facts covering the question's words may answer it (`wordsOnly` in hybrid.ts): when it
 * is about the asker's own things ("my …"), about the day's news or what is coming ("last week",
 * "the next launch", "will japan …"), about what someone said on a topic no fact mentions
 * ({@link talksOfOtherTopic}), about a measure of a state or a court no fact reports
 * ({@link asksUnreportedMeasure}), what a term no fact mentions is ({@link definesUnknownTerm}) or
 * about another incident by its name, even one named after the case's own ("the jaxa h3 rocket launch":
 * {@link namesOtherIncident}); or when — naming no entity of the case — it asks advice for the
 * asker ("how do i …", どうすればいい), names something the case does not know ({@link namesUnknown},
 * {@link writesUnknownName}) or who was hacked ({@link hacksOther}). (A question about a kind of
 * thing in general is stricter still: see `questionOnly` in `FactIndex.search`.)
 */
export function wantsWords(
  text: string,
  plan: QueryPlan,
  lexical: LexicalResult,
  context: ElsewhereContext,
  caseId: string | undefined,
): boolean {
  if (
    isAboutAsker(text) ||
    asksCurrentNews(text) ||
    talksOfOtherTopic(text, lexical) ||
    namesOtherIncident(text, lexical) ||
    asksUnreportedMeasure(text, lexical) ||
    definesUnknownTerm(text, lexical)
  )
    return true;
  if (namesEntity(plan)) return false;
  const elsewhere =
    asksAdvice(text) ||
    namesUnknown(lexical, context.words) ||
    hacksOther(text, lexical) ||
    (plan.units.length <= MAX_UNITS_NAME_DECIDES && writesUnknownName(text, lexical));
  return elsewhere && !namesEntityMisspelt(plan, context, caseId);
}

/**
 * Whether the question names a country or region no fact mentions ("did tick also hack companies
 * in south korea", "what did the US government say about the jaxa hack", 台湾周辺の演習, "are north
 * korean hackers going after japanese companies"), or places outside the case's ("companies outside
 * japan"): it asks about that place. A place is the facts' when they write every word of its
 * English name (Japan, China; not "united states" for "unit" and "state"). Not a place offered as
 * the other choice to one of the facts' ({@link offeredAsChoice}).
 */
export function namesOtherPlace(text: string, vocabulary: Vocabulary): boolean {
  const isOther = (name: string): boolean =>
    name
      .toLowerCase()
      .split(/\s+/)
      .some((word) => !vocabulary.writes(word));
  const others = namedPlaces(text).filter(isOther);
  if (others.length === 0) return false;
  const offered = offeredAsChoice(text, vocabulary);
  return others.some((name) => !offered.has(name));
}

/** "X or Y": the one or two words on each side of "or". */
const CHOICE = /(\p{L}+(?:\s+\p{L}+)?)\s+or\s+(\p{L}+(?:\s+\p{L}+)?)/gu;
/** A people's adjective as the facts write them: Chinese, Japanese (the places' own names are read by `namedPlaces`). */
const PEOPLE_ADJECTIVE = /(?:ese|ian|an|i)$/i;

/**
 * The places offered as the other choice to a place or people of the facts: "is the hacking group
 * chinese or north korean", "was it north korea or china". Such a question asks which one it was —
 * the case's question — not about the other place.
 */
function offeredAsChoice(text: string, vocabulary: Vocabulary): ReadonlySet<string> {
  const offered = new Set<string>();
  const isFactsPlace = (word: string): boolean =>
    vocabulary.writes(word.toLowerCase()) && (PEOPLE_ADJECTIVE.test(word) || namedPlaces(word).length > 0);
  for (const [, before = '', after = ''] of text.matchAll(CHOICE)) {
    if (isFactsPlace(before.split(/\s+/).at(-1) ?? '')) for (const name of namedPlaces(after)) offered.add(name);
    if (isFactsPlace(after.split(/\s+/)[0] ?? '')) for (const name of namedPlaces(before)) offered.add(name);
  }
  return offered;
}

/**
 * Whether a misspelt or unfinished word of the question, read as the word the facts use, is the
 * name of an entity of the case ("how can i learn more about the jaxaa hack", "… the jaxs hack":
 * JAXA): it names the case as surely as the name spelt out would.
 */
function namesEntityMisspelt(plan: QueryPlan, context: ElsewhereContext, caseId: string | undefined): boolean {
  const { vocabulary, aliases, dictionary } = context;
  if (dictionary === undefined) return false;
  const readAs = [...correctedWords(plan, vocabulary, dictionary).values()];
  for (const unit of plan.units) {
    // Known only as the start of a fact word (*jaxs* reads as *jax*, the start of *jaxa*).
    if (unit.kind === 'term' && unit.known && unit.leaf.prefix && vocabulary.df(unit.leaf.term) === 0)
      readAs.push(...vocabulary.complete(unit.leaf.term, MISSPELT_NAME_COMPLETIONS));
  }
  return readAs.some((word) => {
    const term = normalizeTerm(word);
    return term !== null && aliases.match([term], caseId).length > 0;
  });
}

/**
 * Whether a word of the question that no fact matched is no English word either: a name the case
 * does not know ("what happened with the kadokawa ransomware attack", "who was behind the
 * solarwinds hack"). Such a question asks about that other thing; the facts matching the rest of
 * it ("attack", "hack") are not an answer. Only words of {@link MIN_NAME_LETTERS} letters or more,
 * Latin letters only (not "nah", "pls", "apt10"), not one edit away from an English word (a
 * misspelling: "was the data stollen"), and only with semantic search on (the word vectors are the
 * dictionary); a misspelt fact word is matched by typo tolerance, so never unmatched.
 */
export function namesUnknown(lexical: LexicalResult, words: WordVectors | undefined): boolean {
  if (words === undefined) return false;
  return lexical.unmatched.some(
    (unit) =>
      unit.kind === 'term' &&
      unit.leaf.surface.length >= MIN_NAME_LETTERS &&
      /^[a-z]+$/.test(unit.leaf.surface) &&
      !words.knows(unit.leaf.surface) &&
      !words.nearKnown(unit.leaf.surface) &&
      !isCompound(unit.leaf.surface, words),
  );
}

/**
 * A measure a state, a court or an employer takes, which a case's facts may or may not report:
 * sanctions, extradition, summoning an ambassador, a protest, an indictment, a conviction, charges,
 * a warrant, expulsion, prosecution, retaliation; firing, disciplining, a resignation, a lawsuit, a
 * fine, an apology. Not an arrest: members ask "was he arrested" of every suspect, and the
 * facts saying he is sought, or has left, answer it. In the development sets 40 off-topic questions
 * and one judged one ("was anyone charged or arrested?") name one the facts do not.
 */
const STATE_MEASURE =
  /^(?:sanction(?:s|ed|ing)?|extradit(?:e|ed|es|ing|ion)|summon(?:s|ed|ing)?|ambassadors?|protests?|indict(?:s|ed|ing|ments?)?|convict(?:s|ed|ions?)?|charged|charges|warrants?|expel(?:s|led|ling)?|prosecut(?:e|ed|es|ing|ion|ors?)|retaliat(?:e|ed|es|ing|ion)|fired|disciplined|resign(?:s|ed|ation)?|sued|lawsuits?|fined|apologi[sz](?:e|ed|es)|apology)$/i;

/**
 * Whether the question asks about a measure of a state or a court ({@link STATE_MEASURE}) that no
 * fact reports ("did japan summon the chinese ambassador", "has an arrest warrant been issued for
 * wang"): it asks about that measure. Not when it asks about an arrest as well ("was anyone charged
 * or arrested?"): the facts on the search for the suspect answer that.
 */
function asksUnreportedMeasure(text: string, lexical: LexicalResult): boolean {
  if (/\barrest(?:s|ed)?\b(?!\s+warrants?)/i.test(text)) return false;
  return unmatchedWords(lexical).some((word) => STATE_MEASURE.test(word));
}

/**
 * A term asked to be defined, bare: "what is ransomware", "whats phishing", "what are iocs" (not "what
 * is the motive", "what's this about", "what's up with …": a definite thing of the conversation, or
 * chat).
 */
const DEFINITION =
  /^\s*(?:(?:so|wait|ok|okay|and|sorry|hey|hi|um|uh)[,\s]+)*(?:what|wat|wht)(?:\s+(?:is|are)|['’]?s)\s+(?!(?:the|a|an|this|that|these|those|his|her|their|its|it|he|she|they|going|happening|up|with|wrong|next|new|so)\b)([a-z0-9][a-z0-9 '’-]*?)\s*\?*\s*$/i;

/**
 * Whether the question asks what a term is ({@link DEFINITION}) that no fact mentions — every word
 * of it unmatched: a definition of it is none of the case's facts ("what is ransomware"). A term of
 * the case ("what is tick") is matched.
 */
function definesUnknownTerm(text: string, lexical: LexicalResult): boolean {
  const term = DEFINITION.exec(text)?.[1];
  if (term === undefined) return false;
  const unmatched = new Set(unmatchedWords(lexical));
  const words = (term.toLowerCase().match(/[a-z0-9]+/g) ?? []).filter((word) => normalizeTerm(word) !== null);
  return words.length > 0 && words.every((word) => unmatched.has(word));
}

/** Whether the question names who was hacked ({@link hackedWords}) by a word no fact matched: "did china ever hack nasa". */
function hacksOther(text: string, lexical: LexicalResult): boolean {
  const unmatched = new Set(unmatchedWords(lexical));
  return hackedWords(text).some((word) => unmatched.has(word));
}

/**
 * Whether a word naming the incident a question asks about ({@link incidentNameWords},
 * {@link incidentNamePhrases}) matched no fact: "who was behind the sony pictures hack", "that
 * japanese pension data leak, how many people got hit", 年金機構の情報漏えいは何件. The facts matching
 * the rest ("hack", "data leak", 情報漏えい) are about another incident.
 */
function namesOtherIncident(text: string, lexical: LexicalResult): boolean {
  const named = incidentNameWords(text);
  const phrases = incidentNamePhrases(text);
  if (named.length === 0 && phrases.length === 0) return false;
  const unmatched = unmatchedWords(lexical);
  const words = new Set(unmatched);
  return named.some((word) => words.has(word)) || phrases.some((phrase) => unmatched.some((word) => phrase.includes(word)));
}

/**
 * Whether the question asks what someone said about a topic no fact mentions
 * ({@link statementTopicWords}: every word of it unmatched): "what did the chinese foreign ministry
 * say about the fukushima water release", "what has wang wenbin said about taiwan". The facts matching
 * the speaker are about what was said in the case, not about that.
 */
function talksOfOtherTopic(text: string, lexical: LexicalResult): boolean {
  const topic = statementTopicWords(text);
  if (topic.length === 0) return false;
  const unmatched = new Set(unmatchedWords(lexical));
  return topic.every((word) => unmatched.has(word));
}

/**
 * A number that names one time or thing rather than counts: a year as members write one
 * (1900–2099), any number of five digits or more ("unit 61398"), or letters run into digits, three
 * characters or more ("APT10", "win11", "m365") — not digits first: an ordinal, a decade, a count or
 * a term ("3rd", "90s", "10k", "0days", "2fa"); nor two characters: jargon as often as a name ("c2"
 * for command and control).
 */
const NAMING_NUMBER = /^(?:(?:19|20)\d\d|\d{5,}|(?=[a-z\d]{3})[a-z]+\d+[a-z\d]*)$/;
/** Chat spellings with a digit for a sound ("evry1", "some1", "gr8", "l8r"): words, not names. */
const CHAT_DIGIT_WORD = /^(?:(?:some|sum|any|every|evry|no|ne)1|gr8|l8r|w8|m8|h8|str8)$/;

/**
 * The years, or things named by a number, that the question names and no fact mentions ("what
 * happened with the mitsubishi electric breach in 2020", "what is PLA Unit 61398", "what is APT10"):
 * such a question asks about another time or thing than the case's, whatever else it names — unless
 * it checks a claim (see `withoutClaimedNumbers`).
 */
export function otherNumbers(lexical: LexicalResult): readonly string[] {
  return lexical.unmatched.flatMap((unit) =>
    unit.kind === 'term' && NAMING_NUMBER.test(unit.leaf.surface) && !CHAT_DIGIT_WORD.test(unit.leaf.surface) ? [unit.leaf.surface] : [],
  );
}

/**
 * The most units a question may have for a written name it holds to decide what it is about
 * ({@link writesUnknownName}). In a short question the name is the topic ("has NASA ever been hacked
 * by china", "who was behind the Kadokawa niconico hack": 3–8 units in the development sets); in a
 * long one it may be a detail — where the member heard it ("my mom saw on NHK that …"), a title
 * ("Mr Kato"), another name for what the case knows ("the PRC"): 11–12 units.
 */
const MAX_UNITS_NAME_DECIDES = 9;

/**
 * Fewest letters of a word in capitals for it to be written as a name (NASA, LDP): two capitals are
 * as often a common abbreviation (SE for systems engineer, IT, PR).
 */
const MIN_CAPITALS = 3;

/** Words as typed, with where each starts: `[A-Za-z]` runs (and digits after the first letter). */
const TYPED_WORD = /[A-Za-z][A-Za-z0-9]*/g;

/**
 * Whether a word no fact matched is written as a name: in capitals ("has NASA ever been hacked by
 * china") or capitalised inside a sentence ("what is Volt Typhoon"). Lower-case typing says
 * nothing, and a capital at the start of a sentence, or "I", is grammar. Such a word names
 * something the case does not know, as an unknown word does ({@link namesUnknown}), even
 * when it is also an English word.
 */
function writesUnknownName(text: string, lexical: LexicalResult): boolean {
  const unmatched = new Set(lexical.unmatched.flatMap((unit) => (unit.kind === 'term' ? [unit.leaf.surface] : [])));
  if (unmatched.size === 0) return false;
  for (const match of text.matchAll(TYPED_WORD)) {
    const word = match[0];
    if (word === 'I' || !/^[A-Z]/.test(word)) continue;
    const before = text.slice(0, match.index).trimEnd();
    const startsSentence = before.length === 0 || /[.?!:;"'“‘([]$/.test(before);
    const capitals = word === word.toUpperCase() && /[A-Z]{2}/.test(word);
    if (capitals && word.length < MIN_CAPITALS) continue;
    if ((capitals || !startsSentence) && unmatched.has(word.toLowerCase())) return true;
  }
  return false;
}

/** A word in Latin letters and the word after it: "wang yi" in "who is wang yi". */
const WORD_PAIR = /(?=\b([a-z]+)\s+([a-z]+)\b)/g;

/** Fewest letters of a given name written before the surname ({@link namesOtherPerson}). */
const MIN_GIVEN_NAME_BEFORE = 3;

/** Words that make a surname a business's name ("wang laboratories", "wang computers"). */
const BUSINESS_NAME_WORDS: ReadonlySet<string> = new Set([
  'laboratories',
  'labs',
  'lab',
  'computers',
  'computer',
  'inc',
  'corp',
  'corporation',
  'electronics',
  'motors',
  'bank',
  'foods',
  'restaurant',
  'industries',
  'holdings',
  'technologies',
]);

/**
 * Whether the question names another person of a surname the facts write: a Chinese surname in
 * pinyin followed by a given name no fact matched, one or two pinyin syllables and no English word
 * ("who is wang yi", "wang yibo new drama"), a Japanese surname in romaji followed by a romaji given
 * name ("who was kato kiyomasa"), or either after a given name in the Western order, no fact's and
 * no English word ("who is alexandr wang"); not "wang wenbin" nor "katsunobu kato", whom the facts
 * name, nor "wang arrested?". The word vectors do not know the given name, so the question reads as
 * "who is wang" — a moderator's own question of the case's Wang: no fact answers it. So does a
 * business named after the surname ("what happened to wang laboratories"), when no fact matched its
 * word.
 */
export function namesOtherPerson(text: string, lexical: LexicalResult, context: ElsewhereContext): boolean {
  const { dictionary, vocabulary } = context;
  const unmatched = new Set(unmatchedWords(lexical));
  const isSurname = (word: string): boolean => (PINYIN_SURNAMES.has(word) || ROMAJI_SURNAMES.has(word)) && vocabulary.writes(word);
  const unknownName = (word: string): boolean => unmatched.has(word) && dictionary?.knows(word) !== true;
  const givenName = (surname: string, word: string): boolean =>
    PINYIN_SURNAMES.has(surname) ? pinyinGivenName(word) : romajiGivenName(word);
  for (const [, first = '', second = ''] of text.toLowerCase().matchAll(WORD_PAIR)) {
    if (isSurname(first) && unknownName(second) && givenName(first, second)) return true;
    if (isSurname(first) && unmatched.has(second) && BUSINESS_NAME_WORDS.has(second)) return true;
    if (isSurname(second) && unknownName(first) && first.length >= MIN_GIVEN_NAME_BEFORE) return true;
  }
  return false;
}

/** Whether a question names an entity of the case (an alias group: JAXA, Kato, the PLA). */
export function namesEntity(plan: QueryPlan): boolean {
  return plan.units.some((unit) => unit.kind === 'alias' && unit.entity);
}

/** Fewest letters of each part of a compound word ({@link isCompound}). */
const MIN_COMPOUND_PART = 4;

/**
 * Whether `word` is two words the dictionary knows written as one ("cybersecurity", "timeframe"):
 * an English compound the word vectors lack, not a name. Parts of four letters or more, so that a
 * name is not read as two short words.
 */
function isCompound(word: string, words: WordVectors): boolean {
  for (let cut = MIN_COMPOUND_PART; cut <= word.length - MIN_COMPOUND_PART; cut++) {
    if (words.knows(word.slice(0, cut)) && words.knows(word.slice(cut))) return true;
  }
  return false;
}
