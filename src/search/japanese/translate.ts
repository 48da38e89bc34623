/**
 * Reads a question asked in Japanese as English search words, offline, with a word list generated
 * from EDICT (`glossary.tsv`, see `scripts/build-glossary.ts`): `JAXAを攻撃したのは誰` →
 * `['jaxa', 'attack', 'assault', 'raid', 'who']`. The English search stays the judge of what matches;
 * this only supplies words it can understand, plus the Japanese words it could not translate.
 *
 * The steps, for the first {@link DEFAULT_MAX_CHARS} characters of the question:
 * 1. NFKC (`ＪＡＸＡ` → `JAXA`, half-width `ﾃﾞｰﾀ` → `データ`), then runs of Latin letters/digits pass
 *    through lower-cased (alias names such as `JAXA`, `PLA`, and numbers).
 * 2. Japanese runs are cut by `Intl.Segmenter('ja')`, then matched greedily, longest first, over up to
 *    {@link MAX_SPAN_SEGMENTS} adjacent segments: `官房` + `長官` → `官房長官` (chief cabinet secretary).
 *    Each candidate is also tried in dictionary form ({@link deinflect}): `盗` + `まれ` + `た` → `盗む`.
 * 3. Question words become English question words ({@link QUESTION_WORDS}); particles and grammar
 *    ({@link GRAMMAR}) are dropped; glossary words give their first glosses; the rest is `unknown`.
 *
 * @example
 * const glossary = await loadGlossary();
 * glossary.read('容疑者は逮捕されたの').english // => ['suspect', 'arrest', 'apprehension', 'capture']
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** What a Japanese question says, in words the English search understands. */
export interface JapaneseReading {
  /**
   * English words for the question's content words, in order, deduplicated (e.g. `['jaxa', 'attack',
   * 'who']`). Alias names in Latin script inside the Japanese text (JAXA, PLA) pass through lower-cased.
   */
  readonly english: readonly string[];
  /** Japanese content words for which the glossary had no entry (shown to the user as "no fact mentions …"). */
  readonly unknown: readonly string[];
  /**
   * Japanese content words found (after deinflection), for alias matching by the caller: the
   * dictionary forms of translated words and the surface of unknown ones, in order, deduplicated.
   * Question words and grammar are not included.
   */
  readonly words: readonly string[];
}

/** Options of {@link Glossary.read}. */
export interface ReadOptions {
  /** Characters of the question read (after NFKC); the rest is ignored. Default {@link DEFAULT_MAX_CHARS}. */
  readonly maxChars?: number;
  /** Glosses used per Japanese word, at most. Default 3. */
  readonly glossesPerWord?: number;
}

/** A glossary file that is missing, truncated or not a glossary. The message names the file and line. */
export class GlossaryError extends Error {
  override readonly name = 'GlossaryError';
}

/** Questions are short; the search itself reads no more than this either. */
export const DEFAULT_MAX_CHARS = 200;
/** Adjacent segments joined into one candidate word, at most (`宇宙|航空|研究|開発|機構` is 5). */
export const MAX_SPAN_SEGMENTS = 8;
/** Longest candidate word, in UTF-16 units (`宇宙航空研究開発機構` is 10). */
const MAX_WORD_CHARS = 16;
const DEFAULT_GLOSSES_PER_WORD = 3;
const MAGIC = '#casebot-glossary 1';

