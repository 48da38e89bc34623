import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { VOTER_KEY_BYTES } from '../gaps/migrations.js';
import { redisKeys } from './keys.js';
import type { RedisLink } from './link.js';

const HexKey = z.string().regex(new RegExp(`^[0-9a-f]{${VOTER_KEY_BYTES * 2}}$`));

/**
 * The key votes are hashed with (src/gaps/voter-key.ts says why a keyed hash, never the user id),
 * kept in Redis itself as SQLite keeps it in its file: the first replica to need it creates it
 * (`SET NX`), every replica then reads the same one. Cached once read.
 *
 * @returns a function resolving to the key, or null while Redis cannot be reached (the vote is then not kept).
 */
export function redisVoterKey(link: RedisLink): () => Promise<Buffer | null> {
  let cached: Buffer | null = null;
  return async () => {
    if (cached !== null) return cached;
    if (link.state().state !== 'up') return null;
    try {
      await link.commands.set(redisKeys.voterKey, randomBytes(VOTER_KEY_BYTES).toString('hex'), 'NX');
      const stored = HexKey.safeParse(await link.commands.get(redisKeys.voterKey));
      if (!stored.success) return null;
      cached = Buffer.from(stored.data, 'hex');
      return cached;
    } catch {
      return null;
    }
  };
}
