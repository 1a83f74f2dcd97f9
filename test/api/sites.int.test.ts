import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDataApi, type DataApi } from '../support/dataApi';
import type { TestStack } from '../support/stack';

let stack: TestStack;
let reader: string;
let call: DataApi['call'];

beforeAll(async () => {
  ({ stack, reader, call } = await startDataApi());
});
afterAll(() => stack.close());
const problem = async (res: Response) => {
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  return (await res.json()) as { code: string; errors?: { field: string; message: string }[]; detail?: string };
};

describe('sites', () => {
  it('has the default roster’s plants on Brasília time after migration and seeding', async () => {
    const sites = (await (await call('GET', '/sites', undefined, reader)).json()) as { id: string; time_zone: string }[];
    expect(sites).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'plant-north', time_zone: 'America/Sao_Paulo' }),
        expect.objectContaining({ id: 'plant-south', time_zone: 'America/Sao_Paulo' }),
      ]),
    );
  });

  it('creates, reads, renames, re-zones and deletes a site; a reader cannot write', async () => {
    const created = await call('POST', '/sites', { id: 'lisbon-works', name: 'Lisbon works', time_zone: 'Europe/Lisbon' });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ id: 'lisbon-works', name: 'Lisbon works', time_zone: 'Europe/Lisbon' });
    expect((await call('POST', '/sites', { id: 'by-reader', name: 'R' }, reader)).status).toBe(403);
    const patched = await call('PATCH', '/sites/lisbon-works', { time_zone: 'Atlantic/Azores' });
    expect(await patched.json()).toMatchObject({ name: 'Lisbon works', time_zone: 'Atlantic/Azores' });
    expect(await (await call('GET', '/sites/lisbon-works', undefined, reader)).json()).toMatchObject({ time_zone: 'Atlantic/Azores' });
    expect((await call('DELETE', '/sites/lisbon-works')).status).toBe(200);
    expect((await call('GET', '/sites/lisbon-works', undefined, reader)).status).toBe(404);
    expect((await call('DELETE', '/sites/lisbon-works')).status).toBe(404);
  });

  it('defaults the zone to UTC and refuses a zone that is not IANA, naming the field', async () => {
    expect(await (await call('POST', '/sites', { id: 'utc-site', name: 'UTC site' })).json()).toMatchObject({ time_zone: 'UTC' });
    for (const time_zone of ['Mars/Olympus_Mons', '+03:00', 'Europe/Lisbon; drop table sites', '']) {
      const res = await call('POST', '/sites', { id: 'bad-zone', name: 'Bad', time_zone });
      expect(res.status, time_zone).toBe(422);
      expect((await problem(res)).errors!.map((e) => e.field)).toEqual(['time_zone']);
    }
    const badPatch = await call('PATCH', '/sites/utc-site', { time_zone: 'Nowhere/Town' });
    expect(badPatch.status).toBe(422);
    expect((await call('GET', '/sites/bad-zone', undefined, reader)).status).toBe(404);
  });

  it('answers 409 for a taken id', async () => {
    await call('POST', '/sites', { id: 'twice', name: 'Twice' });
    const again = await call('POST', '/sites', { id: 'twice', name: 'Twice again' });
    expect(again.status).toBe(409);
    expect((await problem(again)).code).toBe('site_exists');
  });

  it('puts an asset on a site by id, refuses an unknown site with a field error, and keeps a used site from deletion', async () => {
    await call('POST', '/sites', { id: 'hangar-9', name: 'Hangar 9', time_zone: 'America/Manaus' });
    const unknown = await call('POST', '/assets', { id: 'eng-x', name: 'Engine X', type_id: 'turbofan', site: 'no-such-site' });
    expect(unknown.status).toBe(422);
    const body = await problem(unknown);
    expect(body.errors).toEqual([
      {
        field: 'site',
        message: 'no site no-such-site; create it first (POST /api/v1/sites)',
        code: 'unknown_site',
        params: { site: 'no-such-site' },
      },
    ]);
    expect((await call('GET', '/assets/eng-x', undefined, reader)).status).toBe(404);

    const created = await call('POST', '/assets', { id: 'eng-9', name: 'Engine 9', type_id: 'turbofan', site: 'hangar-9' });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ site: 'hangar-9' });
    const inUse = await call('DELETE', '/sites/hangar-9');
    expect(inUse.status).toBe(409);
    expect(await problem(inUse)).toMatchObject({ code: 'site_in_use' });
    expect((await call('GET', '/sites/hangar-9', undefined, reader)).status).toBe(200);

    // An empty site means none, as the free-text field did; then the site can go.
    expect(await (await call('PATCH', '/assets/eng-9', { site: '' })).json()).toMatchObject({ site: null });
    expect((await call('PATCH', '/assets/eng-9', { site: 'nope' })).status).toBe(422);
    expect((await call('DELETE', '/sites/hangar-9')).status).toBe(200);
    expect(await (await call('POST', '/assets', { id: 'eng-10', name: 'Engine 10', type_id: 'turbofan' })).json()).toMatchObject({
      site: null,
    });
  });

  it('keeps a site a technician works at, and refuses a technician at an unknown site', async () => {
    const admin = await stack.key(['maintenance:schedule', 'maintenance:read', 'data:ingest']);
    await call('POST', '/sites', { id: 'crew-base', name: 'Crew base' });
    const technician = { name: 'Rita', skills: [{ skill: 'vibration', level: 3 }], shifts: [] };
    const unknown = await call('PUT', '/maintenance/technicians/tech-rita', { ...technician, site: 'atlantis' }, admin);
    expect(unknown.status).toBe(422);
    expect((await problem(unknown)).errors!.map((e) => e.field)).toEqual(['site']);
    expect((await call('PUT', '/maintenance/technicians/tech-rita', { ...technician, site: 'crew-base' }, admin)).status).toBe(201);
    const inUse = await call('DELETE', '/sites/crew-base');
    expect(inUse.status).toBe(409);
    expect(await inUse.json()).toMatchObject({ code: 'site_in_use' });
  });
});