/** Hiragana, katakana or kanji (by Script, so shared punctuation like `、` does not count). */
const JAPANESE_CHAR = /[\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Han}]/u;
/** A Latin word or number, or a Japanese run (with the prolonged sound mark and iteration marks). */
const RUNS = /([\p{sc=Latin}\p{Nd}]+(?:['’][\p{sc=Latin}]+)*)|([\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Han}ー]+)/gu;
const HIRAGANA_ONLY = /^[\p{sc=Hiragana}ー]+$/u;
const KANJI_ONLY = /^\p{sc=Han}+$/u;

/**
 * Whether the text holds any hiragana, katakana or kanji (after width folding).
 *
 * @example
 * hasJapanese('JAXAを攻撃したのは誰') // => true
 * hasJapanese('who attacked JAXA?') // => false
 */
export function hasJapanese(text: string): boolean {
  return JAPANESE_CHAR.test(text.normalize('NFKC'));
}

/**
 * Question words and the English words the English search (and its intent re-ranking: "who", "when",
 * "how many") understands. Matched on whole segments, longest first; `何` and `誰` also at the start of a
 * segment the segmenter glued a particle to (`何と` → 何 + と).
 */
export const QUESTION_WORDS: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ['誰', ['who']],
  ['だれ', ['who']],
  ['どなた', ['who']],
  ['誰が', ['who']],
  ['いつ', ['when']],
  ['何時', ['when']],
  ['いつごろ', ['when']],
  ['何年', ['when', 'year']],
  ['何月', ['when', 'month']],
  ['何日', ['when', 'day']],
  ['何', ['what']],
  ['なに', ['what']],
  ['なん', ['what']],
  ['どんな', ['what']],
  ['どういう', ['what']],
  ['何の', ['what']],
  ['なぜ', ['why']],
  ['何故', ['why']],
  ['どうして', ['why']],
  ['なんで', ['why']],
  ['どこ', ['where']],
  ['何処', ['where']],
  ['何社', ['how', 'many', 'companies']],
  ['何人', ['how', 'many', 'people']],
  ['何件', ['how', 'many', 'cases']],
  ['何回', ['how', 'many', 'times']],
  ['何度', ['how', 'many', 'times']],
  ['何台', ['how', 'many']],
  ['何個', ['how', 'many']],
  ['いくつ', ['how', 'many']],
  ['どのくらい', ['how', 'many']],
  ['どのぐらい', ['how', 'many']],
  ['どれくらい', ['how', 'many']],
  ['どれぐらい', ['how', 'many']],
  ['どれだけ', ['how', 'many']],
  ['どれほど', ['how', 'many']],
  ['いくら', ['how', 'much']],
  ['どう', ['how']],
  ['どのように', ['how']],
  ['どのよう', ['how']],
  ['どうやって', ['how']],
  ['いかに', ['how']],
  ['どの', ['which']],
  ['どれ', ['which']],
  ['どちら', ['which']],
  ['どっち', ['which']],
]);
/** Kanji question words that win over the glossary when a segment starts with them (`何と`, `誰か`). */
const KANJI_QUESTION_PREFIXES = ['何', '誰'] as const;

/**
 * Particles, copulas, auxiliaries, light verbs, hedges and the verbs a question is wrapped in: never content,
 * as a segment or as the dictionary form a span reduces to (`あった` → ある). The wrapping verbs match
 * the English stop words (say, tell, know, happen); the light verbs carry no topic of their own in news
 * questions (`被害を受けた` is "suffered damage", `攻撃を行った` "carried out an attack").
 */
export const GRAMMAR: ReadonlySet<string> = new Set([
  // particles
  'は',
  'が',
  'を',
  'に',
  'の',
  'で',
  'と',
  'も',
  'か',
  'ね',
  'よ',
  'へ',
  'や',
  'な',
  'わ',
  'ぞ',
  'さ',
  'て',
  'た',
  'ん',
  'から',
  'まで',
  'より',
  'など',
  'だけ',
  'しか',
  'ほど',
  'くらい',
  'ぐらい',
  'って',
  'けど',
  'けれど',
  'けれども',
  'だけど',
  'だけれど',
  'だから',
  'なので',
  'でも',
  'じゃ',
  'のに',
  'ので',
  'には',
  'では',
  'とは',
  'のは',
  'のか',
  'かな',
  'かしら',
  'について',
  'として',
  'による',
  'によって',
  'により',
  'という',
  'といった',
  // copula and auxiliaries
  'だ',
  'です',
  'ます',
  'でした',
  'だった',
  'でしょう',
  'でしょ',
  'だろう',
  'ない',
  'たい',
  'れる',
  'られる',
  'せる',
  'させる',
  'ある',
  'いる',
  'おる',
  'する',
  'なる',
  'くる',
  'いく',
  'しまう',
  'おく',
  'くれる',
  'もらう',
  'あげる',
  'ください',
  'ございます',
  // conditionals of する, as in どうすればいい ("what should I do"), どうしたら
  'すれば',
  'したら',
  // formal nouns and demonstratives
  'こと',
  'もの',
  'よう',
  'ため',
  'ところ',
  'わけ',
  'はず',
  'そう',
  'みたい',
  'らしい',
  'これ',
  'それ',
  'あれ',
  'この',
  'その',
  'あの',
  'ここ',
  'そこ',
  'あそこ',
  'こう',
  'ああ',
  // the verbs a question is wrapped in
  '言う',
  'いう',
  '教える',
  '知る',
  '分かる',
  'わかる',
  '思う',
  '起きる',
  '起こる',
  // the requests a question is wrapped in ("summarise …", "briefly", "in detail", "its contents")
  'まとめる',
  '簡単',
  '詳しい',
  '内容',
  // light verbs
  '受ける',
  '行う',
  // hedges ("actually", "really"), as in the English stop words
  '実際',
  '本当',
  // conjunctions the greedy match could take for a word: どんなところが ("what places") is not
  // ところが ("however")
  'ところが',
]);

/**
 * Short words dropped when a gloss of several words is split ("be struck by" → struck); the glossary
 * builder does not count them in a gloss's length either.
 */
export const GLOSS_FILLER: ReadonlySet<string> = new Set([
  'a',
  'an',
  'the',
  'of',
  'to',
  'be',
  'by',
  'for',
  'in',
  'on',
  'at',
  'as',
  'and',
  'or',
  'with',
  'from',
  'into',
  'one',
  'oneself',
  'someone',
  'something',
  'etc',
  "one's",
]);

/**
 * The deinflection rules: inflected ending → dictionary endings. Tried on the whole candidate span,
 * longest ending first, three rounds at most (`盗まれていない` → `盗まれて` → `盗まれる` → `盗む`); only a
 * result the glossary knows is used, so a wrong guess costs a lookup. Built from:
 * - progressive/polite auxiliaries after a te-form: ている, ていた, ていない, ています, てる … → て (also で);
 * - サ変 (noun of 2+ characters + する): した, して, する, しない, された, されて, される, させた, できる … → the
 *   noun (`攻撃した` → 攻撃);
 * - godan verbs, for each row (う く ぐ す つ ぬ ぶ む る): negative/passive/causative on the a-stem
 *   (`盗まれた` → 盗む), polite and desiderative on the i-stem (`言いました` → 言う), te/ta forms
 *   (`捕まった` → 捕まる, `盗んだ` → 盗む), potential on the e-stem, volitional on the o-stem (`買おう` → 買う);
 * - ichidan verbs: stem + た/て/ない/ます/られる/させる/よう … → stem + る (`受けた` → 受ける);
 * - い-adjectives: かった/くない/くて/く/ければ → い (`大きかった` → 大きい);
 * - irregular: 来た/来て/来ない → 来る, 行った/行って → 行く.
 */
const DEINFLECTIONS: ReadonlyMap<string, readonly string[]> = buildDeinflections();

function buildDeinflections(): Map<string, string[]> {
  const rules = new Map<string, string[]>();
  const add = (from: string, to: string): void => {
    const list = rules.get(from) ?? [];
    if (!list.includes(to)) list.push(to);
    rules.set(from, list);
  };
  for (const ending of [
    'する',
    'した',
    'して',
    'しない',
    'しなかった',
    'します',
    'しました',
    'しません',
    'しよう',
    'すれば',
    'される',
    'された',
    'されて',
    'されない',
    'されなかった',
    'されます',
    'されました',
    'させる',
    'させた',
    'させて',
    'できる',
    'できた',
    'できない',
    'できなかった',
  ]) {
    add(ending, '');
  }
  // dictionary ending: a-stem, i-stem, te, ta, e-stem, o-stem
  const godan: readonly (readonly [string, string, string, string, string, string, string])[] = [
    ['う', 'わ', 'い', 'って', 'った', 'え', 'お'],
    ['く', 'か', 'き', 'いて', 'いた', 'け', 'こ'],
    ['ぐ', 'が', 'ぎ', 'いで', 'いだ', 'げ', 'ご'],
    ['す', 'さ', 'し', 'して', 'した', 'せ', 'そ'],
    ['つ', 'た', 'ち', 'って', 'った', 'て', 'と'],
    ['ぬ', 'な', 'に', 'んで', 'んだ', 'ね', 'の'],
    ['ぶ', 'ば', 'び', 'んで', 'んだ', 'べ', 'ぼ'],
    ['む', 'ま', 'み', 'んで', 'んだ', 'め', 'も'],
    ['る', 'ら', 'り', 'って', 'った', 'れ', 'ろ'],
  ];
  for (const [dict, a, i, te, ta, e, o] of godan) {
    for (const after of [
      'ない',
      'なかった',
      'ず',
      'れる',
      'れた',
      'れて',
      'れない',
      'れなかった',
      'れます',
      'れました',
      'せる',
      'せた',
      'せて',
    ])
      add(a + after, dict);
    for (const after of ['ます', 'ました', 'ません', 'たい', 'たかった', 'ながら']) add(i + after, dict);
    for (const form of [te, ta]) add(form, dict);
    for (const after of ['る', 'た', 'て', 'ない', 'ば']) add(e + after, dict);
    add(`${o}う`, dict);
  }
  for (const after of [
    'た',
    'て',
    'ない',
    'なかった',
    'ます',
    'ました',
    'ません',
    'たい',
    'られる',
    'られた',
    'られて',
    'られない',
    'させる',
    'させた',
    'よう',
    'れば',
  ]) {
    add(after, 'る');
  }
  for (const aux of ['いる', 'いた', 'いない', 'いなかった', 'います', 'いました', 'いません', 'る', 'た', 'ない']) {
    add(`て${aux}`, 'て');
    add(`で${aux}`, 'で');
  }
  for (const after of ['かった', 'くない', 'くなかった', 'くて', 'く', 'ければ']) add(after, 'い');
  return rules;
}

const IRREGULAR: ReadonlyMap<string, string> = new Map([
  ['来た', '来る'],
  ['来て', '来る'],
  ['来ない', '来る'],
  ['来ます', '来る'],
  ['来ました', '来る'],
  ['行った', '行く'],
  ['行って', '行く'],
]);
const LONGEST_ENDING = Math.max(...[...DEINFLECTIONS.keys()].map((k) => k.length));
const DEINFLECT_ROUNDS = 3;

/**
 * Forms `word` may be an inflection of, nearest first (up to three rounds of {@link DEINFLECTIONS}).
 * Not checked against anything: {@link Glossary.read} keeps the first the glossary knows.
 *
 * @example
 * deinflect('盗まれた') // includes '盗む'
 * deinflect('攻撃された') // includes '攻撃'
 * deinflect('盗まれていない') // includes '盗む'
 */
export function deinflect(word: string): string[] {
  const out: string[] = [];
  const irregular = IRREGULAR.get(word);
  if (irregular !== undefined) out.push(irregular);
  let frontier = [word];
  for (let round = 0; round < DEINFLECT_ROUNDS && frontier.length > 0; round++) {
    const next: string[] = [];
    for (const form of frontier) {
      for (const base of deinflectOnce(form)) {
        if (base === word || out.includes(base)) continue;
        out.push(base);
        next.push(base);
      }
    }
    frontier = next;
  }
  return out;
}

function deinflectOnce(word: string): string[] {
  const out: string[] = [];
  for (let n = Math.min(LONGEST_ENDING, word.length - 1); n >= 1; n--) {
    const ending = word.slice(word.length - n);
    const stem = word.slice(0, word.length - n);
    for (const replacement of DEINFLECTIONS.get(ending) ?? []) {
      // A サ変 noun has 2+ characters; a one-kanji stem is a godan verb (`話した` → 話す, not 話).
      if (replacement === '' && stem.length < 2) continue;
      const form = stem + replacement;
      if (form.length > 0 && form !== word && !out.includes(form)) out.push(form);
    }
  }
  return out;
}

/**
 * One step of reading: what a span of the question turned out to be. `from`/`to` are offsets in the
 * capped, NFKC-normalised text, to tell pieces that touch (`汪` `文` `斌`) from pieces that do not.
 */
type Piece =
  | { readonly kind: 'question'; readonly english: readonly string[] }
  | {
      readonly kind: 'word';
      readonly surface: string;
      readonly base: string;
      readonly senses: readonly (readonly string[])[];
      readonly from: number;
      readonly to: number;
    }
  | { readonly kind: 'unknown'; readonly surface: string; readonly from: number; readonly to: number }
  | { readonly kind: 'latin'; readonly word: string };

/**
 * A match at some segment: it covers segments up to `end` (exclusive) and, when `head` is set, the
 * first `head` characters of segment `end` as well (okurigana the segmenter cut off: `買` + `おう|と`).
 */
type Match =
  | { readonly kind: 'question'; readonly end: number; readonly head: number; readonly english: readonly string[] }
  | {
      readonly kind: 'word';
      readonly end: number;
      readonly head: number;
      readonly base: string;
      readonly senses: readonly (readonly string[])[];
    }
  | { readonly kind: 'grammar'; readonly end: number; readonly head: number };

/**
 * A Japanese → English word list. Immutable: {@link Glossary.extend} returns a new one.
 *
 * @example
 * const glossary = Glossary.fromText('#casebot-glossary 1 keys=1\n攻撃\tattack|assault\n');
 * glossary.read('JAXAを攻撃したのは誰').english // => ['jaxa', 'attack', 'assault', 'who']
 */
export class Glossary {
  /** Key → its senses as stored (`gloss|gloss;gloss`), parsed on lookup: loading stays one pass of `indexOf`. */
  readonly #base: ReadonlyMap<string, string>;
  readonly #extra: ReadonlyMap<string, string>;
  readonly #segmenter = new Intl.Segmenter('ja', { granularity: 'word' });

  private constructor(base: ReadonlyMap<string, string>, extra: ReadonlyMap<string, string>) {
    this.#base = base;
    this.#extra = extra;
  }

  /**
   * Reads a glossary file (default: the committed `glossary.tsv` beside this module).
   *
   * @throws {GlossaryError} when the file is missing, not UTF-8, or not a complete glossary.
   */
  static async load(file: string | URL = DEFAULT_GLOSSARY_FILE): Promise<Glossary> {
    const name = file instanceof URL ? fileURLToPath(file) : file;
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new GlossaryError(`${name}: cannot read the glossary (${reason}); regenerate it with \`npx tsx scripts/build-glossary.ts\``);
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new GlossaryError(`${name}: the glossary is not valid UTF-8; regenerate it with \`npx tsx scripts/build-glossary.ts\``);
    }
    return Glossary.fromText(text, name);
  }

  /**
   * Parses glossary text: the magic line `#casebot-glossary 1 keys=N`, `#` comment lines, then
   * `key<TAB>sense;sense` lines with glosses of a sense separated by `|`. `keys=` may be omitted in
   * hand-written glossaries (tests); when present, the count must match.
   *
   * @throws {GlossaryError} naming `source` and the line, e.g. `glossary.tsv:12: expected "key<TAB>glosses"`.
   */
  static fromText(text: string, source = 'glossary'): Glossary {
    const lines = text.split('\n');
    const first = lines[0] ?? '';
    if (!first.startsWith(MAGIC)) {
      const found = first.length > 40 ? `${first.slice(0, 40)}…` : first;
      throw new GlossaryError(
        `${source}:1: not a casebot glossary (first line should start with "${MAGIC}", found ${JSON.stringify(found)}); regenerate it with \`npx tsx scripts/build-glossary.ts\``,
      );
    }
    const declared = /\bkeys=(\d+)\b/.exec(first)?.[1];
    const map = new Map<string, string>();
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i] ?? '';
      if (line === '' || line.charCodeAt(0) === 0x23 /* # */) continue;
      const tab = line.indexOf('\t');
      const key = line.slice(0, tab);
      const senses = line.slice(tab + 1);
      if (tab <= 0 || line.indexOf('\t', tab + 1) >= 0 || !/[\p{L}\p{N}]/u.test(senses)) {
        const shown = line.length > 60 ? `${line.slice(0, 60)}…` : line;
        throw new GlossaryError(`${source}:${i + 1}: expected "key<TAB>gloss|gloss;gloss", found ${JSON.stringify(shown)}`);
      }
      if (map.has(key)) throw new GlossaryError(`${source}:${i + 1}: key ${JSON.stringify(key)} appears twice`);
      map.set(key, senses);
    }
    if (declared !== undefined && Number(declared) !== map.size) {
      throw new GlossaryError(
        `${source}: the header declares ${declared} keys but the file holds ${map.size} (truncated?); regenerate it with \`npx tsx scripts/build-glossary.ts\``,
      );
    }
    return new Glossary(map, new Map());
  }

  /** Number of keys (headwords and readings), extensions included. */
  get size(): number {
    let extra = 0;
    for (const key of this.#extra.keys()) if (!this.#base.has(key)) extra++;
    return this.#base.size + extra;
  }

  /**
   * A new glossary that also knows `entries` (taking precedence over the dictionary): typically a case's
   * aliases, so `汪文斌` reads as Wang Wenbin rather than as three characters.
   *
   * @example
   * glossary.extend([['宇宙航空研究開発機構', ['jaxa']]]).read('宇宙航空研究開発機構').english // => ['jaxa']
   */
  extend(entries: Iterable<readonly [string, readonly string[]]>): Glossary {
    const extra = new Map(this.#extra);
    for (const [key, glosses] of entries) {
      const k = key.normalize('NFKC');
      const g = glosses
        .map((x) =>
          x
            .toLowerCase()
            .replace(/[|;\t\n]/g, ' ')
            .trim(),
        )
        .filter((x) => x.length > 0);
      if (k.length > 0 && g.length > 0) extra.set(k, g.join('|'));
    }
    return new Glossary(this.#base, extra);
  }

  /**
   * The glosses of a Japanese word in dictionary form, senses flattened, or `undefined`.
   *
   * @example
   * glossary.lookup('逮捕') // => ['arrest', 'apprehension', 'capture']
   */
  lookup(word: string): readonly string[] | undefined {
    return this.#senses(word.normalize('NFKC'))?.flat();
  }

  #senses(key: string): readonly (readonly string[])[] | undefined {
    const stored = this.#extra.get(key) ?? this.#base.get(key);
    return stored === undefined ? undefined : parseSenses(stored);
  }

  /**
   * Reads a (Japanese) question as English search words. Text without Japanese passes through as its
   * lower-cased Latin words and numbers. Never throws; reads at most `maxChars` characters.
   *
   * @example
   * glossary.read('JAXAを攻撃したのは誰')
   * // => { english: ['jaxa', 'attack', 'assault', 'raid', 'who'], unknown: [], words: ['攻撃'] }
   */
  read(text: string, options: ReadOptions = {}): JapaneseReading {
    const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
    const perWord = Math.max(1, options.glossesPerWord ?? DEFAULT_GLOSSES_PER_WORD);
    const capped = capString(text.normalize('NFKC'), maxChars);
    const pieces: Piece[] = [];
    for (const run of capped.matchAll(RUNS)) {
      if (run[1] !== undefined) pieces.push({ kind: 'latin', word: run[1].toLowerCase().replace(/’/g, "'") });
      else if (run[2] !== undefined) pieces.push(...this.#readJapanese(run[2], run.index));
    }
    return collect(mergeNames(pieces), perWord);
  }

  /** Greedy longest match over the segmenter's words of one Japanese run starting at `offset`. */
  #readJapanese(run: string, offset: number): Piece[] {
    const segments = [...this.#segmenter.segment(run)].map((s) => s.segment);
    const pieces: Piece[] = [];
    let pos = offset;
    let i = 0;
    while (i < segments.length) {
      const segment = segments[i] ?? '';
      const match = this.#longestMatch(segments, i);
      if (match !== null) {
        const tail = segments[match.end] ?? '';
        if (match.head > 0) segments.splice(match.end, 1, tail.slice(0, match.head), tail.slice(match.head));
        const end = match.end + (match.head > 0 ? 1 : 0);
        const surface = segments.slice(i, end).join('');
        const from = pos;
        pos += surface.length;
        if (match.kind === 'question') pieces.push({ kind: 'question', english: match.english });
        else if (match.kind === 'word') pieces.push({ kind: 'word', surface, base: match.base, senses: match.senses, from, to: pos });
        i = end;
        continue;
      }
      // The segmenter glued grammar to a word (`何と`, `偽の`): split the known head off and go again.
      const head = this.#knownHead(segment);
      if (head !== null) {
        segments.splice(i, 1, head, segment.slice(head.length));
        continue;
      }
      if (!HIRAGANA_ONLY.test(segment)) pieces.push({ kind: 'unknown', surface: segment, from: pos, to: pos + segment.length });
      pos += segment.length;
      i++;
    }
    return pieces;
  }

  /**
   * The longest span from segment `start` that is a question word, grammar or a glossary word (as is
   * or deinflected). Spans are tried longest first: whole segments, and whole segments plus the start
   * of a following hiragana segment.
   */
  #longestMatch(segments: readonly string[], start: number): Match | null {
    const first = segments[start] ?? '';
    // A particle does not start a word (`は` + `あった` is not `はあ`…), and `何…` is a question word.
    const questionOnly = GRAMMAR.has(first) || KANJI_QUESTION_PREFIXES.some((q) => first.startsWith(q));
    const last = Math.min(segments.length, start + MAX_SPAN_SEGMENTS);
    let span = segments.slice(start, last).join('');
    for (let end = last; end > start; end--) {
      if (end < last) span = span.slice(0, span.length - (segments[end] ?? '').length);
      if (span.length > MAX_WORD_CHARS) continue;
      const whole = this.#matchSpan(span, questionOnly, true);
      if (whole !== null) return { ...whole, end, head: 0 };
      // `span` minus its last segment, plus a start of that segment: `買` + `おう` of `おうと`.
      const lastSegment = segments[end - 1] ?? '';
      if (end - 1 === start || !HIRAGANA_ONLY.test(lastSegment)) continue;
      const before = span.slice(0, span.length - lastSegment.length);
      for (let head = lastSegment.length - 1; head >= 1; head--) {
        const partial = this.#matchSpan(before + lastSegment.slice(0, head), questionOnly, false);
        if (partial !== null) return { ...partial, end: end - 1, head };
      }
    }
    if (GRAMMAR.has(first)) return { kind: 'grammar', end: start + 1, head: 0 };
    return null;
  }

  /** `span` as a question word (only on whole segments: `何|です` is not `何で`), or as a word. */
  #matchSpan(
    span: string,
    questionOnly: boolean,
    wholeSegments: boolean,
  ):
    | { kind: 'question'; english: readonly string[] }
    | { kind: 'word'; base: string; senses: readonly (readonly string[])[] }
    | { kind: 'grammar' }
    | null {
    const question = wholeSegments ? QUESTION_WORDS.get(span) : undefined;
    if (question !== undefined) return { kind: 'question', english: question };
    if (questionOnly) return null;
    return this.#resolve(span);
  }

  /** The word `span` is, as itself or in dictionary form, if the glossary (or the grammar list) knows it. */
  #resolve(span: string): { kind: 'word'; base: string; senses: readonly (readonly string[])[] } | { kind: 'grammar' } | null {
    // Every inflected ending is hiragana: a span ending otherwise is looked up as it is.
    const forms = HIRAGANA_ONLY.test(span.slice(-1)) ? [span, ...deinflect(span)] : [span];
    for (const form of forms) {
      if (GRAMMAR.has(form)) return { kind: 'grammar' };
      const senses = this.#senses(form);
      if (senses === undefined || senses.length === 0) continue;
      // Short kana words are mostly grammar fragments or homophones.
      if (HIRAGANA_ONLY.test(form) && [...form].length < 3) continue;
      return { kind: 'word', base: form, senses };
    }
    return null;
  }

  /**
   * The longest proper start of `segment` that is a question word or a known word, when the rest is
   * hiragana (grammar the segmenter attached). A kanji question word always wins: `何と` → 何.
   */
  #knownHead(segment: string): string | null {
    // The longest question word first: 何年何月 is 何年 + 何月, not 何 + 年何月.
    let question: string | null = null;
    for (const q of KANJI_QUESTION_PREFIXES) {
      if (segment.length <= q.length || !segment.startsWith(q)) continue;
      for (const word of QUESTION_WORDS.keys())
        if (word.length > (question?.length ?? 0) && segment.length > word.length && segment.startsWith(word)) question = word;
    }
    if (question !== null) return question;
    for (let n = segment.length - 1; n >= 1; n--) {
      const head = segment.slice(0, n);
      if (!HIRAGANA_ONLY.test(segment.slice(n)) || HIRAGANA_ONLY.test(head)) continue;
      if (QUESTION_WORDS.has(head) || this.#resolve(head)?.kind === 'word') return head;
    }
    return null;
  }
}

