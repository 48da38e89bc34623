import { createRng, type Rng } from './prng.js';
import { OFF_TOPIC_WORDS, vocabulary, type Vocabulary } from './vocabulary.js';

/** What a benchmark query is meant to exercise (kept for reports and tests). */
export type QueryKind = 'plain' | 'typo' | 'prefix' | 'japanese' | 'off-topic';

export interface BenchQuery {
  readonly text: string;
  readonly kind: QueryKind;
}

/** Shares of the query kinds; the rest are plain 1–3 word queries. */
const SHARES: readonly (readonly [QueryKind, number])[] = [
  ['typo', 0.15],
  ['prefix', 0.15],
  ['japanese', 0.05],
  ['off-topic', 0.04],
];

/**
 * `n` realistic queries over the generated vocabulary, deterministic for `seed`: 1–3 words;
 * ~15% with a typo, ~15% ending in an unfinished word (as typed into autocomplete), ~5%
 * Japanese, a few off-topic.
 *
 * @example
 * generateQueries(3, 1).map((q) => q.text); // e.g. ['malware Osaka', 'Tanak', 'pizza recipe']
 */
export function generateQueries(n: number, seed: number): BenchQuery[] {
  const vocab = vocabulary();
  const rng = createRng(seed ^ 0x5eed);
  const out: BenchQuery[] = [];
  for (let i = 0; i < n; i += 1) {
    const kind = drawKind(rng);
    out.push({ kind, text: queryOf(kind, rng, vocab) });
  }
  return out;
}

function drawKind(rng: Rng): QueryKind {
  let x = rng.next();
  for (const [kind, share] of SHARES) {
    if (x < share) return kind;
    x -= share;
  }
  return 'plain';
}

function queryOf(kind: QueryKind, rng: Rng, vocab: Vocabulary): string {
  switch (kind) {
    case 'japanese': {
      const first = rng.pick(vocab.japaneseTerms);
      return rng.chance(0.5) ? first : `${first} ${vocab.ja.verbs.sample(rng).slice(0, 2)}`;
    }
    case 'off-topic': {
      const words = [rng.pick(OFF_TOPIC_WORDS)];
      if (rng.chance(0.6)) words.push(rng.pick(OFF_TOPIC_WORDS));
      return words.join(' ');
    }
    case 'typo': {
      const words = plainWords(rng, vocab);
      const at = rng.int(0, words.length - 1);
      words[at] = typo(rng, words[at] ?? '');
      return words.join(' ');
    }
    case 'prefix': {
      const words = plainWords(rng, vocab);
      const last = words[words.length - 1] ?? '';
      words[words.length - 1] = last.slice(0, Math.max(2, rng.int(2, Math.max(2, last.length - 1))));
      return words.join(' ');
    }
    case 'plain':
      return plainWords(rng, vocab).join(' ');
  }
}

/** 1–3 words in the shapes people type: a name, a name and an action, a thing and a place. */
function plainWords(rng: Rng, vocab: Vocabulary): string[] {
  const shape = rng.int(0, 5);
  switch (shape) {
    case 0:
      return [vocab.people.sample(rng).surname];
    case 1:
      return [vocab.people.sample(rng).surname, vocab.verbs.sample(rng)];
    case 2:
      return [vocab.orgs.sample(rng).name.split(' ')[0] ?? 'server', vocab.nouns.sample(rng)];
    case 3:
      return [vocab.adjectives.sample(rng), vocab.nouns.sample(rng), vocab.places.sample(rng)]
        .slice(rng.int(0, 1))
        .flatMap((w) => w.split(' '))
        .slice(0, 3);
    case 4:
      return [vocab.nouns.sample(rng), vocab.verbs.sample(rng)];
    default: {
      const count = rng.int(1, 3);
      return Array.from({ length: count }, () => vocab.englishWords.sample(rng));
    }
  }
}

/** One keyboard slip: a dropped, doubled, swapped or wrong letter (words under 4 letters get a wrong letter). */
function typo(rng: Rng, word: string): string {
  if (word.length < 2) return `${word}x`;
  const at = rng.int(1, word.length - 1);
  const letter = String.fromCharCode(97 + rng.int(0, 25));
  const kind = word.length < 4 ? 3 : rng.int(0, 3);
  switch (kind) {
    case 0:
      return word.slice(0, at) + word.slice(at + 1);
    case 1:
      return word.slice(0, at) + (word[at] ?? '') + word.slice(at);
    case 2:
      return at < word.length - 1
        ? word.slice(0, at) + (word[at + 1] ?? '') + (word[at] ?? '') + word.slice(at + 2)
        : word.slice(0, -1) + letter;
    default: {
      const replaced = word.slice(0, at) + letter + word.slice(at + 1);
      return replaced === word ? `${word}e` : replaced;
    }
  }
}
