import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { killAllServices, startApiProcess, waitUntil, type ApiProcess } from '../support/processes';
import { startTcpProxy, type TcpProxy } from '../support/tcpProxy';
import { call, directSql, readingBody, rowsPerKey, seedKey, serviceEnv, sleep, type Outcome } from './harness';

/**
 * SPEC 10, "PostgreSQL down: the API answers 503 with Retry-After, keeps serving what does not need
 * it, and recovers by itself". The API child process reaches PostgreSQL only through a TCP proxy
 * the test controls; the proxy is cut for OUTAGE_MS in the middle of an ingestion load. The outage
 * outlasts the API key cache (10 s), so both paths are exercised: a cached key whose ingest fails
 * in the database, and a key lookup that cannot reach the key store.
 */

const CLIENTS = 8;
const BEFORE_MS = 2500;
const OUTAGE_MS = 12_000;
const AFTER_MS = 4000;

const ingestKey = seedKey('ingest', ['data:ingest', 'data:read']);
const sql = directSql();
let proxy: TcpProxy;
let api: ApiProcess;

beforeAll(async () => {
  const db = new URL(inject('databaseUrl'));
  proxy = await startTcpProxy({ host: db.hostname, port: Number(db.port || 5432) });
  const viaProxy = new URL(db);
  viaProxy.port = String(proxy.port);
  api = await startApiProcess(
    serviceEnv('pgdown', { DATABASE_URL: viaProxy.toString(), API_KEYS: ingestKey.entry, RATE_LIMIT_PER_MINUTE: '1000000' }),
  );
});
afterAll(async () => {
  await killAllServices();
  await proxy?.close();
  await sql.end();
});

interface Attempt extends Outcome {
  startedAt: number;
  at: number;
  route: string;
}

