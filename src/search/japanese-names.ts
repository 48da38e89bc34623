/**
 * Japanese personal names as English news spells them (Hepburn romaji): a surname and a given
 * name, in either order ("Kato Kiyomasa", "Katsunobu Kato"). Language data shared by every case,
 * like `chinese-names.ts`: a surname counts only where the case's facts write it.
 */

/** Common Japanese surnames in romaji, without long-vowel marks (Kato, not Katō). */
export const ROMAJI_SURNAMES: ReadonlySet<string> = new Set([
  'sato',
  'suzuki',
  'takahashi',
  'tanaka',
  'watanabe',
  'ito',
  'yamamoto',
  'nakamura',
  'kobayashi',
  'kato',
  'yoshida',
  'yamada',
  'sasaki',
  'yamaguchi',
  'matsumoto',
  'inoue',
  'kimura',
  'hayashi',
  'shimizu',
  'yamazaki',
  'mori',
  'abe',
  'ikeda',
  'hashimoto',
  'yamashita',
  'ishikawa',
  'nakajima',
  'maeda',
  'fujita',
  'ogawa',
  'goto',
  'okada',
  'hasegawa',
  'murakami',
  'kondo',
  'ishii',
  'saito',
  'sakamoto',
  'endo',
  'aoki',
  'fujii',
  'nishimura',
  'fukuda',
  'ota',
  'miura',
  'fujiwara',
  'okamoto',
  'matsuda',
  'nakagawa',
  'nakano',
  'harada',
  'ono',
  'tamura',
  'takeuchi',
  'kaneko',
  'wada',
  'nakayama',
  'ishida',
  'ueda',
  'morita',
  'hara',
  'shibata',
  'sakai',
  'kudo',
  'yokoyama',
  'miyazaki',
  'miyamoto',
  'uchida',
  'takagi',
  'ando',
  'taniguchi',
  'ohno',
  'maruyama',
  'imai',
  'takada',
  'fujimoto',
  'takeda',
  'murata',
  'ueno',
  'sugiyama',
  'masuda',
  'sugawara',
  'hirano',
  'otsuka',
  'chiba',
  'kubo',
  'matsui',
  'iwasaki',
  'sakurai',
  'kinoshita',
  'noguchi',
  'matsuo',
  'kikuchi',
  'nomura',
  'arai',
  'kishida',
  'suga',
  'koizumi',
  'ishiba',
  'kono',
]);

/**
 * One mora in Hepburn romaji: a vowel, a consonant (or a palatal pair) and a vowel, shi/chi/tsu/fu,
 * a syllable-final n, or the first of a doubled consonant ("hattori").
 */
const MORA = String.raw`(?:(?:ky|gy|ny|hy|my|ry|by|py|sh|ch|j)[aiueo]|ts[u]|f[u]|[kgsztdnhbpmr][aiueo]|y[aou]|w[ao]|[aiueo]|n(?![aiueoy])|[kstp](?=[kstp]))`;
const GIVEN_NAME = new RegExp(`^(?:${MORA}){2,6}$`);

/**
 * Titles and honorifics in romaji, which follow a surname as a given name would ("Kato kanbochokan",
 * "Kato-san"): they name the same person.
 */
const ROMAJI_TITLES =
  /^(?:san|sama|kun|chan|dono|shi|sensei|senpai|sempai|kanbou?chou?kan|kanbou?|chou?kan|daijin|shushou?|souri|giin|kyouju|kyoju|hakase|shachou?|buchou?|kachou?)$/;

/** Fewest letters of a romaji given name: "ken" and "aki" are English-like and too short to tell. */
const MIN_GIVEN_NAME = 4;

/**
 * Whether `word` (lower-case) is shaped like a Japanese given name in romaji: two to six morae and
 * four letters or more. A caller also asks that the word be no English word.
 *
 * @example
 * romajiGivenName('kiyomasa') // => true
 * romajiGivenName('katsunobu') // => true
 * romajiGivenName('statement') // => false
 * romajiGivenName('kanbochokan') // => false (a title: "Kato kanbochokan" is the case's Kato)
 */
export function romajiGivenName(word: string): boolean {
  return word.length >= MIN_GIVEN_NAME && GIVEN_NAME.test(word) && !ROMAJI_TITLES.test(word);
}
