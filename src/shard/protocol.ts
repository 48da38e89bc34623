/**
 * The IPC messages between the shard manager and its shards (discord.js `shard.send` /
 * `client.shard.send`, JSON over the child-process channel). Everything received is validated
 * here: a message that is not ours (discord.js sends its own `_ready`, `_eval`, …) parses to null.
 *
 * One reload, as seen on the wire:
 * 1. the shard that got `/case-admin reload` → manager: `casebot:reload` { requestId, by }
 * 2. manager → every shard: `casebot:reload-run` { requestId, by }
 * 3. every shard → manager: `casebot:reload-done` { requestId, report }
 * 4. manager → the asking shard: `casebot:reload-result` { requestId, reports } (one per shard)
 */
import { z } from 'zod';
import { loadErrorSchema } from '../facts/load-error-schema.js';
import type { NoAnswer, ReloadReport } from '../store/types.js';

const noAnswer: z.ZodType<NoAnswer> = z.union([
  z.discriminatedUnion('code', [
    z.object({ code: z.literal('shard-silent'), shard: z.number(), seconds: z.number() }),
    z.object({ code: z.literal('shard-down'), shard: z.number() }),
    z.object({ code: z.literal('manager-silent'), seconds: z.number() }),
    z.object({ code: z.literal('replica-silent'), replica: z.string(), seconds: z.number() }),
    z.object({ code: z.literal(['redis-down', 'redis-silent', 'redis-refused']), where: z.string(), detail: z.string() }),
    z.object({ code: z.literal('text'), text: z.string() }),
  ]),
  // A process of an older version sends the sentence itself.
  z.string().transform((text): NoAnswer => ({ code: 'text', text })),
]);

/**
 * Optional: a shard of an older version sends none, and its reply then lists none. A list of
 * another shape is dropped, not the report with it: the outcome of the reload is what must arrive.
 */
const warnings = z.array(loadErrorSchema).readonly().optional().catch(undefined);

/** Dates travel as ISO strings (JSON has no dates) and are revived on arrival. */
const isoDate = z.string().transform((value) => new Date(value));

const wireReport = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    at: isoDate,
    by: z.string(),
    durationMs: z.number(),
    facts: z.number(),
    cases: z.number(),
    // Optional: a shard of an older version does not send it; the report then shows totals only.
    factsByCase: z
      .array(z.object({ id: z.string(), facts: z.number() }))
      .readonly()
      .optional(),
    warnings,
    diff: z
      .object({
        // Optional on the wire: a shard of the version before counts existed sends complete lists,
        // whose lengths are the counts. During a rolling restart its report is still understood.
        counts: z.object({ added: z.number(), removed: z.number(), changed: z.number() }).optional(),
        added: z.array(z.string()),
        removed: z.array(z.string()),
        changed: z.array(z.string()),
      })
      .transform(({ counts, added, removed, changed }) => ({
        counts: counts ?? { added: added.length, removed: removed.length, changed: changed.length },
        added,
        removed,
        changed,
      })),
    shard: z.number().optional(),
    replica: z.string().optional(),
  }),
  z.object({
    ok: z.literal(false),
    at: isoDate,
    by: z.string(),
    durationMs: z.number(),
    errors: z.array(loadErrorSchema),
    warnings,
    noAnswer: noAnswer.optional(),
    servingFacts: z.number().nullable(),
    shard: z.number().optional(),
    replica: z.string().optional(),
  }),
]);

const message = z.discriminatedUnion('type', [
  z.object({ type: z.literal('casebot:reload'), requestId: z.string(), by: z.string() }),
  z.object({ type: z.literal('casebot:reload-run'), requestId: z.string(), by: z.string() }),
  z.object({ type: z.literal('casebot:reload-done'), requestId: z.string(), report: wireReport }),
  z.object({ type: z.literal('casebot:reload-result'), requestId: z.string(), reports: z.array(wireReport) }),
  /** A shard tells the manager how many facts it serves, so a silent shard can be reported honestly. */
  z.object({ type: z.literal('casebot:serving'), facts: z.number() }),
]);

/** A message of ours, with dates revived. */
export type ShardMessage = z.output<typeof message>;

/** The same message as sent: dates as ISO strings. */
export type WireReport = z.input<typeof wireReport>;

/**
 * Validates a received IPC message.
 *
 * @returns the message with its reports' dates revived, or null when it is not one of ours.
 * @example
 * parseShardMessage({ _ready: true }) // null (discord.js's own)
 */
export function parseShardMessage(raw: unknown): ShardMessage | null {
  const result = message.safeParse(raw);
  return result.success ? result.data : null;
}

/**
 * Validates a reload report received from elsewhere (another shard, or another replica over Redis).
 *
 * @returns the report with its date revived, or null when it is not one.
 */
export function parseWireReport(raw: unknown): ReloadReport | null {
  const result = wireReport.safeParse(raw);
  return result.success ? result.data : null;
}

/** A report ready to send: `at` as an ISO string. */
export function toWire(report: ReloadReport): WireReport {
  if (report.ok) {
    const { counts, added, removed, changed } = report.diff;
    return {
      ...report,
      at: report.at.toISOString(),
      ...(report.warnings === undefined ? {} : { warnings: report.warnings.map((w) => ({ ...w })) }),
      diff: { counts: { ...counts }, added: [...added], removed: [...removed], changed: [...changed] },
    };
  }
  return {
    ...report,
    at: report.at.toISOString(),
    errors: report.errors.map((e) => ({ ...e })),
    ...(report.warnings === undefined ? {} : { warnings: report.warnings.map((w) => ({ ...w })) }),
  };
}
