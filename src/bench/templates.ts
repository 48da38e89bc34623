import type { Rng } from './prng.js';
import type { Organisation, Person, Vocabulary } from './vocabulary.js';

/**
 * Sentence templates of the synthetic cases. One "event" (who did what to whom, where, when) is
 * written twice: as the source sentence a fact quotes, and as the fact's own wording, which
 * paraphrases it with mostly the same words — as a moderator's summary of a report does.
 */

export interface EnglishEvent {
  readonly kind: 'en';
  readonly person: Person;
  readonly role: string;
  readonly org: Organisation;
  readonly target: Organisation;
  readonly verb: string;
  readonly noun: string;
  readonly noun2: string;
  readonly adjective: string;
  readonly place: string;
  readonly month: string;
  readonly day: number;
  readonly year: number;
  readonly count: number;
}

export interface JapaneseEvent {
  readonly kind: 'ja';
  readonly surname: string;
  readonly org: string;
  readonly place: string;
  readonly noun: string;
  readonly verb: string;
  readonly year: number;
  readonly month: number;
  readonly count: number;
}

export type GeneratedEvent = EnglishEvent | JapaneseEvent;

/** A random event; ~`japaneseShare` of them Japanese. */
export function randomEvent(rng: Rng, vocab: Vocabulary, japaneseShare: number): GeneratedEvent {
  if (rng.chance(japaneseShare)) {
    return {
      kind: 'ja',
      surname: vocab.ja.surnames.sample(rng),
      org: vocab.ja.orgs.sample(rng),
      place: vocab.ja.places.sample(rng),
      noun: vocab.ja.nouns.sample(rng),
      verb: vocab.ja.verbs.sample(rng),
      year: rng.int(2012, 2024),
      month: rng.int(1, 12),
      count: rng.chance(0.5) ? rng.int(2, 60) : rng.int(100, 9000),
    };
  }
  let target = vocab.orgs.sample(rng);
  const org = vocab.orgs.sample(rng);
  if (target === org) target = vocab.orgs.sample(rng);
  return {
    kind: 'en',
    person: vocab.people.sample(rng),
    role: vocab.roles.sample(rng),
    org,
    target,
    verb: vocab.verbs.sample(rng),
    noun: vocab.nouns.sample(rng),
    noun2: vocab.nouns.sample(rng),
    adjective: vocab.adjectives.sample(rng),
    place: vocab.places.sample(rng),
    month: rng.pick(vocab.months),
    day: rng.int(1, 28),
    year: rng.int(2012, 2024),
    count: rng.chance(0.5) ? rng.int(2, 60) : rng.int(100, 9000),
  };
}

/** Mass nouns read wrong with an -s ("softwares"), so they are counted in records instead. */
const UNCOUNTABLE = new Set([
  'software',
  'data',
  'malware',
  'ransomware',
  'firmware',
  'evidence',
  'testimony',
  'surveillance',
  'reconnaissance',
  'espionage',
  'sabotage',
  'fraud',
  'theft',
  'encryption',
  'cryptocurrency',
  'footage',
  'forgery',
  'research',
]);