/** The committed glossary, beside this module. */
const DEFAULT_GLOSSARY_FILE = new URL('./glossary.tsv', import.meta.url);

let defaultGlossary: Promise<Glossary> | undefined;

/**
 * The committed glossary, loaded once (about 40k keys; tens of milliseconds). A failed load is not
 * remembered, so a later call tries again.
 *
 * @throws {GlossaryError} (as a rejection) when the file is missing or corrupt.
 */
export function loadGlossary(): Promise<Glossary> {
  defaultGlossary ??= Glossary.load().catch((error: unknown) => {
    defaultGlossary = undefined;
    throw error;
  });
  return defaultGlossary;
}

function parseSenses(field: string): string[][] {
  return field
    .split(';')
    .map((sense) =>
      sense
        .split('|')
        .map((g) => g.trim())
        .filter((g) => g.length > 0),
    )
    .filter((sense) => sense.length > 0);
}

/** The first `max` UTF-16 units, without leaving half a surrogate pair at the end. */
function capString(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, Math.max(0, max));
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/**
 * Names the dictionary does not know come out of the segmenter as single kanji, some of which are
 * words of their own (`汪` `文` `斌`: 文 "sentence"). A one-kanji word between two unknown kanji it
 * touches is read as part of the name; touching unknown pieces are joined (`汪文斌`).
 */
