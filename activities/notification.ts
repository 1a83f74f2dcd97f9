import { ApplicationFailure, Context } from '@temporalio/activity';
import type postgres from 'postgres';
import { z } from 'zod';
import type { Config } from '../config';
import {
  countSentToRecipientLastMinute,
  lockRecipient,
  recordNotificationAttempt,
  wasSentRecently,
  type NotificationStatus,
} from '../db/notifications';
import { createLogger, type Logger } from '../observability/logger';
import type { BusinessMetrics } from './metricsCollector';
import { withDomainFailures } from './failures';
import { InvalidInput } from '../domain/errors';

export const CHANNELS = ['webhook', 'slack', 'log'] as const;
export type Channel = (typeof CHANNELS)[number];

const HTTP_TIMEOUT_MS = 5_000;

const notificationInput = z.object({
  channel: z.enum([...CHANNELS, 'all']).default('all'),
  recipient: z.string().trim().min(1).max(200),
  subject: z.string().trim().min(1).max(300),
  body: z.record(z.string(), z.unknown()),
  dedupKey: z.string().min(1).max(300),
  workflowId: z.string().min(1).max(300).optional(),
  correlationId: z.uuid().optional(),
});

export type SendNotificationInput = z.input<typeof notificationInput>;
type Notification = z.output<typeof notificationInput>;

export interface ChannelOutcome {
  channel: Channel;
  status: NotificationStatus;
  notificationId: string;
  error?: string;
}

export interface NotificationDeps {
  sql: postgres.Sql;
  config: Pick<Config, 'NOTIFY_WEBHOOK_URL' | 'NOTIFY_SLACK_WEBHOOK_URL' | 'NOTIFY_DEDUP_SECONDS' | 'NOTIFY_RATE_PER_MINUTE'>;
  fetch?: typeof fetch;
  logger?: Logger;
  metrics?: Pick<BusinessMetrics, 'notifications'>;
  /** Per HTTP request; 5 s unless a test needs less. */
  httpTimeoutMs?: number;
}

/** The attempt number Temporal gives this execution; 1 when called outside an activity (the API). */
function currentAttempt(): number {
  try {
    return Context.current().info.attempt;
  } catch {
    return 1;
  }
}

/** Slack's incoming-webhook shape: `text` is the fallback for clients that do not render blocks. */
export function slackPayload(n: Pick<Notification, 'subject' | 'body' | 'recipient' | 'workflowId'>) {
  const fields = Object.entries(n.body)
    .slice(0, 10)
    .map(([k, v]) => ({ type: 'mrkdwn', text: `*${k}*\n${(typeof v === 'string' ? v : JSON.stringify(v)).slice(0, 1900)}` }));
  const context = [`to ${n.recipient}`, n.workflowId ? `workflow ${n.workflowId}` : undefined].filter(Boolean).join(' · ');
  return {
    text: n.subject,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: n.subject.slice(0, 150) } },
      ...(fields.length ? [{ type: 'section', fields }] : []),
      { type: 'context', elements: [{ type: 'mrkdwn', text: context }] },
    ],
  };
}

export function webhookPayload(n: Notification, attempt: number) {
  return {
    subject: n.subject,
    recipient: n.recipient,
    body: n.body,
    dedup_key: n.dedupKey,
    workflow_id: n.workflowId ?? null,
    correlation_id: n.correlationId ?? null,
    attempt,
  };
}

/**
 * NotificationAgent: delivers to the configured channels (generic JSON webhook, Slack-compatible
 * webhook, the log), with a dedup window per key and channel and a per-recipient rate limit, and
 * records every attempt with its outcome.
 *
 * A failed HTTP delivery is recorded as `failed` and then thrown as a retryable failure, so
 * Temporal retries it; on the retry the channels that already succeeded are `deduplicated` and
 * only the failed ones are sent again. A rate-limited notification is recorded and NOT thrown:
 * the limit is a policy decision, and retrying would only defeat it.
 */
