/**
 * Chinese surnames as Japanese news writes them in kanji, with their Mandarin spelling in Latin
 * letters, as English news writes them: 王容疑者 is "Wang", the suspect the facts call Wang. The
 * glossary reads 王 as "king" (its Japanese sense), so without this a question about 王容疑者 asks
 * about a king. Only surnames that are rare as one-kanji Japanese surnames are listed (not 林,
 * Hayashi in Japan; nor 金, 石, 田, 高), and a surname is read so only right before an honorific, a
 * title, という ("called") or って (王って誰: "who is Wang"): {@link HAN_SURNAME_BEFORE_TITLE}.
 *
 * Language data shared by every case, like the glossary.
 */
export const CHINESE_SURNAMES: ReadonlyMap<string, string> = new Map([
  ['王', 'wang'],
  ['汪', 'wang'],
  ['李', 'li'],
  ['張', 'zhang'],
  ['劉', 'liu'],
  ['陳', 'chen'],
  ['楊', 'yang'],
  ['趙', 'zhao'],
  ['黄', 'huang'],
  ['周', 'zhou'],
  ['呉', 'wu'],
  ['徐', 'xu'],
  ['孫', 'sun'],
  ['胡', 'hu'],
  ['朱', 'zhu'],
  ['郭', 'guo'],
  ['馬', 'ma'],
  ['羅', 'luo'],
  ['梁', 'liang'],
  ['宋', 'song'],
  ['鄭', 'zheng'],
  ['謝', 'xie'],
  ['韓', 'han'],
  ['唐', 'tang'],
  ['馮', 'feng'],
  ['董', 'dong'],
  ['曹', 'cao'],
  ['袁', 'yuan'],
  ['鄧', 'deng'],
  ['許', 'xu'],
  ['沈', 'shen'],
  ['曾', 'zeng'],
  ['彭', 'peng'],
  ['呂', 'lu'],
  ['蘇', 'su'],
  ['蔣', 'jiang'],
  ['蔡', 'cai'],
  ['魏', 'wei'],
  ['薛', 'xue'],
  ['潘', 'pan'],
  ['杜', 'du'],
  ['姚', 'yao'],
  ['譚', 'tan'],
  ['廖', 'liao'],
  ['崔', 'cui'],
  ['邱', 'qiu'],
  ['孟', 'meng'],
]);

/** One kanji of {@link CHINESE_SURNAMES}, not part of a longer kanji word (no kanji right before it). */
const SURNAME_ALONE = String.raw`(?<!\p{sc=Han})[${[...CHINESE_SURNAMES.keys()].join('')}]`;

/**
 * One kanji of {@link CHINESE_SURNAMES}, not part of a longer kanji word, right before an honorific,
 * a title, という or って: 王容疑者, 王氏, 王さん, 王という男, 王って誰 (not 国王さん, 王様: a king; before a
 * particle, {@link HAN_SURNAME_BEFORE_PARTICLE}).
 */
export const HAN_SURNAME_BEFORE_TITLE = new RegExp(String.raw`${SURNAME_ALONE}(?=さん|氏|容疑者|被告|くん|君|という|って)`, 'gu');

/**
 * One kanji of {@link CHINESE_SURNAMES}, not part of a longer kanji word, right before a particle:
 * 王は, 王の, 王が, 王と. Read as the surname only when the facts write it (`FactIndex`'s vocabulary:
 * "wang" in this case's facts), since a bare kanji before a particle is as often the word itself
 * (王は "the king", 馬は "the horse", 孫は "the grandchild").
 */
export const HAN_SURNAME_BEFORE_PARTICLE = new RegExp(String.raw`${SURNAME_ALONE}(?=[」』"”]?[はがをにのもへと])`, 'gu');
