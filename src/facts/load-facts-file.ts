/**
 * One facts file of a case: each fact's schema (the fast check, zod only to explain a problem), its
 * id unique in the case, and each citation verified against the case's sources.
 */
import path from 'node:path';
import { CLOSEST_HINTS, validate, type Context } from './load-context.js';
import { oneLine } from '../shared/whitespace.js';
import { SOURCES_FOLDER, type CaseSources, type LoadedSource } from './load-case-file.js';
import { missingQuote, partialQuoteMessage } from './quote-problems.js';
import { foldForQuoteMatch } from './quotes.js';
import { citeSchema, factSchema, factsFileSchema, quickFact } from './schema.js';
import type { CiteInput } from './schema.js';
import { closestName } from './text-distance.js';
import type { Citation, Fact } from './types.js';
import type { YamlFile } from './yaml-file.js';

/** Where an id was first defined; the position text is only computed if a duplicate turns up. */
export interface FactSeen {
  readonly file: YamlFile;
  /** Index in the file's `facts:` list. */
  readonly index: number;
}

/** Validates one facts file and checks every citation; returns its valid facts. */
export function loadFactsFile(ctx: Context, caseId: string, file: YamlFile, sources: CaseSources, seenIds: Map<string, FactSeen>): Fact[] {
  const top = validate(ctx, file, factsFileSchema, file.data, 'facts');
  if (!top) return [];
  const facts: Fact[] = [];
  for (const [i, item] of top.facts.entries()) {
    // quickFact settles valid facts; zod runs only for the others, to say what is wrong.
    const input = quickFact(item) ?? validate(ctx, file, factSchema, item, 'facts', ['facts', i]);
    // An invalid fact still has its id and citations checked, so one pass reports every mistake.
    const partial = input ?? salvageFact(item);
    let ok = input !== undefined;
    if (partial.id !== undefined) {
      const seen = seenIds.get(partial.id);
      if (seen) {
        const first = ctx.problems.where(seen.file, ['facts', seen.index, 'id']);
        ctx.problems.at(file, file.offsetOf(['facts', i, 'id']), `fact id '${partial.id}' is already used at ${first}; give one of them a new id`, { kind: 'duplicate-id', id: partial.id, first });
        ok = false;
      } else {
        seenIds.set(partial.id, { file, index: i });
      }
    }
    for (const [c, cite] of partial.cite.entries()) {
      if (cite && !checkCitation(ctx, file, ['facts', i, 'cite', c], cite, sources)) ok = false;
    }
    if (!input || !ok) continue;
    facts.push({
      id: input.id,
      caseId,
      text: oneLine(input.text),
      citations: input.cite.map((c) => locatedCitation(ctx, c, sources.loaded)),
      tags: (input.tags ?? []).map(oneLine),
      questions: (input.questions ?? []).map(oneLine),
      file: file.display,
      line: file.itemLine('facts', i),
    });
  }
  return facts;
}

/** A verified citation with the source's own text of its quote and where it stands. */
function locatedCitation(ctx: Context, cite: Pick<Citation, 'source' | 'quote'>, sources: ReadonlyMap<string, LoadedSource>): Citation {
  const quote = oneLine(cite.quote);
  const folded = ctx.foldCache.get(cite.quote) ?? foldForQuoteMatch(cite.quote);
  const located = sources.get(cite.source)?.positions.locate(folded, quote) ?? { text: quote, position: { first: 0, last: 0, of: 0 } };
  return { source: cite.source, quote, sourceText: located.text, position: located.position };
}

/** The parts of an invalid fact that are still checkable: its id and its well-formed citations (others undefined, keeping indexes). */
function salvageFact(item: unknown): { id: string | undefined; cite: (CiteInput | undefined)[] } {
  const record = item !== null && typeof item === 'object' ? item : {};
  const id: unknown = Reflect.get(record, 'id');
  const cite: unknown = Reflect.get(record, 'cite');
  return {
    id: typeof id === 'string' ? id : undefined,
    cite: Array.isArray(cite) ? cite.map((c: unknown) => {
      const parsed = citeSchema.safeParse(c);
      return parsed.success ? parsed.data : undefined;
    }) : [],
  };
}

/** The message for a cite of a source id case.yaml does not declare: how to declare it, or the id meant. */
function unknownSourceMessage(id: string, sources: CaseSources, knownIds: ReadonlySet<string>): string {
  const file = sources.unlisted.find((f) => path.posix.parse(f).name === id);
  if (file) return `unknown source '${id}': ${file} exists, but case.yaml does not list it; list it under sources: in case.yaml (id: ${id}, title:, file: ${file})`;
  const guess = closestName(id, knownIds);
  const known = `this case's sources are ${[...knownIds].map((s) => `'${s}'`).join(', ')}`;
  const howToAdd = sources.unlisted.length > 0
    ? `to cite another document, list it under sources: in case.yaml (not listed yet: ${sources.unlisted.join(', ')})`
    : `to cite another document, put it in ${SOURCES_FOLDER}/ and list it under sources: in case.yaml`;
  return `unknown source '${id}'; ${known}${guess ? ` — did you mean '${guess}'?` : ''}; ${howToAdd}`;
}

function checkCitation(ctx: Context, file: YamlFile, path: readonly PropertyKey[], cite: CiteInput, sources: CaseSources): boolean {
  const loaded = sources.loaded.get(cite.source);
  if (!loaded) {
    // A source that is declared but failed to load was reported already; don't repeat it per quote.
    if (sources.knownIds && !sources.knownIds.has(cite.source)) {
      const guess = closestName(cite.source, sources.knownIds);
      ctx.problems.at(file, file.offsetOf([...path, 'source']), unknownSourceMessage(cite.source, sources, sources.knownIds),
        guess ? { kind: 'unknown-source', source: cite.source, guess } : { kind: 'unknown-source', source: cite.source });
    }
    return false;
  }
  let folded = ctx.foldCache.get(cite.quote);
  if (folded === undefined) {
    folded = foldForQuoteMatch(cite.quote);
    ctx.foldCache.set(cite.quote, folded);
  }
  let place = loaded.checked.get(folded);
  if (place === undefined) {
    place = loaded.matcher.locate(folded);
    loaded.checked.set(folded, place);
  }
  if (place.kind === 'sentences') return true;
  const quoteOffset = (): number => file.offsetOf([...path, 'quote']);
  if (place.kind === 'part') {
    const message = partialQuoteMessage(cite.source, folded, place, cite.excerpt === true);
    if (message === undefined) return true;
    ctx.problems.at(file, quoteOffset(), message);
    return false;
  }
  if (ctx.closestHints >= CLOSEST_HINTS) {
    ctx.problems.at(file, quoteOffset(),
      `quote not found in source "${cite.source}" (closest-sentence hints are shown for the first ${CLOSEST_HINTS} such quotes only)`,
      { kind: 'quote-not-found', source: cite.source });
    return false;
  }
  ctx.closestHints += 1;
  const missing = missingQuote(cite.source, cite.quote, loaded.matcher.closest(cite.quote));
  ctx.problems.at(file, quoteOffset(), missing.message, missing.problem);
  return false;
}
