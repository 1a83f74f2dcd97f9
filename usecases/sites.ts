import { deleteSite, findSite, insertSite, listSites, siteUsage, updateSite } from '../db/sites';
import type { Sql } from '../db/sql';
import { Conflict, InvalidInput, NotFound } from '../domain/errors';
import { fieldError } from '../domain/fieldErrorText';
import type { Site, SiteInput, SitePatch } from '../domain/sites';

export { listSites };

export async function getSite(id: string, sql: Sql): Promise<Site> {
  const site = await findSite(id, sql);
  if (!site) throw new NotFound(`No site ${id}`);
  return site;
}

export async function createSite(s: SiteInput, sql: Sql): Promise<Site> {
  const created = await insertSite(s, sql);
  if (!created) throw new Conflict(`Site ${s.id} exists already`, 'site_exists');
  return created;
}

export async function patchSite(id: string, p: SitePatch, sql: Sql): Promise<Site> {
  const site = await updateSite(id, p, sql);
  if (!site) throw new NotFound(`No site ${id}`);
  return site;
}

/** A site assets or technicians still belong to stays: they would be left pointing nowhere. */
export async function removeSite(id: string, sql: Sql): Promise<Site> {
  const site = await getSite(id, sql);
  const inUse = () =>
    siteUsage(id, sql).then((usage) => new Conflict(`Site ${id} still has ${describe(usage)}`, 'site_in_use', { ...usage }));
  const usage = await siteUsage(id, sql);
  if (usage.assets || usage.technicians) throw await inUse();
  try {
    if (!(await deleteSite(id, sql))) throw new NotFound(`No site ${id}`);
  } catch (err) {
    // An asset or technician moved to the site between the count and the delete.
    if ((err as { code?: string }).code === '23503') throw await inUse();
    throw err;
  }
  return site;
}

function describe(usage: { assets: number; technicians: number }): string {
  return `${usage.assets} asset(s) and ${usage.technicians} technician(s); move them to another site first`;
}

/**
 * Refuses a site id that names no site, as a field error on `field`: the caller gets a 422 naming
 * the field, not a foreign-key failure.
 */
export async function requireSite(id: string, field: string, sql: Sql): Promise<void> {
  if (!(await findSite(id, sql))) {
    throw new InvalidInput([fieldError(field, 'unknown_site', `no site ${id}; create it first (POST /api/v1/sites)`, { site: id })]);
  }
}
