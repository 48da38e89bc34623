/**
 * `npm run check-facts [dir]` — validates a facts folder the way the bot will load it.
 * Prints `OK: N facts in M cases (ids)` and exits 0, or every problem (file:line:col message) and exits 1.
 * Warnings (a source file case.yaml does not list; an `offtopic:` line that reads like a question the
 * facts answer, or that the word vectors cannot read) are printed either way, prefixed `warning:`,
 * and do not change the exit code. The folder is the argument, else FACTS_DIR, else ./facts.
 */
import 'dotenv/config';
import { formatLoadError, loadFactsDir } from '../src/facts/index.js';
import { buildIndex } from '../src/search/build-index.js';
import { loadLanguage } from '../src/search/language.js';
import { checkOfftopicLines, describeOfftopicLineWarning } from '../src/search/semantic/offtopic-lines.js';

const root = process.argv[2] ?? process.env.FACTS_DIR ?? './facts';
const result = await loadFactsDir(root);

for (const warning of result.warnings) console.error(formatLoadError({ ...warning, message: `warning: ${warning.message}` }));
if (result.ok) {
  // The off-topic lines are read as the bot reads them: with the word vectors, against the facts.
  const language = await loadLanguage();
  if (language.words !== undefined && [...result.factSet.cases.values()].some((c) => (c.offtopic ?? []).length > 0)) {
    const index = await buildIndex(result.factSet, language);
    for (const warning of checkOfftopicLines(index, language.words)) console.error(`warning: ${describeOfftopicLineWarning(warning)}`);
  }
  const ids = [...result.factSet.cases.keys()];
  console.log(`OK: ${result.factSet.facts.length} facts in ${ids.length} case${ids.length === 1 ? '' : 's'} (${ids.join(', ')})`);
} else {
  for (const error of result.errors) console.error(formatLoadError(error));
  const n = result.errors.length;
  console.error(`${n} problem${n === 1 ? '' : 's'} found in ${root}`);
  process.exitCode = 1;
}
