/**
 * From a query string to a plan: the units the user asked for (a word, or an alias group), each
 * with the cheapest matching that can still find it, and how well a search result covers them.
 */
import { termsOf, type Term } from './analyze.js';
import type { AliasTable, AliasName } from './aliases.js';
import { fuzzyDistanceFor } from './edit-distance.js';
import type { Vocabulary } from './vocabulary.js';
import type { Dictionary } from './types.js';
import { hasJapanese, QUESTION_WORDS as JAPANESE_QUESTION_WORDS, type Glossary } from './japanese/translate.js';
import { NO_SPACE_SCRIPT } from './text.js';
import { wordsOf } from './semantic/embedding-words.js';
import { findIdioms, replaceIdioms, type IdiomMatch } from './idioms.js';
import { ASKS_ONE_THING, withoutFrames, withoutJapaneseFrames, withoutRemark } from './frames.js';
import { CHINESE_SURNAMES, HAN_SURNAME_BEFORE_PARTICLE, HAN_SURNAME_BEFORE_TITLE } from './japanese/chinese-surnames.js';
import type { SentenceWord } from './semantic/word-vectors.js';

/** Longer queries are cut: nobody types more, and the cost of a search grows with each term. */
export const MAX_QUERY_CHARS = 200;
export const MAX_UNITS = 12;
/** Other names of an alias group count a little less than the name the user typed. */
export const ALIAS_WEIGHT = 0.8;

export interface Leaf {
  readonly term: string;
  readonly surface: string;
  readonly prefix: boolean;
  /**
   * The word is a whole English word: a completion of its prefix may only add an ending ("attack" →
   * "attackers"), never make another word ("line", stem "lin", is no start of "linked").
   */
  readonly endingsOnly: boolean;
  /** Maximum edit distance; 0 = no typo tolerance. */
  readonly fuzzy: number;
}

export type Unit =
  | { readonly kind: 'term'; readonly leaf: Leaf; readonly known: boolean }
  | {
      readonly kind: 'alias';
      readonly typed: string;
      readonly names: readonly { readonly name: AliasName; readonly boost: number }[];
      /** True for a case's alias group (a named entity); false for a Japanese word and its glosses. */
      readonly entity: boolean;
    };

export interface QueryPlan {
  readonly units: readonly Unit[];
  /** The words the question's sentence vector is made of (English; see semantic/embedding-words.ts). */
  readonly words: readonly SentenceWord[];
  /**
   * What the question-intent rules read ("who", "when", "how many", 結局): the query as typed, and
   * for a Japanese one its English reading as well.
   */
  readonly intentText: string;
}

/**
 * The case's entities `plan` names (its alias groups, not Japanese words with their glosses), each
 * as every name it goes by: "did jaxa say anything" → [["JAXA", "Japan Aerospace Exploration Agency", …]].
 */
export function entityNames(plan: QueryPlan): readonly (readonly string[])[] {
  return plan.units.flatMap((unit) => (unit.kind === 'alias' && unit.entity ? [unit.names.map(({ name }) => name.display)] : []));
}

/**
 * Splits a query into units: alias names (matched longest first) become one unit for the whole
 * group; every other term is a unit of its own. Duplicates are dropped and the count is capped.
 *
 * Typo tolerance is decided here, per term, because it is the expensive part: a term gets fuzzy
 * matching only when it has 4+ characters and nothing in the vocabulary equals or extends it.
 * Terms of 1–2 characters, numbers and CJK bigrams match exactly (bigrams) or by prefix only.
 *
 * @example
 * planQuery('jaxs hack', aliases, vocabulary).units
 * // => [{ kind: 'term', leaf: { term: 'jaxs', fuzzy: 1, … } }, { kind: 'term', leaf: { term: 'hack', prefix: true, … } }]
 */
