import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { RouteDoc } from '../../api/route';
import { generateScenario, seedFrom } from '../../domain/scenarios';
import { createTenant, withTenantSql } from '../../usecases/tenants';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * Tenant isolation (issue #18): with tenant acme's key, every route of the API's route table is
 * called with the default tenant's ids in its path, its filters and its body. No answer may hold
 * any of the default tenant's ids, and none of the default tenant's rows may change (compared with
 * the owner's connection before and after). The routes come from the route table, so a route added
 * later is attacked without anyone listing it here.
 *
 * Both tenants' ids differ (`defzz-` and `acmezz-` prefixes): identical ids across tenants need
 * composite keys, which are not in yet.
 */
let stack: TestStack;
let defaultKey: string;
let acmeKey: string;
/** Every id the default tenant owns that a client could name: its markers in any answer are a leak. */
let defaultIds: string[];

const MIN = 60_000;
/** Names only the default tenant's rows carry (the seeded site, asset and sensor ids are in defaultIds). */
const DEFAULT_NAMES = ['defzz site', 'defzz mill'];

async function seed(key: string, p: string): Promise<void> {
  const call = async (method: string, path: string, json: unknown) => {
    const res = await stack.request(`/api/v1${path}`, { method, key, json });
    expect(res.status, `${method} ${path}: ${await res.clone().text()}`).toBeLessThan(300);
  };
  await call('POST', '/sites', { id: `${p}-site`, name: `${p} site` });
  // A learned sensor (the detector learns its first 200 readings), then a spike: an alarm and its lifecycle.
  const end = Date.now() - MIN;
  const readings = generateScenario('normal', { count: 320, seed: seedFrom(`tenants:${p}`) }).map((r, i) => ({
    sensor_id: `${p}-s1`,
    sensor_type: 'torque',
    unit: 'Nm',
    quality: 0.99,
    value: r.value,
    timestamp: new Date(end - (320 - i) * MIN).toISOString(),
  }));
  await call('POST', '/data/ingest/batch', { readings });
  await new Promise((r) => setTimeout(r, 500));
  await call('POST', '/data/ingest', {
    sensor_id: `${p}-s1`,
    sensor_type: 'torque',
    value: 95,
    unit: 'Nm',
    quality: 0.99,
    timestamp: new Date().toISOString(),
  });
  await call('POST', '/assets', { id: `${p}-asset`, name: `${p} mill`, type_id: 'milling_machine', site: `${p}-site`, criticality: 3 });
  await call('POST', '/assets/' + `${p}-asset` + '/sensors', { sensor_id: `${p}-s1`, role: 'torque', sensor_type: 'torque' });
}

/** Per row-level-secured table: how many rows the tenant has and a hash of them all. */
async function snapshot(tenant: string): Promise<Record<string, { n: number; h: string }>> {
  const tables = await stack.sql<{ relname: string }[]>`
    select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'r' and c.relrowsecurity
      and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id')
    order by 1`;
  const out: Record<string, { n: number; h: string }> = {};
  for (const { relname } of tables) {
    const [row] = await stack.sql<{ n: number; h: string }[]>`
      select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h
      from ${stack.sql(relname)} t where tenant_id = ${tenant}`;
    out[relname] = row!;
  }
  return out;
}

/** A value the schema accepts where possible, with the default tenant's id wherever an id fits. */
function forge(schema: z.ZodType | undefined, name = '', depth = 0): unknown {
  if (!schema || depth > 6) return undefined;
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return forge(def.innerType as z.ZodType, name, depth + 1);
    case 'pipe':
      return forge(def.in as z.ZodType, name, depth + 1);
    case 'lazy':
      return forge((def.getter as () => z.ZodType)(), name, depth + 1);
    case 'object': {
      const shape = def.shape as Record<string, z.ZodType>;
      return Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, forge(v, k, depth + 1)]));
    }
    case 'array':
      return [forge(def.element as z.ZodType, name, depth + 1)];
    case 'record':
      return {};
    case 'union':
      return forge((def.options as z.ZodType[])[0], name, depth + 1);
    case 'enum':
      return Object.values(def.entries as Record<string, string>)[0];
    case 'literal':
      return (def.values as unknown[])[0];
    case 'boolean':
      return false;
    case 'number':
    case 'int':
    case 'bigint':
      return 1;
    case 'date':
      return new Date().toISOString();
    case 'string':
      return idFor(name, def.format as string | undefined);
    default:
      return idFor(name);
  }
}

