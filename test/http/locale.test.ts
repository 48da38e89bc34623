/** HTTP mode answers in the locale of the interaction's payload, like the gateway. */
import { describe, expect, it } from 'vitest';
import { InteractionResponseType, Locale } from 'discord-api-types/v10';
import { PageSessions } from '../../src/app/page-sessions.js';
import { createInteractionApp } from '../../src/app/interaction-app.js';
import { createDispatcher } from '../../src/http/dispatch.js';
import { parseInteraction } from '../../src/http/payload.js';
import { fakeStore } from '../app/fake-store.js';
import { chatInput } from '../e2e/fake-discord/index.js';

const GUILD = '1100000000000000000';
const APP = '100000000000000001';
const ASKER = { id: '200000000000000001', username: 'asker' };
const log = { info: () => undefined, warn: () => undefined, error: () => undefined };

async function contentOf(payload: object, ready = true): Promise<string> {
  const app = createInteractionApp({
    store: fakeStore(),
    sessions: new PageSessions(),
    log,
    cooldownSeconds: 0,
    modRoleIds: [],
    version: 'test',
  });
  const dispatch = createDispatcher({ app: () => (ready ? app : undefined), log, editOriginal: async () => true });
  const parsed = parseInteraction(JSON.parse(JSON.stringify({ ...payload, application_id: APP })));
  if (parsed === null) throw new Error('payload did not parse');
  const { response } = await dispatch(parsed);
  if (response.type !== InteractionResponseType.ChannelMessageWithSource) throw new Error(`type ${response.type}`);
  return response.data.content ?? '';
}

describe('HTTP mode and the locale', () => {
  it('reads the payload’s locale', () => {
    const parsed = parseInteraction({
      ...chatInput({ name: 'case', guildId: GUILD, user: ASKER, locale: Locale.Japanese, options: { query: 'jaxa' } }),
      application_id: APP,
    });
    expect(parsed !== null && parsed.kind !== 'ping' ? parsed.locale : undefined).toBe('ja');
  });

  it('answers ja in Japanese and anything else in English', async () => {
    const ask = (locale: Locale) => chatInput({ name: 'case', guildId: GUILD, user: ASKER, locale, options: { query: 'jaxa' } });
    expect(await contentOf(ask(Locale.Japanese))).toBe('「jaxa」の検索結果: **5件中 1–4件目**');
    expect(await contentOf(ask(Locale.EnglishGB))).toBe('**Results 1–4 of 5** for “jaxa”');
    expect(await contentOf(ask(Locale.Japanese), false)).toBe('casebot を起動しています。数秒後にもう一度お試しください。');
    expect(await contentOf(chatInput({ name: 'case-admin', subcommand: 'status', user: ASKER, locale: Locale.Japanese }))).toMatch(
      /^\/事件管理 はサーバー内でのみ/,
    );
  });
});