export function planQuery(
  query: string,
  aliases: AliasTable,
  vocabulary: Vocabulary,
  caseId?: string,
  language: QueryLanguage = {},
): QueryPlan {
  const capped = query.slice(0, MAX_QUERY_CHARS);
  const { dictionary, glossary } = language;
  // A Japanese question: its alias names are found as they are, the rest is read into English words
  // by the glossary, and the Latin words around it (JAXA, PLA) take the ordinary path below.
  const japanese =
    glossary !== undefined && hasJapanese(capped) ? readJapanese(capped, aliases, glossary, caseId, dictionary, vocabulary) : undefined;
  const typed = japanese?.latin ?? capped;
  // "the 2016-17 campaign": two years, as the facts write them.
  const text = typed.replace(YEAR_RANGE, (_, first: string, century: string, last: string) => `${first} ${century}${last}`);
  // Idioms ("pulling the strings", "skip town") become units of their own, matching the idiom or its
  // plain words; the words around them take the ordinary path.
  const idioms = findIdioms(text);
  const plain = idioms.length === 0 ? text : replaceIdioms(text, idioms, () => ' ');
  // "this case", "my friend said …, is that right?", "…? need the years for my slide": words around
  // the question, no topic to look up (the sentence vector still reads them) — unless they are all the question has. Then, asking one thing ("when was the incident"), it asks
  // it of the case itself: no topic, and its vector reads "when was it".
  const framed = termsOf(withoutFrames(withoutRemark(plain)), 'query');
  const ofCaseItself = framed.length === 0 && ASKS_ONE_THING.test(plain);
  // (An idiom is a topic too: "timeframe of the campaign" asks when the attacks were.)
  const terms = framed.length > 0 || ofCaseItself || idioms.length > 0 ? framed : termsOf(plain, 'query');
  const matches = aliases.match(
    terms.map((t) => t.term),
    caseId,
  );
  const units: Unit[] = [];
  const seen = new Set<string>();
  const add = (key: string, unit: Unit): void => {
    if (seen.has(key) || units.length >= MAX_UNITS) return;
    seen.add(key);
    units.push(unit);
  };
  let next = 0;
  for (const match of [...matches, undefined]) {
    const until = match?.start ?? terms.length;
    for (; next < until; next++) {
      const term = terms[next];
      if (term !== undefined) add(`t:${term.term}`, termUnit(term, vocabulary, dictionary));
    }
    if (match === undefined) break;
    add(`a:${match.typed.terms.join(' ')}`, {
      kind: 'alias',
      entity: true,
      typed: match.typed.display,
      names: [{ name: match.typed, boost: 1 }, ...match.others.map((name) => ({ name, boost: ALIAS_WEIGHT }))],
    });
    next = match.end;
  }
  for (const idiom of idioms) add(`i:${idiom.typed.toLowerCase()}`, idiomUnit(idiom));
  // In the sentence vector an idiom speaks by its plain words.
  const plainSpoken = idioms.length === 0 ? text : replaceIdioms(text, idioms, (idiom) => ` ${idiom.plain.join(' ')} `);
  const spoken = ofCaseItself ? withoutFrames(plainSpoken, ' it ') : plainSpoken;
  if (japanese !== undefined) {
    for (const unit of japanese.units) add(`j:${unit.kind === 'alias' ? unit.typed : unit.leaf.term}`, unit);
    return {
      units,
      words: [...wordsOf(spoken), ...japanese.english, ...aliasWords(units)],
      // The Japanese itself too: 結局, 成功, 失敗 say how an attempt ended in no gloss the intents read.
      intentText: `${text} ${capped} ${japanese.english.join(' ')}`,
    };
  }
  return { units, words: [...wordsOf(spoken), ...aliasWords(units)], intentText: text };
}

/** A range of years written short: "2016-17", "2016–17" (the second year's century is the first's). */
const YEAR_RANGE = /\b(((?:19|20))\d\d)\s*[-–~]\s*(\d\d)\b/g;

/**
 * An idiom's unit: it matches the idiom's own words in one fact (a moderator's question may use it)
 * or any of its plain words, a little weaker (see `idioms.ts`).
 */
function idiomUnit(idiom: IdiomMatch): Unit {
  const names = [idiom.typed, ...idiom.plain]
    .map((display) => ({ display, terms: termsOf(display, 'query').map((t) => t.term) }))
    .filter((name) => name.terms.length > 0)
    .map((name, i) => ({ name, boost: i === 0 ? 1 : ALIAS_WEIGHT }));
  return { kind: 'alias', entity: false, typed: idiom.typed, names };
}

