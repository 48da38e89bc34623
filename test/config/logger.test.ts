import { describe, expect, it } from 'vitest';
import { withoutInteractionToken } from '../../src/bot/interactions.js';
import { createLogger, REDACTED, wantsPrettyLogs } from '../../src/log.js';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GabcDE.s3cr3t-t0ken-value';

function capture(pretty = false) {
  const lines: string[] = [];
  const log = createLogger({ level: 'trace', pretty, token: TOKEN, destination: { write: (line) => lines.push(line) } });
  return { log, output: () => lines.join('') };
}

describe('createLogger', () => {
  it('writes JSON lines with level and message', () => {
    const { log, output } = capture();
    log.info({ facts: 3 }, 'facts loaded');
    expect(JSON.parse(output())).toMatchObject({ level: 30, facts: 3, msg: 'facts loaded' });
  });

  it('redacts credential fields by name', () => {
    const { log, output } = capture();
    log.info({ token: 'short', headers: { authorization: 'Bot x' }, request: { headers: { authorization: 'Bot y' } } }, 'request');
    const line = JSON.parse(output());
    expect(line.token).toBe(REDACTED);
    expect(line.headers.authorization).toBe(REDACTED);
    expect(line.request.headers.authorization).toBe(REDACTED);
  });

  it('never writes the token, wherever it hides', () => {
    const { log, output } = capture();
    const inner = new Error(`401 for Bot ${TOKEN}`);
    const outer = Object.assign(new Error('request failed', { cause: inner }), {
      requestBody: { json: { token: TOKEN, nested: [{ value: `x${TOKEN}y` }] } },
      url: `https://discord.com/api/v10/webhooks/1/${TOKEN}`,
    });
    log.error({ err: outer }, 'REST error');
    log.debug(`[WS => Shard 0] Identifying with ${TOKEN}`);
    log.warn({ detail: { deep: { deeper: TOKEN } } }, 'odd');
    const text = output();
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain('s3cr3t-t0ken-value');
    expect(text.split(REDACTED).length - 1).toBeGreaterThanOrEqual(6);
  });

  it('scrubs pretty output too', () => {
    const { log, output } = capture(true);
    log.error({ err: new Error(`bad ${TOKEN}`) }, `message ${TOKEN}`);
    expect(output()).toContain('message [REDACTED]');
    expect(output()).not.toContain(TOKEN);
  });

  it('respects the level', () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'warn', pretty: false, destination: { write: (l) => lines.push(l) } });
    log.info('hidden');
    log.warn('shown');
    expect(lines).toHaveLength(1);
  });
});

describe('wantsPrettyLogs', () => {
  it('is pretty only at a terminal outside production', () => {
    expect(wantsPrettyLogs({ isTTY: true }, {})).toBe(true);
    expect(wantsPrettyLogs({ isTTY: true }, { NODE_ENV: 'production' })).toBe(false);
    expect(wantsPrettyLogs({ isTTY: false }, {})).toBe(false);
    expect(wantsPrettyLogs({}, {})).toBe(false);
  });
});

describe('interaction tokens', () => {
  it('scrubs interaction and webhook tokens from REST paths in any log line', () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'info', pretty: false, destination: { write: (line: string) => lines.push(line) } });
    const token = 'aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDEyMzQ1Njc4OjE2ZmY0';
    log.error({ url: `https://discord.com/api/v10/interactions/123456789012345678/${token}/callback` }, 'reply failed');
    log.warn(`PATCH /webhooks/987654321098765432/${token}/messages/@original failed`);
    expect(lines.join('\n')).not.toContain(token);
    expect(lines.join('\n')).toContain(`/interactions/123456789012345678/${REDACTED}/callback`);
    expect(lines.join('\n')).toContain(`/webhooks/987654321098765432/${REDACTED}/messages`);
  });

  it('scrubs a token of any length, the same way in log lines and in errors (one pattern)', () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'info', pretty: false, destination: { write: (line: string) => lines.push(line) } });
    const error = Object.assign(new Error('Unknown interaction'), {
      url: 'https://discord.com/api/v10/interactions/1/short-token/callback',
    });
    withoutInteractionToken(error);
    expect(error.url).toBe(`https://discord.com/api/v10/interactions/1/${REDACTED}/callback`);
    log.warn('POST /interactions/42/tok/callback failed');
    expect(lines.join('\n')).toContain(`/interactions/42/${REDACTED}/callback`);
    expect(lines.join('\n')).not.toContain('/tok/');
  });
});
