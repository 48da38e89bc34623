/**
 * npm run bench:http [-- --requests N] [-- --concurrency C] [-- --json]
 *
 * `/case` over HTTP as Discord sends it (signed POST /interactions), on this machine: one replica
 * alone, then three replicas behind a round-robin load balancer sharing a private redis-server
 * (cooldowns claimed in Redis on every public answer). Reports requests per second and p50/p99
 * latency in all and per replica. Everything runs on 127.0.0.1; needs `redis-server` (Debian package).
 *
 * The replicas, the balancer and the redis-server are the end-to-end test's (test/e2e/helpers/,
 * test/redis/helpers/), so the bench measures exactly what the test proves works.
 */
import { generateKeyPairSync, sign } from 'node:crypto';
import { percentile, roundFigure } from '../src/bench/stats.js';
import { chatInput } from '../test/e2e/fake-discord/payloads.js';
import { killReplica, startBalancer, startReplica, type Replica } from '../test/e2e/helpers/replicas.js';
import { redisServerAvailable, startRedisServer } from '../test/redis/helpers/redis-server.js';

const QUERIES = [
  'jaxa',
  'who is wang',
  'was data stolen',
  'tick',
  'kato statement',
  'fake company',
  'JAXAを攻撃したのは誰',
  'police',
  'sale cancelled',
];

function argValue(args: readonly string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

interface Sample {
  readonly ms: number;
  readonly backend: number;
}

interface RunFigures {
  readonly setup: string;
  readonly requests: number;
  readonly concurrency: number;
  readonly seconds: number;
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly perReplica: {
    readonly replica: number;
    readonly requests: number;
    readonly rps: number;
    readonly p50: number;
    readonly p99: number;
  }[];
}

async function drive(
  url: string,
  privateKey: ReturnType<typeof generateKeyPairSync>['privateKey'],
  requests: number,
  concurrency: number,
  setup: string,
): Promise<RunFigures> {
  let sent = 0;
  const samples: Sample[] = [];
  const oneRequest = async (n: number): Promise<void> => {
    const body = JSON.stringify({
      ...chatInput({
        name: 'case',
        guildId: '1100000000000000000',
        user: { id: String(2_200_000_000_000_000_000n + BigInt(n + 1000)), username: `member${n}` },
        options: { query: QUERIES[Math.abs(n) % QUERIES.length] ?? 'jaxa' },
      }),
      application_id: '100000000000000001',
    });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = sign(null, Buffer.from(timestamp + body), privateKey).toString('hex');
    const started = performance.now();
    const response = await fetch(`${url}/interactions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp },
      body,
    });
    await response.arrayBuffer();
    const ms = performance.now() - started;
    if (response.status !== 200) throw new Error(`request ${n} answered ${response.status}`);
    samples.push({ ms, backend: Number(response.headers.get('x-served-by') ?? '0') });
  };
  // Warm-up: the first answers compile code paths and fill caches.
  for (let i = 0; i < 100; i += 1) await oneRequest(-1 - i);
  samples.length = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (sent < requests) {
        sent += 1;
        await oneRequest(sent);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const backends = [...new Set(samples.map((s) => s.backend))].sort((a, b) => a - b);
  const figure = (values: readonly number[], p: number) => roundFigure(percentile(values, p));
  return {
    setup,
    requests,
    concurrency,
    seconds: roundFigure(seconds),
    rps: Math.round(requests / seconds),
    p50: figure(
      samples.map((s) => s.ms),
      50,
    ),
    p99: figure(
      samples.map((s) => s.ms),
      99,
    ),
    perReplica: backends.map((replica) => {
      const mine = samples.filter((s) => s.backend === replica).map((s) => s.ms);
      return {
        replica: replica + 1,
        requests: mine.length,
        rps: Math.round(mine.length / seconds),
        p50: figure(mine, 50),
        p99: figure(mine, 99),
      };
    }),
  };
}

async function main(args: readonly string[]): Promise<number> {
  if (!redisServerAvailable()) {
    console.error('npm run bench:http needs redis-server (Debian: apt-get install redis-server)');
    return 1;
  }
  const requests = Number(argValue(args, '--requests') ?? '3000');
  const concurrency = Number(argValue(args, '--concurrency') ?? '16');
  const progress = (line: string): void => void process.stderr.write(`${line}\n`);
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const publicKeyHex = Buffer.from(publicKey.export({ format: 'jwk' }).x ?? '', 'base64url').toString('hex');
  const redis = await startRedisServer();
  const env = {
    DISCORD_PUBLIC_KEY: publicKeyHex,
    FACTS_DIR: 'facts',
    REDIS_URL: redis.url,
    PAGING_SECRET: 'bench-http-replicas-share-this-secret',
    GAPS_DB: 'off',
    LOG_LEVEL: 'info',
  };
  const replicas: Replica[] = [];
  const runs: RunFigures[] = [];
  try {
    progress('starting 1 replica (Redis on)…');
    replicas.push(await startReplica('bench-1', env));
    const single = await startBalancer([replicas[0]?.url ?? '']);
    progress(`1 replica: ${requests} /case, ${concurrency} at a time…`);
    runs.push(await drive(single.url, privateKey, requests, concurrency, '1 replica'));
    await single.close();
    progress('starting 2 more replicas…');
    replicas.push(...(await Promise.all(['bench-2', 'bench-3'].map((id) => startReplica(id, env)))));
    const balancer = await startBalancer(replicas.map((r) => r.url));
    progress(`3 replicas behind the balancer: ${requests} /case, ${concurrency} at a time…`);
    runs.push(await drive(balancer.url, privateKey, requests, concurrency, '3 replicas'));
    await balancer.close();
  } finally {
    for (const replica of replicas) await killReplica(replica);
    await redis.close();
  }
  if (args.includes('--json')) {
    process.stdout.write(`${JSON.stringify({ runs })}\n`);
    return 0;
  }
  const lines = [
    '| setup | requests | req/s in all | p50 ms | p99 ms | per replica: req/s, p50 / p99 ms |',
    '|---|---:|---:|---:|---:|---|',
    ...runs.map(
      (r) =>
        `| ${r.setup} (Redis on, ${r.concurrency} in flight) | ${r.requests} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.perReplica.map((p) => `#${p.replica}: ${p.rps}, ${p.p50} / ${p.p99}`).join(' · ')} |`,
    ),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
