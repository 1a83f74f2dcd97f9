import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectorHost } from '../../connectors/connectorHost';
import { createLogger } from '../../observability/logger';
import { publishAll, runTag } from '../connectors/harness';
import { startBroker, type Broker } from '../support/mosquitto';
import { freePort, waitUntil } from '../support/processes';
import { startTestStack, type TestStack } from '../support/stack';

let stack: TestStack;
let broker: Broker;
let host: ConnectorHost;
let admin: string;
let reader: string;
/** The sensors each committed batch handed on for alarm scoring (the process kicks its AlarmRaiser with them). */
const committedSensors: string[][] = [];

beforeAll(async () => {
  stack = await startTestStack();
  broker = await startBroker();
  admin = await stack.key(['admin']);
  reader = await stack.key(['data:read']);
  host = new ConnectorHost({
    sql: stack.sql,
    logger: createLogger('test-connectors', 'silent'),
    maxBuffered: 1000,
    batchSize: 500,
    lingerMs: 20,
    maxFutureSkewSeconds: 300,
    pollMs: 200,
    statusMs: 200,
    onReadingsCommitted: (ids) => committedSensors.push(ids),
  });
  await host.run();
});
afterAll(async () => {
  await host?.stop();
  await broker?.stop();
  await stack?.close();
});

async function call(path: string, init: { key?: string; method?: string; json?: unknown } = {}) {
  const res = await stack.request(`/api/v1${path}`, { key: init.key ?? admin, method: init.method, json: init.json });
  const text = await res.text();
  return { status: res.status, type: res.headers.get('content-type') ?? '', text, body: text ? JSON.parse(text) : undefined };
}

const PASSWORD = 'broker-secret-do-not-leak';

