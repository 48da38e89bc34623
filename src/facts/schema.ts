import { z } from 'zod';

/** Lowercase letters, digits and '-', starting with a letter or digit: usable in URLs and Discord custom ids. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
const ID_MAX = 64;

const id = z
  .string()
  .min(1)
  .max(ID_MAX)
  .regex(ID_PATTERN, { error: "should use only lowercase letters, digits and '-' (like tick-jaxa)" });

/** Optional metadata is null or omitted unless known; never invented. */
const known = z.string().min(1).nullable().optional();

export const sourceSchema = z.strictObject({
  id,
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
  id,
  title: z.string().min(1).max(200),
  summary: z.string().min(1).max(1000),
  sources: z.array(z.unknown()).min(1),
  aliases: z.array(z.array(z.string().min(1).max(100)).min(2)).optional(),
});

export const citeSchema = z.strictObject({
  source: id,
  quote: z.string().trim().min(1).max(2000),
});

export const factSchema = z.strictObject({
  id,
  text: z.string().trim().min(1).max(300),
  cite: z.array(citeSchema).min(1),
  tags: z.array(z.string().trim().min(1).max(40)).max(10).optional(),
});

export const factsFileSchema = z.strictObject({
  facts: z.array(z.unknown()),
});

export type SourceInput = z.infer<typeof sourceSchema>;
export type CaseInput = z.infer<typeof caseSchema>;
export type FactInput = z.infer<typeof factSchema>;

/** Known field names at each place of the format, for "did you mean" hints. Keyed by the path's names without indexes. */
export const KNOWN_FIELDS: Readonly<Record<string, readonly string[]>> = {
  'case': Object.keys(caseSchema.shape),
  'case/sources': Object.keys(sourceSchema.shape),
  'facts': Object.keys(factsFileSchema.shape),
  'facts/facts': Object.keys(factSchema.shape),
  'facts/facts/cite': Object.keys(citeSchema.shape),
};
