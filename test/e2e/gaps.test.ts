/**
 * Knowledge gaps end to end: the real bot against the fake Discord, with a real SQLite file. A
 * question nothing answers is recorded, a 👎 click is kept and thanked privately without touching
 * the answer, `/case-admin gaps` lists both, and the counts survive a restart on the same file.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InteractionResponseType, MessageFlags, PermissionFlagsBits } from 'discord-api-types/v10';
import { openGapStore } from '../../src/gaps/index.js';
import type { GapStore } from '../../src/gaps/types.js';
import { button, chatInput, MEMBER_PERMISSIONS } from './fake-discord/index.js';
import { customIdsOf, dataOf, embedsOf, startHarness, typeOf, type BotHarness } from './helpers/bot-harness.js';

const ASKER = { id: '200000000000000011', username: 'asker' };
const VOTER = { id: '200000000000000012', username: 'voter' };
const MODERATOR = { id: '200000000000000013', username: 'mod' };
const NO_MATCH = 'zebra stripes';

describe('knowledge gaps against fake Discord', () => {
  let dir: string;
  let file: string;
  let h: BotHarness | undefined;
  let gaps: GapStore | undefined;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'casebot-e2e-gaps-'));
    file = path.join(dir, 'gaps.sqlite');
  });

  afterAll(async () => {
    await h?.close();
    gaps?.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function start(): Promise<BotHarness> {
    gaps = openGapStore(file, { retentionDays: 90 });
    expect(gaps.status().state).toBe('on');
    h = await startHarness({ gaps });
    return h;
  }

  async function stop(): Promise<void> {
    await h?.close();
    gaps?.close();
    h = undefined;
    gaps = undefined;
  }

  const ask = (bot: BotHarness, query: string) =>
    bot.send(chatInput({ name: 'case', guildId: bot.guildId, user: ASKER, options: { query } }));

  const gapsReport = async (bot: BotHarness) => {
    const { callback } = await bot.send(
      chatInput({
        name: 'case-admin',
        subcommand: 'gaps',
        guildId: bot.guildId,
        user: MODERATOR,
        permissions: MEMBER_PERMISSIONS | PermissionFlagsBits.ManageGuild,
        options: { days: 7 },
      }),
    );
    const message = dataOf(callback.body);
    expect(message['flags']).toBe(MessageFlags.Ephemeral);
    expect(message['allowed_mentions']).toEqual({ parse: [] });
    return embedsOf(message).map((e) => String(e['description'] ?? ''));
  };

  it('records a no-match question and a 👎, lists both in /case-admin gaps, and keeps them across a restart', async () => {
    const bot = await start();
    const miss = await ask(bot, NO_MATCH);
    expect(dataOf(miss.callback.body)['content']).toContain('No facts match');
    expect(customIdsOf(dataOf(miss.callback.body))).toEqual([]);

    const answered = await ask(bot, 'jaxa');
    const votes = customIdsOf(dataOf(answered.callback.body)).filter((b) => b.customId.startsWith('cv1:'));
    expect(votes.map((b) => b.label)).toEqual(['👍 Helpful', '👎 Not helpful']);
    const down = votes[1]?.customId ?? '';

    const click = await bot.send(button({ customId: down, guildId: bot.guildId, user: VOTER }));
    expect(typeOf(click.callback.body)).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(dataOf(click.callback.body)).toMatchObject({ content: 'Thanks — noted.', flags: MessageFlags.Ephemeral });
    // The public answer is left as it is: no update, no edit.
    expect(bot.fake.webhookRequestsFor(click.id)).toEqual([]);
    expect((await bot.interactionLine(click.id))['outcome']).toBe('voted');

    const [questions, answers] = await gapsReport(bot);
    expect(questions).toContain(`**1×** “${NO_MATCH}” — 1 no answer`);
    expect(answers).toMatch(/\*\*👎 1 · 👍 0\*\* “jaxa” · facts `/);

    await stop();
    const again = await start();
    const [questionsAfter, answersAfter] = await gapsReport(again);
    expect(questionsAfter).toContain(`**1×** “${NO_MATCH}”`);
    expect(answersAfter).toContain('**👎 1 · 👍 0** “jaxa”');
    // A button from before the restart, without a shared PAGING_SECRET: its signature is not this
    // process's any more, which the member is told privately; nothing is counted.
    const late = await again.send(button({ customId: down, guildId: again.guildId, user: VOTER }));
    expect(dataOf(late.callback.body)).toMatchObject({ flags: MessageFlags.Ephemeral });
    expect(String(dataOf(late.callback.body)['content'])).toContain('stopped working when the bot restarted');
  });
});
