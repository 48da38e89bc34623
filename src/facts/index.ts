/** The facts module: load and validate a facts folder; compare fact sets; quote folding. */
export { loadFactsDir } from './load.js';
export type { LoadOptions } from './load.js';
export { diffFactSets, diffFactSetsInSlices, sameFactContent } from './diff.js';
export { foldForQuoteMatch, splitSentences } from './quotes.js';
export { SourceMatcher } from './source-matcher.js';
export type { ClosestSentence } from './source-matcher.js';
export { ID_PATTERN } from './schema.js';
export { formatLoadError, factKey } from './types.js';
export type { Case, Citation, Fact, FactSet, LoadError, LoadResult, Source } from './types.js';
