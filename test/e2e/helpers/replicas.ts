/**
 * Several `npm start` replicas in HTTP mode as real processes, and a small round-robin load
 * balancer in front of them (node:http), for the replicas end-to-end test and `npm run bench:http`.
 * Everything listens on 127.0.0.1 only.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

export interface Replica {
  readonly id: string;
  readonly child: ChildProcess;
  /** The endpoint's base URL, once listening. */
  readonly url: string;
  /** Everything it logged (JSON lines). */
  readonly output: string[];
}

/** Whether `text` holds a JSON log line whose `msg` is `msg`, counted. */
export function countLogLines(output: readonly string[], msg: string): number {
  let count = 0;
  for (const line of output.join('').split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      const parsed: unknown = JSON.parse(line);
      if (typeof parsed === 'object' && parsed !== null && 'msg' in parsed && parsed.msg === msg) count += 1;
    } catch {
      // Not a log line.
    }
  }
  return count;
}

function listeningUrl(output: readonly string[]): string | undefined {
  for (const line of output.join('').split('\n')) {
    if (!line.includes('interactions endpoint listening')) continue;
    const parsed: unknown = JSON.parse(line);
    if (typeof parsed === 'object' && parsed !== null && 'url' in parsed && typeof parsed.url === 'string') return parsed.url;
  }
  return undefined;
}

/**
 * Starts `src/main.ts` (what `npm start` runs) in HTTP mode with exactly `env` plus PATH, and waits
 * until `/readyz` says the facts are loaded.
 */
export async function startReplica(id: string, env: Record<string, string>, timeoutMs = 60_000): Promise<Replica> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env['PATH'] ?? '',
      NODE_ENV: 'production',
      INTERACTIONS_PORT: '0',
      INTERACTIONS_HOST: '127.0.0.1',
      REPLICA_ID: id,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  const deadline = Date.now() + timeoutMs;
  let url: string | undefined;
  while (url === undefined) {
    if (child.exitCode !== null) throw new Error(`replica ${id} exited with ${child.exitCode}: ${output.join('')}`);
    if (Date.now() > deadline) throw new Error(`replica ${id} did not listen: ${output.join('')}`);
    url = listeningUrl(output);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  while ((await fetch(`${url}/readyz`).catch(() => null))?.status !== 200) {
    if (Date.now() > deadline) throw new Error(`replica ${id} never became ready: ${output.join('')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { id, child, url, output };
}

/** Kills a replica at once (SIGKILL: no goodbye, as a crash or an OOM kill). */
export async function killReplica(replica: Replica): Promise<void> {
  if (replica.child.exitCode !== null || replica.child.signalCode !== null) return;
  const exited = once(replica.child, 'exit');
  replica.child.kill('SIGKILL');
  await exited;
}

export interface Balancer {
  readonly url: string;
  /** Which replica (by index in `backends`) answered each request, in order. */
  readonly served: { readonly interactionId: string | null; readonly backend: number }[];
  close(): Promise<void>;
}

/**
 * A round-robin load balancer: each request goes to the next backend; when a backend cannot be
 * reached (connection refused or reset before it answered) the request goes to the next one, as
 * nginx's `proxy_next_upstream error` or a cloud load balancer's retry does. Answers carry
 * `x-served-by: <index>`.
 */
export async function startBalancer(backends: readonly string[]): Promise<Balancer> {
  let next = 0;
  const served: { interactionId: string | null; backend: number }[] = [];

  function forward(
    backend: number,
    method: string,
    path: string,
    headers: IncomingHttpHeaders,
    body: Buffer,
  ): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
    const target = new URL(path, backends[backend]);
    return new Promise((resolve, reject) => {
      const req = request(target, { method, headers: { ...headers, host: target.host } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      let interactionId: string | null = null;
      try {
        const parsed: unknown = JSON.parse(body.toString('utf8'));
        if (typeof parsed === 'object' && parsed !== null && 'id' in parsed && typeof parsed.id === 'string') interactionId = parsed.id;
      } catch {
        // Not JSON: forwarded as it is.
      }
      const first = next;
      next = (next + 1) % backends.length;
      void (async () => {
        for (let attempt = 0; attempt < backends.length; attempt += 1) {
          const backend = (first + attempt) % backends.length;
          try {
            const answer = await forward(backend, req.method ?? 'GET', req.url ?? '/', req.headers, body);
            served.push({ interactionId, backend });
            const headers = { ...answer.headers, 'x-served-by': String(backend) };
            delete headers['transfer-encoding'];
            res.writeHead(answer.status, headers);
            res.end(answer.body);
            return;
          } catch {
            // That backend is gone: try the next one.
          }
        }
        res.writeHead(502).end('no backend answered');
      })();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the balancer has no TCP address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    served,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
