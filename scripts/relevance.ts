/**
 * Prints the relevance figures of the shipped facts against test/relevance/*.yaml, group by group,
 * with every miss: `npm run relevance` (add `--lexical` for the lexical engine alone). The same
 * measures `test/search/relevance.test.ts` holds floors on. The held-out set (holdout.yaml) prints
 * its figures only; `--holdout-misses` lists its misses too.
 */
import { fileURLToPath } from 'node:url';
import { answeredOfftopic, loadRelevanceSets, scoreGroup } from '../src/bench/relevance.js';
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
for (const group of ['keyword', 'member', 'japanese'] as const) {
  const score = scoreGroup(sets[group], search);
  console.log(`${group}: ${score.count} queries, hit@3 ${score.hitAt3.toFixed(3)}, MRR ${score.mrr.toFixed(3)}`);
  if (process.argv.includes('--misses')) for (const miss of score.misses) console.log(`  miss: ${miss}`);
}
const noisy = answeredOfftopic(sets.offtopic, search);
console.log(`offtopic: ${sets.offtopic.length} queries, ${noisy.length} answered`);
for (const q of noisy) console.log(`  answered: ${q}`);
for (const group of ['member', 'japanese'] as const) {
  const score = scoreGroup(sets.blind[group], search);
  console.log(`blind ${group}: ${score.count} queries, hit@3 ${score.hitAt3.toFixed(3)}, MRR ${score.mrr.toFixed(3)}`);
  if (process.argv.includes('--misses')) for (const miss of score.misses) console.log(`  miss: ${miss}`);
}
const noisyBlind = answeredOfftopic(sets.blind.offtopic, search);
console.log(`blind offtopic: ${sets.blind.offtopic.length} queries, ${noisyBlind.length} answered`);
for (const q of noisyBlind) console.log(`  answered: ${q}`);
// The held-out set: figures only unless asked, so that tuning is not done against it by accident.
const showHoldout = process.argv.includes('--holdout-misses');
for (const group of ['member', 'japanese'] as const) {
  const score = scoreGroup(sets.holdout[group], search);
  console.log(`holdout ${group}: ${score.count} queries, hit@3 ${score.hitAt3.toFixed(3)}, MRR ${score.mrr.toFixed(3)}`);
  if (showHoldout) for (const miss of score.misses) console.log(`  miss: ${miss}`);
}
const noisyHoldout = answeredOfftopic(sets.holdout.offtopic, search);
console.log(`holdout offtopic: ${sets.holdout.offtopic.length} queries, ${noisyHoldout.length} answered`);
if (showHoldout) for (const q of noisyHoldout) console.log(`  answered: ${q}`);