let ids: Record<string, string> = {};
function idFor(name: string, format?: string): string {
  if (format === 'uuid' || format === 'guid') return ids.alarm ?? ids.user!;
  if (format === 'datetime') return new Date().toISOString();
  if (format === 'email') return 'admin@example.test';
  const n = name.toLowerCase();
  if (n.includes('sensor')) return 'defzz-s1';
  if (n.includes('asset')) return 'defzz-asset';
  if (n.includes('site')) return 'defzz-site';
  if (n.includes('alarm')) return ids.alarm ?? 'defzz-s1';
  if (n.includes('order')) return ids.order ?? 'defzz-s1';
  if (n.includes('user')) return ids.user!;
  return 'defzz-s1';
}

/** Calls a route, reading at most a moment of an event stream; answers status and body text. */
async function call(method: string, path: string, key: string, json?: unknown): Promise<{ status: number; text: string }> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 3_000);
  try {
    const res = await stack.request(path, { method: method.toUpperCase(), key, json, signal: controller.signal });
    if (res.headers.get('content-type')?.includes('text/event-stream')) {
      const reader = res.body!.getReader();
      const first = await Promise.race([reader.read(), new Promise<undefined>((r) => setTimeout(r, 500))]);
      controller.abort();
      return { status: res.status, text: first?.value ? Buffer.from(first.value).toString('utf8') : '' };
    }
    return { status: res.status, text: await res.text() };
  } catch (err) {
    return { status: 0, text: `(${(err as Error).name})` };
  } finally {
    clearTimeout(timer);
  }
}

function paths(route: RouteDoc): string[] {
  const params = [...route.path.matchAll(/:([A-Za-z_]+)/g)].map((m) => m[1]!);
  if (params.length === 0) return [route.path];
  // Every id the default tenant owns, guessed into every parameter.
  return defaultIds.map((id) => route.path.replace(/:([A-Za-z_]+)/g, () => encodeURIComponent(id)));
}

function query(route: RouteDoc): string {
  const shape = (route.spec.query as unknown as { shape?: Record<string, z.ZodType> } | undefined)?.shape ?? {};
  const forged = Object.keys(shape)
    .filter((k) => /sensor|asset|site|alarm|order|user/.test(k))
    .map((k) => `${k}=${encodeURIComponent(idFor(k))}`);
  return forged.length ? `?${forged.join('&')}` : '';
}

