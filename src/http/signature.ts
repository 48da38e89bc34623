/**
 * Discord's request signing for the HTTP interactions endpoint: every POST carries
 * `X-Signature-Ed25519` (hex) over `X-Signature-Timestamp + raw body`, made with the application's
 * private key; we check it with the public key from the Developer Portal. Nothing of a request is
 * parsed before this check passes. node:crypto does the Ed25519 work (no dependency).
 */
import { createPublicKey, verify, type KeyObject } from 'node:crypto';

/** How far a request's timestamp may be from our clock, either way: older is a replay, newer a forgery or a broken clock. */
export const MAX_SKEW_SECONDS = 5 * 60;

/** Why a request was refused; all of them are answered 401. */
export type SignatureRefusal = 'missing-headers' | 'malformed-signature' | 'malformed-timestamp' | 'stale' | 'future' | 'bad-signature';

/** The two headers Discord signs with, as they arrived (absent or repeated headers count as missing). */
export interface SignatureHeaders {
  readonly signature: string | undefined;
  readonly timestamp: string | undefined;
}

const SIGNATURE_HEX = /^[0-9a-fA-F]{128}$/;
const TIMESTAMP = /^\d{1,12}$/;
const PUBLIC_KEY_HEX = /^[0-9a-fA-F]{64}$/;

/**
 * The Ed25519 public key from its 64-hex-character form (Developer Portal → General Information →
 * Public Key); null when it is not one.
 *
 * @example
 * publicKeyFromHex(process.env.DISCORD_PUBLIC_KEY ?? '') // KeyObject | null
 */
export function publicKeyFromHex(hex: string): KeyObject | null {
  if (!PUBLIC_KEY_HEX.test(hex)) return null;
  try {
    return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(hex, 'hex').toString('base64url') }, format: 'jwk' });
  } catch {
    return null;
  }
}

/**
 * Checks the headers alone: present, well formed, and a timestamp within {@link MAX_SKEW_SECONDS}
 * of `nowMs`. Cheap, so the server runs it before reading the body.
 *
 * @returns null when the headers may be verified against the body, else why not.
 */
export function checkSignatureHeaders(headers: SignatureHeaders, nowMs: number): SignatureRefusal | null {
  const { signature, timestamp } = headers;
  if (signature === undefined || timestamp === undefined || signature === '' || timestamp === '') return 'missing-headers';
  if (!SIGNATURE_HEX.test(signature)) return 'malformed-signature';
  if (!TIMESTAMP.test(timestamp)) return 'malformed-timestamp';
  const ageSeconds = nowMs / 1000 - Number(timestamp);
  if (ageSeconds > MAX_SKEW_SECONDS) return 'stale';
  if (ageSeconds < -MAX_SKEW_SECONDS) return 'future';
  return null;
}

/**
 * Verifies a request as Discord signs it: the headers (see {@link checkSignatureHeaders}), then the
 * Ed25519 signature over the timestamp's bytes followed by the raw body's bytes.
 *
 * @returns null when the request is Discord's, else why it is refused.
 * @example
 * verifyRequest({ signature, timestamp }, rawBody, publicKey, Date.now()) // null | 'bad-signature' | …
 */
export function verifyRequest(headers: SignatureHeaders, rawBody: Buffer, publicKey: KeyObject, nowMs: number): SignatureRefusal | null {
  const refused = checkSignatureHeaders(headers, nowMs);
  if (refused !== null) return refused;
  const signed = Buffer.concat([Buffer.from(headers.timestamp ?? '', 'utf8'), rawBody]);
  const ok = verify(null, signed, publicKey, Buffer.from(headers.signature ?? '', 'hex'));
  return ok ? null : 'bad-signature';
}
