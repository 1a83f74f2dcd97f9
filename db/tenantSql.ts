import { AsyncLocalStorage } from 'node:async_hooks';
import type postgres from 'postgres';
import { createSql } from './sql';

/** The tenant every row written before tenants existed belongs to, and where users start. */
export const DEFAULT_TENANT = 'default';
/** The role tenant connections run as: neither superuser nor owner, so row-level security applies (migration 0025). */
export const APP_ROLE = 'sm_app';
/** What a connection outside any tenant gets: no row matches it and no row can be written with it. */
const NO_TENANT = '';

const tenantStore = new AsyncLocalStorage<string>();

/** Runs `fn` (and everything it starts, timers and promises included) as `tenantId`. */
export function runAsTenant<T>(tenantId: string, fn: () => T): T {
  return tenantStore.run(tenantId, fn);
}

/** The tenant of the running request or job; undefined outside any. */
export function currentTenant(): string | undefined {
  return tenantStore.getStore();
}

/**
 * One small pool per tenant, each connection started as APP_ROLE with app.tenant_id fixed for its
 * life by startup parameters: no statement, transaction or pooled reuse can leave it on another
 * tenant, and the SQL functions in db/ need no tenant argument. The least recently used pool is
 * closed past `maxTenants` (it finishes its running queries first).
 */
export class TenantPools {
  private readonly pools = new Map<string, postgres.Sql>();
  private readonly closing = new Set<Promise<void>>();

  constructor(
    private readonly url: string,
    private readonly opts: { max: number; maxTenants?: number },
  ) {}

  get(tenantId: string): postgres.Sql {
    let pool = this.pools.get(tenantId);
    if (pool) {
      // Map order is the recency order: move it to the end.
      this.pools.delete(tenantId);
    } else {
      pool = createSql(this.url, this.opts.max, { role: APP_ROLE, 'app.tenant_id': tenantId });
    }
    this.pools.set(tenantId, pool);
    if (this.pools.size > (this.opts.maxTenants ?? 64)) {
      const [oldest, old] = this.pools.entries().next().value as [string, postgres.Sql];
      this.pools.delete(oldest);
      this.retire(old);
    }
    return pool;
  }

  private retire(pool: postgres.Sql): void {
    const done = pool.end({ timeout: 30 }).catch(() => {});
    this.closing.add(done);
    void done.then(() => this.closing.delete(done));
  }

  async end(): Promise<void> {
    for (const pool of this.pools.values()) this.retire(pool);
    this.pools.clear();
    await Promise.all([...this.closing]);
  }
}

/**
 * A `sql` that runs each query on the pool of the tenant in whose context it is called
 * (runAsTenant), and on a pool that sees and writes nothing outside any tenant. Everything that
 * takes one `sql` (use cases, db/ functions, transactions via `sql.begin`) becomes tenant-bound
 * without knowing it.
 */
export function tenantRoutedSql(pools: TenantPools): postgres.Sql {
  const target = () => pools.get(currentTenant() ?? NO_TENANT);
  const callable = function () {} as unknown as postgres.Sql;
  return new Proxy(callable, {
    apply: (_fn, _this, args: unknown[]) => (target() as unknown as (...a: unknown[]) => unknown)(...args),
    get: (_fn, prop) => {
      const sql = target();
      const value: unknown = Reflect.get(sql, prop);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(sql) : value;
    },
  });
}
