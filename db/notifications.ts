import { getSql, type Sql } from './sql';

export const NOTIFICATION_STATUSES = ['sent', 'failed', 'deduplicated', 'rate_limited', 'skipped'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

export interface NotificationAttempt {
  channel: string;
  recipient: string;
  subject: string;
  body: Record<string, unknown>;
  status: NotificationStatus;
  attempt: number;
  error?: string | null;
  dedupKey: string;
  workflowId?: string | null;
  correlationId?: string | null;
}

export interface NotificationView {
  id: string;
  channel: string;
  recipient: string;
  subject: string;
  body: Record<string, unknown>;
  status: NotificationStatus;
  attempt: number;
  error: string | null;
  dedup_key: string;
  workflow_id: string | null;
  correlation_id: string | null;
  created_at: string;
}

/**
 * Serialises the notification decisions (dedup, rate limit, send, record) for one recipient,
 * until the caller's transaction ends, so two workers cannot both pass the same check.
 */
export async function lockRecipient(recipient: string, sql: Sql): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${'notify:' + recipient}))`;
}

/** Whether this key was already delivered on this channel within the last `windowSeconds`. */
export async function wasSentRecently(dedupKey: string, channel: string, windowSeconds: number, sql: Sql = getSql()): Promise<boolean> {
  const [row] = await sql<{ hit: boolean }[]>`
    select exists (
      select 1 from notifications
      where dedup_key = ${dedupKey} and channel = ${channel} and status = 'sent'
        and created_at > clock_timestamp() - make_interval(secs => ${windowSeconds})
    ) as hit`;
  return row?.hit ?? false;
}

/**
 * How many distinct notifications (dedup keys) reached the recipient in the last minute, not
 * counting `exceptKey`: a message delivered on three channels is one notification, and a retry
 * of a partly delivered message must not be throttled by its own first attempt.
 */
export async function countSentToRecipientLastMinute(recipient: string, exceptKey: string, sql: Sql = getSql()): Promise<number> {
  const [row] = await sql<{ n: bigint }[]>`
    select count(distinct dedup_key) as n from notifications
    where recipient = ${recipient} and status = 'sent' and dedup_key <> ${exceptKey}
      and created_at > clock_timestamp() - interval '60 seconds'`;
  return Number(row?.n ?? 0);
}

export async function recordNotificationAttempt(a: NotificationAttempt, sql: Sql = getSql()): Promise<string> {
  const [row] = await sql<{ id: bigint }[]>`
    insert into notifications (channel, recipient, subject, body, status, attempt, error, dedup_key, workflow_id, correlation_id, created_at)
    values (${a.channel}, ${a.recipient}, ${a.subject}, ${sql.json(a.body as never)}, ${a.status}, ${a.attempt}, ${a.error ?? null},
            ${a.dedupKey}, ${a.workflowId ?? null}, ${a.correlationId ?? null}, clock_timestamp())
    returning id`;
  return row!.id.toString();
}

/** Every recorded attempt for a dedup key, oldest first. */
export async function listNotificationAttempts(dedupKey: string, sql: Sql = getSql()): Promise<NotificationView[]> {
  const rows = await sql<(Omit<NotificationView, 'id' | 'created_at'> & { id: bigint; created_at: Date })[]>`
    select id, channel, recipient, subject, body, status, attempt, error, dedup_key, workflow_id, correlation_id, created_at
    from notifications where dedup_key = ${dedupKey} order by id`;
  return rows.map((r) => ({ ...r, id: r.id.toString(), created_at: r.created_at.toISOString() }));
}
