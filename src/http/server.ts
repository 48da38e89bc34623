/**
 * The HTTP interactions endpoint on node:http: `POST /interactions` (Discord's requests),
 * `GET /healthz` and `GET /readyz` (load balancers). Every interaction is checked in this order,
 * each check before any work the next one needs: route and method, content type, declared size,
 * signature headers and timestamp, body size while reading, Ed25519 signature, and only then JSON
 * and the payload schema. Never exits the process: signals are main.ts's business.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { KeyObject } from 'node:crypto';
import type { Dispatched } from './dispatch.js';
import { parseInteraction, type ParsedInteraction } from './payload.js';
import { checkSignatureHeaders, verifyRequest, type SignatureHeaders } from './signature.js';
import type { Log } from '../shared/log.js';

/** Largest interaction body read; Discord's are a few kilobytes. */
export const MAX_BODY_BYTES = 1024 * 1024;

export type ServerLogger = Pick<Log, 'debug' | 'info' | 'warn' | 'error'>;

export interface InteractionsServerOptions {
  /** Address to bind, e.g. `0.0.0.0` or `127.0.0.1`. */
  readonly host: string;
  /** 0 picks a free port (see {@link InteractionsServer.port}). */
  readonly port: number;
  /** The application's Ed25519 public key (see `publicKeyFromHex`). */
  readonly publicKey: KeyObject;
  /** Answers a verified, parsed interaction. Must not throw (createDispatcher does not). */
  readonly dispatch: (interaction: ParsedInteraction) => Dispatched | Promise<Dispatched>;
  /** Whether the facts are loaded: `/readyz` answers 200 then, 503 before. */
  readonly isReady: () => boolean;
  readonly log: ServerLogger;
  /** Default {@link MAX_BODY_BYTES}. */
  readonly maxBodyBytes?: number;
  /** Epoch milliseconds, for the timestamp check. Default `Date.now`. */
  readonly now?: () => number;
  /** How long {@link InteractionsServer.close} waits for work in flight before cutting connections. Default 25 s. */
  readonly drainTimeoutMs?: number;
}

export interface InteractionsServer {
  /** `http://host:port` as bound. */
  readonly url: string;
  readonly port: number;
  /**
   * Graceful stop: stops accepting connections, lets requests in flight and deferred work (a
   * reload's edit) finish, closes idle keep-alive connections; after the drain timeout, cuts the
   * rest. `/readyz` answers 503 meanwhile. Resolves once everything is closed.
   */
  close(): Promise<void>;
}

/** Methods allowed per path; anything else is 404 (unknown path) or 405 (known path, other method). */
const ROUTES: Readonly<Record<string, readonly string[]>> = {
  '/interactions': ['POST'],
  '/healthz': ['GET', 'HEAD'],
  '/readyz': ['GET', 'HEAD'],
};

const JSON_TYPE = /^application\/json\s*(?:;|$)/i;

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(res.req.method === 'HEAD' ? undefined : text);
}

/** A header that must appear exactly once; repeated or absent headers count as missing. */
function single(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}

type BodyResult = { readonly ok: true; readonly body: Buffer } | { readonly ok: false; readonly reason: 'too-large' | 'aborted' };

/** Reads the body up to `max` bytes; past that it stops reading (the caller answers 413 and closes). */
function readBody(req: IncomingMessage, max: number): Promise<BodyResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: BodyResult): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onError);
      resolve(result);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > max) {
        req.pause();
        finish({ ok: false, reason: 'too-large' });
      } else chunks.push(chunk);
    };
    const onEnd = (): void => finish({ ok: true, body: Buffer.concat(chunks, size) });
    const onError = (): void => finish({ ok: false, reason: 'aborted' });
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onError);
  });
}

/**
 * Starts the endpoint and resolves once it listens.
 *
 * @throws the listen error (e.g. EADDRINUSE) as node:http reports it.
 * @example
 * const server = await startInteractionsServer({ host: '127.0.0.1', port: 0, publicKey, dispatch, isReady: () => true, log });
 * // … await server.close();
 */
