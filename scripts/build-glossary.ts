/**
 * Builds `src/search/japanese/glossary.tsv`, the Japanese → English word list that lets a question
 * asked in Japanese reach the English facts (see `src/search/japanese/translate.ts`).
 *
 * How to regenerate (Debian/Ubuntu):
 *
 *   apt-get update && apt-get install -y edict        # EDICT 2021.02.03 lands in /usr/share/edict/edict
 *   npx tsx scripts/build-glossary.ts                 # or: npx tsx scripts/build-glossary.ts <edict file> <out file>
 *
 * The output depends only on the input file: keys are sorted by code point, gloss order follows the
 * dictionary, and no clock or locale is consulted. Run it twice and `cmp` the results.
 *
 * Source: EDICT (EUC-JP, one line per headword/reading pair), derived from JMdict by the Electronic
 * Dictionary Research and Development Group. Licence: the package's copyright file
 * (/usr/share/doc/edict/copyright) states Creative Commons Attribution-ShareAlike 3.0; EDRDG's current
 * licence statement is CC BY-SA 4.0. The output keeps the attribution in its header, and — being a
 * derived work — is under the same licence.
 *
 * What is kept:
 * - every entry marked common, `(P)`: its headword, and its kana reading when the word is usually
 *   written in kana (`(uk)`: `何故` is also `なぜ`). Other readings are left out: in running kana they
 *   match grammar by accident (`ていない` is the reading of 邸内 "premises"), and many are homophones;
 * - uncommon entries whose headword is 2+ characters of kanji/katakana and whose first sense mentions a
 *   word from {@link NEWS_TERMS} (`情報漏洩` → information leak, `人民解放軍`, `報道官`, `サイバー攻撃`): the
 *   vocabulary of news about attacks, crime and governments.
 *
 * Each gloss is cleaned: parentheticals and tags removed (`(n,vs)`, `(1)`, `(uk)`, `{comp}`,
 * `(suffering)`), a leading `to ` dropped, lower-cased; glosses of more than 3 words (not counting
 * `of`, `the`, `one's` and the like: "departure from a country" is 2) are skipped, as
 * are senses marked archaic, obsolete or vulgar. At most {@link MAX_GLOSSES} per key, first senses first.
 *
 * Format (`glossary.tsv`, UTF-8): lines starting with `#` are the header; the first is the magic line
 * `#casebot-glossary 1 keys=N` (N lets the loader notice a truncated file). Every other line is
 * `key<TAB>gloss|gloss;gloss…`: senses separated by `;`, the glosses of one sense by `|`. TSV rather than JSON: no quotes,
 * braces or escapes, so it is ~20% smaller, and parsing is one `split` per line.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { GLOSS_FILLER } from '../src/search/japanese/translate.js';

const DEFAULT_INPUT = '/usr/share/edict/edict';
const DEFAULT_OUTPUT = fileURLToPath(new URL('../src/search/japanese/glossary.tsv', import.meta.url));

/** Glosses stored per key. The runtime uses the first three; the fourth is a spare for display. */
const MAX_GLOSSES = 4;
/**
 * Longest gloss kept, in words other than {@link FILLER}: "chief cabinet secretary" and "ministry of
 * foreign affairs" fit, explanations do not.
 */
const MAX_GLOSS_WORDS = 3;
/** Words not counted in a gloss's length: the runtime drops them when it splits a gloss into words. */
const FILLER = GLOSS_FILLER;
/** Sense tags whose glosses are never wanted for news questions. */
const SKIPPED_SENSE_TAGS = new Set(['arch', 'obs', 'obsc', 'X', 'vulg', 'derog', 'rare']);

/**
 * Words that make an uncommon entry worth keeping: its first sense mentions one of them. Chosen for
 * questions about news and investigations — attacks, crime, police, courts, governments, companies,
 * computers — not for any one case.
 */
const NEWS_TERMS: ReadonlySet<string> = new Set([
  'accusation',
  'accuse',
  'agency',
  'alias',
  'allegation',
  'allege',
  'ambassador',
  'armed',
  'army',
  'arrest',
  'attack',
  'attacker',
  'authorities',
  'authority',
  'breach',
  'bureau',
  'cabinet',
  'china',
  'chinese',
  'company',
  'compromise',
  'computer',
  'corporation',
  'crime',
  'criminal',
  'cyber',
  'cyberattack',
  'data',
  'defence',
  'defense',
  'diplomat',
  'diplomatic',
  'engineer',
  'espionage',
  'evidence',
  'fake',
  'firm',
  'foreign',
  'fraud',
  'government',
  'hack',
  'hacker',
  'hacking',
  'identity',
  'infiltration',
  'information',
  'institute',
  'institution',
  'intelligence',
  'intrusion',
  'investigation',
  'investigator',
  'japan',
  'japanese',
  'leak',
  'liberation',
  'malware',
  'military',
  'minister',
  'ministry',
  'national',
  'network',
  'official',
  'police',
  'press',
  'prosecutor',
  'research',
  'secretary',
  'security',
  'server',
  'software',
  'space',
  'spokesman',
  'spokesperson',
  'spy',
  'suspect',
  'suspicion',
  'system',
  'theft',
  'unauthorized',
  'victim',
  'virus',
  'vulnerability',
]);

