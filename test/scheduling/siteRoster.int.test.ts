import { randomUUID } from 'node:crypto';
import type postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createSql } from '../../db/sql';
import { loadPlanningRoster, upsertTechnician } from '../../db/technicians';
import { SYSTEM_IDENTITY } from '../../domain/identity';
import { attachSensorToAsset, createAsset } from '../../usecases/assets';
import { proposeOrder, type OrderRequest } from '../../usecases/maintenanceOrders';
import { getWorkOrder } from '../../usecases/maintenanceViews';
import { createSite } from '../../usecases/sites';

// Issue 18: technician schedules never mix sites. Two sites, each with one technician of a skill no
// one else has. Site A's is on shift around the clock, site B's only on Friday afternoon: for a
// likely failure, waiting until Friday costs far more risk than a technician from another site costs
// travel, so a plan over the whole roster gives every order to A, and only the site filter gives
// site B's orders to B.
let sql: postgres.Sql;
const tag = randomUUID().slice(0, 8);
const skill = `skill-${tag}`;
const siteA = `north-${tag}`;
const siteB = `south-${tag}`;
const siteEmpty = `empty-${tag}`;
const techA = `site-tech-a-${tag}`; // not tech-*: the seeding test counts only the default tech-* ids
const techB = `site-tech-b-${tag}`;
// A Monday, 08:00 UTC.
const now = new Date('2031-03-03T08:00:00Z');

beforeAll(async () => {
  sql = createSql(inject('databaseUrl'), 3);
  for (const [id, time_zone] of [
    [siteA, 'America/Sao_Paulo'],
    [siteB, 'Europe/Lisbon'],
    [siteEmpty, 'UTC'],
  ] as const) {
    await createSite({ id, name: id, time_zone }, sql);
  }
  const allDay = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, start: '00:00', end: '00:00' }));
  const fridayAfternoon = [{ weekday: 5, start: '14:00', end: '22:00' }];
  const technician = { skills: [{ skill, level: 5 }], active: true };
  await upsertTechnician({ ...technician, id: techA, name: 'Site A technician', site: siteA, shifts: allDay }, sql);
  await upsertTechnician({ ...technician, id: techB, name: 'Site B technician', site: siteB, shifts: fridayAfternoon }, sql);
});
afterAll(() => sql.end({ timeout: 2 }));

/** An asset at `site` with a fresh sensor attached; answers the sensor's id. */
async function sensorOnAssetAt(site: string): Promise<string> {
  const assetId = `press-${randomUUID().slice(0, 8)}`;
  const sensorId = `sched-${randomUUID().slice(0, 8)}`;
  await createAsset({ id: assetId, name: 'Press', type_id: 'milling_machine', site, criticality: 3, metadata: {} }, sql);
  await attachSensorToAsset(assetId, { sensorId, role: 'torque', sensorType: 'torque' }, sql, new Date(now.getTime() - 86_400_000));
  return sensorId;
}

const propose = (sensorId: string) => {
  const req: OrderRequest = {
    sensorId,
    sensorType: 'torque',
    probability: 0.99,
    overrides: {
      priority: 'high',
      requiredSkill: skill,
      requiredLevel: 1,
      durationMinutes: 60,
      deadline: new Date(now.getTime() + 5 * 86_400_000),
    },
  };
  return proposeOrder(sql, req, { now, actor: 'site-test', by: SYSTEM_IDENTITY });
};

describe('planning an order by site', () => {
  it('plans an order on a site B asset with site B’s technician only, on Friday, though site A’s is free now', async () => {
    const result = await propose(await sensorOnAssetAt(siteB));
    expect(result.plan?.technician_id).toBe(techB);
    expect(new Date(result.plan!.window_start).getTime()).toBeGreaterThanOrEqual(new Date('2031-03-07T14:00:00Z').getTime());
    // The order page reads its times on the site's clock.
    expect((await getWorkOrder(sql, result.order.id)).site).toMatchObject({ id: siteB, time_zone: 'Europe/Lisbon' });
  });

  it('plans an order on a site A asset with site A’s technician', async () => {
    expect((await propose(await sensorOnAssetAt(siteA))).plan?.technician_id).toBe(techA);
  });

  it('leaves an order unplanned when its site has no one with the skill, though another site has', async () => {
    const result = await propose(await sensorOnAssetAt(siteEmpty));
    expect(result.plan).toBeNull();
    expect(result.order.status).toBe('awaiting_approval');
    expect(result.unassignedReason).toBeTruthy();
  });

  it('plans an order for a sensor on no asset over the whole roster, as before sites: site A’s technician, free sooner', async () => {
    const result = await propose(`loose-${randomUUID().slice(0, 8)}`);
    expect(result.plan?.technician_id).toBe(techA);
    expect((await getWorkOrder(sql, result.order.id)).site).toBeNull();
  });

  it('keeps every plan within its site over a run of orders at both sites', async () => {
    const sensors = [siteA, siteB, siteB, siteA, siteB];
    for (const site of sensors) {
      const result = await propose(await sensorOnAssetAt(site));
      expect(result.plan?.technician_id, site).toBe(site === siteA ? techA : techB);
    }
  });

  it('shifts each technician’s hours by their site zone’s offset on the day the plan starts, daylight saving included', async () => {
    const offsets = async (at: string) => {
      const roster = await loadPlanningRoster(new Date(at), sql);
      return [techA, techB].map((id) => roster.find((t) => t.id === id)!.utcOffsetMinutes);
    };
    // São Paulo keeps −03:00 all year; Lisbon is on UTC in winter and +01:00 in summer.
    expect(await offsets('2031-01-15T12:00:00Z')).toEqual([-180, 0]);
    expect(await offsets('2031-07-15T12:00:00Z')).toEqual([-180, 60]);
    // Moving a site to another zone moves its technicians' hours with it.
    await sql`update sites set time_zone = 'Asia/Kolkata' where id = ${siteB}`;
    try {
      expect(await offsets('2031-07-15T12:00:00Z')).toEqual([-180, 330]);
    } finally {
      await sql`update sites set time_zone = 'Europe/Lisbon' where id = ${siteB}`;
    }
  });
});