/**
 * How much all the words of one alias group's names weigh together in a question's sentence vector,
 * against 1 for each word the member typed. The names say what the entity is; the rest of the
 * question says what is asked about it. At full weight, the four words of "Japan Aerospace
 * Exploration Agency" outweighed the rest of any question naming JAXA ("when is jaxa's next rocket
 * launch" read as a question about JAXA, near the moderators' questions about the attack on it).
 * Chosen on the development questions (test/relevance/questions.yaml and blind.yaml). Of
 * blind.yaml's 116 off-topic questions, full weight answered 16, a share of 1 14, 0.75 12, 0.5 and
 * 0.25 11; 0.5 kept member hit@3, and cost 2 of 39 Japanese development questions.
 */
export const ALIAS_WORDS_SHARE = 0.5;

/**
 * The words of every Latin-script name of the alias groups the query names: the word vectors know
 * "aerospace" and "agency" but not "jaxa", so a name the model does not know still says what it is.
 * Each group's words share {@link ALIAS_WORDS_SHARE} between them.
 */
function aliasWords(units: readonly Unit[]): SentenceWord[] {
  const out: SentenceWord[] = [];
  for (const unit of units) {
    if (unit.kind !== 'alias' || !unit.entity) continue;
    const group = unit.names.flatMap(({ name }) => (NO_SPACE_SCRIPT.test(name.display) ? [] : wordsOf(name.display)));
    for (const word of group) out.push({ word, weight: ALIAS_WORDS_SHARE / group.length });
  }
  return out;
}

/** What a query needs besides the index: English words (no typo tolerance for them) and a Japanese glossary. */
export interface QueryLanguage {
  readonly dictionary?: Dictionary | undefined;
  readonly glossary?: Glossary | undefined;
}

/** How much the head word of a compound gloss counts, against the gloss itself. */
const HEAD_WEIGHT = 0.6;
/** Glosses per Japanese word that become alternatives of its unit (the first is the most common sense). */
const GLOSSES_PER_WORD = 3;

/**
 * A Japanese question as units: each alias name found in it (`宇宙航空研究開発機構`, `人民解放軍`), then
 * each content word the glossary read, matching either the word itself (its bigrams, for Japanese
 * facts) or one of its English glosses. `latin` is the query with its Japanese runs blanked out.
 */