interface Entry {
  readonly headword: string;
  readonly reading: string | null;
  readonly common: boolean;
  readonly usuallyKana: boolean;
  /** Cleaned glosses, grouped by sense, in dictionary order. */
  readonly senses: readonly (readonly string[])[];
  /** Whether each sense (same index) is marked `(uk)`, usually written in kana. */
  readonly kanaSenses: readonly boolean[];
}

const KANA_ONLY = /^[\p{scx=Hiragana}\p{scx=Katakana}ー]+$/u;
const KANJI_OR_KATAKANA = /^[\p{scx=Han}\p{scx=Katakana}ー々]+$/u;
const LEADING_TAGS = /^((?:\([^)]*\)\s*)+)/;

/** One EDICT line → an entry, or null for the header and malformed lines. */
function parseLine(line: string): Entry | null {
  const match = /^(\S+)(?: \[([^\]]+)\])? \/(.*)\/$/.exec(line);
  if (match === null) return null;
  const [, headword, reading, body] = match;
  if (headword === undefined || body === undefined) return null;
  const fields = body.split('/');
  const senses: string[][] = [];
  const kanaSenses: boolean[] = [];
  let current: string[] = [];
  let currentKana = false;
  let skip = false;
  let common = false;
  let usuallyKana = false;
  for (const field of fields) {
    if (field === '(P)') {
      common = true;
      continue;
    }
    const tagMatch = LEADING_TAGS.exec(field);
    const tags = tagMatch?.[1] === undefined ? [] : [...tagMatch[1].matchAll(/\(([^)]*)\)/g)].flatMap((m) => (m[1] ?? '').split(','));
    // A field that opens with tags starts a new sense (EDICT repeats the part of speech per sense).
    if (
      tags.length > 0 &&
      (senses.length > 0 || current.length > 0) &&
      tags.some((t) => /^\d+$/.test(t) || /^(n|v|adj|adv|pn|int|exp|pref|suf|ctr|conj|prt|aux|num|unc)/.test(t))
    ) {
      senses.push(current);
      kanaSenses.push(currentKana);
      current = [];
      currentKana = false;
      skip = false;
    }
    if (tags.some((t) => SKIPPED_SENSE_TAGS.has(t))) skip = true;
    if (tags.includes('uk')) {
      currentKana = true;
      if (senses.length === 0) usuallyKana = true;
    }
    if (skip) continue;
    const gloss = cleanGloss(field);
    if (gloss !== null) current.push(gloss);
  }
  senses.push(current);
  kanaSenses.push(currentKana);
  const keep = senses.map((sense) => sense.length > 0);
  return {
    headword,
    reading: reading ?? null,
    common,
    usuallyKana,
    senses: senses.filter((_, i) => keep[i]),
    kanaSenses: kanaSenses.filter((_, i) => keep[i]),
  };
}

/**
 * A gloss as the search wants it, or null: `(n,vs) (1) attack` → `attack`, `to steal` → `steal`,
 * `suspect (person)` → `suspect`.
 */
