/**
 * A reply as plain data, shaped exactly like Discord's message payload, and the limits Discord
 * puts on it. The bot turns a {@link Reply} into an interaction response; the console prints it.
 */
import type { APIActionRowComponent, APIButtonComponent, APIEmbed } from 'discord-api-types/v10';
import { truncate, truncateMarkdown } from './escape.js';
import type { Log } from '../shared/log.js';

export interface Reply {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIButtonComponent>[];
  /** Sent with the ephemeral flag (64): only the person who asked sees it. */
  ephemeral: boolean;
  /**
   * A Discord user id (snowflake) the reply addresses: the one user it may ping. Nobody else is
   * ever pinged, whatever the text says; ignored on ephemeral replies (see src/bot/respond.ts).
   */
  mentionUserId?: string;
}

/** A Discord user id: the only thing a reply may ping. */
const SNOWFLAKE = /^\d{17,20}$/;

/** Discord's `allowed_mentions`, as both transports send it: never a role, @everyone or a name in the text. */
export interface AllowedMentions {
  parse: [];
  users?: [string];
}

/**
 * What a reply may ping: nobody, or only the one user it addresses (`/case mention:`) — never a
 * role, @everyone or anyone the fact or query text names. Ephemeral replies ping nobody. The one
 * mention policy of the gateway (src/bot/respond.ts) and the HTTP endpoint (src/http/reply-json.ts).
 *
 * @example
 * allowedMentionsOf({ content: '<@123456789012345678>, …', mentionUserId: '123456789012345678', ephemeral: false })
 * // { parse: [], users: ['123456789012345678'] }
 */
export function allowedMentionsOf(reply: Reply): AllowedMentions {
  const id = reply.mentionUserId;
  if (reply.ephemeral || id === undefined || !SNOWFLAKE.test(id)) return { parse: [] };
  return { parse: [], users: [id] };
}

/** Discord's message limits, in characters (measured here as UTF-16 code units, the stricter count). */
export const LIMITS = {
  content: 2000,
  embeds: 10,
  embedTotal: 6000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  authorName: 256,
  rows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  customId: 100,
} as const;

/**
 * The characters of an embed that count towards Discord's 6000-per-message total.
 *
 * @example
 * embedTextLength({ title: 'ab', description: 'cde' }) // 5
 */