function readJapanese(
  text: string,
  aliases: AliasTable,
  glossary: Glossary,
  caseId: string | undefined,
  dictionary: Dictionary | undefined,
  vocabulary: Vocabulary,
): { latin: string; units: Unit[]; english: string[] } {
  const folded = text.normalize('NFKC');
  const found = aliases.findNamesIn(folded, caseId);
  let rest = folded;
  const units: Unit[] = [];
  for (const match of found) {
    rest = rest.split(match.typed.display.normalize('NFKC')).join(' ');
    units.push({
      kind: 'alias',
      entity: true,
      typed: match.typed.display,
      names: [{ name: match.typed, boost: 1 }, ...match.others.map((name) => ({ name, boost: ALIAS_WEIGHT }))],
    });
  }
  // ワンさん, ワン氏, ワン容疑者: a katakana word before an honorific is a person's name, spelt in
  // Latin letters as the case's aliases spell that part (ワン・ウェンビン = Wang Wenbin: "wang").
  rest = rest.replace(NAME_BEFORE_HONORIFIC, (name: string) => {
    const latin = aliases.latinNamePart(name, caseId);
    return latin === undefined ? name : ` ${latin} `;
  });
  // 王容疑者, 王氏, 王という男: a Chinese surname in kanji before a title is that name, not its
  // Japanese sense (王 "king"), spelt as English news spells it (chinese-surnames.ts).
  rest = rest.replace(HAN_SURNAME_BEFORE_TITLE, (name: string) => ` ${CHINESE_SURNAMES.get(name) ?? name} `);
  // 王は誰に指示されたの: before a particle, only a surname the facts write is read as one.
  rest = rest.replace(HAN_SURNAME_BEFORE_PARTICLE, (name: string) => {
    const latin = CHINESE_SURNAMES.get(name);
    return latin !== undefined && vocabulary.writes(latin) ? ` ${latin} ` : name;
  });
  // この事件, 例の件: the case named as itself is no topic — unless it is all the question has (Latin
  // words such as JAXA count) and it asks no one thing of it (この件について教えて: the overview).
  const framed = glossary.read(withoutJapaneseFrames(rest));
  const topic = framed.words.length > 0 || units.length > 0 || /[\p{sc=Latin}\p{Nd}]/u.test(rest);
  const reading = topic || ASKS_ONE_THING.test(folded) ? framed : glossary.read(rest);
  const english: string[] = [];
  for (const word of reading.words) {
    const glosses = (glossary.lookup(word) ?? []).slice(0, GLOSSES_PER_WORD);
    const names = [
      { display: word, terms: termsOf(word, 'query').map((t) => t.term) },
      ...glosses.map((g) => ({ display: g, terms: termsOf(g, 'query').map((t) => t.term) })),
    ];
    const weighted = names.filter((n) => n.terms.length > 0).map((name, i) => ({ name, boost: i <= 1 ? 1 : ALIAS_WEIGHT }));
    // An English compound gloss names its head last ("information leak", "press officer"): the head
    // alone also stands for the word, a little weaker, when facts word the compound differently.
    for (const { name } of [...weighted]) {
      const head = name.terms.length > 1 ? name.terms[name.terms.length - 1] : undefined;
      if (head !== undefined && !weighted.some((w) => w.name.terms.length === 1 && w.name.terms[0] === head)) {
        weighted.push({ name: { display: name.display.split(/\s+/).pop() ?? head, terms: [head] }, boost: HEAD_WEIGHT });
      }
    }
    if (weighted.length === 0) continue;
    units.push({ kind: 'alias', entity: false, typed: word, names: weighted });
    // The first gloss is the word's most common sense: it speaks for the word in the sentence vector
    // — unless the vectors know none of its words: then the next that they know (サイバー攻撃 is
    // "cyberattack", a word they lack, then "cyber attack").
    const spoken = glosses.find((gloss) => dictionary === undefined || wordsOf(gloss).some((word) => dictionary.has(word))) ?? glosses[0];
    if (spoken !== undefined) english.push(...wordsOf(spoken));
  }
  // Question words ("who", "how many"): they carry the question's intent.
  for (const word of reading.english) if (QUESTION_WORDS.has(word) && !english.includes(word)) english.push(word);
  const latin = rest.replace(/[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}ー々〆〇]+/gu, ' ');
  return { latin, units, english };
}

/** A katakana word (not part of a longer one) right before an honorific or a title: ワン in ワンさん. */
const NAME_BEFORE_HONORIFIC = /(?<![\p{sc=Katakana}ー・])[\p{sc=Katakana}ー]+(?=さん|氏|容疑者|被告|様|くん|君|ちゃん)/gu;

/** The English words the glossary gives for Japanese question words (誰 → who, 何社 → how many companies). */
const QUESTION_WORDS: ReadonlySet<string> = new Set([...JAPANESE_QUESTION_WORDS.values()].flat());

function termUnit(term: Term, vocabulary: Vocabulary, dictionary: Dictionary | undefined): Unit {
  const length = [...term.term].length;
  const numeric = /^\d+$/.test(term.term);
  const prefix = !term.bigram && length >= 3;
  const known = vocabulary.known(term.term, prefix);
  // A real English word the facts do not use ("quit", "stolen") is not a typo of one they do use
  // ("quote", "sold"): it gets no typo tolerance, and meaning (semantic search) answers for it.
  const word = dictionary?.has(term.surface) === true;
  const fuzzy = known || word || term.bigram || numeric ? 0 : fuzzyDistanceFor(term.term);
  return { kind: 'term', leaf: { term: term.term, surface: term.surface, prefix, endingsOnly: word, fuzzy }, known };
}
