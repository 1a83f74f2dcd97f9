import { mkdtempSync, copyFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { dropDatabase, ensureDatabase, migrate } from '../../db/migrate';
import { projectRoot } from '../../config';

// Migration 0023 on a database that had free-text sites: applied after the rows below exist, as it
// would be on a running installation, in a database of its own.
const databaseUrl = (() => {
  const url = new URL(inject('databaseUrl'));
  url.pathname = `${url.pathname}_sites_migration`;
  return url.toString();
})();
let sql: postgres.Sql;

beforeAll(async () => {
  await dropDatabase(databaseUrl);
  await ensureDatabase(databaseUrl);
  sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const all = path.join(projectRoot, 'db', 'migrations');
  const before = mkdtempSync(path.join(tmpdir(), 'before-0023-'));
  for (const f of readdirSync(all).filter((f) => f < '0023')) copyFileSync(path.join(all, f), path.join(before, f));
  await migrate(sql, before);
  await sql`
    insert into assets (id, name, type_id, site) values
      ('a1', 'A1', 'turbofan', 'Hangar 2'), ('a2', 'A2', 'turbofan', 'hangar-2'), ('a3', 'A3', 'turbofan', ''),
      ('a4', 'A4', 'turbofan', 'São Paulo Plant'), ('a5', 'A5', 'turbofan', '***')`;
  await sql`
    insert into technicians (id, name, site, skills, shifts) values
      ('t1', 'T1', 'plant-north', '[]', '[]'), ('t2', 'T2', 'Plant X', '[]', '[]'), ('t3', 'T3', '', '[]', '[]')`;
  // 0023 first; later migrations follow it as they would on the running installation.
  expect((await migrate(sql))[0]).toBe('0023_sites');
});
afterAll(async () => {
  await sql?.end();
  await dropDatabase(databaseUrl);
});

describe('migration 0023: sites', () => {
  it('turns each label into a site by its slug, the plants on Brasília time and the rest on UTC', async () => {
    const sites = await sql<{ id: string; name: string; time_zone: string }[]>`select id, name, time_zone from sites order by id`;
    expect(sites).toEqual([
      { id: 'default', name: 'Default site', time_zone: 'UTC' },
      { id: 'hangar-2', name: 'Hangar 2', time_zone: 'UTC' },
      { id: 'plant-north', name: 'Plant North', time_zone: 'America/Sao_Paulo' },
      { id: 'plant-south', name: 'Plant South', time_zone: 'America/Sao_Paulo' },
      { id: 'plant-x', name: 'Plant X', time_zone: 'UTC' },
      { id: 'sao-paulo-plant', name: 'São Paulo Plant', time_zone: 'UTC' },
      { id: expect.stringMatching(/^site-[0-9a-f]{8}$/), name: '***', time_zone: 'UTC' },
    ]);
  });

  it('points assets at their site (an empty label at none) and technicians at theirs (an empty one at the default)', async () => {
    const assets = await sql<{ id: string; site: string | null }[]>`select id, site from assets order by id`;
    expect(assets.map((a) => [a.id, a.site])).toEqual([
      ['a1', 'hangar-2'],
      ['a2', 'hangar-2'],
      ['a3', null],
      ['a4', 'sao-paulo-plant'],
      ['a5', expect.stringMatching(/^site-/)],
    ]);
    const technicians = await sql<{ id: string; site: string }[]>`select id, site from technicians order by id`;
    expect(technicians.map((t) => [t.id, t.site])).toEqual([
      ['t1', 'plant-north'],
      ['t2', 'plant-x'],
      ['t3', 'default'],
    ]);
  });

  it('refuses an asset or a technician naming no site, and deleting a site in use', async () => {
    await expect(sql`insert into assets (id, name, type_id, site) values ('a9', 'A9', 'turbofan', 'nowhere')`).rejects.toMatchObject({
      code: '23503',
    });
    await expect(sql`update technicians set site = 'nowhere' where id = 't1'`).rejects.toMatchObject({ code: '23503' });
    await expect(sql`delete from sites where id = 'hangar-2'`).rejects.toMatchObject({ code: '23503' });
  });
});
