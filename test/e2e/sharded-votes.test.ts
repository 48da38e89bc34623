/**
 * 👍 / 👎 and `/case-admin gaps` with two real shard processes writing one gaps file: members of
 * servers on both shards vote (many at the same moment, one member twice at once), a second click
 * changes a vote instead of adding one, the report shows the exact counts; then every process is
 * stopped and started again on the same GAPS_DB, and the counts, the unanswered questions asked
 * before, and the vote buttons posted before (PAGING_SECRET is shared) all still hold.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PermissionFlagsBits } from 'discord-api-types/v10';
import type { APIInteraction, APIMessage } from 'discord-api-types/v10';
import { button, chatInput, guildIdForShard, MEMBER_PERMISSIONS, startFakeDiscord, type FakeDiscord } from './fake-discord/index.js';
import { eventually, startTestShards, type TestShards } from './helpers/shards.js';

const GUILDS = [guildIdForShard(0, 2), guildIdForShard(1, 2)] as const;
const ASKER = { id: '300000000000000001', username: 'asker' };
const MODERATOR = { id: '300000000000000002', username: 'mod' };
const NO_MATCH = 'zebra stripes';
/** Shared by both runs, as a production bot's PAGING_SECRET is. */
const SECRET = 'sharded-votes-e2e-secret-0123456789abcdef';

const member = (n: number) => ({ id: `30000000000000010${n}`, username: `member${n}` });

describe('votes and gaps with two shard processes, across a restart', () => {
  let fake: FakeDiscord;
  let gapsDir: string;
  let shards: TestShards | undefined;

  const start = async (): Promise<TestShards> =>
    startTestShards(fake, { factsDir: path.resolve('facts'), gapsDb: path.join(gapsDir, 'gaps.sqlite'), env: { PAGING_SECRET: SECRET } });

  beforeAll(async () => {
    gapsDir = await mkdtemp(path.join(tmpdir(), 'casebot-sharded-votes-'));
    fake = await startFakeDiscord({ shards: 2, guilds: GUILDS.map((id) => ({ id })), waitTimeoutMs: 15_000 });
    shards = await start();
  }, 45_000);

  afterAll(async () => {
    await shards?.stop();
    await fake?.close();
    await rm(gapsDir, { recursive: true, force: true });
  }, 20_000);

  /** Sends an interaction; resolves with the reply as posted (first reply, or the edit after a defer). */
  async function interact(payload: APIInteraction): Promise<APIMessage> {
    const { id } = await fake.sendInteraction(payload);
    await fake.waitForCallback(id, 15_000);
    return eventually(`the reply to ${payload.id}`, () => {
      const message = fake.originalMessage(id);
      return message !== null && (message.content !== '' || message.embeds.length > 0) ? message : undefined;
    });
  }

  const ask = (guildId: string, query: string) => interact(chatInput({ name: 'case', guildId, user: ASKER, options: { query } }));

  const vote = async (guildId: string, customId: string, who: { id: string; username: string }) =>
    (await interact(button({ customId, guildId, user: who }))).content;

  /** `/case-admin gaps days:7` in a server: its two lists' lines. */
  async function gaps(guildId: string): Promise<{ questions: string; answers: string }> {
    const permissions = MEMBER_PERMISSIONS | PermissionFlagsBits.ManageGuild;
    const reply = await interact(
      chatInput({ name: 'case-admin', subcommand: 'gaps', guildId, user: MODERATOR, permissions, options: { days: 7 } }),
    );
    return { questions: reply.embeds[0]?.description ?? '', answers: reply.embeds[1]?.description ?? '' };
  }

  function voteIds(message: APIMessage): { up: string; down: string } {
    const ids = (message.components ?? []).flatMap((row) =>
      'components' in row ? row.components.flatMap((b) => ('custom_id' in b && b.custom_id.startsWith('cv1:') ? [b.custom_id] : [])) : [],
    );
    const [up, down] = ids;
    if (up === undefined || down === undefined) throw new Error(`no vote buttons on ${JSON.stringify(message.components)}`);
    return { up, down };
  }

  it('keeps one vote per member per answer from both shards, and the exact counts and questions survive a restart', async () => {
    expect(shards?.running.count).toBe(2);
    const [first, second] = GUILDS;
    const missFirst = await ask(first, NO_MATCH);
    expect(missFirst.content).toContain('No facts match');
    await ask(second, NO_MATCH);
    await ask(second, NO_MATCH);
    const onFirst = voteIds(await ask(first, 'jaxa'));
    const onSecond = voteIds(await ask(second, 'jaxa'));

    // All at the same moment, on both shards; member 4 clicks 👎 twice at once.
    const acks = await Promise.all([
      vote(first, onFirst.down, member(1)),
      vote(first, onFirst.down, member(2)),
      vote(first, onFirst.up, member(3)),
      vote(second, onSecond.down, member(4)),
      vote(second, onSecond.down, member(4)),
      vote(second, onSecond.down, member(5)),
      vote(second, onSecond.down, member(6)),
    ]);
    expect(acks).toEqual(Array(7).fill('Thanks — noted.'));
    // A second click changes the member's vote; it does not add one.
    expect(await vote(first, onFirst.up, member(1))).toBe('Thanks — your vote is now 👍.');
    expect(await vote(second, onSecond.up, member(5))).toBe('Thanks — your vote is now 👍.');

    const before = await Promise.all(GUILDS.map(gaps));
    expect(before[0]?.answers).toMatch(/^1\. \*\*👎 1 · 👍 2\*\* “jaxa” · facts `/);
    expect(before[1]?.answers).toMatch(/^1\. \*\*👎 2 · 👍 1\*\* “jaxa” · facts `/);
    expect(before[0]?.questions).toContain(`**1×** “${NO_MATCH}” — 1 no answer`);
    expect(before[1]?.questions).toContain(`**2×** “${NO_MATCH}” — 2 no answer`);

    // Restart: every process stopped, then started again on the same file.
    await shards?.stop();
    shards = undefined;
    shards = await start();

    const after = await Promise.all(GUILDS.map(gaps));
    expect(after.map((report) => report.answers.split('\n')[0]?.replace(/ · last .*$/, ''))).toEqual(
      before.map((report) => report.answers.split('\n')[0]?.replace(/ · last .*$/, '')),
    );
    expect(after[0]?.questions).toContain(`**1×** “${NO_MATCH}” — 1 no answer`);
    expect(after[1]?.questions).toContain(`**2×** “${NO_MATCH}” — 2 no answer`);

    // Buttons posted before the restart still count, and the member's earlier vote is known.
    expect(await vote(first, onFirst.down, member(3))).toBe('Thanks — your vote is now 👎.');
    expect(await vote(second, onSecond.down, member(7))).toBe('Thanks — noted.');
    const [firstNow, secondNow] = await Promise.all(GUILDS.map(gaps));
    expect(firstNow?.answers).toMatch(/^1\. \*\*👎 2 · 👍 1\*\* “jaxa”/);
    expect(secondNow?.answers).toMatch(/^1\. \*\*👎 3 · 👍 1\*\* “jaxa”/);
  }, 60_000);
});