export function plural(noun: string): string {
  if (UNCOUNTABLE.has(noun)) return `${noun} records`;
  if (/(s|x|ch|sh)$/.test(noun)) return `${noun}es`;
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  return `${noun}s`;
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

type EnglishTemplate = (e: EnglishEvent) => string;
type JapaneseTemplate = (e: JapaneseEvent) => string;

const EN_SOURCE: readonly EnglishTemplate[] = [
  (e) =>
    `${e.person.full}, ${article(e.role)} ${e.role} at ${e.org.name}, said investigators ${e.verb} ${e.count} ${e.adjective} ${plural(e.noun)} linked to ${e.target.name} in ${e.place} on ${e.month} ${e.day}, ${e.year}.`,
  (e) =>
    `According to ${e.org.name}, the ${e.noun} used by ${e.target.name} was ${e.verb} from ${e.place} in ${e.month} ${e.year}, and ${e.count} ${plural(e.noun2)} were affected.`,
  (e) =>
    `On ${e.month} ${e.day}, ${e.year}, ${e.org.name} ${e.verb} ${article(e.adjective)} ${e.adjective} ${e.noun} belonging to ${e.target.name}, ${e.person.surname} told reporters in ${e.place}.`,
  (e) =>
    `Officials in ${e.place} reported that ${e.person.full} ${e.verb} the ${e.noun} of ${e.target.name} after ${article(e.noun2)} ${e.noun2} was found on ${e.count} machines.`,
  (e) =>
    `The ${e.role} ${e.person.full} is suspected to have ${e.verb} ${e.adjective} ${plural(e.noun)} of ${e.target.name} through ${e.org.name} between ${e.year} and ${e.year + 1}.`,
  (e) =>
    `${e.target.name} said in a statement that no ${e.noun2} had been ${e.verb}, although ${e.count} ${plural(e.noun)} in ${e.place} were examined by ${e.org.name}.`,
];

const EN_FACT: readonly EnglishTemplate[] = [
  (e) =>
    `${e.person.full} of ${e.org.name} said ${e.count} ${e.adjective} ${plural(e.noun)} linked to ${e.target.name} were ${e.verb} in ${e.place} in ${e.month} ${e.year}.`,
  (e) =>
    `${e.org.name} says a ${e.noun} of ${e.target.name} was ${e.verb} from ${e.place} in ${e.year}; ${e.count} ${plural(e.noun2)} were affected.`,
  (e) =>
    `In ${e.month} ${e.year} ${e.org.name} ${e.verb} ${article(e.adjective)} ${e.adjective} ${e.noun} of ${e.target.name}, according to ${e.person.full}.`,
  (e) =>
    `${e.person.full} ${e.verb} the ${e.noun} of ${e.target.name}, officials in ${e.place} said; ${article(e.noun2)} ${e.noun2} was found on ${e.count} machines.`,
  (e) =>
    `${e.person.full}, ${article(e.role)} ${e.role}, is suspected of having ${e.verb} ${e.adjective} ${plural(e.noun)} of ${e.target.name} via ${e.org.name} from ${e.year}.`,
  (e) => `${e.target.name} denies any ${e.noun2} was ${e.verb}; ${e.org.name} examined ${e.count} ${plural(e.noun)} in ${e.place}.`,
];

const JA_SOURCE: readonly JapaneseTemplate[] = [
  (e) => `${e.surname}氏によると、${e.org}は${e.year}年${e.month}月に${e.place}で${e.noun}を${e.verb}。`,
  (e) => `${e.org}は${e.year}年${e.month}月、${e.place}の${e.noun}${e.count}件を${e.verb}と明らかにした。`,
  (e) => `捜査関係者によれば、${e.surname}容疑者は${e.place}で${e.noun}を${e.verb}疑いがある。`,
];

const JA_FACT: readonly JapaneseTemplate[] = [
  (e) => `${e.org}は${e.year}年${e.month}月、${e.place}で${e.noun}を${e.verb}と${e.surname}氏が述べた。`,
  (e) => `${e.year}年${e.month}月に${e.org}が${e.place}の${e.noun}${e.count}件を${e.verb}。`,
  (e) => `${e.surname}容疑者は${e.place}で${e.noun}を${e.verb}疑いが持たれている。`,
];

/** The sentence of a source document that states `event` (template chosen by `variant`). */
export function sourceSentence(event: GeneratedEvent, variant: number): string {
  if (event.kind === 'ja') return pickTemplate(JA_SOURCE, variant)(event);
  return pickTemplate(EN_SOURCE, variant)(event);
}

/** A fact's wording of `event`; `variant` should match the quoted sentence's so the two share words. */
export function factText(event: GeneratedEvent, variant: number): string {
  if (event.kind === 'ja') return pickTemplate(JA_FACT, variant)(event);
  return pickTemplate(EN_FACT, variant)(event);
}

/**
 * Questions a moderator would write for a fact of `event` (`questions:`), in the members' words
 * rather than the fact's: two per fact, in the fact's language.
 */
export function factQuestions(event: GeneratedEvent): string[] {
  if (event.kind === 'ja') return [`${event.surname}容疑者は何をしたの`, `${event.org}の${event.noun}はどうなったの`];
  return [`what did ${event.person.surname} do to the ${event.noun}`, `was ${event.target.acronym} hit in ${event.place}`];
}

/** How many templates there are for the event's language. */
export function variantCount(event: GeneratedEvent): number {
  return event.kind === 'ja' ? JA_SOURCE.length : EN_SOURCE.length;
}

function pickTemplate<T>(templates: readonly T[], variant: number): T {
  const template = templates[variant % templates.length];
  if (template === undefined) throw new Error('no template');
  return template;
}
