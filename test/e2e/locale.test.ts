/** A `ja` interaction through the real discord.js client and the local Discord fake is answered in Japanese. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InteractionResponseType, Locale, MessageFlags, PermissionFlagsBits } from 'discord-api-types/v10';
import { chatInput, MEMBER_PERMISSIONS } from './fake-discord/index.js';
import { customIdsOf, dataOf, embedsOf, startHarness, typeOf, type BotHarness } from './helpers/bot-harness.js';

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

  it('answers a ja moderator’s /case-admin status in Japanese, privately', async () => {
    const moderator = { id: '200000000000000013', username: 'suzuki' };
    const permissions = MEMBER_PERMISSIONS | PermissionFlagsBits.ManageGuild;
    const { callback } = await h.send(
      chatInput({ name: 'case-admin', subcommand: 'status', guildId: h.guildId, user: moderator, locale: Locale.Japanese, permissions }),
    );
    const message = dataOf(callback.body);
    expect(message['flags']).toBe(MessageFlags.Ephemeral);
    const [embed] = embedsOf(message);
    expect(embed?.['title']).toBe('casebot の状態');
    expect(embed?.['fields']).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: '事実' }),
        expect.objectContaining({ name: '最後の再読み込み', value: '起動後はまだありません。' }),
        expect.objectContaining({ name: '保存時の再読み込み' }),
        expect.objectContaining({ name: '未回答の記録' }),
        expect.objectContaining({ name: '稼働時間' }),
      ]),
    );
  });

  it('answers any other locale in English', async () => {
    const { callback } = await ask('pizza recipe', Locale.French, { id: '200000000000000012', username: 'dupont' });
    expect(String(dataOf(callback.body)['content'])).toMatch(/^No facts match “pizza recipe”\./);
  });
});
