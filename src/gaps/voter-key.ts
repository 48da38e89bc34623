import { createHmac } from 'node:crypto';

/**
 * Turns a voter's Discord user id into the value the gaps store keeps: HMAC-SHA-256 keyed with a
 * random secret created inside the database file (migration 1).
 *
 * Why not the id: the store only needs to recognise a repeat vote by the same member, not who they
 * are, so it keeps nothing that names them. Why not a plain hash: Discord user ids are public and
 * enumerable (anyone can list a server's members), so `sha256(id)` is reversed by hashing every
 * member's id and comparing. With a per-file random key, the values mean nothing without that file's
 * key: they cannot be matched against a list of ids, nor linked across two bots' databases, and
 * deleting the key (or the file) makes the remaining values unlinkable to anyone. What it does not do:
 * someone holding the whole file holds the key too, and can test ids one by one — this is
 * pseudonymisation, so the file is still kept private and votes expire with the retention limit.
 *
 * @example
 * hashVoter(key, '123456789012345678') // a 32-byte Buffer, the same for the same key and id
 */
export function hashVoter(key: Buffer, userId: string): Buffer {
  return createHmac('sha256', key).update(userId, 'utf8').digest();
}
