import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { ApplicationFailure } from '@temporalio/common';
import { MockActivityEnvironment } from '@temporalio/testing';
import { DefaultLogger } from '@temporalio/worker';
import pino from 'pino';
import type postgres from 'postgres';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createNotificationActivities, type SendNotificationInput } from '../../activities/notification';
import { parseConfig } from '../../config';
import { listNotificationAttempts } from '../../db/notifications';
import { createSql } from '../../db/sql';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

/** A local webhook receiver: records each request and answers with the next scripted status (200 when none is left). */
let server: Server;
let baseUrl: string;
let received: Received[] = [];
let script: { status?: number; delayMs?: number }[] = [];

let sql: postgres.Sql;
const logLines: Record<string, unknown>[] = [];
const logger = pino(
  { level: 'info' },
  new Writable({
    write(chunk, _enc, done) {
      logLines.push(JSON.parse(String(chunk)));
      done();
    },
  }),
);

beforeAll(async () => {
  sql = createSql(inject('databaseUrl'), 3);
  server = createServer((req, res) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body: JSON.parse(data) });
      const step = script.shift() ?? {};
      setTimeout(() => {
        res.statusCode = step.status ?? 200;
        res.end('ok');
      }, step.delayMs ?? 0);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await sql.end({ timeout: 2 });
});

beforeEach(() => {
  received = [];
  script = [];
  logLines.length = 0;
});

function agent(overrides: Record<string, string> = {}) {
  const config = parseConfig({
    NOTIFY_WEBHOOK_URL: `${baseUrl}/hook`,
    NOTIFY_SLACK_WEBHOOK_URL: `${baseUrl}/slack`,
    NOTIFY_DEDUP_SECONDS: '300',
    NOTIFY_RATE_PER_MINUTE: '3',
    ...overrides,
  });
  return createNotificationActivities({ sql, config, logger, httpTimeoutMs: 300 });
}

function run(activities: ReturnType<typeof agent>, input: SendNotificationInput, attempt = 1) {
  // Failed attempts are expected here; the SDK's WARN line for each would only be noise.
  const env = new MockActivityEnvironment(
    { attempt, workflowExecution: { workflowId: 'wf-notify', runId: randomUUID() } },
    { logger: new DefaultLogger('ERROR') },
  );
  // env.run loses the activity's return type; restore it.
  return env.run(activities.sendNotification, input) as ReturnType<typeof activities.sendNotification>;
}

const message = (over: Partial<SendNotificationInput> = {}): SendNotificationInput => ({
  recipient: `ops-${randomUUID().slice(0, 8)}`,
  subject: 'Order approved for pump-7',
  body: { order_id: 'o-1', priority: 'urgent' },
  dedupKey: `n-${randomUUID()}`,
  workflowId: 'wf-notify',
  ...over,
});

