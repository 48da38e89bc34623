/**
 * A Discord message → the claims worth checking against the facts: its text without links,
 * mentions, emoji and markdown, split into sentences (a message can hold several claims), capped
 * in number and length. Pure text work, no search: the caller searches each claim.
 */
import { splitSentences } from '../facts/index.js';
import { termsOf } from '../search/analyze.js';

/** Claims checked per message; the rest of a long message is left out (and the reply says so). */
export const MAX_CLAIMS = 5;
/** Characters of a message's cleaned text that are read; beyond this it is truncated (and the reply says so). */
export const MAX_CHECKED_CHARS = 1000;
/** Longest claim searched, in characters: the search reads no more of a query (see MAX_QUERY_LENGTH of /case). */
export const MAX_CLAIM_CHARS = 200;

/** What a message holds, for checking. */
export type MessageClaims =
  /** No characters at all besides whitespace (an embed-only or attachment-only message). */
  | { readonly kind: 'no-text' }
  /** Nothing but one or more links. */
  | { readonly kind: 'link-only' }
  /** Text, but no word to search for: mentions, emoji, punctuation, only common words. */
  | { readonly kind: 'no-words' }
  /**
   * Sentences to search, in the message's order, each at most {@link MAX_CLAIM_CHARS}.
   * `truncated`: the message went on beyond what was read (more claims, or longer text).
   */
  | { readonly kind: 'claims'; readonly claims: readonly string[]; readonly truncated: boolean };

// Markdown links keep their text; bare and <wrapped> links go entirely.
const MASKED_LINK = /\[([^\]\n]*)\]\(\s*<?https?:\/\/[^)\s]*>?\s*\)/giu;
const BARE_LINK = /<?\b(?:https?:\/\/|www\.)[^\s<>]*>?/giu;
// User, role, channel and slash-command mentions, custom emoji, timestamps; @everyone and @here.
const DISCORD_TOKENS = /<(?:@[!&]?\d+|#\d+|\/[^:>\n]{1,100}:\d+|a?:\w{1,32}:\d+|t:-?\d{1,13}(?::[a-zA-Z])?)>|@(?:everyone|here)\b/gu;
// Emoji (including flags, skin tones, joiners, variation selectors) and :shortcodes:.
// eslint-disable-next-line no-misleading-character-class -- the joiner and variation selectors are meant one by one
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\p{Emoji_Modifier}|[\u200d\ufe0e\ufe0f\u20e3]|:[a-z0-9_+-]{2,32}:/giu;
// Markdown that only decorates: quote, heading and subtext markers at line starts, list bullets, emphasis runs, code ticks.
const LINE_MARKERS = /^[ \t]*(?:>>>\s?|>\s?|#{1,3}\s|-#\s|[-*+]\s)/gmu;
const EMPHASIS = /[*_~|`]+/gu;

/**
 * The text a message's claims are read from: links, mentions, emoji and markdown removed,
 * whitespace within a line collapsed, line breaks kept (a line ends a claim).
 *
 * @example
 * cleanMessageText('**JAXA** was hacked <@123> 😱 https://x.example/a') // 'JAXA was hacked'
 */
export function cleanMessageText(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      .replace(MASKED_LINK, '$1')
      .replace(BARE_LINK, ' ')
      .replace(DISCORD_TOKENS, ' ')
      .replace(EMOJI, ' ')
      .replace(LINE_MARKERS, '')
      .replace(EMPHASIS, ' ')
      .split('\n')
      // A removed mention leaves "hi <@1>, look" as "hi , look": no space before punctuation.
      .map((line) =>
        line
          .replace(/[ \t\f\v\u00a0]+/g, ' ')
          .replace(/ ([,.:;!?])/g, '$1')
          .trim(),
      )
      .join('\n')
      .trim()
  );
}

/**
 * Reads a message's text into claims: its sentences (and lines) that have two words to search for
 * (one, when no sentence has two),
 * at most {@link MAX_CLAIMS} of them from the first {@link MAX_CHECKED_CHARS} characters, each cut
 * to {@link MAX_CLAIM_CHARS} at a word boundary. Says instead when there is no text, only links,
 * or no searchable word.
 *
 * @example
 * readClaims('JAXA was hacked in 2016. Police want Wang! 👀')
 * // { kind: 'claims', claims: ['JAXA was hacked in 2016.', 'Police want Wang!'], truncated: false }
 * readClaims('https://example.org/story') // { kind: 'link-only' }
 */
export function readClaims(text: string): MessageClaims {
  if (text.trim() === '') return { kind: 'no-text' };
  const cleaned = cleanMessageText(text);
  const read = cleaned.slice(0, MAX_CHECKED_CHARS);
  let truncated = read.length < cleaned.length;
  const claims: string[] = [];
  const sentences = splitSentences(read).map((sentence) => ({ sentence, terms: termsOf(sentence, 'query').length }));
  // "lol.", "Agreed!" between claims are chatter, not claims; a message of one short line still counts.
  const minTerms = sentences.some((s) => s.terms >= 2) ? 2 : 1;
  for (const { sentence, terms } of sentences) {
    if (terms < minTerms) continue;
    if (claims.length === MAX_CLAIMS) {
      truncated = true;
      break;
    }
    const claim = cutAtWord(sentence, MAX_CLAIM_CHARS);
    if (claim.length < sentence.length) truncated = true;
    claims.push(claim);
  }
  if (claims.length > 0) return { kind: 'claims', claims, truncated };
  const withoutLinks = text.replace(MASKED_LINK, '$1').replace(BARE_LINK, ' ');
  const hadLink = withoutLinks !== text;
  return hadLink && !/[\p{L}\p{N}]/u.test(cleanMessageText(withoutLinks)) ? { kind: 'link-only' } : { kind: 'no-words' };
}

/** At most `max` characters, ending at a word boundary when there is one in the second half. */
function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  // Never end on half a surrogate pair.
  const end = /[\ud800-\udbff]/.test(text.charAt(max - 1)) ? max - 1 : max;
  const cut = text.slice(0, end);
  const space = cut.lastIndexOf(' ');
  return (space > max / 2 ? cut.slice(0, space) : cut).trimEnd();
}