export function createNotificationActivities(deps: NotificationDeps) {
  const doFetch = deps.fetch ?? fetch;
  const logger = deps.logger ?? createLogger('notification-agent');
  const timeoutMs = deps.httpTimeoutMs ?? HTTP_TIMEOUT_MS;
  const urls: Record<Exclude<Channel, 'log'>, string | undefined> = {
    webhook: deps.config.NOTIFY_WEBHOOK_URL,
    slack: deps.config.NOTIFY_SLACK_WEBHOOK_URL,
  };

  async function post(url: string, payload: unknown, idempotencyKey: string): Promise<string | undefined> {
    try {
      const res = await doFetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey },
        body: JSON.stringify(payload),
        signal: AbortSignal.timeout(timeoutMs),
      });
      await res.arrayBuffer().catch(() => undefined);
      return res.ok ? undefined : `HTTP ${res.status}`;
    } catch (err) {
      const e = err as Error;
      return e.name === 'TimeoutError' ? `timed out after ${timeoutMs} ms` : `${e.name}: ${e.message}`.slice(0, 500);
    }
  }

  async function deliver(channel: Channel, n: Notification, attempt: number): Promise<string | undefined> {
    if (channel === 'log') {
      logger.info({ notification: webhookPayload(n, attempt), workflow_id: n.workflowId, correlation_id: n.correlationId }, n.subject);
      return undefined;
    }
    const url = urls[channel]!;
    return post(url, channel === 'slack' ? slackPayload(n) : webhookPayload(n, attempt), `${n.dedupKey}:${channel}`);
  }

  return withDomainFailures({
    async sendNotification(raw: SendNotificationInput): Promise<{ dedupKey: string; outcomes: ChannelOutcome[] }> {
      const parsed = notificationInput.safeParse(raw);
      if (!parsed.success) {
        throw new InvalidInput([], `invalid notification: ${z.prettifyError(parsed.error)}`);
      }
      const n = parsed.data;
      const attempt = currentAttempt();
      const requested: Channel[] = n.channel === 'all' ? CHANNELS.filter((c) => c === 'log' || urls[c] !== undefined) : [n.channel];

      const outcomes = await deps.sql.begin(async (tx) => {
        await lockRecipient(n.recipient, tx);
        const record = async (channel: Channel, status: NotificationStatus, error?: string): Promise<ChannelOutcome> => {
          const notificationId = await recordNotificationAttempt(
            { ...n, channel, status, attempt, error, workflowId: n.workflowId, correlationId: n.correlationId },
            tx,
          );
          return { channel, status, notificationId, ...(error ? { error } : {}) };
        };
        const rateLimited = (await countSentToRecipientLastMinute(n.recipient, n.dedupKey, tx)) >= deps.config.NOTIFY_RATE_PER_MINUTE;
        const results: ChannelOutcome[] = [];
        for (const channel of requested) {
          if (channel !== 'log' && urls[channel] === undefined) {
            results.push(await record(channel, 'skipped', 'channel not configured'));
          } else if (await wasSentRecently(n.dedupKey, channel, deps.config.NOTIFY_DEDUP_SECONDS, tx)) {
            results.push(await record(channel, 'deduplicated'));
          } else if (rateLimited) {
            results.push(await record(channel, 'rate_limited', `over ${deps.config.NOTIFY_RATE_PER_MINUTE} per minute for this recipient`));
          } else {
            const error = await deliver(channel, n, attempt);
            results.push(await record(channel, error ? 'failed' : 'sent', error));
          }
        }
        return results;
      });

      for (const o of outcomes) deps.metrics?.notifications.inc({ channel: o.channel, status: o.status });
      const failed = outcomes.filter((o) => o.status === 'failed');
      if (failed.length) {
        // Thrown after the commit, so the failed attempts stay recorded.
        throw ApplicationFailure.create({
          message: `notification ${n.dedupKey} failed on ${failed.map((f) => `${f.channel} (${f.error})`).join(', ')}`,
          type: 'NotificationChannelFailed',
          nonRetryable: false,
          details: [outcomes],
        });
      }
      return { dedupKey: n.dedupKey, outcomes };
    },
  });
}
