/**
 * Edits of a deferred response through Discord's webhook endpoint,
 * `PATCH {api}/v10/webhooks/{application_id}/{token}/messages/@original`. The interaction token is
 * the only credential (no bot token) and a secret for 15 minutes: the URL is never logged.
 */
import type { RESTPatchAPIWebhookWithTokenMessageJSONBody } from 'discord-api-types/v10';
import type { Log } from '../shared/log.js';

/** Discord's REST base when DISCORD_API_URL is unset (same as discord.js's). */
export const DISCORD_API = 'https://discord.com/api';

export type WebhookLogger = Pick<Log, 'warn' | 'error'>;

export interface WebhookEditorOptions {
  /** REST base without the version (DISCORD_API_URL); default {@link DISCORD_API}. */
  readonly apiUrl?: string | undefined;
  readonly log: WebhookLogger;
  /** Attempts per edit when Discord answers 429 or 5xx or the network fails. Default 3. */
  readonly attempts?: number;
  /** Per-attempt timeout. Default 10 s. */
  readonly timeoutMs?: number;
  /** Longest wait a 429's Retry-After is honoured for. Default 5 s. */
  readonly maxRetryAfterMs?: number;
}

/** Where a deferred response lives: the application and the interaction's token. */
export interface OriginalResponse {
  readonly applicationId: string;
  readonly token: string;
  /** For log lines (the token is not logged). */
  readonly interactionId: string;
}

/** Replaces the original response's body; resolves to whether Discord accepted it (failures are logged, never thrown). */
export type EditOriginal = (target: OriginalResponse, body: RESTPatchAPIWebhookWithTokenMessageJSONBody) => Promise<boolean>;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Creates the function that edits `@original`, retrying on 429 (after Retry-After) and 5xx.
 *
 * @example
 * const editOriginal = createWebhookEditor({ apiUrl: config.discordApiUrl, log });
 * await editOriginal({ applicationId, token, interactionId }, editBody(reply, log));
 */
export function createWebhookEditor(options: WebhookEditorOptions): EditOriginal {
  const base = (options.apiUrl ?? DISCORD_API).replace(/\/+$/, '');
  const attempts = Math.max(1, options.attempts ?? 3);
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 5000;
  return async (target, body) => {
    const url = `${base}/v10/webhooks/${encodeURIComponent(target.applicationId)}/${encodeURIComponent(target.token)}/messages/@original`;
    let lastStatus: number | null = null;
    for (let attempt = 1; attempt <= attempts; attempt += 1) {
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'PATCH',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        // The error's message may name the URL; only its kind is logged.
        options.log.warn(
          { interactionId: target.interactionId, attempt, error: error instanceof Error ? error.name : 'unknown' },
          'webhook edit failed to send',
        );
        if (attempt < attempts) await sleep(250 * attempt);
        continue;
      }
      lastStatus = response.status;
      const text = await response.text().catch(() => '');
      if (response.ok) return true;
      if (response.status === 429 || response.status >= 500) {
        if (attempt < attempts) {
          const retryAfter = Number(response.headers.get('retry-after'));
          await sleep(Number.isFinite(retryAfter) && retryAfter > 0 ? Math.min(retryAfter * 1000, maxRetryAfterMs) : 250 * attempt);
        }
        continue;
      }
      // A 4xx will not change by retrying (expired token, a body Discord refuses).
      options.log.error(
        { interactionId: target.interactionId, status: response.status, discord: text.slice(0, 500) },
        'Discord refused the webhook edit',
      );
      return false;
    }
    options.log.error({ interactionId: target.interactionId, status: lastStatus, attempts }, 'webhook edit failed after retries');
    return false;
  };
}