function cleanGloss(field: string): string | null {
  // Innermost parentheses first, until none is left: "dog (Canis (lupus) familiaris)" is "dog".
  let g = field;
  while (/\([^()]*\)/.test(g)) g = g.replace(/\([^()]*\)/g, ' ');
  g = g.replace(/\{[^}]*\}/g, ' ');
  g = g
    .replace(/\.\.\.|…|[?!]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
  g = g.replace(/^to /, '');
  if (g.length === 0) return null;
  // Letters, digits, spaces, hyphens, apostrophes and dots only: no quotes, brackets, stray tag text,
  // nor the format's separators `|` and `;`.
  if (!/^[a-z0-9][a-z0-9 '\-.]*$/.test(g)) return null;
  if (g.split(' ').filter((w) => !FILLER.has(w)).length > MAX_GLOSS_WORDS) return null;
  return g;
}

/**
 * A kanji compound with one of its kanji written in kana, as Japanese news writes kanji outside the
 * common-use list (交ぜ書き): kanji first, two to four characters, and no kana that is grammar
 * (particles, る, た, て, っ).
 */
const MIXED_SPELLING = /^(?=.{2,4}$)\p{scx=Han}+[^\P{scx=Hiragana}のをにがでとはへもやるたてっ]+\p{scx=Han}*$/u;

/**
 * The news spellings of kept words: an entry spelt partly in kana ({@link MIXED_SPELLING}) whose
 * reading and first gloss are those of a kept all-kanji entry — 漏えい for 漏洩 ("leak"), 改ざん for 改竄,
 * 隠ぺい for 隠蔽. EDICT lists such a spelling as an entry of its own, uncommon, so without this
 * 情報漏えい was read as 情報 and an unknown word.
 */
function newsSpellings(entries: readonly Entry[], kept: readonly Entry[]): Entry[] {
  const keptByReading = new Map<string, Entry[]>();
  for (const e of kept) {
    if (e.reading === null || !/^\p{scx=Han}+$/u.test(e.headword)) continue;
    keptByReading.set(e.reading, [...(keptByReading.get(e.reading) ?? []), e]);
  }
  const keptSet = new Set(kept);
  return entries.filter((e) => {
    if (keptSet.has(e) || e.reading === null || !MIXED_SPELLING.test(e.headword)) return false;
    const first = e.senses[0]?.[0];
    return (keptByReading.get(e.reading) ?? []).some((k) => first !== undefined && (k.senses[0] ?? []).includes(first));
  });
}

function isNewsEntry(entry: Entry): boolean {
  if (entry.headword.length < 2 || !KANJI_OR_KATAKANA.test(entry.headword)) return false;
  const first = entry.senses[0] ?? [];
  return first.some((gloss) => gloss.split(/[ -]/).some((word) => NEWS_TERMS.has(word.replace(/s$/, '')) || NEWS_TERMS.has(word)));
}

/**
 * Merges the senses of several entries for one key, at most {@link MAX_GLOSSES} glosses in all: the
 * first senses of every entry become one first sense, later senses follow in dictionary order. Under
 * a kanji headword, later senses marked `(uk)` are dropped: they belong to the word written in kana
 * (妻 "wife" keeps its sense 1, not the kana-only "garnish").
 */
function mergeSenses(entries: readonly Entry[], kanjiKey: boolean): string[][] {
  const seen = new Set<string>();
  let budget = MAX_GLOSSES;
  const take = (glosses: readonly string[]): string[] => {
    const out: string[] = [];
    for (const g of glosses) {
      if (budget === 0 || seen.has(g)) continue;
      seen.add(g);
      out.push(g);
      budget--;
    }
    return out;
  };
  const merged = [take(entries.flatMap((e) => e.senses[0] ?? []))];
  for (const e of entries) {
    e.senses.forEach((sense, i) => {
      if (i === 0 || (kanjiKey && e.kanaSenses[i] === true)) return;
      merged.push(take(sense));
    });
  }
  return merged.filter((sense) => sense.length > 0);
}

function build(inputPath: string): { text: string; keys: number } {
  const bytes = readFileSync(inputPath);
  const lines = new TextDecoder('euc-jp', { fatal: false }).decode(bytes).split('\n');
  const created = /Created: (\d{4}-\d{2}-\d{2})/.exec(lines[0] ?? '')?.[1] ?? 'unknown';
  const sha256 = createHash('sha256').update(bytes).digest('hex');

  const entries = lines
    .slice(1)
    .map(parseLine)
    .filter((e): e is Entry => e !== null && e.senses.length > 0);
  const kept = entries.filter((e) => e.common || isNewsEntry(e));
  kept.push(...newsSpellings(entries, kept));

  const byKey = new Map<string, Entry[]>();
  const addKey = (key: string, e: Entry): void => {
    const list = byKey.get(key) ?? [];
    list.push(e);
    byKey.set(key, list);
  };
  for (const e of kept) addKey(e.headword, e);
  for (const e of kept) {
    if (!e.common || e.reading === null || KANA_ONLY.test(e.headword) || [...e.reading].length < 2) continue;
    if (e.usuallyKana) addKey(e.reading, e);
  }

  const rows: string[] = [];
  const keys = [...byKey.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const key of keys) {
    const list = byKey.get(key) ?? [];
    // Common entries first, then dictionary order (stable sort).
    const ordered = [...list].sort((a, b) => Number(b.common) - Number(a.common));
    const senses = mergeSenses(ordered, !KANA_ONLY.test(key));
    if (senses.length > 0) rows.push(`${key}\t${senses.map((sense) => sense.join('|')).join(';')}`);
  }

  const header = [
    `#casebot-glossary 1 keys=${rows.length}`,
    '# Japanese → English glosses for casebot, generated by scripts/build-glossary.ts. Do not edit by hand.',
    `# Source: EDICT (Created: ${created}; Debian package edict, file ${inputPath}, sha256 ${sha256}).`,
    '# EDICT is derived from JMdict, © Electronic Dictionary Research and Development Group (EDRDG),',
    '# https://www.edrdg.org/edrdg/licence.html — Creative Commons Attribution-ShareAlike (CC BY-SA 3.0 as stated',
    '# by the package; CC BY-SA 4.0 for current EDRDG releases). This derived file is under the same licence.',
    `# Format: key<TAB>senses; senses separated by ';', glosses of a sense by '|' (at most ${MAX_GLOSSES} glosses, lower-case, ≤ ${MAX_GLOSS_WORDS} words each).`,
  ];
  return { text: `${header.join('\n')}\n${rows.join('\n')}\n`, keys: rows.length };
}

const input = process.argv[2] ?? DEFAULT_INPUT;
const output = process.argv[3] ?? DEFAULT_OUTPUT;
const { text, keys } = build(input);
writeFileSync(output, text);
console.log(`${output}: ${keys} keys, ${Buffer.byteLength(text)} bytes`);
