import { MessageFlags } from 'discord.js';
import { describe, expect, it } from 'vitest';
import type { Reply } from '../../src/answer/reply.js';
import { respondInTime, sendReply, sendUpdate, toEditOptions, toReplyOptions, toUpdateOptions } from '../../src/bot/respond.js';
import { captureLog } from '../app/fake-store.js';

const button = { type: 2, style: 1, custom_id: 'case:page:abc:1', label: 'More ▶' } as const;
const answerReply: Reply = {
  content: 'Results for <@123>',
  embeds: [{ description: 'fact' }],
  components: [{ type: 1, components: [button] }],
  ephemeral: false,
};

describe('reply options', () => {
  it('never allows mentions and sets the ephemeral flag only when asked', () => {
    expect(toReplyOptions(answerReply)).toEqual({
      content: 'Results for <@123>',
      embeds: [{ description: 'fact' }],
      components: [{ type: 1, components: [button] }],
      allowedMentions: { parse: [] },
    });
    expect(toReplyOptions({ content: 'only you', ephemeral: true })).toEqual({
      content: 'only you',
      allowedMentions: { parse: [] },
      flags: MessageFlags.Ephemeral,
    });
  });

  it('clears embeds and buttons the new page does not have', () => {
    expect(toUpdateOptions({ content: 'last page', ephemeral: false })).toEqual({
      content: 'last page',
      embeds: [],
      components: [],
      allowedMentions: { parse: [] },
    });
    expect(toEditOptions({ content: 'done', ephemeral: true })).toEqual({
      content: 'done',
      embeds: [],
      components: [],
      allowedMentions: { parse: [] },
    });
  });
});

/** Records which discord.js method was called with what. */
function fakeInteraction(state: { deferred?: boolean; replied?: boolean } = {}) {
  const calls: [string, unknown][] = [];
  const record = (name: string) => async (options: unknown) => {
    calls.push([name, options]);
  };
  return {
    calls,
    deferred: state.deferred ?? false,
    replied: state.replied ?? false,
    reply: record('reply'),
    editReply: record('editReply'),
    followUp: record('followUp'),
    update: record('update'),
  };
}

describe('sendReply / sendUpdate', () => {
  const { log } = captureLog();

  it('replies, edits a deferred reply, or follows up an answered one', async () => {
    for (const [state, method] of [
      [{}, 'reply'],
      [{ deferred: true }, 'editReply'],
      [{ replied: true }, 'followUp'],
    ] as const) {
      const interaction = fakeInteraction(state);
      await sendReply(interaction, answerReply, log);
      expect(interaction.calls.map(([name]) => name)).toEqual([method]);
    }
  });

  it('updates the message, or edits it after deferUpdate', async () => {
    const fresh = fakeInteraction();
    await sendUpdate(fresh, answerReply, log);
    expect(fresh.calls[0]?.[0]).toBe('update');
    const deferred = fakeInteraction({ deferred: true });
    await sendUpdate(deferred, answerReply, log);
    expect(deferred.calls[0]?.[0]).toBe('editReply');
  });

  it('shortens an over-long reply and logs the overflow instead of sending a 400', async () => {
    const { lines, log: capture } = captureLog();
    const interaction = fakeInteraction();
    await sendReply(interaction, { content: 'x'.repeat(2500), ephemeral: false }, capture);
    const sent = interaction.calls[0]?.[1] as { content: string };
    expect(sent.content.length).toBeLessThanOrEqual(2000);
    expect(lines[0]).toMatchObject({ level: 'warn', obj: { problems: ['content is 2500 characters (max 2000)'] } });
  });
});

describe('respondInTime', () => {
  const delay = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

  it('sends directly when the work is quick', async () => {
    const events: string[] = [];
    const deferred = await respondInTime(delay(5, 'quick'), {
      deferAfterMs: 200,
      defer: async () => events.push('defer'),
      send: async (result, wasDeferred) => {
        events.push(`send ${result} ${wasDeferred}`);
      },
    });
    expect(deferred).toBe(false);
    expect(events).toEqual(['send quick false']);
  });

  it('defers first when the work is slow, then sends', async () => {
    const events: string[] = [];
    const deferred = await respondInTime(delay(80, 'slow'), {
      deferAfterMs: 10,
      defer: async () => events.push('defer'),
      send: async (result, wasDeferred) => {
        events.push(`send ${result} ${wasDeferred}`);
      },
    });
    expect(deferred).toBe(true);
    expect(events).toEqual(['defer', 'send slow true']);
  });

  it('passes a failure of the work on to the caller', async () => {
    await expect(
      respondInTime(Promise.reject(new Error('nope')), { deferAfterMs: 50, defer: async () => undefined, send: async () => undefined }),
    ).rejects.toThrow('nope');
  });
});
