/**
 * A deliberately light English stemmer: plurals, -ed, -ing, a final -e and a doubled final
 * consonant. It is not Porter; it only has to map the forms people actually type for the same
 * word onto one key, the same way for the index and for queries (`cancelled`/`canceled`/`cancel`,
 * `leaked`/`leaks`/`leak`, `purchasing`/`purchased`/`purchase`). Over-stemming is harmless as long
 * as it is consistent, so the rules favour simplicity over linguistic accuracy.
 *
 * @param word  A lowercase word of ASCII letters (anything else is returned unchanged).
 * @example
 * stemEnglish('cancelled') // => 'cancel'
 * stemEnglish('companies') // => 'company'
 * stemEnglish('purchasing') // => 'purchas'
 */
export function stemEnglish(word: string): string {
  if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word;
  let s = stripPlural(word);
  s = stripVerbEnding(s);
  // One key for `purchase`/`purchas(ed|ing)`: the -e is what -ed/-ing removed.
  if (s.length >= 4 && s.endsWith('e')) s = s.slice(0, -1);
  // `cancelled` → `cancell` → `cancel`; `stopped` → `stop`. `ss` stays (`access`).
  if (s.length >= 4 && /([b-df-hj-np-rtv-z])\1$/.test(s) && !s.endsWith('ss')) s = s.slice(0, -1);
  // The noun of a verb in -nd ends in -nse: `response`/`respond`, `defense`/`defend`, `expanse`/`expand`.
  if (s.length >= 6 && /[aeo]ns$/.test(s)) s = `${s.slice(0, -1)}d`;
  return s;
}

function stripPlural(s: string): string {
  if (s.endsWith('ies') && s.length > 4) return `${s.slice(0, -3)}y`;
  if (s.endsWith('sses')) return s.slice(0, -2);
  if (/(?:ch|sh|x|z)es$/.test(s)) return s.slice(0, -2);
  if (s.endsWith('s') && !/(?:ss|us|is)$/.test(s)) return s.slice(0, -1);
  return s;
}

function stripVerbEnding(s: string): string {
  if (s.endsWith('ied') && s.length > 4) return `${s.slice(0, -3)}y`;
  if (s.endsWith('eed')) return s.length > 4 ? s.slice(0, -1) : s;
  // The stem must keep a vowel and three letters, so `bred`, `string`, `bring` stay whole.
  if (s.endsWith('ed') && hasVowelStem(s.slice(0, -2))) return s.slice(0, -2);
  if (s.endsWith('ing') && hasVowelStem(s.slice(0, -3))) return s.slice(0, -3);
  return s;
}

function hasVowelStem(stem: string): boolean {
  return stem.length >= 3 && /[aeiouy]/.test(stem);
}

/** Irregular forms people type, mapped to the base form the stemmer then treats like any word. */
const IRREGULAR: ReadonlyMap<string, string> = new Map([
  ['said', 'say'],
  ['says', 'say'],
  ['told', 'tell'],
  ['left', 'leave'],
  ['stole', 'steal'],
  ['stolen', 'steal'],
  ['went', 'go'],
  ['gone', 'go'],
  ['got', 'get'],
  ['gotten', 'get'],
  ['made', 'make'],
  ['took', 'take'],
  ['taken', 'take'],
  ['gave', 'give'],
  ['given', 'give'],
  ['found', 'find'],
  ['thought', 'think'],
  ['knew', 'know'],
  ['known', 'know'],
  ['began', 'begin'],
  ['begun', 'begin'],
  ['came', 'come'],
  ['saw', 'see'],
  ['seen', 'see'],
  ['held', 'hold'],
  ['kept', 'keep'],
  ['brought', 'bring'],
  ['bought', 'buy'],
  ['sold', 'sell'],
  ['sent', 'send'],
  ['spent', 'spend'],
  ['built', 'build'],
  ['caught', 'catch'],
  ['paid', 'pay'],
  ['meant', 'mean'],
  ['ran', 'run'],
  ['lost', 'lose'],
  ['won', 'win'],
  ['wrote', 'write'],
  ['written', 'write'],
  ['spoke', 'speak'],
  ['spoken', 'speak'],
  ['chose', 'choose'],
  ['chosen', 'choose'],
  ['broke', 'break'],
  ['broken', 'break'],
  ['fell', 'fall'],
  ['fallen', 'fall'],
  ['felt', 'feel'],
  ['met', 'meet'],
  ['heard', 'hear'],
  ['hid', 'hide'],
  ['hidden', 'hide'],
  ['sought', 'seek'],
  ['taught', 'teach'],
  ['fought', 'fight'],
  ['dealt', 'deal'],
  ['understood', 'understand'],
  ['became', 'become'],
  ['led', 'lead'],
  ['men', 'man'],
  ['women', 'woman'],
  ['children', 'child'],
]);

/**
 * The base form of an irregular English word form, or the word itself.
 *
 * @example
 * lemmaOf('bought') // => 'buy'
 * lemmaOf('software') // => 'software'
 */
export function lemmaOf(word: string): string {
  return IRREGULAR.get(word) ?? word;
}
