import { z } from 'zod';

/** Lowercase letters, digits and '-', starting with a letter or digit: usable in URLs and Discord custom ids. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
const ID_MAX = 64;

/** An id field; `example` is a valid id of the same kind, shown when the value is not one. */
const idOf = (example: string): z.ZodString => z
  .string()
  .min(1)
  .max(ID_MAX)
  .regex(ID_PATTERN, { error: `should use only lowercase letters, digits and '-' (like ${example})` });

/** A value a moderator probably copied from a `file:` line: has a '/' or '\\', or ends in an extension. */
const LOOKS_LIKE_PATH = /[/\\]|\.[A-Za-z0-9]{1,5}$/;

/**
 * A cite's `source:`, which names a source by its id in case.yaml. A file path there (the easy
 * mistake, since case.yaml lists both) gets its own advice.
 */
const sourceRef = z
  .string()
  .min(1)
  .max(ID_MAX)
  .regex(ID_PATTERN, {
    error: (issue) => typeof issue.input === 'string' && LOOKS_LIKE_PATH.test(issue.input)
      ? "should be the source's id from case.yaml (its 'id:' under sources:, like report), not a file path"
      : "should be the id of a source listed in case.yaml: lowercase letters, digits and '-' (like report)",
  });

/** Optional metadata is null or omitted unless known; never invented. */
const known = z.string().min(1).nullable().optional();

export const sourceSchema = z.strictObject({
  id: idOf('report'),
  title: z.string().min(1).max(200),
  file: z.string().min(1).max(300),
  publisher: known,
  date: known,
  url: z
    .string()
    .regex(/^https?:\/\/[^\s/]+\S*$/, { error: 'should be a full http(s) address (like https://example.com/article) or null' })
    .nullable()
    .optional(),
});

export const caseSchema = z.strictObject({
  id: idOf('tick-jaxa'),
  title: z.string().min(1).max(200),
  summary: z.string().min(1).max(1000),
  sources: z.array(z.unknown()).min(1),
  aliases: z.array(z.array(z.string().min(1).max(100)).min(2)).optional(),
  /** Questions this case's community asks about something else (see `Case.offtopic`): lines, not paragraphs. */
  offtopic: z.array(z.string().trim().min(1).max(200)).max(500).optional(),
});

const QUOTE_MAX = 2000;
const TEXT_MAX = 300;
const TAG_MAX = 40;
const TAGS_MAX = 10;
/** A question members ask, in their words: a line, not a paragraph. */
const QUESTION_MAX = 200;
const QUESTIONS_MAX = 30;

export const citeSchema = z.strictObject({
  source: sourceRef,
  quote: z.string().trim().min(1).max(QUOTE_MAX),
  /** The quote is a clause of a sentence, not whole sentences (then it needs at least 6 words; see quote-problems.ts). */
  excerpt: z.boolean().optional(),
});

export const factSchema = z.strictObject({
  id: idOf('wang-fake-company'),
  text: z.string().trim().min(1).max(TEXT_MAX),
  cite: z.array(citeSchema).min(1),
  tags: z.array(z.string().trim().min(1).max(TAG_MAX)).max(TAGS_MAX).optional(),
  /**
   * Questions this fact answers, the way members ask them (any language): searched like the fact's
   * own words, never shown. Where moderators put what `/case-admin gaps` lists as unanswered.
   */
  questions: z.array(z.string().trim().min(1).max(QUESTION_MAX)).max(QUESTIONS_MAX).optional(),
});

export const factsFileSchema = z.strictObject({
  facts: z.array(z.unknown()),
});

export type SourceInput = z.infer<typeof sourceSchema>;
export type CaseInput = z.infer<typeof caseSchema>;
export type FactInput = z.infer<typeof factSchema>;
export type CiteInput = z.infer<typeof citeSchema>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function hasOnlyKeys(value: Record<string, unknown>, allowed: readonly string[]): boolean {
  for (const key of Object.keys(value)) if (!allowed.includes(key)) return false;
  return true;
}

function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length >= 1 && value.length <= ID_MAX && ID_PATTERN.test(value);
}

/** `value.trim()` when it is text of 1..max characters after trimming (as `z.string().trim().min(1).max(max)`). */
function trimmed(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  return text.length >= 1 && text.length <= max ? text : undefined;
}

const FACT_KEYS = ['id', 'text', 'cite', 'tags', 'questions'];
const CITE_KEYS = ['source', 'quote', 'excerpt'];

/**
 * {@link factSchema} for the common case, about ten times faster than zod on big sets: the parsed
 * fact when `value` is surely valid, or `undefined` when zod must decide (and explain what is wrong).
 * It accepts only what `factSchema` accepts and returns what `factSchema.parse` would (a test checks
 * both on valid and broken facts), so a valid fact never needs zod.
 *
 * @example
 * quickFact({ id: 'a', text: ' Hi ', cite: [{ source: 'r', quote: 'Hi.' }] }) // → { id: 'a', text: 'Hi', cite: [...] }
 * quickFact({ id: 'a' })                                                     // → undefined
 */
export function quickFact(value: unknown): FactInput | undefined {
  if (!isRecord(value) || !hasOnlyKeys(value, FACT_KEYS)) return undefined;
  const { id: factId, cite: rawCite, tags: rawTags, questions: rawQuestions } = value;
  const text = trimmed(value.text, TEXT_MAX);
  if (!isId(factId) || text === undefined || !Array.isArray(rawCite) || rawCite.length === 0) return undefined;
  const cite: FactInput['cite'] = [];
  for (const item of rawCite) {
    if (!isRecord(item) || !hasOnlyKeys(item, CITE_KEYS) || !isId(item.source)) return undefined;
    const quote = trimmed(item.quote, QUOTE_MAX);
    const { excerpt } = item;
    if (quote === undefined) return undefined;
    if (excerpt === undefined) cite.push({ source: item.source, quote });
    else if (typeof excerpt === 'boolean') cite.push({ source: item.source, quote, excerpt });
    else return undefined;
  }
  const tags = rawTags === undefined ? undefined : trimmedList(rawTags, TAGS_MAX, TAG_MAX);
  const questions = rawQuestions === undefined ? undefined : trimmedList(rawQuestions, QUESTIONS_MAX, QUESTION_MAX);
  if (tags === null || questions === null) return undefined;
  return { id: factId, text, cite, ...(tags === undefined ? {} : { tags }), ...(questions === undefined ? {} : { questions }) };
}

/** Each item trimmed, as `z.array(z.string().trim().min(1).max(max)).max(count)`; null when zod must decide. */
function trimmedList(value: unknown, count: number, max: number): string[] | null {
  if (!Array.isArray(value) || value.length > count) return null;
  const out: string[] = [];
  for (const item of value) {
    const t = trimmed(item, max);
    if (t === undefined) return null;
    out.push(t);
  }
  return out;
}

/** Known field names at each place of the format, for "did you mean" hints. Keyed by the path's names without indexes. */
export const KNOWN_FIELDS: Readonly<Record<string, readonly string[]>> = {
  'case': Object.keys(caseSchema.shape),
  'case/sources': Object.keys(sourceSchema.shape),
  'facts': Object.keys(factsFileSchema.shape),
  'facts/facts': Object.keys(factSchema.shape),
  'facts/facts/cite': Object.keys(citeSchema.shape),
};
