/** A `ja` interaction through the real discord.js client and the local Discord fake is answered in Japanese. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InteractionResponseType, Locale, MessageFlags } from 'discord-api-types/v10';
import { chatInput } from './fake-discord/index.js';
import { customIdsOf, dataOf, startHarness, typeOf, type BotHarness } from './helpers/bot-harness.js';

const ASKER = { id: '200000000000000011', username: 'tanaka' };

describe('casebot in Japanese against fake Discord', () => {
  let h: BotHarness;

  beforeAll(async () => {
    h = await startHarness();
  });

  afterAll(async () => {
    await h.close();
  });

  const ask = (query: string, locale: Locale, user = ASKER) =>
    h.send(chatInput({ name: 'case', guildId: h.guildId, user, locale, options: { query, private: true } }));

  it('answers a ja /case with the count and paging buttons in Japanese, the facts as the sources wrote them', async () => {
    const { callback } = await ask('jaxa', Locale.Japanese);
    expect(typeOf(callback.body)).toBe(InteractionResponseType.ChannelMessageWithSource);
    const message = dataOf(callback.body);
    expect(String(message['content'])).toMatch(/^「jaxa」の検索結果: \*\*\d+件中 1–4件目\*\*$/);
    expect(customIdsOf(message).map((b) => b.label)).toEqual(expect.arrayContaining(['◀ 前へ', '次へ ▶']));
    expect(JSON.stringify(message['embeds'])).toContain('JAXA');
  });

  it('answers a ja /case without matches in Japanese, privately', async () => {
    const { callback } = await ask('pizza recipe', Locale.Japanese);
    const message = dataOf(callback.body);
    expect(message['flags']).toBe(MessageFlags.Ephemeral);
    expect(String(message['content'])).toMatch(/^「pizza recipe」に一致する事実は見つかりませんでした。/);
  });

  it('answers any other locale in English', async () => {
    const { callback } = await ask('pizza recipe', Locale.French, { id: '200000000000000012', username: 'dupont' });
    expect(String(dataOf(callback.body)['content'])).toMatch(/^No facts match “pizza recipe”\./);
  });
});
