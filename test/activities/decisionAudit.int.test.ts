import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import type postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDecisionAuditActivities, type RecordDecisionInput } from '../../activities/decisionAudit';
import { listDecisions } from '../../db/decisions';
import { createSql } from '../../db/sql';

let sql: postgres.Sql;
let agent: ReturnType<typeof createDecisionAuditActivities>;

beforeAll(() => {
  sql = createSql(inject('databaseUrl'), 3);
  agent = createDecisionAuditActivities({ sql });
});
afterAll(() => sql.end({ timeout: 2 }));

const decision = (over: Partial<RecordDecisionInput> = {}): RecordDecisionInput => ({
  requestId: `req-${randomUUID()}`,
  decision: 'approved',
  operatorId: `op-${randomUUID().slice(0, 8)}`,
  justification: 'Bearing temperature trend confirms the prediction',
  workflowId: 'maintenance-pump-7-p1',
  correlationId: randomUUID(),
  source: 'api',
  dedupKey: `dec-${randomUUID()}`,
  ...over,
});

describe('DecisionAuditAgent.recordDecision', () => {
  it('stores who, what, why and where, and returns the stored row', async () => {
    const input = decision();
    const row = await agent.recordDecision(input);
    expect(row).toMatchObject({
      request_id: input.requestId,
      decision: 'approved',
      operator_id: input.operatorId,
      justification: input.justification,
      workflow_id: 'maintenance-pump-7-p1',
      correlation_id: input.correlationId,
      source: 'api',
      supersedes: null,
      superseded_by: null,
    });
    expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('returns the first row for a repeated dedup key and writes nothing new', async () => {
    const input = decision();
    const first = await agent.recordDecision(input);
    const second = await agent.recordDecision({ ...input, decision: 'rejected', justification: 'a retry with other content' });
    expect(second).toEqual(first);
    const { total } = await listDecisions({ requestId: input.requestId, limit: 10, offset: 0 }, sql);
    expect(total).toBe(1);
  });

  it('refuses invalid input and unknown orders with non-retryable failures', async () => {
    const bad = await agent.recordDecision({ ...decision(), justification: '  ' }).catch((e: unknown) => e);
    expect((bad as ApplicationFailure).nonRetryable).toBe(true);
    expect((bad as ApplicationFailure).type).toBe('InvalidInput');
    const unknownOrder = await agent.recordDecision(decision({ orderId: randomUUID() })).catch((e: unknown) => e);
    expect(unknownOrder).toBeInstanceOf(ApplicationFailure);
    expect((unknownOrder as ApplicationFailure).type).toBe('UnknownReference');
  });
});

describe('DecisionAuditAgent.recordCorrection', () => {
  it('appends a row that supersedes the original, inheriting what it applied to', async () => {
    const original = await agent.recordDecision(decision());
    const correction = await agent.recordCorrection({
      supersedes: original.id,
      decision: 'rejected',
      operatorId: 'supervisor-1',
      justification: 'The sensor was miscalibrated',
      dedupKey: `corr-${randomUUID()}`,
    });
    expect(correction).toMatchObject({
      request_id: original.request_id,
      workflow_id: original.workflow_id,
      correlation_id: original.correlation_id,
      decision: 'rejected',
      operator_id: 'supervisor-1',
      supersedes: original.id,
      superseded_by: null,
    });
    const { items } = await listDecisions({ requestId: original.request_id, limit: 10, offset: 0 }, sql);
    expect(items.map((d) => [d.id, d.superseded_by])).toEqual([
      [correction.id, null],
      [original.id, correction.id],
    ]);
    const [stored] = await sql`select decision, justification from human_decisions where id = ${original.id}`;
    expect(stored).toEqual({ decision: 'approved', justification: original.justification });
  });

  it('is idempotent by dedup key and refuses a second correction of the same row', async () => {
    const original = await agent.recordDecision(decision());
    const correction = {
      supersedes: original.id,
      decision: 'escalated' as const,
      operatorId: 's',
      justification: 'j',
      dedupKey: `c-${randomUUID()}`,
    };
    const first = await agent.recordCorrection(correction);
    expect(await agent.recordCorrection(correction)).toEqual(first);
    const fork = await agent.recordCorrection({ ...correction, dedupKey: `c-${randomUUID()}` }).catch((e: unknown) => e);
    expect((fork as ApplicationFailure).type).toBe('AlreadyCorrected');
    expect((fork as ApplicationFailure).nonRetryable).toBe(true);
    const missing = await agent
      .recordCorrection({ ...correction, supersedes: randomUUID(), dedupKey: `c-${randomUUID()}` })
      .catch((e: unknown) => e);
    expect((missing as ApplicationFailure).type).toBe('UnknownDecision');
  });
});

describe('human_decisions', () => {
  it('refuses UPDATE and DELETE: the audit trail is append-only', async () => {
    const row = await agent.recordDecision(decision());
    await expect(sql`update human_decisions set decision = 'rejected' where id = ${row.id}`).rejects.toThrow(/append-only/);
    await expect(sql`delete from human_decisions where id = ${row.id}`).rejects.toThrow(/append-only/);
    const [stored] = await sql`select decision from human_decisions where id = ${row.id}`;
    expect(stored!.decision).toBe('approved');
  });
});

describe('listDecisions', () => {
  it('filters by operator, decision and time, pages newest first, and counts the filtered total', async () => {
    const operatorId = `op-${randomUUID().slice(0, 8)}`;
    const rows = [];
    for (const d of ['approved', 'rejected', 'approved'] as const)
      rows.push(await agent.recordDecision(decision({ operatorId, decision: d })));

    const page = await listDecisions({ operatorId, limit: 2, offset: 0 }, sql);
    expect(page.total).toBe(3);
    expect(page.items.map((d) => d.id)).toEqual([rows[2]!.id, rows[1]!.id]);
    const approved = await listDecisions({ operatorId, decision: 'approved', limit: 10, offset: 0 }, sql);
    expect(approved.items.map((d) => d.id)).toEqual([rows[2]!.id, rows[0]!.id]);
    const future = await listDecisions({ operatorId, from: new Date(Date.now() + 60_000), limit: 10, offset: 0 }, sql);
    expect(future.total).toBe(0);
    const byCorrelation = await listDecisions({ correlationId: rows[1]!.correlation_id!, limit: 10, offset: 0 }, sql);
    expect(byCorrelation.items.map((d) => d.id)).toEqual([rows[1]!.id]);
  });
});