export async function startInteractionsServer(options: InteractionsServerOptions): Promise<InteractionsServer> {
  const { log } = options;
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const now = options.now ?? Date.now;
  let stopping = false;
  /** Deferred work started after a response went out. */
  const pending = new Set<Promise<void>>();

  // Bounds on slow clients: a request must arrive whole within 30 s.
  const server = createServer({ requestTimeout: 30_000, headersTimeout: 10_000, keepAliveTimeout: 5_000 });

  /** Refuses before the body is read: the connection is closed rather than reading the rest. */
  const refuseEarly = (res: ServerResponse, status: number, error: string, extra: Record<string, string> = {}): void =>
    send(res, status, { error }, { connection: 'close', ...extra });

  async function interaction(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!JSON_TYPE.test(req.headers['content-type'] ?? '')) {
      refuseEarly(res, 415, 'content type must be application/json');
      return;
    }
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBodyBytes) {
      refuseEarly(res, 413, 'body too large');
      return;
    }
    const headers: SignatureHeaders = { signature: single(req, 'x-signature-ed25519'), timestamp: single(req, 'x-signature-timestamp') };
    const early = checkSignatureHeaders(headers, now());
    if (early !== null) {
      // Discord itself sends bad requests to check this endpoint refuses them; not worth more than debug,
      // except a timestamp from the future, which usually means our clock is wrong.
      if (early === 'future') log.warn({ reason: early }, 'interaction refused: timestamp ahead of our clock; check NTP');
      else log.debug({ reason: early }, 'interaction refused');
      refuseEarly(res, 401, 'invalid request signature');
      return;
    }
    const read = await readBody(req, maxBodyBytes);
    if (!read.ok) {
      if (read.reason === 'too-large') refuseEarly(res, 413, 'body too large');
      else res.destroy();
      return;
    }
    const refused = verifyRequest(headers, read.body, options.publicKey, now());
    if (refused !== null) {
      log.debug({ reason: refused }, 'interaction refused');
      send(res, 401, { error: 'invalid request signature' });
      return;
    }
    // Signed by Discord from here on.
    let json: unknown;
    try {
      json = JSON.parse(read.body.toString('utf8'));
    } catch {
      log.warn({ bytes: read.body.length }, 'signed interaction is not JSON');
      send(res, 400, { error: 'body is not JSON' });
      return;
    }
    const parsed = parseInteraction(json);
    if (parsed === null) {
      log.warn(
        { type: typeof json === 'object' && json !== null && 'type' in json ? json.type : null },
        'signed interaction not understood',
      );
      send(res, 400, { error: 'unsupported interaction' });
      return;
    }
    const dispatched = await options.dispatch(parsed);
    send(res, 200, dispatched.response, stopping ? { connection: 'close' } : {});
    const after = dispatched.after;
    if (after !== undefined) {
      // Only once the response is on its way: an edit of @original needs the defer to have arrived.
      const work = new Promise<void>((resolve) => res.once('finish', resolve)).then(after);
      pending.add(work);
      void work.finally(() => pending.delete(work));
    }
  }

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?', 1)[0] ?? '/';
    const methods = ROUTES[path];
    if (methods === undefined) {
      refuseEarly(res, 404, 'not found');
      return;
    }
    if (!methods.includes(req.method ?? '')) {
      refuseEarly(res, 405, 'method not allowed', { allow: methods.join(', ') });
      return;
    }
    const close: Record<string, string> = stopping ? { connection: 'close' } : {};
    if (path === '/healthz') send(res, 200, { status: 'alive' }, close);
    else if (path === '/readyz') {
      if (!stopping && options.isReady()) send(res, 200, { status: 'ready' }, close);
      else send(res, 503, { status: stopping ? 'stopping' : 'loading facts' }, close);
    } else {
      interaction(req, res).catch((error: unknown) => {
        log.error({ err: error }, 'interaction request failed');
        if (!res.headersSent) send(res, 500, { error: 'internal error' });
        else res.destroy();
      });
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (error) => log.error({ err: error }, 'interactions server error'));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('interactions server: not listening on TCP');
  const { port } = address;
  const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`;
  log.info({ url, path: '/interactions' }, 'interactions endpoint listening');

  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    close() {
      closing ??= (async () => {
        stopping = true;
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        let timer: NodeJS.Timeout | undefined;
        // Once every connection is closed no request can add work, so `pending` is complete then.
        const drained = closed.then(() => Promise.all([...pending])).then(() => 'drained' as const);
        const late = new Promise<'late'>((resolve) => {
          timer = setTimeout(() => resolve('late'), options.drainTimeoutMs ?? 25_000);
        });
        const outcome = await Promise.race([drained, late]);
        clearTimeout(timer);
        if (outcome === 'late') {
          log.warn({ pending: pending.size }, 'work still in flight at the drain timeout; closing connections');
          server.closeAllConnections();
          await closed;
        }
        log.info({}, 'interactions endpoint stopped');
      })();
      return closing;
    },
  };
}
