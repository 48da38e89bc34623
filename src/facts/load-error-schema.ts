/**
 * The shape of a {@link LoadError} as a zod schema, for load errors and warnings that arrive from
 * another thread or process (the load worker, another shard, another replica over Redis): what
 * arrives is checked, never assumed to be one.
 */
import { z } from 'zod';
import type { LoadError, LoadProblem } from './types.js';

const field = z.object({ name: z.string(), item: z.number().optional() });

/** Every kind of {@link LoadProblem}; keep in step with the type (the annotation makes tsc check it). */
export const loadProblemSchema: z.ZodType<LoadProblem> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal(['yaml-syntax', 'yaml-tab']) }),
  z.object({ kind: z.literal('yaml-unclosed-quote'), quote: z.string() }),
  z.object({ kind: z.literal('yaml-duplicate-key'), key: z.string() }),
  z.object({ kind: z.literal(['missing-field', 'empty']), field }),
  z.object({ kind: z.literal('wrong-type'), field, expected: z.enum(['text', 'list', 'group', 'number', 'boolean', 'other']) }),
  z.object({ kind: z.literal('unknown-field'), field: z.string(), guess: z.string().optional() }),
  z.object({ kind: z.literal(['too-long', 'too-many']), field, size: z.number(), max: z.number() }),
  z.object({ kind: z.literal('too-few'), field, min: z.number() }),
  z.object({ kind: z.literal('quote-not-found'), source: z.string(), closest: z.string().optional() }),
  z.object({ kind: z.literal('duplicate-id'), id: z.string(), first: z.string() }),
  z.object({ kind: z.literal('unknown-source'), source: z.string(), guess: z.string().optional() }),
  z.object({ kind: z.literal('source-file-not-found'), file: z.string() }),
  z.object({ kind: z.literal('source-not-listed'), file: z.string() }),
  z.object({ kind: z.literal('shared-question'), question: z.string(), first: z.string(), second: z.string() }),
]);

/**
 * A load error or warning ({@link LoadError}). A problem kind this version does not know (from a process of a newer
 * one) is dropped: the English message stands, and the error is not lost.
 */
export const loadErrorSchema = z.object({
  file: z.string(),
  line: z.number(),
  column: z.number(),
  message: z.string(),
  problem: loadProblemSchema.optional().catch(undefined),
}) satisfies z.ZodType<LoadError>;

