/**
 * Fingerprints of facts, so the load worker can tell which facts of a reload the bot already holds
 * without sending them across the thread boundary.
 */
import { createHash } from 'node:crypto';
import type { Fact } from '../facts/types.js';

/** Bytes per fingerprint: 128 bits of SHA-256, far beyond any chance collision among a case's facts. */
export const FINGERPRINT_BYTES = 16;

/**
 * One fingerprint per fact, concatenated in order. It covers every field of a fact (key, text,
 * citations, tags, questions, file and line), so equal fingerprints mean facts equal in everything a reader or
 * the index could see.
 */
export function fingerprintFacts(facts: readonly Fact[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(facts.length * FINGERPRINT_BYTES);
  for (let i = 0; i < facts.length; i++) {
    const fact = facts[i];
    if (fact === undefined) continue;
    const canonical = JSON.stringify([
      fact.caseId,
      fact.id,
      fact.text,
      fact.citations.map((c) => [c.source, c.quote, c.sourceText, c.position.first, c.position.last, c.position.of]),
      fact.tags,
      fact.questions,
      fact.file,
      fact.line,
    ]);
    out.set(createHash('sha256').update(canonical).digest().subarray(0, FINGERPRINT_BYTES), i * FINGERPRINT_BYTES);
  }
  return out;
}

/**
 * For each fact of `next`, the position of the fact with the same fingerprint in `known`, or -1.
 * Both arguments come from {@link fingerprintFacts}; a `known` of the wrong length matches nothing.
 */
export function matchFingerprints(next: Uint8Array, known: Uint8Array): Int32Array<ArrayBuffer> {
  const refs = new Int32Array(next.length / FINGERPRINT_BYTES).fill(-1);
  if (known.length % FINGERPRINT_BYTES !== 0) return refs;
  const position = new Map<string, number>();
  for (let i = 0; i * FINGERPRINT_BYTES < known.length; i++) position.set(keyAt(known, i), i);
  for (let i = 0; i < refs.length; i++) refs[i] = position.get(keyAt(next, i)) ?? -1;
  return refs;
}

function keyAt(bytes: Uint8Array, i: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset + i * FINGERPRINT_BYTES, FINGERPRINT_BYTES).toString('latin1');
}
