import { describe, expect, it } from 'vitest';
import { checkSignatureHeaders, MAX_SKEW_SECONDS, publicKeyFromHex, verifyRequest } from '../../src/http/signature.js';
import { newKeyPair, signature } from './signed-request.js';

const discord = newKeyPair();
const body = Buffer.from('{"type":1,"id":"1","application_id":"2"}');
const NOW_MS = 1_700_000_000_000;
const ts = (offsetSeconds = 0): string => String(NOW_MS / 1000 + offsetSeconds);
const key = publicKeyFromHex(discord.publicKeyHex);

describe('publicKeyFromHex', () => {
  it('reads the Developer Portal form of an Ed25519 public key, and nothing else', () => {
    expect(key?.asymmetricKeyType).toBe('ed25519');
    expect(publicKeyFromHex(discord.publicKeyHex.toUpperCase())?.asymmetricKeyType).toBe('ed25519');
    expect(publicKeyFromHex(discord.publicKeyHex.slice(2))).toBeNull();
    expect(publicKeyFromHex('z'.repeat(64))).toBeNull();
    expect(publicKeyFromHex('')).toBeNull();
  });
});

describe('verifyRequest', () => {
  if (key === null) throw new Error('key did not parse');
  const verifyAt = (headers: { signature: string | undefined; timestamp: string | undefined }, raw = body) =>
    verifyRequest(headers, raw, key, NOW_MS);

  it('accepts a request Discord signed', () => {
    expect(verifyAt({ signature: signature(discord.privateKey, ts(), body), timestamp: ts() })).toBeNull();
  });

  it('refuses a tampered body, a tampered timestamp, and another key', () => {
    const good = signature(discord.privateKey, ts(), body);
    expect(verifyAt({ signature: good, timestamp: ts() }, Buffer.from(body.toString().replace('"1"', '"3"')))).toBe('bad-signature');
    expect(verifyAt({ signature: good, timestamp: ts(-1) })).toBe('bad-signature');
    expect(verifyAt({ signature: signature(newKeyPair().privateKey, ts(), body), timestamp: ts() })).toBe('bad-signature');
  });

  it('refuses a timestamp older than five minutes (replay) or as far in the future', () => {
    const at = (offset: number) => verifyAt({ signature: signature(discord.privateKey, ts(offset), body), timestamp: ts(offset) });
    expect(at(-MAX_SKEW_SECONDS)).toBeNull();
    expect(at(-MAX_SKEW_SECONDS - 1)).toBe('stale');
    expect(at(MAX_SKEW_SECONDS)).toBeNull();
    expect(at(MAX_SKEW_SECONDS + 1)).toBe('future');
  });

  it('refuses missing or malformed headers before looking at the body', () => {
    const good = signature(discord.privateKey, ts(), body);
    expect(checkSignatureHeaders({ signature: undefined, timestamp: ts() }, NOW_MS)).toBe('missing-headers');
    expect(checkSignatureHeaders({ signature: good, timestamp: undefined }, NOW_MS)).toBe('missing-headers');
    expect(checkSignatureHeaders({ signature: '', timestamp: '' }, NOW_MS)).toBe('missing-headers');
    expect(checkSignatureHeaders({ signature: good.slice(1), timestamp: ts() }, NOW_MS)).toBe('malformed-signature');
    expect(checkSignatureHeaders({ signature: good, timestamp: `${ts()}.5` }, NOW_MS)).toBe('malformed-timestamp');
  });
});
