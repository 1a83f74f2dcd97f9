import { z } from 'zod';
import { storableText } from './text';

/** A site's id: a slug, safe in a URL and a filter, and the form the migration gave existing labels. */
export const siteIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lower-case letters, digits and - (1-64), starting with a letter or digit');

/**
 * True for an IANA zone name the runtime's time-zone database knows (America/Sao_Paulo, UTC).
 * Offsets ("+03:00", which Intl also accepts) are refused: a site's clock follows its region's
 * daylight-saving rules, which a fixed offset cannot.
 */
export function isIanaTimeZone(zone: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneSchema = z
  .string()
  .max(64)
  .refine(isIanaTimeZone, 'is not an IANA time zone (e.g. America/Sao_Paulo, Europe/Lisbon, UTC)');

const name = storableText(z.string().trim().max(200)).pipe(z.string().min(1));

export const siteInputSchema = z.strictObject({
  id: siteIdSchema,
  name,
  time_zone: timeZoneSchema.default('UTC').describe('IANA zone of the site’s clock; times on its assets and orders can be read in it'),
});
export type SiteInput = z.output<typeof siteInputSchema>;

export const sitePatchSchema = z
  .strictObject({ name: name.optional(), time_zone: timeZoneSchema.optional() })
  .refine((p) => Object.keys(p).length > 0, 'give at least one of name, time_zone');
export type SitePatch = z.output<typeof sitePatchSchema>;

export interface Site extends SiteInput {
  created_at: string;
  updated_at: string;
}

/** What still points at a site: a site in use cannot be deleted. */
export interface SiteUsage {
  assets: number;
  technicians: number;
}
