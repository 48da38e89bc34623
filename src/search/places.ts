/**
 * Countries and regions a question names, in English or Japanese ("did tick hack companies in south
 * korea", "what did the US government say", 台湾周辺の演習). The names come from the runtime's own
 * ICU data (`Intl.DisplayNames`, long and short forms, English and Japanese), so no list is kept
 * here but the few common names ICU lacks and the names that are also ordinary words.
 *
 * A question naming a place no fact of the case mentions asks about that place, not the case:
 * `FactIndex` then lets only a moderator's same question answer it (`questionOnly` in hybrid.ts).
 */
import { escapeRegExp } from './text.js';

/** Common names ICU does not list as a region's name. */
const EXTRA_NAMES: ReadonlyMap<string, string> = new Map([
  ['america', 'United States'],
  ['usa', 'United States'],
  ['u.s.', 'United States'],
  ['u.s.a.', 'United States'],
  ['britain', 'United Kingdom'],
  ['great britain', 'United Kingdom'],
  ['england', 'United Kingdom'],
  ['turkey', 'Türkiye'],
  ['korea', 'South Korea'],
  ['米国', 'United States'],
  ['米国政府', 'United States'],
  // Continents and regions no region code names (not Asia: the case is in it).
  ['europe', 'Europe'],
  ['africa', 'Africa'],
  ['middle east', 'Middle East'],
  ['south america', 'South America'],
  ['latin america', 'Latin America'],
  ['oceania', 'Oceania'],
  ['ヨーロッパ', 'Europe'],
  ['欧州', 'Europe'],
]);

/**
 * "us" in lower case where it can only be the country: "the us", "us gov", "the us navy" (members
 * rarely type the capitals; "tell us" and "for us" stay words).
 */
const LOWER_CASE_US =
  /\bthe\s+us\b|\bus\s+(?:gov|govt|government|military|army|navy|officials?|companies|firms|agencies|state\s+department)\b/i;

/**
 * Places other than a country named, in so many words: "companies outside japan", "in other
 * countries" (not "abroad", "overseas", 海外: members ask whether the engineer fled abroad).
 */
const ELSEWHERE = /\boutside\s+(?:of\s+)?(?:japan|china)\b|\bother\s+countries\b/i;

/** Region names that are mostly other words in a chat ("jordan", "chad", "jersey", "guinea pig"). */
const ORDINARY_WORDS: ReadonlySet<string> = new Set(['jordan', 'chad', 'jersey', 'guinea', 'georgia', 'niger', 'sark', 'turkey']);

/**
 * Endings that make a place's name its people's adjective: Korea → Korean, Russia → Russian, Taiwan
 * → Taiwanese, Iran → Iranian, Israel → Israeli ("are north korean hackers going after japanese
 * companies" names North Korea). Adjectives formed otherwise (Chinese, French) are not read.
 */
const DEMONYM_ENDINGS: readonly string[] = ['ian', 'ese', 'an', 'n', 'i'];

/** ISO 3166 letters, AA–ZZ; codes with no region name come back from ICU as the code itself. */
function regionCodes(): string[] {
  const codes: string[] = [];
  for (let a = 65; a <= 90; a++) for (let b = 65; b <= 90; b++) codes.push(String.fromCharCode(a, b));
  return codes;
}

interface PlaceNames {
  /** Lower-cased English names and Japanese names → the region's English name. */
  readonly byName: ReadonlyMap<string, string>;
  /** Upper-case abbreviations (US, UK, UN), matched only as typed in capitals: "us" is a word. */
  readonly byAbbreviation: ReadonlyMap<string, string>;
  /** Every name, longest first, as one alternation (English names on word boundaries). */
  readonly pattern: RegExp;
}

/**
 * Built once (about 40 ms: ~250 regions × 4 forms), then only read: by {@link preparePlaceNames}
 * when the language data loads, so that no member's question waits for it.
 */
let names: PlaceNames | undefined;

