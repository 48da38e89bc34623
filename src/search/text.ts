/**
 * Text analysis shared by the index, queries and the renderer's highlighting: one tokenizer and one
 * term normaliser, so that whatever the index stores, a query and a highlight see the same way.
 */
import { BoundedCache } from '../shared/bounded-cache.js';
import { editDistance } from '../shared/edit-distance.js';
import { fuzzyDistanceFor } from './edit-distance.js';
import { lemmaOf, stemEnglish } from './stem.js';
import { STOP_WORDS } from './stop-words.js';

/** `word`: a space-delimited word; `segment`: a word found by `Intl.Segmenter`; `bigram`: two CJK characters. */
export type TokenKind = 'word' | 'segment' | 'bigram';

/** A token and where it sits in the analysed text (UTF-16 offsets, end exclusive). */
export interface TextToken {
  readonly raw: string;
  readonly start: number;
  readonly end: number;
  readonly kind: TokenKind;
}

/**
 * Runs of letters, marks and digits, allowing inner apostrophes so `People’s` and `didn't` stay one
 * token. Everything else (spaces, punctuation, controls, lone surrogates) separates tokens.
 */
export const CHUNK = /[\p{L}\p{M}\p{N}]+(?:['’ʼ][\p{L}\p{M}\p{N}]+)*/gu;
/** Scripts written without spaces: a chunk containing any of them goes through `Intl.Segmenter`. */
export const NO_SPACE_SCRIPT = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;
/**
 * CJK runs, one script at a time, also get character bigrams: they match whatever the segmenter
 * made of the context. Splitting at script changes keeps a particle (`の`) out of a kanji bigram.
 */
const CJK_RUN = /\p{scx=Han}+|\p{scx=Katakana}+|\p{scx=Hiragana}+/gu;
const HIRAGANA_ONLY = /^\p{scx=Hiragana}+$/u;
const LATIN_ONLY = /^[\p{sc=Latin}\p{M}\p{N}']+$/u;
const APOSTROPHES = /[’‘ʼ`´′]/g;

let segmenter: Intl.Segmenter | undefined;
function japaneseSegmenter(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter('ja', { granularity: 'word' });
  return segmenter;
}

/**
 * Splits text into tokens with their offsets.
 *
 * In `index` mode a CJK run yields both its segmenter words and its bigrams, so either matches. In
 * `query` mode it yields only the bigrams (and drops hiragana beside kanji/katakana): the segmenter cuts a run differently depending on what
 * surrounds it, bigrams do not, so a query term made of bigrams always meets the index.
 *
 * @example
 * analyzeText('JAXA was hit', 'query').map((t) => t.raw) // => ['JAXA', 'was', 'hit']
 * analyzeText('人民解放軍', 'query').map((t) => t.raw) // => ['人民', '民解', '解放', '放軍']
 */
export function analyzeText(text: string, mode: 'index' | 'query'): TextToken[] {
  const tokens: TextToken[] = [];
  for (const match of text.matchAll(CHUNK)) {
    const raw = match[0];
    const start = match.index;
    if (!NO_SPACE_SCRIPT.test(raw)) {
      tokens.push({ raw, start, end: start + raw.length, kind: 'word' });
      continue;
    }
    const allRuns = cjkRuns(raw);
    // A query's hiragana next to kanji/katakana is grammar (particles, okurigana), not topic.
    const runs =
      mode === 'query' && allRuns.some((r) => !HIRAGANA_ONLY.test(r.text)) ? allRuns.filter((r) => !HIRAGANA_ONLY.test(r.text)) : allRuns;
    for (const segment of japaneseSegmenter().segment(raw)) {
      if (segment.isWordLike !== true) continue;
      const segStart = segment.index;
      const segEnd = segStart + segment.segment.length;
      // In query mode CJK text is represented by its bigrams only (see above).
      if (mode === 'query' && allRuns.some((r) => segStart < r.end && segEnd > r.start)) continue;
      tokens.push({ raw: segment.segment, start: start + segStart, end: start + segEnd, kind: 'segment' });
    }
    for (const run of runs) {
      for (const bigram of bigrams(run.text)) {
        tokens.push({ raw: bigram.text, start: start + run.start + bigram.start, end: start + run.start + bigram.end, kind: 'bigram' });
      }
    }
  }
  return tokens;
}

function cjkRuns(chunk: string): { text: string; start: number; end: number }[] {
  return [...chunk.matchAll(CJK_RUN)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
}

/** Overlapping pairs of code points; a single character stands alone so it stays findable. */
function bigrams(run: string): { text: string; start: number; end: number }[] {
  const chars: { text: string; start: number }[] = [];
  let offset = 0;
  for (const ch of run) {
    chars.push({ text: ch, start: offset });
    offset += ch.length;
  }
  const first = chars[0];
  if (first === undefined) return [];
  if (chars.length === 1) return [{ text: first.text, start: 0, end: first.text.length }];
  const out: { text: string; start: number; end: number }[] = [];
  for (let i = 0; i + 1 < chars.length; i++) {
    const a = chars[i];
    const b = chars[i + 1];
    if (a === undefined || b === undefined) continue;
    out.push({ text: a.text + b.text, start: a.start, end: b.start + b.text.length });
  }
  return out;
}

/**
 * Raw tokens of a text, including Japanese/Chinese segmenter words and CJK bigrams.
 *
 * @example
 * tokenize('People’s Liberation Army') // => ['People’s', 'Liberation', 'Army']
 * tokenize('人民解放軍') // => ['人民', '解放軍', '人民', '民解', '解放', '放軍']
 */
export function tokenize(text: string): string[] {
  return analyzeText(text, 'index').map((t) => t.raw);
}

/**
 * The form a token takes in the index: NFKC, lowercase, typographic apostrophes folded, accents
 * removed from Latin words, possessive `'s` dropped, irregular forms mapped to their base (`bought` →
 * `buy`), light English stemming. `null` for stop words
 * and tokens that fold to nothing.
 *
 * @example
 * normalizeTerm('Cancelled') // => 'cancel'
 * normalizeTerm('People’s') // => 'peopl'
 * normalizeTerm('ｊａｘａ') // => 'jaxa'
 * normalizeTerm('the') // => null
 * normalizeTerm('lmaooo') // => null
 */
export function normalizeTerm(term: string): string | null {
  return normalized.through(term, computeNormalizedTerm);
}

/** Word frequencies are Zipfian: a bounded cache answers most tokens of a large build. */
const normalized = new BoundedCache<string, string | null>(50_000);

function computeNormalizedTerm(term: string): string | null {
  let s = term.normalize('NFKC').toLowerCase().replace(APOSTROPHES, "'");
  if (LATIN_ONLY.test(s)) s = s.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
  s = lemmaOf(s.replace(/'s$/, '').replace(/'/g, ''));
  if (s.length === 0 || STOP_WORDS.has(s) || STOP_WORDS.has(s.replace(STRETCHED, '$1'))) return null;
  return stemEnglish(s);
}

/**
 * A letter typed three times or more: chat stretches a word for its tone ("lmaooo", "sooo",
 * "whyyy"), so such a word is a stop word when it is one typed plainly. (Names keep their letters:
 * "freee" is a product.)
 */
const STRETCHED = /(\p{L})\1{2,}/gu;

/**
 * Compound prefixes whose remainder is a word of its own: `cyberattacks` is about attacks, so the
 * index also stores `attack` for it. Only prefixes that glue onto whole words are listed (not
 * `anti`, which also starts `anticipate`), and the remainder must have 5+ letters.
 */
const COMPOUND_PREFIXES = ['cyber', 'counter', 'multi'] as const;

/**
 * The sub-word a lowercased compound is indexed under as well, or `null`.
 *
 * @example
 * subwordOf('cyberattacks') // => 'attacks'
 * subwordOf('cyber') // => null
 */
export function subwordOf(word: string): string | null {
  for (const prefix of COMPOUND_PREFIXES) {
    if (word.length >= prefix.length + 5 && word.startsWith(prefix) && /^[a-z]+$/.test(word)) return word.slice(prefix.length);
  }
  return null;
}

/** Normalises a token by kind: bigrams are only case/width-folded, never stemmed. */
export function normalizeToken(token: TextToken): string | null {
  if (token.kind === 'bigram') return token.raw.normalize('NFKC').toLowerCase();
  return normalizeTerm(token.raw);
}

/**
 * Whether an indexed form matches a matched query term the way the search does: equal, extending
 * it (prefix search, for terms of 3+ characters), or within its typo allowance.
 *
 * @example
 * termMatches('cyberattack', 'cyber') // => true
 * termMatches('cyberattack', 'cyberatack') // => true
 */
export function termMatches(indexed: string, queryTerm: string): boolean {
  if (indexed === queryTerm) return true;
  if (queryTerm.length >= 3 && indexed.startsWith(queryTerm)) return true;
  const distance = fuzzyDistanceFor(queryTerm);
  return distance > 0 && editDistance(indexed, queryTerm, distance) <= distance;
}

/**
 * Spans of `text` whose normalised token matches one of `matched` (equal, prefixed by, or a close
 * typo of it): what the renderer bolds. Overlapping spans (CJK bigrams) are merged; sorted.
 *
 * @example
 * findMatchSpans('The seller canceled it.', ['cancel']) // => [{ start: 11, end: 19 }]
 */
export function findMatchSpans(text: string, matched: readonly string[]): { start: number; end: number }[] {
  if (matched.length === 0 || text.length === 0) return [];
  const spans: { start: number; end: number }[] = [];
  for (const token of spanTokens(text)) {
    if (matched.some((m) => termMatches(token.term, m) || (token.subTerm !== null && termMatches(token.subTerm, m)))) {
      spans.push({ start: token.start, end: token.end });
    }
  }
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: { start: number; end: number }[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last !== undefined && span.start < last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/**
 * Spans of `text` holding a word with exactly the term `term` (or with it as the sub-word of a
 * compound), merged as {@link findMatchSpans} merges them; failing that, every span the search
 * reached through it (a prefix or a typo: `canc`, `cancled`). From the analysed-passage cache: the
 * text is not analysed again.
 *
 * @example
 * findTermSpans('The seller canceled it.', 'cancel') // => [{ start: 11, end: 19 }]
 */
export function findTermSpans(text: string, term: string): { start: number; end: number }[] {
  const reached = findMatchSpans(text, [term]);
  const exact = spanTokens(text).filter((token) => token.term === term || token.subTerm === term);
  const spans = reached.filter((span) => exact.some((token) => token.start >= span.start && token.end <= span.end));
  return spans.length > 0 ? spans : reached;
}

/** A token of a passage with the forms {@link findMatchSpans} compares. */
interface SpanToken {
  readonly start: number;
  readonly end: number;
  readonly term: string;
  readonly subTerm: string | null;
  /** A space-delimited word (not a CJK bigram or segment). */
  readonly word: boolean;
}

/**
 * The space-delimited words of a passage with their normalised terms, stop words left out, in
 * order: where a name's terms are looked for in a row (`matchedWords`). From the same cache as
 * {@link findMatchSpans}.
 */
export function passageWords(text: string): readonly { readonly start: number; readonly end: number; readonly term: string }[] {
  return spanTokens(text).filter((token) => token.word);
}

/**
 * Analysed passages. Rendering an answer page re-analysed all 15 facts' texts and quotes on every
 * request — more than half the time of a whole `/case` at 1k facts — while the same popular facts
 * come up again and again. Keyed by the text itself, so it is right for every snapshot. Bounded by the characters of the cached passages, not their number: a CJK passage makes a token
 * per character (bigrams), ~100 bytes each. 100k characters is a few hundred fact texts, at most
 * ~10 MB. Passages longer than 2000 characters are analysed every time.
 */
const spanTokenCache = new BoundedCache<string, readonly SpanToken[]>(100_000, (text) =>
  text.length <= 2000 ? text.length : Number.POSITIVE_INFINITY,
);
function spanTokens(text: string): readonly SpanToken[] {
  return spanTokenCache.through(text, analyseSpans);
}

function analyseSpans(text: string): readonly SpanToken[] {
  const tokens: SpanToken[] = [];
  for (const token of analyzeText(text, 'index')) {
    const term = normalizeToken(token);
    if (term === null) continue;
    const sub = token.kind === 'bigram' ? null : subwordOf(token.raw.toLowerCase());
    tokens.push({
      start: token.start,
      end: token.end,
      term,
      subTerm: sub === null ? null : normalizeTerm(sub),
      word: token.kind === 'word',
    });
  }
  return tokens;
}

/** `text` with the characters special in a regular expression escaped, to match it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
