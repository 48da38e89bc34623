/**
 * Prints the relevance figures of the shipped facts against test/relevance/*.yaml, group by group,
 * with every miss: `npm run relevance` (add `--lexical` for the lexical engine alone). The same
 * measures `test/search/relevance.test.ts` holds floors on. The held-out set (holdout.yaml) prints
 * its figures only; `--holdout-misses` lists its misses too.
 */
import { fileURLToPath } from 'node:url';
import { answeredOfftopic, loadRelevanceSets, scoreGroup, type JudgedQuery } from '../src/bench/relevance.js';
import { loadFactsDir } from '../src/facts/load.js';
import { formatLoadError } from '../src/facts/types.js';
import { buildIndex } from '../src/search/build-index.js';
import { loadLanguage } from '../src/search/language.js';

const root = fileURLToPath(new URL('../facts', import.meta.url));
const loaded = await loadFactsDir(root);
if (!loaded.ok) throw new Error(loaded.errors.map(formatLoadError).join('\n'));
const lexicalOnly = process.argv.includes('--lexical');
const language = await loadLanguage();
if (language.problems.length > 0) console.log(language.problems.map((p) => p.message).join('\n'));
const index = await buildIndex(
  loaded.factSet,
  lexicalOnly ? { problems: [], ...(language.glossary ? { glossary: language.glossary } : {}) } : language,
);
const sets = await loadRelevanceSets(fileURLToPath(new URL('../test/relevance', import.meta.url)));
const search = (q: string): string[] => index.search(q, { limit: 10 }).hits.map((h) => h.fact.id);
const showMisses = process.argv.includes('--misses');
// The held-out set: figures only unless asked, so that tuning is not done against it by accident.
const showHoldout = process.argv.includes('--holdout-misses');

/** One set's figures: each judged group, then how many off-topic questions got an answer; with `list`, which. */
function report(
  prefix: string,
  groups: Readonly<Record<string, readonly JudgedQuery[]>>,
  offtopic: readonly string[],
  list: { readonly misses: boolean; readonly answered: boolean },
): void {
  for (const [group, queries] of Object.entries(groups)) {
    const score = scoreGroup(queries, search);
    console.log(`${prefix}${group}: ${score.count} queries, hit@3 ${score.hitAt3.toFixed(3)}, MRR ${score.mrr.toFixed(3)}`);
    if (list.misses) for (const miss of score.misses) console.log(`  miss: ${miss}`);
  }
  const answered = answeredOfftopic(offtopic, search);
  console.log(`${prefix}offtopic: ${offtopic.length} queries, ${answered.length} answered`);
  if (list.answered) for (const q of answered) console.log(`  answered: ${q}`);
}

report('', { keyword: sets.keyword, member: sets.member, japanese: sets.japanese }, sets.offtopic, { misses: showMisses, answered: true });
for (const set of sets.blind) {
  report(`${set.name} `, { member: set.member, japanese: set.japanese }, set.offtopic, { misses: showMisses, answered: true });
}
report('holdout ', { member: sets.holdout.member, japanese: sets.holdout.japanese }, sets.holdout.offtopic, {
  misses: showHoldout,
  answered: showHoldout,
});
