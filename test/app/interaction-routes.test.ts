/** The one routing table both transports use: buttons by prefix, commands by name, options flattened. */
import { describe, expect, it } from 'vitest';
import { PageSessions } from '../../src/app/page-sessions.js';
import { createInteractionApp } from '../../src/app/interaction-app.js';
import { flattenOptions, optionsOf, planButton, planSlashCommand, ROUTES, type Origin } from '../../src/app/interaction-routes.js';
import { fakeStore } from './fake-store.js';

const log = { info: () => undefined, warn: () => undefined, error: () => undefined };
const app = createInteractionApp({
  store: fakeStore(),
  sessions: new PageSessions(),
  log,
  cooldownSeconds: 30,
  modRoleIds: [],
  version: 't',
});
const origin: Origin = {
  interactionId: '1',
  guildId: '1100000000000000000',
  actor: { userId: '200000000000000001', username: 'asker', member: { permissions: 0n, roleIds: [] } },
  locale: null,
};

describe('interaction routes', () => {
  it('routes page and vote buttons by prefix and nothing else', () => {
    expect(ROUTES.buttonPrefixes).toEqual(['case:page:', 'cp1:', 'case:vote:', 'cv1:']);
    expect(planButton({ ...origin, customId: 'case:page:abc:1' }, app)?.kind).toBe('update');
    expect(planButton({ ...origin, customId: 'cp1:AAAA' }, app)?.kind).toBe('update');
    expect(planButton({ ...origin, customId: 'case:vote:abc:up' }, app)).toMatchObject({ kind: 'reply', ephemeral: true });
    expect(planButton({ ...origin, customId: 'cv1:AAAA' }, app)).toMatchObject({ kind: 'reply', ephemeral: true });
    expect(planButton({ ...origin, customId: 'case:info:abc' }, app)).toBeNull();
    expect(planButton({ ...origin, customId: 'other' }, app)).toBeNull();
  });

  it('makes a public /case private from the start within the cooldown, so a defer has the right visibility', async () => {
    const ask = () => planSlashCommand({ ...origin, name: 'case', subcommand: null, options: new Map([['query', 'jaxa']]) }, app);
    const first = await ask();
    expect(first).toMatchObject({ kind: 'reply', ephemeral: false });
    if (first?.kind !== 'reply') throw new Error('not a reply');
    expect((await first.run()).ephemeral).toBe(false);
    expect(await ask()).toMatchObject({ kind: 'reply', ephemeral: true });
    expect(await planSlashCommand({ ...origin, name: 'toString', subcommand: null, options: new Map() }, app)).toBeNull();
  });

  it('flattens a subcommand and a group, and finds the focused option', () => {
    expect(flattenOptions([{ name: 'gaps', type: 1, options: [{ name: 'days', type: 4, value: 7 }] }])).toEqual({
      subcommand: 'gaps',
      leaves: [{ name: 'days', type: 4, value: 7 }],
    });
    expect(flattenOptions([{ name: 'facts', type: 2, options: [{ name: 'check', type: 1 }] }]).subcommand).toBe('facts check');
    const { options, focused } = optionsOf([
      { name: 'query', type: 3, value: 'jax', focused: true },
      { name: 'private', type: 5, value: true },
    ]);
    expect([...options]).toEqual([
      ['query', 'jax'],
      ['private', true],
    ]);
    expect(focused).toEqual({ name: 'query', value: 'jax' });
  });
});
