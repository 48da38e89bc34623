import { describe, expect, it } from 'vitest';
import { ButtonStyle, ComponentType } from 'discord-api-types/v10';
import type { APIButtonComponent } from 'discord-api-types/v10';
import { LIMITS, assertReplyWithinLimits, embedTextLength, fitReply, replyLimitViolations, type Reply } from '../../src/answer/reply.js';

function button(label: string, customId: string): APIButtonComponent {
  return { type: ComponentType.Button, style: ButtonStyle.Secondary, label, custom_id: customId };
}

const oversized: Reply = {
  content: 'c'.repeat(2500),
  embeds: Array.from({ length: 12 }, () => ({
    title: 't'.repeat(300),
    description: 'd'.repeat(5000),
    footer: { text: 'f'.repeat(3000) },
    author: { name: 'a'.repeat(300) },
    fields: Array.from({ length: 30 }, () => ({ name: 'n'.repeat(300), value: 'v'.repeat(2000) })),
  })),
  components: Array.from({ length: 7 }, (_, r) => ({
    type: ComponentType.ActionRow,
    components: Array.from({ length: 7 }, (_, b) => button('L'.repeat(100), b === 6 ? 'x'.repeat(101) : `id:${r}:${b}`)),
  })),
  ephemeral: false,
};

describe('reply limits', () => {
  it('names every broken limit', () => {
    const problems = replyLimitViolations(oversized);
    expect(problems).toContain('content is 2500 characters (max 2000)');
    expect(problems).toContain('12 embeds (max 10)');
    expect(problems).toContain('embed 0 has 30 fields (max 25)');
    expect(problems).toContain('7 rows of buttons (max 5)');
    expect(problems.some((p) => p.startsWith('embeds in total'))).toBe(true);
    expect(problems.some((p) => p.includes('custom_id is 101'))).toBe(true);
    expect(() => assertReplyWithinLimits(oversized)).toThrow(RangeError);
  });

  it('accepts a reply exactly at the limits', () => {
    expect(() => assertReplyWithinLimits({ content: 'x'.repeat(LIMITS.content), ephemeral: true })).not.toThrow();
  });

  it('fitReply cuts anything down to fit, without touching the input', () => {
    const before = JSON.stringify(oversized);
    const fitted = fitReply(oversized);
    expect(JSON.stringify(oversized)).toBe(before);
    expect(replyLimitViolations(fitted)).toEqual([]);
    expect(fitted.content?.endsWith('…')).toBe(true);
    expect(fitted.embeds?.length).toBeGreaterThanOrEqual(1);
    expect(fitted.components).toHaveLength(5);
    // The button with an over-long id is dropped, not cut into a wrong id.
    for (const row of fitted.components ?? []) {
      expect(row.components).toHaveLength(5);
      for (const b of row.components) expect('custom_id' in b && b.custom_id.startsWith('id:')).toBe(true);
    }
  });

  it('fitReply shortens the longest descriptions first and keeps every embed when it can', () => {
    const reply: Reply = {
      embeds: [{ description: 'a'.repeat(4000) }, { description: 'b'.repeat(3000) }, { description: 'c'.repeat(100) }],
      ephemeral: false,
    };
    const fitted = fitReply(reply);
    const embeds = fitted.embeds ?? [];
    expect(embeds).toHaveLength(3);
    expect(embeds[2]?.description).toBe('c'.repeat(100));
    expect(embeds.reduce((sum, e) => sum + embedTextLength(e), 0)).toBeLessThanOrEqual(LIMITS.embedTotal);
  });

  it('leaves a reply that fits unchanged', () => {
    const reply: Reply = {
      content: 'hi',
      embeds: [{ title: 'x', description: 'y' }],
      components: [{ type: ComponentType.ActionRow, components: [button('ok', 'a')] }],
      ephemeral: true,
    };
    expect(fitReply(reply)).toEqual(reply);
  });
});
