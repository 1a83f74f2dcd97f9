import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killAllServices, startApiProcess, waitUntil, type ApiProcess } from '../support/processes';
import { call, directSql, readingBody, rowsPerKey, seedKey, serviceEnv, sleep } from './harness';

/**
 * SPEC 10, "acknowledged means durable": the API process is SIGKILLed in the middle of an
 * ingestion load and started again on the same port. Clients retry every request that did not get
 * a 2xx with the same Idempotency-Key and body. Afterwards every acknowledged reading is in
 * PostgreSQL exactly once, and a retry of a request whose commit the kill hid is answered with the
 * original reading (a replay), not a second row.
 */

const CLIENTS = 12;
const PER_CLIENT = 40;
const KILL_AFTER_ACKS = 120;

const ingestKey = seedKey('ingest', ['data:ingest']);
const sql = directSql();
let api: ApiProcess;

beforeAll(async () => {
  api = await startApiProcess(serviceEnv('apikill', { API_KEYS: ingestKey.entry, RATE_LIMIT_PER_MINUTE: '1000000' }));
});
afterAll(async () => {
  await killAllServices();
  await sql.end();
});

describe('the API process killed during an ingestion load', () => {
  it('keeps every acknowledged reading exactly once after clients retry with their idempotency keys', async () => {
    const run = randomUUID().slice(0, 8);
    const sensor = `rel-kill-${run}`;
    const acked = new Map<string, string>(); // idempotency key → reading id from the 2xx
    let failedAttempts = 0;
    let replayedAfterFailure = 0;
    let killedAt = 0;
    let restartedAt = 0;
    let acksBeforeKill = 0;
    const failureKinds = new Map<string, number>();

    const client = async (c: number) => {
      for (let i = 0; i < PER_CLIENT; i++) {
        const key = `kill-${run}-${c}-${i}`;
        const body = readingBody(sensor, c * PER_CLIENT + i);
        let failedBefore = false;
        const deadline = Date.now() + 90_000;
        for (;;) {
          const res = await call(`${api.baseUrl}/api/v1/data/ingest`, {
            key: ingestKey.key,
            json: body,
            headers: { 'Idempotency-Key': key },
            timeoutMs: 5000,
          });
          if (res.status >= 200 && res.status < 300) {
            acked.set(key, (JSON.parse(res.text) as { reading: { id: string } }).reading.id);
            if (failedBefore && res.headers?.get('Idempotent-Replayed') === 'true') replayedAfterFailure += 1;
            break;
          }
          failedAttempts += 1;
          failedBefore = true;
          const kind = res.status === 0 ? (res.error ?? 'transport') : String(res.status);
          failureKinds.set(kind, (failureKinds.get(kind) ?? 0) + 1);
          if (Date.now() > deadline)
            throw new Error(`key ${key} never acknowledged; last: ${res.status} ${res.error ?? res.text.slice(0, 200)}`);
          await sleep(100);
        }
      }
    };

    const chaos = async () => {
      await waitUntil('enough acknowledged readings before the kill', () => (acked.size >= KILL_AFTER_ACKS ? true : undefined), {
        timeoutMs: 60_000,
        intervalMs: 5,
      });
      acksBeforeKill = acked.size;
      killedAt = Date.now();
      await api.proc.kill();
      await api.restart();
      restartedAt = Date.now();
    };

    await Promise.all([chaos(), ...Array.from({ length: CLIENTS }, (_, c) => client(c))]);

    const keys = [...acked.keys()];
    const counts = await rowsPerKey(sql, keys);
    const lost = keys.filter((k) => !counts.has(k));
    const duplicated = keys.filter((k) => (counts.get(k) ?? 0) > 1);
    // Single ingests store `ingest:<api key id>/<Idempotency-Key>` (scoped by API key, issue 22).
    const stored = await sql<{ k: string; id: bigint }[]>`
      select split_part(idempotency_key, '/', 2) as k, id from sensor_readings where sensor_id = ${sensor}`;
    const idMismatch = stored.filter((r) => acked.get(r.k) !== r.id.toString());

    console.log(
      `[api killed] requests=${CLIENTS * PER_CLIENT} acknowledged=${acked.size} acked before kill=${acksBeforeKill} ` +
        `failed attempts=${failedAttempts} (${[...failureKinds].map(([k, n]) => `${k}:${n}`).join(', ')}) ` +
        `retries answered as replays=${replayedAfterFailure} down for=${restartedAt - killedAt} ms lost=${lost.length} duplicated=${duplicated.length}`,
    );
    expect(acksBeforeKill).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    expect(acksBeforeKill).toBeLessThan(CLIENTS * PER_CLIENT);
    expect(failedAttempts).toBeGreaterThan(0);
    expect(acked.size).toBe(CLIENTS * PER_CLIENT);
    expect(lost).toEqual([]);
    expect(duplicated).toEqual([]);
    expect(stored).toHaveLength(CLIENTS * PER_CLIENT);
    expect(idMismatch).toEqual([]);
  });
});
