import type postgres from 'postgres';
import { TenantPools, tenantRoutedSql } from '../db/tenantSql';

export { currentTenant, DEFAULT_TENANT, runAsTenant } from '../db/tenantSql';

/**
 * The `sql` a process hands its use cases: each query runs on a connection bound to the tenant of
 * the request or job it belongs to (runAsTenant), under row-level security, and on one that sees
 * no tenant's rows outside any. `close` ends the tenants' pools.
 */
export function tenantBoundSql(url: string, maxPerTenant: number): { sql: postgres.Sql; close: () => Promise<void> } {
  const pools = new TenantPools(url, { max: maxPerTenant });
  return { sql: tenantRoutedSql(pools), close: () => pools.end() };
}
