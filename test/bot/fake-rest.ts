/**
 * A tiny stand-in for Discord's REST API: records interaction responses so tests can run real
 * discord.js interaction objects through the bot's handler. (The full fake Discord, with a
 * gateway, lives in test/e2e/.)
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from 'discord.js';

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
}

export interface FakeRest {
  readonly api: string;
  readonly requests: RecordedRequest[];
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? null : JSON.parse(text);
}

/** Starts the fake on 127.0.0.1 at a free port. */
/** An empty message the bot posted, as Discord's REST API returns it (and as buttons carry it). */
export function botMessage(author: {
  readonly id: string;
  readonly username: string;
  readonly discriminator: string;
  readonly avatar: null;
}) {
  return {
    id: '700000000000000000',
    channel_id: '600000000000000000',
    content: '',
    embeds: [],
    components: [],
    attachments: [],
    type: 0,
    author,
    timestamp: new Date(0).toISOString(),
  };
}

export async function startFakeRest(): Promise<FakeRest> {
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((request, response) => {
    void readBody(request).then((body) => {
      const path = decodeURIComponent((request.url ?? '').replace(/^\/api\/v\d+/, ''));
      requests.push({ method: request.method ?? '', path, body });
      if (path.includes('/callback')) {
        response.writeHead(204).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(botMessage({ id: '999999999999999999', username: 'casebot', discriminator: '0', avatar: null })));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    api: `http://127.0.0.1:${port}/api`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Something with a `handle(raw)` method, as discord.js's internal actions have. */
function hasHandle(value: unknown): value is { handle(raw: unknown): void } {
  return typeof value === 'object' && value !== null && 'handle' in value && typeof value.handle === 'function';
}

/**
 * Makes `client` emit `interactionCreate` for a raw gateway INTERACTION_CREATE payload, the way
 * the gateway would, without logging in.
 */
export function dispatchInteraction(client: Client, raw: object): void {
  const actions: unknown = client['actions'];
  const action = typeof actions === 'object' && actions !== null && 'InteractionCreate' in actions ? actions.InteractionCreate : undefined;
  if (!hasHandle(action)) throw new Error('discord.js internals changed: no InteractionCreate action');
  action.handle(raw);
}
