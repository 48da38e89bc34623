/**
 * The language resources search uses besides the facts: English word vectors (semantic search, and
 * the dictionary that tells a real word from a typo) and the Japanese–English glossary. Both are
 * committed files read from disk; nothing is fetched. Either may be missing or corrupt: search
 * then works without it, and `problems` says what is off and why, in words a moderator understands.
 */

/**
 * A resource that could not be loaded: which one, why (`detail`: the loader's own words, technical
 * text naming the file and how to rebuild it), and the whole English sentence for logs and the CLI.
 * Replies say it in the reader's language from `resource` and `detail` (src/app/render-reasons.ts).
 */
export interface LanguageProblem {
  readonly resource: 'word-vectors' | 'glossary';
  readonly detail: string;
  readonly message: string;
}
import { Glossary, GlossaryError, loadGlossary } from './japanese/translate.js';
import { preparePlaceNames } from './places.js';
import { WordVectors, WordVectorsError } from './semantic/word-vectors.js';
import { dotKernelProblem } from './semantic/vector-rows.js';

export interface Language {
  readonly words?: WordVectors;
  readonly glossary?: Glossary;
  /** One per resource that could not be loaded. */
  readonly problems: readonly LanguageProblem[];
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
 * for (const problem of language.problems) log.warn({ problem: problem.message }, 'search runs without some language data');
 */
export async function loadLanguage(files: LanguageFiles = {}): Promise<Language> {
  const [words, glossary] = await Promise.allSettled([
    files.words === undefined ? WordVectors.load() : WordVectors.load(files.words),
    files.glossary === undefined ? loadGlossary() : Glossary.load(files.glossary),
  ]);
  preparePlaceNames();
  const problems: LanguageProblem[] = [];
  // The word vectors are only of use when the scan can run (see `dotKernelProblem`).
  const wordsProblem = words.status === 'rejected' ? describe(words.reason, WordVectorsError) : dotKernelProblem();
  if (wordsProblem !== undefined)
    problems.push({ resource: 'word-vectors', detail: wordsProblem, message: `semantic search is off: ${wordsProblem}` });
  if (glossary.status === 'rejected') {
    const detail = describe(glossary.reason, GlossaryError);
    problems.push({ resource: 'glossary', detail, message: `Japanese questions are read word by word only: ${detail}` });
  }
  return {
    ...(words.status === 'fulfilled' && wordsProblem === undefined ? { words: words.value } : {}),
    ...(glossary.status === 'fulfilled' ? { glossary: glossary.value } : {}),
    problems,
  };
}

function describe(reason: unknown, expected: new (...args: never[]) => Error): string {
  if (reason instanceof expected) return reason.message;
  return `could not be loaded (${reason instanceof Error ? reason.name : 'error'})`;
}
