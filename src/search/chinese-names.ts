/**
 * Chinese personal names as English news spells them (pinyin): surname first, then a given name
 * of one or two syllables ("Wang Yi", "Wang Yibo", "Wang Wenbin"). Language data shared by every
 * case, like the glossary.
 */
import { CHINESE_SURNAMES } from './japanese/chinese-surnames.js';

/** The surnames of {@link CHINESE_SURNAMES} in pinyin: wang, li, zhang … */
export const PINYIN_SURNAMES: ReadonlySet<string> = new Set(CHINESE_SURNAMES.values());

/**
 * One pinyin syllable, without tone marks: an initial (or none) and a final. It admits a few
 * combinations Mandarin lacks; a caller also asks that the word be no English word.
 */
const SYLLABLE = String.raw`(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|er|ia|ie|iu|ua|uo|ui|ue|a|o|e|i|u|v)`;
const GIVEN_NAME = new RegExp(`^(?:${SYLLABLE}){1,2}$`);

/**
 * Whether `word` (lower-case) is shaped like a Chinese given name in pinyin: one or two syllables.
 *
 * @example
 * pinyinGivenName('yi') // => true
 * pinyinGivenName('wenbin') // => true
 * pinyinGivenName('leehom') // => false
 */
export function pinyinGivenName(word: string): boolean {
  return GIVEN_NAME.test(word);
}
