/**
 * The one way casebot signs state into a button's custom_id: `prefix` + base64url (no padding) of
 * `tag ‖ body`, where tag is HMAC-SHA256(secret, domain ‖ body) truncated to 10 bytes (80 bits: far
 * beyond what clicks through Discord could ever try). Each kind of button (page turns, votes) has
 * its own prefix, its own domain (so a tag of one kind is never valid as another) and its own body
 * layout; this module only seals and opens.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Discord's limit on a custom_id. */
export const CUSTOM_ID_LIMIT = 100;
/** Bytes of the truncated HMAC in front of every body. */
export const TAG_BYTES = 10;
/** Shortest secret accepted: 32 characters, as PAGING_SECRET asks. */
export const MIN_SECRET_LENGTH = 32;

/** Most body bytes a custom_id with `prefix` can carry. */
export function maxBodyBytes(prefix: string): number {
  return Math.floor(((CUSTOM_ID_LIMIT - prefix.length) * 3) / 4) - TAG_BYTES;
}

/**
 * Seals and opens signed custom_ids with one secret.
 *
 * @example
 * const ids = new SignedIds('a'.repeat(32));
 * const id = ids.seal('cx1:', DOMAIN, Buffer.from('hello')); // 'cx1:…'
 * ids.open('cx1:', DOMAIN, id)?.toString() // 'hello'
 */
export class SignedIds {
  private readonly key: Buffer;

  /** @param secret any string of at least {@link MIN_SECRET_LENGTH} characters. */
  constructor(secret: string) {
    if (secret.length < MIN_SECRET_LENGTH) throw new Error(`SignedIds: the secret must be at least ${MIN_SECRET_LENGTH} characters`);
    this.key = Buffer.from(secret, 'utf8');
  }

  /** `prefix` + the signed body, or null when it would exceed 100 characters. */
  seal(prefix: string, domain: Buffer, body: Buffer): string | null {
    if (body.length > maxBodyBytes(prefix)) return null;
    return prefix + Buffer.concat([this.tag(domain, body), body]).toString('base64url');
  }

  /**
   * The body of an id sealed by {@link seal} with this secret, prefix and domain; null for anything
   * else (another prefix, garbage, tampered, another secret or domain). Never throws.
   */
  open(prefix: string, domain: Buffer, customId: unknown): Buffer | null {
    if (typeof customId !== 'string' || customId.length > CUSTOM_ID_LIMIT || !customId.startsWith(prefix)) return null;
    const payload = customId.slice(prefix.length);
    if (!/^[A-Za-z0-9_-]+$/.test(payload)) return null;
    const bytes = Buffer.from(payload, 'base64url');
    // One body, one id: a last character differing only in unused bits is not the id we made.
    if (bytes.length < TAG_BYTES || bytes.toString('base64url') !== payload) return null;
    const body = bytes.subarray(TAG_BYTES);
    return timingSafeEqual(bytes.subarray(0, TAG_BYTES), this.tag(domain, body)) ? body : null;
  }

  /** HMAC-SHA256(secret, domain ‖ body), first {@link TAG_BYTES} bytes. */
  tag(domain: Buffer, body: Buffer): Buffer {
    return createHmac('sha256', this.key).update(domain).update(body).digest().subarray(0, TAG_BYTES);
  }
}
