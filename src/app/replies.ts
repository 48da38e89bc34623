/**
 * The app's own short replies, all ephemeral: what a member is told when the app refuses, fails
 * or holds something back — errors, the cooldown, paging refused or expired, unknown commands,
 * buttons and cases, a refused admin command. One place, in every locale's catalog; the answers
 * themselves are built by src/answer/.
 */
import { sanitizeUserText } from '../answer/escape.js';
import { EN, type Catalog } from '../answer/locale/index.js';
import type { Reply } from '../answer/reply.js';

/**
 * Ephemeral reply when someone other than the asker presses a paging button.
 *
 * @example
 * renderPagingRefused().ephemeral // true
 */
export function renderPagingRefused(t: Catalog = EN): Reply {
  return { content: t.t('paging.refused'), ephemeral: true };
}

/**
 * Ephemeral reply for a paging button whose session is gone (timed out, or the bot restarted).
 *
 * @example
 * renderPagingExpired().content // 'These buttons have expired — run `/case` again.'
 */
export function renderPagingExpired(t: Catalog = EN): Reply {
  return { content: t.t('paging.expired'), ephemeral: true };
}

/**
 * Ephemeral apology for a failure of ours, with a reference id that matches a log line.
 * Only the id is shown: never a stack, a path or an error message.
 *
 * @example
 * renderError('abc123').content // 'Something went wrong on our side. Reference: `abc123` — …'
 */
export function renderError(referenceId: string, t: Catalog = EN): Reply {
  const reference = referenceId.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 32) || 'unknown';
  return { content: t.t('error', { reference }), ephemeral: true };
}

/**
 * The line under an answer sent privately because its asker is within the cooldown: the answer
 * still comes, only the channel is spared a second public reply so soon.
 *
 * @example
 * cooldownNote(2.2) // '-# Only you see this answer: you asked again within the cooldown, so it did not go to the channel (public again in 3 seconds).'
 */
export function cooldownNote(seconds: number, t: Catalog = EN): string {
  const wait = Number.isFinite(seconds) ? Math.max(1, Math.ceil(seconds)) : 1;
  return t.tn('cooldown', wait, {});
}

/**
 * Ephemeral reply for a query over the length limit.
 *
 * @example
 * renderQueryTooLong(200).content // 'That question is too long — please keep it under 200 characters.'
 */
export function renderQueryTooLong(max: number, t: Catalog = EN): Reply {
  return { content: t.t('queryTooLong', { max: Math.max(1, Math.floor(max)) }), ephemeral: true };
}

/**
 * Ephemeral reply to a command this bot does not know (registered by an older version, say).
 *
 * @example
 * renderUnknownCommand().content // 'Unknown command.'
 */
export function renderUnknownCommand(t: Catalog = EN): Reply {
  return { content: t.t('unknownCommand'), ephemeral: true };
}

/**
 * Ephemeral reply to a button this bot does not know (from an older version's message).
 *
 * @example
 * renderUnknownButton().ephemeral // true
 */
export function renderUnknownButton(t: Catalog = EN): Reply {
  return { content: t.t('unknownButton'), ephemeral: true };
}

/**
 * Ephemeral reply while the facts are still loading (HTTP mode answers Discord from the start, so
 * the endpoint can be verified; the facts take a moment longer).
 *
 * @example
 * renderStarting().content // 'casebot is starting up — try again in a few seconds.'
 */
export function renderStarting(t: Catalog = EN): Reply {
  return { content: t.t('starting'), ephemeral: true };
}

/** Why an admin command was refused. */
export type AdminRefusal = 'outside-guild' | 'not-permitted';

/** The polite, private refusal of an admin command. */
export function renderAdminRefused(reason: AdminRefusal, t: Catalog = EN): Reply {
  const content = reason === 'outside-guild' ? t.t('admin.outsideGuild') : t.t('admin.notPermitted');
  return { content, ephemeral: true };
}

/** Ephemeral: the case asked for does not exist; names the ones that do. */
export function renderUnknownCase(caseId: string, titles: ReadonlyMap<string, string>, t: Catalog = EN): Reply {
  const known = [...titles].slice(0, 10).map(([id, title]) => `\`${id.replace(/`/g, 'ˋ')}\` (${sanitizeUserText(title, 80)})`);
  const cases = `${known.join(t.t('list.separator'))}${titles.size > 10 ? `${t.t('list.separator')}…` : ''}`;
  return { content: t.t('case.unknown', { case: `\`${sanitizeUserText(caseId, 60).replace(/`/g, 'ˋ')}\``, cases }), ephemeral: true };
}

/** Ephemeral confirmation of `/case-admin default-case`; `notSaved` says why it lasts only until restart. */
export function renderDefaultCaseSet(
  caseId: string | null,
  titles: ReadonlyMap<string, string>,
  notSaved: string | null,
  t: Catalog = EN,
): Reply {
  const what =
    caseId === null
      ? t.t('defaultCase.cleared')
      : t.t('defaultCase.set', { title: sanitizeUserText(titles.get(caseId) ?? caseId, 100), id: `\`${caseId}\`` });
  return { content: notSaved === null ? what : `${what}\n-# ${sanitizeUserText(notSaved, 300)}`, ephemeral: true };
}
