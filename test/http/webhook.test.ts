import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebhookEditor } from '../../src/http/webhook.js';

const TOKEN = 'aW50ZXJhY3Rpb246c2VjcmV0LXRva2VuLXZhbHVlLWZvci10ZXN0cw';

describe('createWebhookEditor', () => {
  let server: Server;
  let base: string;
  /** Status codes to answer, in order; then 200. */
  let script: number[] = [];
  const seen: { method: string; url: string; body: string }[] = [];
  const lines: string[] = [];
  const log = {
    warn: (obj: object, msg?: string) => void lines.push(JSON.stringify({ ...obj, msg })),
    error: (obj: object, msg?: string) => void lines.push(JSON.stringify({ ...obj, msg })),
  };

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        seen.push({ method: req.method ?? '', url: req.url ?? '', body });
        const status = script.shift() ?? 200;
        res.writeHead(status, { 'content-type': 'application/json', ...(status === 429 ? { 'retry-after': '0.05' } : {}) });
        res.end(JSON.stringify(status === 200 ? { id: '1' } : { message: 'nope', code: 10015 }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    base = `http://127.0.0.1:${address.port}/api`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const target = { applicationId: '100000000000000001', token: TOKEN, interactionId: '300000000000000001' };

  it('PATCHes @original under /v10/webhooks with the JSON body', async () => {
    seen.length = 0;
    script = [];
    const edit = createWebhookEditor({ apiUrl: `${base}/`, log });
    expect(await edit(target, { content: 'done', allowed_mentions: { parse: [] } })).toBe(true);
    expect(seen).toEqual([
      {
        method: 'PATCH',
        url: `/api/v10/webhooks/100000000000000001/${TOKEN}/messages/@original`,
        body: '{"content":"done","allowed_mentions":{"parse":[]}}',
      },
    ]);
  });

  it('retries after a 429 (Retry-After) and a 5xx, gives up on a 4xx at once; never logs the token', async () => {
    seen.length = 0;
    lines.length = 0;
    script = [429, 502];
    const edit = createWebhookEditor({ apiUrl: base, log, attempts: 3 });
    expect(await edit(target, { content: 'x' })).toBe(true);
    expect(seen).toHaveLength(3);

    seen.length = 0;
    script = [404];
    expect(await edit(target, { content: 'x' })).toBe(false);
    expect(seen).toHaveLength(1);

    seen.length = 0;
    script = [500, 500, 500];
    expect(await edit(target, { content: 'x' })).toBe(false);
    expect(seen).toHaveLength(3);
    expect(lines.some((l) => l.includes('Discord refused the webhook edit'))).toBe(true);
    expect(lines.some((l) => l.includes('webhook edit failed after retries'))).toBe(true);
    expect(lines.join('\n')).not.toContain(TOKEN);
  });
});
