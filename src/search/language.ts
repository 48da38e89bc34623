/**
 * The language resources search uses besides the facts: English word vectors (semantic search, and
 * the dictionary that tells a real word from a typo) and the Japanese–English glossary. Both are
 * committed files read from disk; nothing is fetched. Either may be missing or corrupt: search
 * then works without it, and `problems` says what is off and why, in words a moderator understands.
 */
import { Glossary, GlossaryError, loadGlossary } from './japanese/translate.js';
import { WordVectors, WordVectorsError } from './semantic/word-vectors.js';

export interface Language {
  readonly words?: WordVectors;
  readonly glossary?: Glossary;
  /** One sentence per resource that could not be loaded. */
  readonly problems: readonly string[];
}

export interface LanguageFiles {
  /** Default: the committed word vectors. */
  readonly words?: string;
  /** Default: the committed glossary. */
  readonly glossary?: string;
}

/**
 * Loads both resources at once; never throws.
 *
 * @example
 * const language = await loadLanguage();
 * if (language.problems.length > 0) log.warn({ problems: language.problems }, 'search runs without some language data');
 */
export async function loadLanguage(files: LanguageFiles = {}): Promise<Language> {
  const [words, glossary] = await Promise.allSettled([
    files.words === undefined ? WordVectors.load() : WordVectors.load(files.words),
    files.glossary === undefined ? loadGlossary() : Glossary.load(files.glossary),
  ]);
  const problems: string[] = [];
  if (words.status === 'rejected') problems.push(`semantic search is off: ${describe(words.reason, WordVectorsError)}`);
  if (glossary.status === 'rejected')
    problems.push(`Japanese questions are read word by word only: ${describe(glossary.reason, GlossaryError)}`);
  return {
    ...(words.status === 'fulfilled' ? { words: words.value } : {}),
    ...(glossary.status === 'fulfilled' ? { glossary: glossary.value } : {}),
    problems,
  };
}

function describe(reason: unknown, expected: new (...args: never[]) => Error): string {
  if (reason instanceof expected) return reason.message;
  return `could not be loaded (${reason instanceof Error ? reason.name : 'error'})`;
}
