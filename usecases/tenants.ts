import type { Client, WorkflowClient } from '@temporalio/client';
import type postgres from 'postgres';
import { createApiKey } from '../db/apiKeys';
import { insertTenant, listTenants, type TenantRecord } from '../db/tenants';
import { currentTenant, DEFAULT_TENANT, TenantPools, tenantRoutedSql } from '../db/tenantSql';
import { Conflict, NotFound } from '../domain/errors';
import { createUser } from './users';

export { currentTenant, DEFAULT_TENANT, runAsTenant } from '../db/tenantSql';
export type { TenantRecord } from '../db/tenants';
export { listTenants };

/** Tenant ids are slugs, like site ids: they appear in workflow ids and Redis keys. */
export const TENANT_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/**
 * The `sql` a process hands its use cases: each query runs on a connection bound to the tenant of
 * the request or job it belongs to (runAsTenant), under row-level security, and on one that sees
 * no tenant's rows outside any. `close` ends the tenants' pools.
 */
export function tenantBoundSql(url: string, maxPerTenant: number): { sql: postgres.Sql; close: () => Promise<void> } {
  const pools = new TenantPools(url, { max: maxPerTenant });
  return { sql: tenantRoutedSql(pools), close: () => pools.end() };
}

/** Runs `fn` with a one-connection `sql` bound to `tenantId` (admin commands, tests). */
export async function withTenantSql<T>(url: string, tenantId: string, fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const pools = new TenantPools(url, { max: 1 });
  try {
    return await fn(pools.get(tenantId));
  } finally {
    await pools.end();
  }
}

/**
 * Creates a tenant and its first admin: a user with a one-time sign-in link and an API key that
 * acts as that user, both inside the new tenant. `ownerSql` is the owner's connection (the tenant
 * list is not a tenant's to write); the user and key are written through a connection bound to
 * the new tenant, so row-level security itself puts them there.
 */
export async function createTenant(
  ownerSql: postgres.Sql,
  url: string,
  input: { id: string; name: string; adminEmail: string; adminName?: string; linkTtlHours: number },
): Promise<{ tenant: TenantRecord; adminUserId: string; signInToken: string | null; apiKey: string }> {
  if (!TENANT_ID.test(input.id)) throw new Error(`Tenant id ${input.id} is not a slug (a-z, 0-9, '-', at most 64)`);
  const tenant = await insertTenant({ id: input.id, name: input.name }, ownerSql);
  if (!tenant) throw new Conflict(`Tenant ${input.id} already exists`, 'tenant_exists');
  return withTenantSql(url, tenant.id, async (sql) => {
    const { user, inviteToken } = await createUser(
      sql,
      { name: input.adminName ?? input.adminEmail, email: input.adminEmail, roles: ['admin'] },
      input.linkTtlHours,
    );
    const { key } = await createApiKey({ name: `${tenant.id}-admin`, scopes: ['admin'], owner: { userId: user.id } }, sql);
    return { tenant, adminUserId: user.id, signInToken: inviteToken, apiKey: key };
  });
}

/**
 * Workflows do not carry their tenant yet: their activities run on the workers' owner connection,
 * so a workflow a tenant other than 'default' started would write its rows into 'default', and
 * Temporal would answer any tenant about any workflow id. Until they do, the client the API hands
 * to requests refuses workflows to every other tenant (fail closed): starting one is a 409, and a
 * workflow id or a list is as if there were none. The default tenant keeps its behaviour.
 */
export function tenantGuardedTemporal<T extends { client: Client }>(temporal: T): T {
  // A stub without a client (tests of the health probes) has nothing to guard.
  if (!(temporal.client as Client | undefined)) return temporal;
  const allowed = () => (currentTenant() ?? DEFAULT_TENANT) === DEFAULT_TENANT;
  const refuseStart = () => {
    throw new Conflict('Workflows are available to the default tenant only, for now', 'tenant_workflows_unavailable');
  };
  const guarded: Partial<Record<keyof WorkflowClient, unknown>> = {
    start: refuseStart,
    execute: refuseStart,
    signalWithStart: refuseStart,
    getHandle: (workflowId: string) => {
      throw new NotFound(`Workflow ${workflowId} does not exist`);
    },
    list: refuseStart,
    count: async () => ({ count: 0, groups: [] }),
  };
  const workflow = new Proxy(temporal.client.workflow, {
    get: (target, prop, receiver) =>
      !allowed() && typeof prop === 'string' && prop in guarded
        ? guarded[prop as keyof WorkflowClient]
        : Reflect.get(target, prop, receiver),
  });
  const client = new Proxy(temporal.client, {
    get: (target, prop, receiver) => (prop === 'workflow' ? workflow : Reflect.get(target, prop, receiver)),
  });
  return { ...temporal, client };
}
