import { describe, expect, it } from 'vitest';
import { deployable } from '../../src/bot/commands/index.js';
import { DeployError, deployCommands, type DeployRest } from '../../src/bot/deploy.js';

function fakeRest(overrides: Partial<DeployRest> = {}) {
  const calls: string[] = [];
  const rest: DeployRest = {
    get: async (route) => {
      calls.push(`GET ${route}`);
      return { id: '999999999999999999', name: 'casebot' };
    },
    put: async (route, { body }) => {
      calls.push(`PUT ${route} ${Array.isArray(body) ? body.length : '?'}`);
      return body;
    },
    ...overrides,
  };
  return { rest, calls };
}

const data = deployable;

describe('deployCommands', () => {
  it('registers in a guild with the given application id', async () => {
    const { rest, calls } = fakeRest();
    const result = await deployCommands({ commands: data, applicationId: '111111111111111111', guildId: '222222222222222222', rest });
    expect(calls).toEqual(['PUT /applications/111111111111111111/guilds/222222222222222222/commands 3']);
    expect(result).toEqual({
      applicationId: '111111111111111111',
      scope: { guildId: '222222222222222222' },
      names: ['case', 'case-admin', 'Check against case facts'],
    });
  });

  it('learns the application id and registers globally', async () => {
    const { rest, calls } = fakeRest();
    const result = await deployCommands({ commands: data, rest });
    expect(calls).toEqual(['GET /applications/@me', 'PUT /applications/999999999999999999/commands 3']);
    expect(result.scope).toBe('global');
  });

  it('sends the message command as Discord expects it: type 3, a name, no description or options', async () => {
    const bodies: unknown[] = [];
    const { rest } = fakeRest({ put: async (_route, { body }) => bodies.push(body) });
    await deployCommands({ commands: data, applicationId: '1', rest });
    expect(bodies[0]).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'Check against case facts', type: 3 })]));
  });

  it('explains failures', async () => {
    const { rest } = fakeRest({ put: () => Promise.reject(new Error('Missing Access')) });
    await expect(deployCommands({ commands: data, applicationId: '1', guildId: '2', rest })).rejects.toThrow(
      /Discord refused the commands in guild 2: Missing Access/,
    );
    const noId = fakeRest({ get: async () => ({}) });
    await expect(deployCommands({ commands: data, rest: noId.rest })).rejects.toBeInstanceOf(DeployError);
  });
});