function mergeNames(pieces: readonly Piece[]): Piece[] {
  const unknownKanji = (p: Piece | undefined): p is Extract<Piece, { kind: 'unknown' }> =>
    p?.kind === 'unknown' && KANJI_ONLY.test(p.surface);
  const marked: Piece[] = pieces.map((p, i) => {
    const before = pieces[i - 1];
    const after = pieces[i + 1];
    if (p.kind !== 'word' || [...p.surface].length !== 1 || !KANJI_ONLY.test(p.surface)) return p;
    if (!unknownKanji(before) || !unknownKanji(after) || before.to !== p.from || after.from !== p.to) return p;
    return { kind: 'unknown', surface: p.surface, from: p.from, to: p.to };
  });
  const out: Piece[] = [];
  for (const piece of marked) {
    const last = out[out.length - 1];
    if (piece.kind === 'unknown' && last?.kind === 'unknown' && last.to === piece.from) {
      out[out.length - 1] = { kind: 'unknown', surface: last.surface + piece.surface, from: last.from, to: piece.to };
    } else {
      out.push(piece);
    }
  }
  return out;
}

function collect(pieces: readonly Piece[], perWord: number): JapaneseReading {
  const english: string[] = [];
  const unknown: string[] = [];
  const words: string[] = [];
  const push = (list: string[], item: string): void => {
    if (!list.includes(item)) list.push(item);
  };
  for (const piece of pieces) {
    switch (piece.kind) {
      case 'latin':
        push(english, piece.word);
        break;
      case 'question':
        for (const w of piece.english) push(english, w);
        break;
      case 'unknown':
        push(unknown, piece.surface);
        push(words, piece.surface);
        break;
      case 'word':
        push(words, piece.base);
        for (const gloss of chooseGlosses(piece.senses, perWord)) for (const w of glossWords(gloss)) push(english, w);
        break;
    }
  }
  return { english, unknown, words };
}

/**
 * Up to `max` glosses, single words preferred: the first gloss of the first sense, then that sense's
 * one-word glosses; a lone first gloss is joined by the next sense's first gloss if that is one word
 * (`ソフト` → soft, software), since later senses are mostly other meanings.
 */
function chooseGlosses(senses: readonly (readonly string[])[], max: number): string[] {
  const [first, ...rest] = senses[0] ?? [];
  if (first === undefined) return [];
  const chosen = [first, ...rest.filter((g) => !/\s/.test(g))].slice(0, max);
  const next = senses[1]?.[0];
  if (chosen.length === 1 && max > 1 && next !== undefined && !/\s/.test(next)) chosen.push(next);
  return chosen;
}

/** A gloss as search words: split on spaces and hyphens, possessives and filler words dropped. */
function glossWords(gloss: string): string[] {
  return gloss
    .split(/[\s\-/]+/)
    .map((w) => w.replace(/'s$/, '').replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, ''))
    .filter((w) => w.length > 0 && !GLOSS_FILLER.has(w));
}
