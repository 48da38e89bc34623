import { describe, expect, it } from 'vitest';
import { ADMINISTRATOR, MANAGE_GUILD, canAdminister } from '../../src/app/permissions.js';

const MOD = '323456789012345678';
const OTHER = '423456789012345678';
const SEND_MESSAGES = 1n << 11n;

describe('canAdminister', () => {
  it.each([
    ['Manage Server', MANAGE_GUILD | SEND_MESSAGES, [], true],
    ['Administrator', ADMINISTRATOR, [], true],
    ['a moderator role', SEND_MESSAGES, [OTHER, MOD], true],
    ['neither', SEND_MESSAGES, [OTHER], false],
    ['no permissions at all', 0n, [], false],
    ['no permissions sent (DM)', null, [], false],
    ['a moderator role without permissions sent', null, [MOD], true],
  ] as const)('%s → %s', (_label, permissions, roleIds, expected) => {
    expect(canAdminister({ permissions, roleIds, modRoleIds: [MOD] })).toBe(expected);
  });

  it('uses Discord’s bit values', () => {
    expect(MANAGE_GUILD).toBe(0x20n);
    expect(ADMINISTRATOR).toBe(0x8n);
  });
});
