import { getSql, type Sql } from './sql';

export interface NewEvent {
  type: string;
  payload: Record<string, unknown>;
  workflowId?: string | null;
  correlationId?: string | null;
  /** Unique: a second write with the same key is ignored and the first event's id returned. */
  dedupKey?: string | null;
}

export interface EventView {
  id: string;
  type: string;
  correlation_id: string | null;
  workflow_id: string | null;
  payload: Record<string, unknown>;
  ts: string;
}

interface EventRow {
  id: bigint;
  type: string;
  correlation_id: string | null;
  workflow_id: string | null;
  payload: Record<string, unknown>;
  ts: Date;
}

const toView = (r: EventRow): EventView => ({
  id: r.id.toString(),
  type: r.type,
  correlation_id: r.correlation_id,
  workflow_id: r.workflow_id,
  payload: r.payload,
  ts: r.ts.toISOString(),
});

/** Appends a domain event once per dedup key; `inserted` is false when the key was already stored. */
export async function recordEvent(e: NewEvent, sql: Sql = getSql()): Promise<{ id: string; inserted: boolean }> {
  const [row] = await sql<{ id: bigint }[]>`
    insert into events (type, correlation_id, workflow_id, payload, dedup_key)
    values (${e.type}, ${e.correlationId ?? null}, ${e.workflowId ?? null}, ${sql.json(e.payload as never)}, ${e.dedupKey ?? null})
    on conflict (dedup_key) do nothing
    returning id`;
  if (row) return { id: row.id.toString(), inserted: true };
  const [existing] = await sql<{ id: bigint }[]>`select id from events where dedup_key = ${e.dedupKey ?? null}`;
  if (!existing) throw new Error(`event with dedup key ${e.dedupKey} vanished`);
  return { id: existing.id.toString(), inserted: false };
}

export interface EventFilter {
  correlationId?: string;
  workflowId?: string;
  type?: string;
  limit: number;
}

/** The latest events matching the filter, newest first. */
export async function listEvents(f: EventFilter, sql: Sql = getSql()): Promise<EventView[]> {
  const rows = await sql<EventRow[]>`
    select id, type, correlation_id, workflow_id, payload, ts from events
    where true
    ${f.correlationId ? sql`and correlation_id = ${f.correlationId}` : sql``}
    ${f.workflowId ? sql`and workflow_id = ${f.workflowId}` : sql``}
    ${f.type ? sql`and type = ${f.type}` : sql``}
    order by ts desc, id desc
    limit ${f.limit}`;
  return rows.map(toView);
}