describe('NotificationAgent.sendNotification', () => {
  it('posts JSON to the webhook, Slack blocks to the Slack webhook, writes the log, and records each as sent', async () => {
    const input = message();
    const result = await run(agent(), input);

    expect(result.outcomes.map((o) => [o.channel, o.status])).toEqual([
      ['webhook', 'sent'],
      ['slack', 'sent'],
      ['log', 'sent'],
    ]);
    const hook = received.find((r) => r.path === '/hook')!;
    expect(hook.body).toEqual({
      subject: 'Order approved for pump-7',
      recipient: input.recipient,
      body: { order_id: 'o-1', priority: 'urgent' },
      dedup_key: input.dedupKey,
      workflow_id: 'wf-notify',
      correlation_id: null,
      attempt: 1,
    });
    expect(hook.headers['idempotency-key']).toBe(`${input.dedupKey}:webhook`);
    const slack = received.find((r) => r.path === '/slack')!;
    expect(slack.body.text).toBe('Order approved for pump-7');
    expect(slack.body.blocks).toEqual([
      { type: 'header', text: { type: 'plain_text', text: 'Order approved for pump-7' } },
      {
        type: 'section',
        fields: [
          { type: 'mrkdwn', text: '*order_id*\no-1' },
          { type: 'mrkdwn', text: '*priority*\nurgent' },
        ],
      },
      { type: 'context', elements: [{ type: 'mrkdwn', text: `to ${input.recipient} · workflow wf-notify` }] },
    ]);
    expect(logLines).toHaveLength(1);
    expect(logLines[0]).toMatchObject({ msg: 'Order approved for pump-7', notification: { dedup_key: input.dedupKey } });

    const rows = await listNotificationAttempts(input.dedupKey, sql);
    expect(rows.map((r) => [r.channel, r.status, r.attempt])).toEqual([
      ['webhook', 'sent', 1],
      ['slack', 'sent', 1],
      ['log', 'sent', 1],
    ]);
  });

  it('records a repeat of the same dedup key inside the window as deduplicated and sends nothing', async () => {
    const activities = agent();
    const input = message();
    await run(activities, input);
    received = [];
    const again = await run(activities, input);

    expect(again.outcomes.map((o) => o.status)).toEqual(['deduplicated', 'deduplicated', 'deduplicated']);
    expect(received).toHaveLength(0);
    const rows = await listNotificationAttempts(input.dedupKey, sql);
    expect(rows.map((r) => r.status)).toEqual(['sent', 'sent', 'sent', 'deduplicated', 'deduplicated', 'deduplicated']);
  });

  it('rate-limits a recipient past NOTIFY_RATE_PER_MINUTE distinct notifications and records rate_limited', async () => {
    const activities = agent();
    const recipient = `ops-${randomUUID().slice(0, 8)}`;
    for (let i = 0; i < 3; i++) await run(activities, message({ recipient, channel: 'webhook' }));
    expect(received).toHaveLength(3);

    const fourth = message({ recipient, channel: 'webhook' });
    const result = await run(activities, fourth);
    expect(result.outcomes).toMatchObject([{ channel: 'webhook', status: 'rate_limited' }]);
    expect(received).toHaveLength(3);
    const other = await run(activities, message({ channel: 'webhook' }));
    expect(other.outcomes[0]!.status).toBe('sent');
  });

  it('records a 500 from the receiver as failed and throws a retryable failure; the retry sends only that channel', async () => {
    const activities = agent();
    const input = message();
    script = [{ status: 500 }];

    const error = await run(activities, input, 1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApplicationFailure);
    expect((error as ApplicationFailure).nonRetryable).toBe(false);
    expect((error as ApplicationFailure).type).toBe('NotificationChannelFailed');
    expect((error as ApplicationFailure).message).toContain('webhook (HTTP 500)');

    const retry = await run(activities, input, 2);
    expect(retry.outcomes.map((o) => [o.channel, o.status])).toEqual([
      ['webhook', 'sent'],
      ['slack', 'deduplicated'],
      ['log', 'deduplicated'],
    ]);
    expect(received.map((r) => r.path)).toEqual(['/hook', '/slack', '/hook']);
    const rows = await listNotificationAttempts(input.dedupKey, sql);
    expect(rows.map((r) => [r.channel, r.status, r.attempt, r.error])).toEqual([
      ['webhook', 'failed', 1, 'HTTP 500'],
      ['slack', 'sent', 1, null],
      ['log', 'sent', 1, null],
      ['webhook', 'sent', 2, null],
      ['slack', 'deduplicated', 2, null],
      ['log', 'deduplicated', 2, null],
    ]);
  });

  it('records a receiver slower than the timeout as failed', async () => {
    const input = message({ channel: 'webhook' });
    script = [{ delayMs: 1_000 }];
    const error = await run(agent(), input).catch((e: unknown) => e);
    expect((error as ApplicationFailure).message).toContain('timed out after 300 ms');
    const rows = await listNotificationAttempts(input.dedupKey, sql);
    expect(rows.map((r) => [r.status, r.error])).toEqual([['failed', 'timed out after 300 ms']]);
  });

  it('sends only to the log when no webhook is configured, and records an unconfigured requested channel as skipped', async () => {
    const activities = createNotificationActivities({ sql, config: parseConfig({}), logger, httpTimeoutMs: 300 });
    const all = await run(activities, message());
    expect(all.outcomes.map((o) => [o.channel, o.status])).toEqual([['log', 'sent']]);
    const slackOnly = await run(activities, message({ channel: 'slack' }));
    expect(slackOnly.outcomes).toMatchObject([{ channel: 'slack', status: 'skipped', error: 'channel not configured' }]);
    expect(received).toHaveLength(0);
  });

  it('refuses invalid input with a non-retryable failure', async () => {
    const error = await run(agent(), { ...message(), recipient: '' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApplicationFailure);
    expect((error as ApplicationFailure).nonRetryable).toBe(true);
    expect((error as ApplicationFailure).type).toBe('InvalidInput');
  });
});