function placeNames(): PlaceNames {
  if (names !== undefined) return names;
  const byName = new Map<string, string>();
  const byAbbreviation = new Map<string, string>();
  const english = new Intl.DisplayNames(['en'], { type: 'region' });
  for (const code of regionCodes()) {
    const name = english.of(code);
    // Unassigned codes echo back; test regions are "Pseudo-Accents"; "Hong Kong SAR China" has a short form.
    if (name === undefined || name === code || name.startsWith('Pseudo') || name.includes(' SAR ')) continue;
    for (const style of ['long', 'short'] as const) {
      for (const locale of ['en', 'ja']) {
        const shown = new Intl.DisplayNames([locale], { type: 'region', style }).of(code);
        if (shown === undefined || shown.includes('(')) continue;
        if (/^[A-Z]{2,3}$/.test(shown)) byAbbreviation.set(shown, name);
        else if (!ORDINARY_WORDS.has(shown.toLowerCase())) byName.set(shown.toLowerCase(), name);
      }
    }
  }
  for (const [extra, name] of EXTRA_NAMES) byName.set(extra, name);
  const all = [...byName.keys(), ...byAbbreviation.keys()].sort((a, b) => b.length - a.length);
  const latin = all.filter((n) => /^[\p{sc=Latin}\s.'’&-]+$/u.test(n));
  const katakana = all.filter((n) => /^[\p{sc=Katakana}ー・]+$/u.test(n));
  const other = all.filter((n) => !latin.includes(n) && !katakana.includes(n));
  // Latin names on word boundaries ("oman" is not in "woman"), or as their people's adjective
  // ({@link DEMONYM_ENDINGS}); katakana names not inside a longer katakana word (インド is not in
  // ウインドウ); kanji names anywhere (韓国人, 台湾周辺).
  const pattern = new RegExp(
    [
      `(?<![\\p{L}\\p{N}])(?:${alternation(latin)})(?:${DEMONYM_ENDINGS.join('|')})?(?![\\p{L}\\p{N}])`,
      `(?<![\\p{sc=Katakana}ー])(?:${alternation(katakana)})(?![\\p{sc=Katakana}ー])`,
      `(?:${alternation(other)})`,
    ].join('|'),
    'giu',
  );
  names = { byName, byAbbreviation, pattern };
  return names;
}

/** Builds the place names now rather than on the first question that needs them. */
export function preparePlaceNames(): void {
  placeNames();
}

function alternation(names: readonly string[]): string {
  return names.map(escapeRegExp).join('|');
}

/**
 * The English names of the countries and regions `text` names, each once: any letter case for names
 * ("taiwan", "South Korea", 韓国), capitals only for abbreviations ("US", "UK": "us" is a word) but
 * for "the us" and "us gov"; "elsewhere" for "outside japan", "other countries".
 *
 * @example
 * namedPlaces('did tick also hack companies in South Korea?') // => ['South Korea']
 * namedPlaces('what did the US government say') // => ['United States']
 * namedPlaces('tell us more') // => []
 */
export function namedPlaces(text: string): readonly string[] {
  const { byName, byAbbreviation, pattern } = placeNames();
  const found = new Set<string>();
  for (const [match] of text.normalize('NFKC').matchAll(pattern)) {
    const name = byAbbreviation.get(match) ?? byName.get(match.toLowerCase()) ?? placeOfDemonym(match.toLowerCase(), byName);
    if (name !== undefined) found.add(name);
  }
  if (LOWER_CASE_US.test(text)) found.add('United States');
  if (ELSEWHERE.test(text)) found.add('elsewhere');
  return [...found];
}

/** The place whose people's adjective `word` is ({@link DEMONYM_ENDINGS}), if any: "north korean" → North Korea. */
function placeOfDemonym(word: string, byName: ReadonlyMap<string, string>): string | undefined {
  for (const ending of DEMONYM_ENDINGS) {
    const name = word.endsWith(ending) ? byName.get(word.slice(0, -ending.length)) : undefined;
    if (name !== undefined) return name;
  }
  return undefined;
}