export function embedTextLength(embed: APIEmbed): number {
  let total = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
  total += (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
  for (const field of embed.fields ?? []) total += field.name.length + field.value.length;
  return total;
}

/**
 * Every way the reply breaks Discord's limits, as readable sentences; empty when it fits.
 *
 * @example
 * replyLimitViolations({ content: 'x'.repeat(2001), ephemeral: false }) // ['content is 2001 characters (max 2000)']
 */
export function replyLimitViolations(reply: Reply): string[] {
  const problems: string[] = [];
  const over = (what: string, length: number, max: number): void => {
    if (length > max) problems.push(`${what} is ${length} characters (max ${max})`);
  };
  if (reply.content !== undefined) over('content', reply.content.length, LIMITS.content);
  const embeds = reply.embeds ?? [];
  if (embeds.length > LIMITS.embeds) problems.push(`${embeds.length} embeds (max ${LIMITS.embeds})`);
  embeds.forEach((embed, i) => {
    over(`embed ${i} title`, embed.title?.length ?? 0, LIMITS.title);
    over(`embed ${i} description`, embed.description?.length ?? 0, LIMITS.description);
    over(`embed ${i} footer`, embed.footer?.text.length ?? 0, LIMITS.footer);
    over(`embed ${i} author name`, embed.author?.name.length ?? 0, LIMITS.authorName);
    const fields = embed.fields ?? [];
    if (fields.length > LIMITS.fields) problems.push(`embed ${i} has ${fields.length} fields (max ${LIMITS.fields})`);
    fields.forEach((field, j) => {
      over(`embed ${i} field ${j} name`, field.name.length, LIMITS.fieldName);
      over(`embed ${i} field ${j} value`, field.value.length, LIMITS.fieldValue);
    });
  });
  over(
    'embeds in total',
    embeds.reduce((sum, embed) => sum + embedTextLength(embed), 0),
    LIMITS.embedTotal,
  );
  const rows = reply.components ?? [];
  if (rows.length > LIMITS.rows) problems.push(`${rows.length} rows of buttons (max ${LIMITS.rows})`);
  rows.forEach((row, i) => {
    if (row.components.length > LIMITS.buttonsPerRow) {
      problems.push(`row ${i} has ${row.components.length} buttons (max ${LIMITS.buttonsPerRow})`);
    }
    row.components.forEach((button, j) => {
      if ('label' in button && button.label !== undefined) over(`row ${i} button ${j} label`, button.label.length, LIMITS.buttonLabel);
      if ('custom_id' in button) over(`row ${i} button ${j} custom_id`, button.custom_id.length, LIMITS.customId);
    });
  });
  return problems;
}

/**
 * Throws a RangeError naming every limit the reply breaks. Renderers call it in tests; the bot
 * calls it before sending so a bug shows up as our error, not as a 400 from Discord.
 *
 * @example
 * assertReplyWithinLimits({ content: 'ok', ephemeral: true }) // no throw
 */
export function assertReplyWithinLimits(reply: Reply): void {
  const problems = replyLimitViolations(reply);
  if (problems.length > 0) throw new RangeError(`Reply exceeds Discord limits: ${problems.join('; ')}`);
}

/**
 * Returns a copy of the reply cut down to Discord's limits: texts truncated with '…', surplus
 * embeds, fields, rows and buttons dropped, the longest descriptions shortened until all embeds
 * fit 6000 characters. Buttons whose custom_id is too long are dropped (a cut id would be wrong).
 * Renderers budget their own text; this is the safety net.
 *
 * @example
 * fitReply({ content: 'x'.repeat(5000), ephemeral: false }).content?.length // 2000
 */
export function fitReply(reply: Reply): Reply {
  const fitted: Reply = { ephemeral: reply.ephemeral };
  // Who the reply addresses is not text to cut: dropping it would silence the one ping asked for.
  if (reply.mentionUserId !== undefined) fitted.mentionUserId = reply.mentionUserId;
  if (reply.content !== undefined) fitted.content = truncateMarkdown(reply.content, LIMITS.content);
  if (reply.embeds !== undefined) fitted.embeds = fitEmbedTotal(reply.embeds.slice(0, LIMITS.embeds).map(fitEmbed));
  if (reply.components !== undefined) fitted.components = fitRows(reply.components);
  return fitted;
}

function fitEmbed(embed: APIEmbed): APIEmbed {
  const copy: APIEmbed = { ...embed };
  if (embed.title !== undefined) copy.title = truncateMarkdown(embed.title, LIMITS.title);
  if (embed.description !== undefined) copy.description = truncateMarkdown(embed.description, LIMITS.description);
  if (embed.footer !== undefined) copy.footer = { ...embed.footer, text: truncate(embed.footer.text, LIMITS.footer) };
  if (embed.author !== undefined) copy.author = { ...embed.author, name: truncate(embed.author.name, LIMITS.authorName) };
  if (embed.fields !== undefined) {
    copy.fields = embed.fields.slice(0, LIMITS.fields).map((field) => ({
      ...field,
      name: truncateMarkdown(field.name, LIMITS.fieldName),
      value: truncateMarkdown(field.value, LIMITS.fieldValue),
    }));
  }
  return copy;
}

/** Descriptions are never cut below this: a few words of every fact beat dropping facts. */
const MIN_DESCRIPTION = 64;

function fitEmbedTotal(embeds: APIEmbed[]): APIEmbed[] {
  const total = (): number => embeds.reduce((sum, embed) => sum + embedTextLength(embed), 0);
  let excess = total() - LIMITS.embedTotal;
  const byLongest = [...embeds].sort((a, b) => (b.description?.length ?? 0) - (a.description?.length ?? 0));
  for (const embed of byLongest) {
    const description = embed.description;
    if (excess <= 0 || description === undefined) continue;
    const keep = Math.max(MIN_DESCRIPTION, description.length - excess);
    if (keep >= description.length) continue;
    embed.description = truncateMarkdown(description, keep);
    excess -= description.length - embed.description.length;
  }
  while (excess > 0 && embeds.length > 1) {
    embeds.pop();
    excess = total() - LIMITS.embedTotal;
  }
  const last = embeds[0];
  while (excess > 0 && last?.fields !== undefined && last.fields.length > 0) {
    last.fields.pop();
    excess = total() - LIMITS.embedTotal;
  }
  return embeds;
}

function fitRows(rows: readonly APIActionRowComponent<APIButtonComponent>[]): APIActionRowComponent<APIButtonComponent>[] {
  return rows
    .slice(0, LIMITS.rows)
    .map((row) => ({
      ...row,
      components: row.components
        .filter((button) => !('custom_id' in button) || button.custom_id.length <= LIMITS.customId)
        .slice(0, LIMITS.buttonsPerRow)
        .map((button) =>
          'label' in button && button.label !== undefined ? { ...button, label: truncate(button.label, LIMITS.buttonLabel) } : button,
        ),
    }))
    .filter((row) => row.components.length > 0);
}

/** What {@link withinLimits} needs of a logger; pino's satisfies it. */
export type LimitLogger = Pick<Log, 'warn'>;

/**
 * The reply cut to Discord's limits, whichever transport sends it (gateway or HTTP). Renderers
 * budget their text, so an overflow is our bug: it is logged, and the user still gets the
 * (shortened) answer instead of a 400 from Discord.
 *
 * @example
 * withinLimits({ content: 'x'.repeat(5000), ephemeral: false }, log).content?.length // 2000, and a warning logged
 */
export function withinLimits(reply: Reply, log: LimitLogger): Reply {
  const problems = replyLimitViolations(reply);
  if (problems.length === 0) return reply;
  log.warn({ problems }, 'reply exceeded Discord limits and was shortened');
  return fitReply(reply);
}
