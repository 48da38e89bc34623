/**
 * The endpoint's gatekeeping, over real HTTP on 127.0.0.1: only requests Discord signed reach the
 * dispatcher; everything else is refused with the right status before anything is parsed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import { createDispatcher } from '../../src/http/dispatch.js';
import type { ParsedInteraction } from '../../src/http/payload.js';
import { MAX_BODY_BYTES, startInteractionsServer, type InteractionsServer } from '../../src/http/server.js';
import { chatInput } from '../e2e/fake-discord/index.js';
import { newKeyPair, nowSeconds, rawRequest, signature, signedHeaders } from './signed-request.js';

const discord = newKeyPair();
const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

describe('interactions endpoint', () => {
  let server: InteractionsServer;
  let endpoint: string;
  let ready = false;
  /** What reached the dispatcher. */
  const dispatched: ParsedInteraction[] = [];

  beforeAll(async () => {
    // Not ready (no facts): PING is still answered, commands get "starting up".
    const dispatch = createDispatcher({ app: () => undefined, log: quiet, editOriginal: async () => true });
    server = await startInteractionsServer({
      host: '127.0.0.1',
      port: 0,
      publicKey: discord.publicKey,
      dispatch: (interaction) => {
        dispatched.push(interaction);
        return dispatch(interaction);
      },
      isReady: () => ready,
      log: quiet,
    });
    endpoint = `${server.url}/interactions`;
  });

  afterAll(async () => {
    await server?.close();
  });

  const ping = JSON.stringify({ type: 1, id: '1000000000000000001', application_id: '1000000000000000002', token: 'x', version: 1 });
  const post = (body: string, headers: Record<string, string>) => fetch(endpoint, { method: 'POST', headers, body });

  it('answers a signed PING with PONG', async () => {
    const response = await post(ping, signedHeaders(discord.privateKey, ping));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ type: InteractionResponseType.Pong });
  });

  it('answers a signed command with a parsed, dispatched reply', async () => {
    const body = JSON.stringify({
      ...chatInput({ name: 'case', guildId: '1100000000000000000', options: { query: 'jaxa' } }),
      application_id: '1000000000000000002',
    });
    const before = dispatched.length;
    const response = await post(body, signedHeaders(discord.privateKey, body));
    expect(response.status).toBe(200);
    const json: unknown = await response.json();
    expect(json).toMatchObject({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { flags: MessageFlags.Ephemeral, allowed_mentions: { parse: [] } },
    });
    expect(dispatched.slice(before).map((i) => i.kind)).toEqual(['command']);
  });

  it('refuses with 401, without dispatching: tampered body, wrong key, stale or future timestamp, missing or malformed headers', async () => {
    const before = dispatched.length;
    const timestamp = nowSeconds();
    const good = signature(discord.privateKey, timestamp, ping);
    const cases: [string, string, Record<string, string>][] = [
      [
        'tampered body',
        ping.replace('"1000000000000000001"', '"1000000000000000009"'),
        { 'x-signature-ed25519': good, 'x-signature-timestamp': timestamp },
      ],
      ['wrong key', ping, signedHeaders(newKeyPair().privateKey, ping)],
      ['stale', ping, signedHeaders(discord.privateKey, ping, nowSeconds(-301))],
      ['future', ping, signedHeaders(discord.privateKey, ping, nowSeconds(400))],
      ['no signature', ping, { 'x-signature-timestamp': timestamp }],
      ['no timestamp', ping, { 'x-signature-ed25519': good }],
      ['no headers', ping, {}],
      ['signature not hex', ping, { 'x-signature-ed25519': 'g'.repeat(128), 'x-signature-timestamp': timestamp }],
    ];
    for (const [name, body, headers] of cases) {
      const response = await post(body, { 'content-type': 'application/json', ...headers });
      expect(response.status, name).toBe(401);
      expect(await response.json(), name).toEqual({ error: 'invalid request signature' });
    }
    expect(dispatched.length).toBe(before);
  });

  it('refuses a wrong content type with 415 before checking anything else', async () => {
    const headers = { ...signedHeaders(discord.privateKey, ping), 'content-type': 'text/plain' };
    expect((await post(ping, headers)).status).toBe(415);
    expect((await post(ping, { ...headers, 'content-type': 'application/jsonp' })).status).toBe(415);
    expect((await post(ping, { ...headers, 'content-type': 'application/json; charset=utf-8' })).status).toBe(200);
  });

  it('refuses a body over 1 MB with 413 and stops reading it, whether its length is declared or not', async () => {
    const big = Buffer.alloc(64 * 1024, 'a');
    const chunks = Array.from({ length: 256 }, () => big); // 16 MB in all
    const headers = { 'content-type': 'application/json', 'x-signature-ed25519': 'a'.repeat(128), 'x-signature-timestamp': nowSeconds() };
    const declared = await rawRequest(endpoint, { headers: { ...headers, 'content-length': String(256 * big.length) }, chunks });
    expect(declared.status).toBe(413);
    expect(declared.headers['connection']).toBe('close');
    const chunked = await rawRequest(endpoint, { headers, chunks });
    expect(chunked.status).toBe(413);
    expect(chunked.headers['connection']).toBe('close');
    // The server closed the connection instead of reading on: most of the 16 MB never left the client
    // (what did went into socket buffers).
    const total = chunks.length * big.length;
    expect(declared.written).toBeLessThan(total / 2);
    expect(chunked.written).toBeLessThan(total / 2);
    // A body of exactly the limit is read (and refused for its signature, which is what comes next).
    const atLimit = Buffer.alloc(MAX_BODY_BYTES, ' ');
    expect((await post(atLimit.toString(), signedHeaders(newKeyPair().privateKey, atLimit))).status).toBe(401);
  });

  it('refuses signed bodies that are not interactions with 400', async () => {
    for (const body of ['not json', '{"type":2}', '[]']) {
      expect((await post(body, signedHeaders(discord.privateKey, body))).status, body).toBe(400);
    }
  });

  it('answers unknown routes with 404 and wrong methods with 405 (with Allow)', async () => {
    expect((await fetch(`${server.url}/`)).status).toBe(404);
    expect((await fetch(`${server.url}/interactions/extra`, { method: 'POST' })).status).toBe(404);
    const get = await fetch(endpoint);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    const postHealth = await fetch(`${server.url}/healthz`, { method: 'POST' });
    expect(postHealth.status).toBe(405);
    expect(postHealth.headers.get('allow')).toBe('GET, HEAD');
  });

  it('says alive at /healthz always, and ready at /readyz only once the facts are loaded', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const loading = await fetch(`${server.url}/readyz`);
    expect(loading.status).toBe(503);
    expect(await loading.json()).toEqual({ status: 'loading facts' });
    ready = true;
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    expect((await fetch(`${server.url}/readyz?probe=1`, { method: 'HEAD' })).status).toBe(200);
  });
});