describe('PostgreSQL unreachable during an ingestion load', () => {
  it('answers 503 with Retry-After (never 500) meanwhile, recovers by itself, and keeps everything acknowledged', async () => {
    const run = randomUUID().slice(0, 8);
    const sensor = `rel-pgdown-${run}`;
    let pausedAt = Number.POSITIVE_INFINITY;
    let resumedAt = Number.POSITIVE_INFINITY;
    const attempts: Attempt[] = [];
    const health: Attempt[] = [];
    const acked = new Map<string, string>();
    const bodies = new Map<string, Record<string, unknown>>();
    let stop = false;
    const timed = async (into: Attempt[], route: string, send: () => Promise<Outcome>) => {
      const startedAt = Date.now();
      const res = await send();
      into.push({ ...res, startedAt, at: Date.now(), route });
      return res;
    };

    const client = async (c: number) => {
      for (let i = 0; !stop; i++) {
        const key = `pgdown-${run}-${c}-${i}`;
        const body = readingBody(sensor, c * 100_000 + i);
        bodies.set(key, body);
        const res = await timed(attempts, 'POST /api/v1/data/ingest', () =>
          call(`${api.baseUrl}/api/v1/data/ingest`, {
            key: ingestKey.key,
            json: body,
            headers: { 'Idempotency-Key': key },
            timeoutMs: 30_000,
          }),
        );
        if (res.status >= 200 && res.status < 300) acked.set(key, (JSON.parse(res.text) as { reading: { id: string } }).reading.id);
        else await sleep(50);
      }
    };
    const reader = async () => {
      while (!stop) {
        await timed(attempts, 'GET /api/v1/sensors/readings', () =>
          call(`${api.baseUrl}/api/v1/sensors/readings?sensor_id=${sensor}&limit=5`, { key: ingestKey.key, timeoutMs: 30_000 }),
        );
        await sleep(200);
      }
    };
    const healthProbe = async () => {
      while (!stop) {
        await timed(health, 'GET /api/v1/health/db', () => call(`${api.baseUrl}/api/v1/health/db`, { timeoutMs: 30_000 }));
        await sleep(250);
      }
    };
    const chaos = async () => {
      await sleep(BEFORE_MS);
      pausedAt = Date.now();
      proxy.pause();
      await sleep(OUTAGE_MS);
      proxy.resume();
      resumedAt = Date.now();
      await sleep(AFTER_MS);
      stop = true;
    };
    await Promise.all([chaos(), reader(), healthProbe(), ...Array.from({ length: CLIENTS }, (_, c) => client(c))]);
    type Phase = 'before' | 'outage' | 'after';
    const phaseOf = (a: Attempt): Phase => (a.at < pausedAt ? 'before' : a.startedAt > resumedAt ? 'after' : 'outage');

    // Recovery is on the API's own: no restart, no operator. Timed from the moment the proxy resumed.
    const healthySeen = health.find((h) => phaseOf(h) === 'after' && h.status === 200);
    const healthyAfterMs = healthySeen
      ? healthySeen.at - resumedAt
      : await waitUntil(
          '/health/db to answer 200 again',
          async () => ((await call(`${api.baseUrl}/api/v1/health/db`)).status === 200 ? Date.now() - resumedAt : undefined),
          { timeoutMs: 60_000, intervalMs: 100 },
        );

    // Clients retry what was not acknowledged, with the same key and body.
    const pending = [...bodies.keys()].filter((k) => !acked.has(k));
    for (const key of pending) {
      const res = await waitUntil(`a retry of ${key} to be acknowledged`, async () => {
        const r = await call(`${api.baseUrl}/api/v1/data/ingest`, {
          key: ingestKey.key,
          json: bodies.get(key),
          headers: { 'Idempotency-Key': key },
          timeoutMs: 30_000,
        });
        return r.status === 200 ? r : undefined;
      });
      acked.set(key, (JSON.parse(res.text) as { reading: { id: string } }).reading.id);
    }

    const all = [...attempts, ...health];
    const byPhase = (p: Phase) => all.filter((a) => phaseOf(a) === p);
    const tally = (list: Attempt[]) => {
      const counts = new Map<string, number>();
      for (const a of list) {
        const label = `${a.route.split('/').at(-1)}:${a.status === 0 ? `net-${a.error}` : a.status}`;
        counts.set(label, (counts.get(label) ?? 0) + 1);
      }
      return [...counts].map(([k, n]) => `${k}×${n}`).join(' ');
    };
    const serverErrors = all.filter((a) => a.status >= 500 && a.status !== 503);
    const outage503 = byPhase('outage').filter((a) => a.status === 503);
    const slowest503 = Math.round(Math.max(0, ...outage503.map((a) => a.ms)));
    const firstIngestOkAfter = attempts.find((a) => phaseOf(a) === 'after' && a.route.startsWith('POST') && a.status === 200);
    // Only a request already under way when the cut came may have committed; nothing begun in the dark.
    const ackedInTheDark = attempts.filter((a) => a.startedAt > pausedAt && a.at < resumedAt && a.status === 200);
    const keys = [...acked.keys()];
    const counts = await rowsPerKey(sql, keys);
    const lost = keys.filter((k) => !counts.has(k));
    const duplicated = keys.filter((k) => (counts.get(k) ?? 0) > 1);

    console.log(
      `[postgres outage ${OUTAGE_MS} ms] before: ${tally(byPhase('before'))} | outage: ${tally(byPhase('outage'))} | after: ${tally(byPhase('after'))}\n` +
        `  503 during outage=${outage503.length} (slowest answered in ${slowest503} ms) 5xx other than 503=${serverErrors.length} ` +
        `(${serverErrors
          .map((e) => `${e.route} ${e.status} ${e.text.slice(0, 160)}`)
          .slice(0, 3)
          .join(' | ')}) ` +
        `recovered: ingest ${firstIngestOkAfter ? firstIngestOkAfter.at - resumedAt : 'never'} ms, /health/db ${healthyAfterMs} ms after resume; ` +
        `retried after the run=${pending.length} acknowledged=${keys.length} lost=${lost.length} duplicated=${duplicated.length} proxy=${JSON.stringify(proxy.stats())}`,
    );

    if (serverErrors.length)
      console.log(
        `  API log of the first 5xx: ${api
          .output()
          .split('\n')
          .find((l) => l.includes('request failed'))
          ?.slice(0, 1200)}`,
      );
    expect(byPhase('before').filter((a) => a.status === 200).length).toBeGreaterThan(0);
    expect(serverErrors.map((e) => `${e.route} → ${e.status}: ${e.text.slice(0, 300)}`)).toEqual([]);
    expect(outage503.length).toBeGreaterThan(0);
    expect(outage503.every((a) => Number(a.headers?.get('Retry-After')) > 0)).toBe(true);
    // Nothing in the outage may be acknowledged without the database (but a request that began
    // just before the cut may still have committed), and every failure is an answered 503.
    const outageIngests = byPhase('outage').filter((a) => a.route.startsWith('POST'));
    expect(outageIngests.filter((a) => a.status !== 503 && a.status !== 200).map((a) => `${a.status} ${a.error ?? ''}`)).toEqual([]);
    expect(ackedInTheDark.map((a) => a.route)).toEqual([]);
    expect(health.filter((h) => phaseOf(h) === 'outage').some((h) => h.status === 503 && h.headers?.get('Retry-After') === '5')).toBe(true);
    expect(firstIngestOkAfter).toBeDefined();
    expect(lost).toEqual([]);
    expect(duplicated).toEqual([]);
    const [{ n }] = await sql`select count(*)::int as n from sensor_readings where sensor_id = ${sensor}`;
    expect(n).toBe(keys.length);
  });
});
