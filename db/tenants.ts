import { getSql, type Sql } from './sql';

export interface TenantRecord {
  id: string;
  name: string;
  createdAt: Date;
}

/** Undefined when the id is taken. Needs the owner's connection: a tenant's cannot write this table. */
export async function insertTenant(t: { id: string; name: string }, sql: Sql = getSql()): Promise<TenantRecord | undefined> {
  const [row] = await sql<TenantRecord[]>`
    insert into tenants (id, name) values (${t.id}, ${t.name})
    on conflict (id) do nothing
    returning id, name, created_at as "createdAt"`;
  return row;
}

export async function listTenants(sql: Sql = getSql()): Promise<TenantRecord[]> {
  return sql<TenantRecord[]>`select id, name, created_at as "createdAt" from tenants order by id`;
}
