import { describe, expect, it } from 'vitest';
import { ButtonStyle, ComponentType, InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import type { Reply } from '../../src/answer/reply.js';
import { toReplyOptions } from '../../src/bot/respond.js';
import {
  autocompleteResponse,
  deferredResponse,
  editBody,
  messageResponse,
  noMentions,
  updateResponse,
} from '../../src/http/reply-json.js';

const warnings: object[] = [];
const log = { warn: (obj: object) => void warnings.push(obj) };

const page: Reply = {
  content: 'Results for <@123> @everyone',
  embeds: [{ title: 'A fact', description: 'JAXA said so.' }],
  components: [
    {
      type: ComponentType.ActionRow,
      components: [{ type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: 'case:page:abc:1', label: 'More ▶' }],
    },
  ],
  ephemeral: false,
};

describe('reply JSON for the HTTP transport', () => {
  it('never lets text ping: allowed_mentions is exactly what the gateway path sends', () => {
    expect(noMentions()).toEqual(toReplyOptions(page).allowedMentions);
    expect(noMentions()).toEqual({ parse: [] });
    for (const response of [messageResponse(page, log), updateResponse(page, log)]) {
      expect(
        'data' in response && response.data !== undefined && 'allowed_mentions' in response.data ? response.data.allowed_mentions : null,
      ).toEqual({ parse: [] });
    }
    expect(editBody(page, log).allowed_mentions).toEqual({ parse: [] });
  });

  it('answers with a new message (type 4), flag 64 only when ephemeral', () => {
    expect(messageResponse(page, log)).toEqual({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { allowed_mentions: { parse: [] }, content: page.content, embeds: page.embeds, components: page.components },
    });
    expect(messageResponse({ content: 'only you', ephemeral: true }, log)).toEqual({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { allowed_mentions: { parse: [] }, content: 'only you', flags: MessageFlags.Ephemeral },
    });
  });

  it('updates a message (type 7) and edits @original with the whole body, so old buttons never linger', () => {
    expect(updateResponse({ content: 'last page', ephemeral: false }, log)).toEqual({
      type: InteractionResponseType.UpdateMessage,
      data: { allowed_mentions: { parse: [] }, content: 'last page', embeds: [], components: [] },
    });
    expect(editBody({ content: 'reloaded', ephemeral: true }, log)).toEqual({
      allowed_mentions: { parse: [] },
      content: 'reloaded',
      embeds: [],
      components: [],
    });
  });

  it('defers (type 5) with the visibility fixed there', () => {
    expect(deferredResponse(true)).toEqual({
      type: InteractionResponseType.DeferredChannelMessageWithSource,
      data: { flags: MessageFlags.Ephemeral },
    });
    expect(deferredResponse(false)).toEqual({ type: InteractionResponseType.DeferredChannelMessageWithSource, data: {} });
  });

  it('fits autocomplete choices (type 8) to Discord: 25 at most, 1 to 100 characters', () => {
    const choices = [
      { name: '', value: 'x', kind: 'term' as const },
      ...Array.from({ length: 30 }, (_, i) => ({ name: `${'n'.repeat(120)}${i}`, value: `v${i}`, kind: 'term' as const })),
    ];
    const response = autocompleteResponse(choices);
    expect(response.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    const fitted = response.type === InteractionResponseType.ApplicationCommandAutocompleteResult ? (response.data.choices ?? []) : [];
    expect(fitted).toHaveLength(25);
    expect(fitted.every((c) => c.name.length >= 1 && c.name.length <= 100)).toBe(true);
    expect(fitted[0]?.value).toBe('v0');
  });

  it('cuts an over-long reply to Discord’s limits and logs it', () => {
    warnings.length = 0;
    const response = messageResponse({ content: 'x'.repeat(2500), ephemeral: false }, log);
    const content = response.type === InteractionResponseType.ChannelMessageWithSource ? response.data.content : undefined;
    expect(content?.length).toBe(2000);
    expect(warnings).toHaveLength(1);
  });

  it('lets a new message ping only the one member it addresses, the same as the gateway; pages and private replies ping nobody', () => {
    const addressed: Reply = {
      content: '<@200000000000000019>, results… @everyone <@&1100000000000000555>',
      ephemeral: false,
      mentionUserId: '200000000000000019',
    };
    const only = { parse: [], users: ['200000000000000019'] };
    const sent = messageResponse(addressed, log);
    expect(sent.type === InteractionResponseType.ChannelMessageWithSource ? sent.data.allowed_mentions : null).toEqual(only);
    expect(toReplyOptions(addressed).allowedMentions).toEqual(only);
    expect(editBody(addressed, log).allowed_mentions).toEqual(only);
    // Even when the reply had to be cut to fit, the one mention it was asked for stays.
    const long = messageResponse({ ...addressed, content: `${addressed.content ?? ''}${'x'.repeat(2500)}` }, log);
    expect(long.type === InteractionResponseType.ChannelMessageWithSource ? long.data.allowed_mentions : null).toEqual(only);
    const turned = updateResponse(addressed, log);
    expect(turned.type === InteractionResponseType.UpdateMessage ? turned.data?.allowed_mentions : null).toEqual({ parse: [] });
    const hidden = messageResponse({ ...addressed, ephemeral: true }, log);
    expect(hidden.type === InteractionResponseType.ChannelMessageWithSource ? hidden.data.allowed_mentions : null).toEqual({ parse: [] });
    const forged = messageResponse({ ...addressed, mentionUserId: 'everyone' }, log);
    expect(forged.type === InteractionResponseType.ChannelMessageWithSource ? forged.data.allowed_mentions : null).toEqual({ parse: [] });
  });
});
