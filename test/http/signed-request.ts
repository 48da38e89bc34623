/** Signing and sending requests to the interactions endpoint as Discord does (and as it never would). */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { request, type IncomingHttpHeaders } from 'node:http';

export interface KeyPair {
  readonly publicKey: KeyObject;
  readonly privateKey: KeyObject;
  /** The public key as the Developer Portal shows it. */
  readonly publicKeyHex: string;
}

export function newKeyPair(): KeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const { x } = publicKey.export({ format: 'jwk' });
  return { publicKey, privateKey, publicKeyHex: Buffer.from(x ?? '', 'base64url').toString('hex') };
}

/** Discord's signature: Ed25519 over the timestamp followed by the raw body, in hex. */
export function signature(privateKey: KeyObject, timestamp: string, body: string | Buffer): string {
  return sign(null, Buffer.concat([Buffer.from(timestamp), Buffer.from(body)]), privateKey).toString('hex');
}

export function nowSeconds(offsetSeconds = 0): string {
  return String(Math.floor(Date.now() / 1000) + offsetSeconds);
}

/** Headers of a correctly signed JSON request. */
export function signedHeaders(privateKey: KeyObject, body: string | Buffer, timestamp = nowSeconds()): Record<string, string> {
  return {
    'content-type': 'application/json',
    'x-signature-ed25519': signature(privateKey, timestamp, body),
    'x-signature-timestamp': timestamp,
  };
}

export interface RawResponse {
  /** 0 when the connection closed without an answer. */
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
  /** Bytes of the body the server let us write before the connection closed. */
  readonly written: number;
}

/**
 * Sends a request with node:http, so a test controls Content-Length, chunking and pace; resolves
 * once the answer is read and the request is done (or the connection closed). `chunks` are written
 * one by one, `delayMs` apart (chunked encoding unless a content-length is given).
 */
export function rawRequest(
  url: string,
  options: {
    method?: string;
    headers?: Record<string, string>;
    chunks?: readonly (string | Buffer)[];
    delayMs?: number;
    onWritten?: (count: number) => void;
  },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    let written = 0;
    let answer: Omit<RawResponse, 'written'> | null = null;
    let requestDone = false;
    const settle = (): void => {
      if (answer !== null && requestDone) resolve({ ...answer, written });
    };
    const req = request(url, { method: options.method ?? 'POST', headers: options.headers ?? {} }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (chunk: Buffer) => parts.push(chunk));
      res.on('end', () => {
        answer = { status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(parts).toString('utf8') };
        settle();
      });
      res.on('error', reject);
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      // Writing into a socket the server closed after answering: the answer may still have arrived.
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
    });
    req.on('close', () => {
      requestDone = true;
      answer ??= { status: 0, headers: {}, text: '' };
      settle();
    });
    void (async () => {
      for (const chunk of options.chunks ?? []) {
        if (req.destroyed) break;
        const flushed = new Promise<boolean>((resolveWrite) => req.write(chunk, (error) => resolveWrite(error == null)));
        if (!(await flushed)) break;
        written += chunk.length;
        options.onWritten?.(written);
        if (options.delayMs !== undefined) await new Promise((r) => setTimeout(r, options.delayMs));
      }
      if (!req.destroyed) req.end();
    })();
  });
}
