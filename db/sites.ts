import type { Site, SiteInput, SitePatch, SiteUsage } from '../domain/sites';
import { getSql, type Sql } from './sql';

interface SiteRow {
  id: string;
  name: string;
  time_zone: string;
  created_at: Date;
  updated_at: Date;
}

const siteView = (r: SiteRow): Site => ({
  id: r.id,
  name: r.name,
  time_zone: r.time_zone,
  created_at: r.created_at.toISOString(),
  updated_at: r.updated_at.toISOString(),
});

export async function listSites(sql: Sql = getSql()): Promise<Site[]> {
  return (await sql<SiteRow[]>`select * from sites order by name, id`).map(siteView);
}

export async function findSite(id: string, sql: Sql = getSql()): Promise<Site | undefined> {
  const [row] = await sql<SiteRow[]>`select * from sites where id = ${id}`;
  return row && siteView(row);
}

/** Undefined when the id is taken. */
export async function insertSite(s: SiteInput, sql: Sql = getSql()): Promise<Site | undefined> {
  const [row] = await sql<SiteRow[]>`
    insert into sites (id, name, time_zone) values (${s.id}, ${s.name}, ${s.time_zone})
    on conflict (id) do nothing
    returning *`;
  return row && siteView(row);
}

/** Inserts the sites that are missing and leaves existing ones as they are (an edited zone stays). */
export async function ensureSites(sites: SiteInput[], sql: Sql = getSql()): Promise<void> {
  for (const s of sites) await insertSite(s, sql);
}

export async function updateSite(id: string, p: SitePatch, sql: Sql = getSql()): Promise<Site | undefined> {
  const [row] = await sql<SiteRow[]>`
    update sites set
      name = coalesce(${p.name ?? null}, name),
      time_zone = coalesce(${p.time_zone ?? null}, time_zone),
      updated_at = now()
    where id = ${id}
    returning *`;
  return row && siteView(row);
}

export async function siteUsage(id: string, sql: Sql = getSql()): Promise<SiteUsage> {
  const [row] = await sql<{ assets: number; technicians: number }[]>`
    select (select count(*)::int from assets where site = ${id}) as assets,
           (select count(*)::int from technicians where site = ${id}) as technicians`;
  return row!;
}

/** False when there is no such site. A site still referenced makes the delete fail (23503). */
export async function deleteSite(id: string, sql: Sql = getSql()): Promise<boolean> {
  const rows = await sql`delete from sites where id = ${id} returning id`;
  return rows.length === 1;
}

/**
 * The site an order is planned at: that of the asset it names as its equipment, else that of the
 * asset its sensor is attached to now; undefined when neither is an asset with a site.
 */
export async function findOrderSite(sensorId: string, equipment: string | null, sql: Sql = getSql()): Promise<Site | undefined> {
  const [row] = await sql<SiteRow[]>`
    select s.* from sites s
    where s.id = coalesce(
      (select a.site from assets a where a.id = ${equipment}),
      (select a.site from asset_sensors x join assets a on a.id = x.asset_id
        where x.sensor_id = ${sensorId} and x.detached_at is null))`;
  return row && siteView(row);
}