beforeAll(async () => {
  stack = await startTestStack({ RATE_LIMIT_PER_MINUTE: '1000000', WORKFLOW_STARTS_PER_HOUR: '1000000' });
  defaultKey = await stack.key(['admin']);
  const acme = await createTenant(stack.sql, stack.config.DATABASE_URL, {
    id: 'acme',
    name: 'Acme',
    adminEmail: 'admin@acme.test',
    linkTtlHours: 1,
  });
  acmeKey = acme.apiKey;
  await seed(defaultKey, 'defzz');
  await seed(acmeKey, 'acmezz');
  // The alarm the spike raises, and its lifecycle workflow (alarm-<id>), start off the request.
  for (let i = 0; i < 150; i++) {
    const [row] = await stack.sql`
      select id from alarms where tenant_id = 'default' and sensor_id = 'defzz-s1' limit 1`;
    if (row) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const uuids = await stack.sql<{ kind: string; id: string }[]>`
    select 'alarm' as kind, id::text from alarms where tenant_id = 'default'
    union all select 'order', id::text from maintenance_orders where tenant_id = 'default'
    union all select 'user', id::text from users where tenant_id = 'default'
    union all select 'key', id::text from api_keys where tenant_id = 'default'
    union all select 'prediction', id::text from predictions where tenant_id = 'default'
    union all select 'report', id::text from reports where tenant_id = 'default'
    union all select 'connector', id::text from connectors where tenant_id = 'default'
    union all select 'workflow', 'alarm-' || id from alarms where tenant_id = 'default'`;
  ids = Object.fromEntries(uuids.map((u) => [u.kind, u.id]));
  if (!ids.user) ids.user = '00000000-0000-4000-8000-000000000000';
  defaultIds = ['defzz-s1', 'defzz-asset', 'defzz-site', ...uuids.map((u) => u.id)];
});
afterAll(() => stack?.close());

describe('tenant isolation in the database', () => {
  it('shows a tenant connection only its own rows, with no WHERE at all', async () => {
    const owner = await stack.sql<{ tenant_id: string; n: number }[]>`
      select tenant_id, count(*)::int as n from sensor_readings group by tenant_id order by tenant_id`;
    expect(owner.map((r) => r.tenant_id)).toEqual(['acme', 'default']);
    const seen = await withTenantSql(
      stack.config.DATABASE_URL,
      'acme',
      (sql) => sql<{ tenant_id: string }[]>`select tenant_id from sensor_readings`,
    );
    expect(seen.length).toBe(owner.find((r) => r.tenant_id === 'acme')!.n);
    expect(new Set(seen.map((r) => r.tenant_id))).toEqual(new Set(['acme']));
    // A connection of a tenant with no rows sees none, and cannot write into another tenant.
    await stack.sql`insert into tenants (id, name) values ('empty', 'Empty') on conflict do nothing`;
    await withTenantSql(stack.config.DATABASE_URL, 'empty', async (sql) => {
      expect(await sql`select * from sensors`).toHaveLength(0);
      expect((await sql`update sensors set unit = 'x'`).count).toBe(0);
      expect((await sql`delete from alarms`).count).toBe(0);
      await expect(sql`insert into sensors (id, type, tenant_id) values ('forged', 'torque', 'default')`).rejects.toThrow(
        /row-level security/,
      );
    });
  });
});

describe('tenant isolation through the API', () => {
  it('answers each key with its own tenant only (the control that lets the attack below fail)', async () => {
    const mine = await call('get', '/api/v1/sensors/sensors', acmeKey);
    expect(mine.text).toContain('acmezz-s1');
    expect(mine.text).not.toContain('defzz');
    expect((await call('get', '/api/v1/sensors/sensors', defaultKey)).text).toContain('defzz-s1');
    expect((await call('get', '/api/v1/assets/defzz-asset', acmeKey)).status).toBe(404);
  });

  it('leaks no row and changes no row of another tenant on any route, ids guessed and filters forged', async () => {
    // The default tenant has what the attack aims at: an alarm raised by the spike, and its lifecycle.
    expect(Object.keys(ids)).toEqual(expect.arrayContaining(['alarm', 'user', 'key', 'workflow']));
    const before = await snapshot('default');
    const leaks: string[] = [];
    let calls = 0;
    for (const route of stack.routes) {
      // Signing out would end the test's own session; it touches no tenant data.
      for (const path of paths(route)) {
        const body = ['post', 'put', 'patch', 'delete'].includes(route.method)
          ? forge(route.spec.body as z.ZodType | undefined)
          : undefined;
        const url = path + query(route);
        const { status, text } = await call(route.method, url, acmeKey, body);
        calls++;
        // An answer may echo what was asked ("no asset defzz-asset"); any other id of theirs is a leak.
        const asked = decodeURIComponent(url) + JSON.stringify(body ?? null);
        const leaked = [...defaultIds, ...DEFAULT_NAMES].filter((id) => text.includes(id) && !asked.includes(id));
        if (leaked.length) leaks.push(`${route.method.toUpperCase()} ${url} (${status}): ${leaked.join(', ')}`);
        // Temporal answers in encoded payloads, where no id shows: any success on their workflow is a leak.
        if (status < 300 && route.path.includes('/workflows/:') && url.includes(ids.workflow!))
          leaks.push(`${route.method.toUpperCase()} ${url} (${status})`);
      }
    }
    expect(calls).toBeGreaterThanOrEqual(stack.routes.length);
    expect(leaks).toEqual([]);
    expect(await snapshot('default')).toEqual(before);
  });
});
