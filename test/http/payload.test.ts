import { describe, expect, it } from 'vitest';
import { ApplicationCommandType } from 'discord-api-types/v10';
import { parseInteraction } from '../../src/http/payload.js';
import { autocomplete, button, chatInput, MEMBER_PERMISSIONS } from '../e2e/fake-discord/index.js';

const GUILD = '1100000000000000000';
const APP = '100000000000000001';
const USER = { id: '200000000000000001', username: 'asker' };

describe('parseInteraction', () => {
  it('reads a /case command in a server: options, the member with roles and permissions', () => {
    const payload = {
      ...chatInput({
        name: 'case',
        guildId: GUILD,
        user: USER,
        member: { roles: ['1100000000000000555'] },
        options: { query: 'who found the tick', private: true },
      }),
      application_id: APP,
    };
    const parsed = parseInteraction(JSON.parse(JSON.stringify(payload)));
    expect(parsed).toMatchObject({
      kind: 'command',
      name: 'case',
      commandType: 1,
      subcommand: null,
      guildId: GUILD,
      applicationId: APP,
      token: payload.token,
    });
    if (parsed?.kind !== 'command') throw new Error('not a command');
    expect([...parsed.options]).toEqual([
      ['query', 'who found the tick'],
      ['private', true],
    ]);
    expect(parsed.actor).toEqual({
      userId: USER.id,
      username: USER.username,
      member: { permissions: MEMBER_PERMISSIONS, roleIds: ['1100000000000000555'] },
    });
  });

  it('reads a subcommand and a DM user (no member)', () => {
    const parsed = parseInteraction({ ...chatInput({ name: 'case-admin', subcommand: 'reload', user: USER }), application_id: APP });
    expect(parsed).toMatchObject({ kind: 'command', subcommand: 'reload', guildId: null, actor: { userId: USER.id, member: null } });
  });

  it('reads a subcommand group as "group sub"', () => {
    const parsed = parseInteraction({
      ...chatInput({ name: 'case-admin', guildId: GUILD, subcommandGroup: 'facts', subcommand: 'check' }),
      application_id: APP,
    });
    expect(parsed).toMatchObject({ kind: 'command', subcommand: 'facts check' });
  });

  it('reads autocomplete with its focused option, and a button click', () => {
    const typed = parseInteraction({
      ...autocomplete({ name: 'case', guildId: GUILD, focused: { name: 'query', value: 'jax' }, options: { private: true } }),
      application_id: APP,
    });
    expect(typed).toMatchObject({ kind: 'autocomplete', name: 'case', focused: { name: 'query', value: 'jax' } });
    const click = parseInteraction({ ...button({ customId: 'case:page:abc:1', guildId: GUILD }), application_id: APP });
    expect(click).toMatchObject({ kind: 'component', customId: 'case:page:abc:1', componentType: 2 });
  });

  it('keeps the command type, so a message command of the same name is not taken for /case', () => {
    const payload = { ...chatInput({ name: 'case', guildId: GUILD }), application_id: APP };
    const parsed = parseInteraction({ ...payload, data: { ...payload.data, type: ApplicationCommandType.Message } });
    expect(parsed).toMatchObject({ kind: 'command', commandType: ApplicationCommandType.Message });
  });

  it('refuses what it cannot answer: no user, bad ids, unknown types, a custom_id over 100, garbage', () => {
    const payload = { ...chatInput({ name: 'case', guildId: GUILD }), application_id: APP };
    const { member: _member, ...noUser } = payload;
    expect(parseInteraction(noUser)).toBeNull();
    expect(parseInteraction({ ...payload, id: 'nope' })).toBeNull();
    expect(parseInteraction({ ...payload, type: 5 })).toBeNull();
    expect(parseInteraction({ ...payload, member: { ...payload.member, permissions: '-1' } })).toBeNull();
    expect(parseInteraction({ ...button({ customId: 'x'.repeat(101), guildId: GUILD }), application_id: APP })).toBeNull();
    for (const garbage of [null, [], 'ping', 1, {}, { type: '1' }]) expect(parseInteraction(garbage)).toBeNull();
  });

  it('answers PING without needing a user or token', () => {
    expect(parseInteraction({ type: 1, id: '1000000000000000001', application_id: APP })).toEqual({
      kind: 'ping',
      id: '1000000000000000001',
    });
  });
});
