import { DEFAULT_SITE_TIME_ZONE, defaultTechnicians, type SkillLevel, type Technician, type WeeklyShift } from '../scheduling';
import { zoneOffsetMinutes } from '../domain/zoneOffset';
import { listLiveBookings } from './bookings';
import { ensureSites } from './sites';
import { getSql, type Sql } from './sql';

export interface TechnicianRecord {
  id: string;
  name: string;
  site: string;
  skills: SkillLevel[];
  shifts: WeeklyShift[];
  /** The site's IANA zone: the technician's shifts are wall-clock times there. */
  time_zone: string;
  /** The zone's offset now (daylight saving included); planning uses the offset of the day it plans. */
  utc_offset_minutes: number;
  active: boolean;
  created_at: string;
}

interface TechnicianRow extends Omit<TechnicianRecord, 'created_at' | 'utc_offset_minutes'> {
  created_at: Date;
}

const toRecord = (r: TechnicianRow): TechnicianRecord => ({
  ...r,
  utc_offset_minutes: zoneOffsetMinutes(r.time_zone, new Date()),
  created_at: r.created_at.toISOString(),
});

/** The columns of a technician with its site's zone (the stored utc_offset_minutes is no longer read). */
const TECHNICIAN_COLUMNS = 't.id, t.name, t.site, t.skills, t.shifts, s.time_zone, t.active, t.created_at';

/**
 * Inserts the default roster's technicians that are missing. Runs at every API and worker start,
 * so it never overwrites a row: a technician edited after seeding keeps the edit.
 * Returns how many rows it inserted.
 */
export async function seedDefaultTechnicians(sql: Sql = getSql()): Promise<number> {
  let inserted = 0;
  const present = await sql<{ id: string }[]>`select id from technicians`;
  const roster = defaultTechnicians().filter((t) => !present.some((p) => p.id === t.id));
  // The missing technicians' sites first (migration 0023 creates the plants; one deleted since
  // comes back only with a technician to seed into it).
  const sites = [...new Set(roster.map((t) => t.site))];
  await ensureSites(
    sites.map((id) => ({ id, name: siteName(id), time_zone: DEFAULT_SITE_TIME_ZONE })),
    sql,
  );
  for (const t of roster) {
    const rows = await sql`
      insert into technicians (id, name, site, skills, shifts, utc_offset_minutes)
      values (${t.id}, ${t.name}, ${t.site}, ${sql.json(t.skills)}, ${sql.json(t.shifts)}, ${t.utcOffsetMinutes})
      on conflict (id) do nothing
      returning id`;
    inserted += rows.length;
  }
  return inserted;
}

/** 'plant-north' → 'Plant North', the name migration 0023 gave the default plants. */
const siteName = (id: string) => id.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => `${dash ? ' ' : ''}${c.toUpperCase()}`);

export async function listTechnicians(
  opts: { activeOnly?: boolean; site?: string } = {},
  sql: Sql = getSql(),
): Promise<TechnicianRecord[]> {
  const rows = await sql<TechnicianRow[]>`
    select ${sql.unsafe(TECHNICIAN_COLUMNS)}
    from technicians t join sites s on s.id = t.site
    where (${opts.activeOnly ?? false} = false or t.active)
      and (${opts.site ?? null}::text is null or t.site = ${opts.site ?? null})
    order by t.id`;
  return rows.map(toRecord);
}

export async function getTechnician(id: string, sql: Sql = getSql()): Promise<TechnicianRecord | undefined> {
  const [row] = await sql<TechnicianRow[]>`
    select ${sql.unsafe(TECHNICIAN_COLUMNS)}
    from technicians t join sites s on s.id = t.site where t.id = ${id}`;
  return row && toRecord(row);
}

/**
 * The active roster as the optimiser sees it: each technician with the time their live
 * (tentative or firm) bookings already hold from `from` on. Read inside the planning transaction,
 * so the plan starts from what is committed at that moment; the exclusion constraint catches what
 * commits afterwards. With `site`, only that site's technicians: the candidates for an order on one
 * of its assets (schedules never mix sites).
 */
export async function loadPlanningRoster(from: Date, sql: Sql = getSql(), site?: string): Promise<Technician[]> {
  const [technicians, bookings] = await Promise.all([
    listTechnicians({ activeOnly: true, site }, sql),
    listLiveBookings({ endingAfter: from }, sql),
  ]);
  return technicians.map((t) => ({
    id: t.id,
    name: t.name,
    site: t.site,
    skills: t.skills,
    shifts: t.shifts,
    // The offset of the day the plan starts: a plan made before a daylight-saving change and
    // reaching past it is off by that hour for the shifts after the change.
    utcOffsetMinutes: zoneOffsetMinutes(t.time_zone, from),
    extraAvailability: [],
    bookings: bookings
      .filter((b) => b.technician_id === t.id)
      .map((b) => ({ start: b.start.toISOString(), end: b.end.toISOString(), label: `order ${b.order_id}` })),
  }));
}

/** Creates or replaces a technician (the roster is editable; bookings stay attached by id). */
export async function upsertTechnician(
  t: { id: string; name: string; site: string; skills: SkillLevel[]; shifts: WeeklyShift[]; active: boolean },
  sql: Sql = getSql(),
): Promise<{ record: TechnicianRecord; created: boolean }> {
  const [row] = await sql<{ created: boolean }[]>`
    insert into technicians (id, name, site, skills, shifts, active)
    values (${t.id}, ${t.name}, ${t.site}, ${sql.json(t.skills)}, ${sql.json(t.shifts)}, ${t.active})
    on conflict (id) do update set name = excluded.name, site = excluded.site, skills = excluded.skills,
      shifts = excluded.shifts, active = excluded.active
    returning (xmax = 0) as created`;
  const record = await getTechnician(t.id, sql);
  return { record: record!, created: row!.created };
}