describe('/api/v1/connectors', () => {
  const tag = runTag();
  const mqttBody = (over: Record<string, unknown> = {}) => ({
    name: `line-${tag}`,
    kind: 'mqtt',
    secrets: { password: PASSWORD },
    config: {
      url: broker.url,
      username: 'plant',
      topics: [`plant/${tag}/#`],
      mapping: [
        { source: 'plant/{site}/{asset}/{sensor}', sensorId: 'api-{site}.{asset}.{sensor}', sensorType: 'vibration', unit: 'mm/s' },
      ],
    },
    ...over,
  });
  let id: string;

  it('creates a connector and never returns its password', async () => {
    const res = await call('/connectors', { method: 'POST', json: mqttBody() });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: `line-${tag}`, kind: 'mqtt', enabled: true, has_password: true, revision: 1 });
    expect(res.body.config.sessionExpirySeconds).toBe(7 * 24 * 3600);
    expect(res.text).not.toContain(PASSWORD);
    id = res.body.id;
    for (const path of ['/connectors', `/connectors/${id}`]) expect((await call(path, { key: reader })).text).not.toContain(PASSWORD);
  });

  it('refuses a taken name (409), bad settings (422) and writes by a read-only key (403), storing nothing', async () => {
    const before = (await call('/connectors')).body.length;
    const dup = await call('/connectors', { method: 'POST', json: mqttBody() });
    expect(dup.status).toBe(409);
    expect(dup.type).toContain('application/problem+json');
    const bad = await call('/connectors', {
      method: 'POST',
      json: mqttBody({ name: `bad-${tag}`, config: { url: 'http://x', topics: [] } }),
    });
    expect(bad.status).toBe(422);
    expect(bad.type).toContain('application/problem+json');
    const unknownKind = await call('/connectors', { method: 'POST', json: { ...mqttBody({ name: `k-${tag}` }), kind: 'modbus' } });
    expect(unknownKind.status).toBe(422);
    const extra = await call('/connectors', { method: 'POST', json: mqttBody({ name: `x-${tag}`, owner: 'me' }) });
    expect(extra.status).toBe(422);
    expect((await call('/connectors', { key: reader, method: 'POST', json: mqttBody({ name: `r-${tag}` }) })).status).toBe(403);
    expect((await call('/connectors')).body.length).toBe(before);
    expect((await call('/connectors/not-a-uuid')).status).toBe(422);
    expect((await call('/connectors/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('reports live status and a preview of the last messages once the connector process runs it', async () => {
    const live = await waitUntil(
      'connected',
      async () => {
        const r = await call(`/connectors/${id}`, { key: reader });
        return r.body.status?.connected ? r.body : undefined;
      },
      { timeoutMs: 15_000 },
    );
    // `buffered` is a snapshot of the moment (a batch may be lingering); it is checked as a number only.
    expect(live.status).toMatchObject({ reporting: true, connected: true, paused: false, buffered: expect.any(Number) });
    await publishAll(broker.url, [
      { topic: `plant/${tag}/fan1/vib`, payload: JSON.stringify({ value: 4.2, ts: '2026-03-01T00:00:00Z' }) },
      { topic: `plant/${tag}/fan1/vib`, payload: 'oops' },
    ]);
    const status = await waitUntil(
      'two messages counted',
      async () => {
        const r = await call(`/connectors/${id}`, { key: reader });
        return r.body.status?.messages_total === 2 ? r.body.status : undefined;
      },
      { timeoutMs: 15_000 },
    );
    expect(status).toMatchObject({ rejected_total: 1, lost_total: 0, last_error: 'payload is neither JSON nor a number' });
    // The stored reading's sensor is handed on for alarm scoring as soon as its batch commits.
    expect(committedSensors.flat()).toContain(`api-${tag}.fan1.vib`);
    expect(status.last_message_at).toBeTruthy();
    const preview = await call(`/connectors/${id}/messages`, { key: reader });
    expect(
      preview.body.map((m: { payload: string; readings: unknown[]; error?: string }) => [m.payload, m.readings, m.error ?? null]),
    ).toEqual([
      [
        '{"value":4.2,"ts":"2026-03-01T00:00:00Z"}',
        [{ sensorId: `api-${tag}.fan1.vib`, value: 4.2, ts: '2026-03-01T00:00:00.000Z' }],
        null,
      ],
      ['oops', [], 'payload is neither JSON nor a number'],
    ]);
  });

  it('keeps the stored password when an update leaves secrets out, and refuses a change of kind', async () => {
    const { secrets: _secrets, ...withoutSecrets } = mqttBody({ name: `line2-${tag}` });
    const res = await call(`/connectors/${id}`, { method: 'PUT', json: withoutSecrets });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: `line2-${tag}`, has_password: true, revision: 2 });
    const [row] = await stack.sql<{ secrets: { password: string } }[]>`select secrets from connectors where id = ${id}`;
    expect(row!.secrets.password).toBe(PASSWORD);
    const kind = await call(`/connectors/${id}`, {
      method: 'PUT',
      json: { name: 'x', kind: 'opcua', config: { endpointUrl: 'opc.tcp://127.0.0.1:4840' } },
    });
    expect(kind.status).toBe(422);
    expect(kind.body.errors).toEqual([
      { field: 'kind', message: "cannot change a connector's kind (it is mqtt)", code: 'kind_unchangeable', params: { kind: 'mqtt' } },
    ]);
  });

  it('tests a connection: the running broker answers, a closed port does not', async () => {
    const ok = await call(`/connectors/${id}/test`, { method: 'POST' });
    expect(ok.body).toMatchObject({ ok: true, error: null });
    const closedPort = await freePort();
    const down = await call('/connectors/test', {
      method: 'POST',
      json: mqttBody({ config: { url: `mqtt://127.0.0.1:${closedPort}`, topics: ['#'] } }),
    });
    expect(down.status).toBe(200);
    expect(down.body.ok).toBe(false);
    expect(down.body.error).toMatch(/ECONNREFUSED/);
  });

  it('disables (the process disconnects), enables, and deletes', async () => {
    expect((await call(`/connectors/${id}/disable`, { method: 'POST' })).body.enabled).toBe(false);
    await waitUntil(
      'disconnected',
      async () => {
        const [s] = await stack.sql<{ connected: boolean }[]>`select connected from connector_status where connector_id = ${id}`;
        return s && !s.connected ? true : undefined;
      },
      { timeoutMs: 10_000 },
    );
    expect((await call(`/connectors/${id}/enable`, { method: 'POST' })).body.enabled).toBe(true);
    expect((await call(`/connectors/${id}`, { method: 'DELETE' })).body).toEqual({ id, deleted: true });
    expect((await call(`/connectors/${id}`)).status).toBe(404);
  });
});
