-- Sites (issue 18 "Tenants and sites", issue 13's site time zone): a plant is a record with an IANA
-- time zone, no longer a free-text label. Assets and technicians reference one, so a schedule can
-- keep to one site's technicians and the dashboard can show an asset's times on its plant's clock.
--
-- The zone is validated by the API against the IANA database (Intl); here it is only non-empty,
-- since a CHECK cannot consult pg_timezone_names.
CREATE TABLE sites (
  id         text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,63}$'),
  name       text NOT NULL CHECK (name <> ''),
  time_zone  text NOT NULL DEFAULT 'UTC' CHECK (time_zone <> ''),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- A free-text site as a slug: lower case, Portuguese accents folded, anything else between words
-- one '-'. A label with no letter or digit gets a slug from its hash, so every label maps to an id.
CREATE FUNCTION pg_temp.site_slug(label text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(
    nullif(left(trim(both '-' from regexp_replace(
      lower(translate(label, 'ÁÀÂÃÄÉÈÊËÍÌÎÏÓÒÔÕÖÚÙÛÜÇÑáàâãäéèêëíìîïóòôõöúùûüçñ', 'AAAAAEEEEIIIIOOOOOUUUUCNaaaaaeeeeiiiiooooouuuucn')),
      '[^a-z0-9]+', '-', 'g')), 64), ''),
    'site-' || left(md5(label), 8))
$$;

-- The default roster's two plants run on Brasília time (scheduling/roster.ts): they are known, so
-- they get that zone even before any technician row exists (a fresh database seeds them later).
INSERT INTO sites (id, name, time_zone) VALUES
  ('plant-north', 'Plant North', 'America/Sao_Paulo'),
  ('plant-south', 'Plant South', 'America/Sao_Paulo');

-- Every other label in use becomes a site on UTC (its zone is unknown until someone sets it).
-- Labels that fold to one slug share the site; its name is the first label alphabetically.
INSERT INTO sites (id, name)
SELECT DISTINCT ON (pg_temp.site_slug(label)) pg_temp.site_slug(label), label
FROM (SELECT site AS label FROM assets WHERE trim(site) <> ''
      UNION SELECT site FROM technicians WHERE trim(site) <> '') labels
ORDER BY pg_temp.site_slug(label), label
ON CONFLICT (id) DO NOTHING;

-- Technicians always belong to a site. One with an empty label (the API never allowed it, but a
-- hand-edited row may have one) goes to the 'default' site, created only when needed.
INSERT INTO sites (id, name)
SELECT 'default', 'Default site' WHERE EXISTS (SELECT 1 FROM technicians WHERE trim(site) = '')
ON CONFLICT (id) DO NOTHING;
UPDATE technicians SET site = CASE WHEN trim(site) = '' THEN 'default' ELSE pg_temp.site_slug(site) END;
ALTER TABLE technicians
  ADD CONSTRAINT technicians_site_fkey FOREIGN KEY (site) REFERENCES sites (id) ON UPDATE CASCADE;
CREATE INDEX technicians_site ON technicians (site);

-- An asset's site is optional: '' (none) becomes NULL, and an asset without a site is planned as
-- before, from the whole roster.
ALTER TABLE assets ALTER COLUMN site DROP DEFAULT;
ALTER TABLE assets ALTER COLUMN site DROP NOT NULL;
UPDATE assets SET site = CASE WHEN trim(site) = '' THEN NULL ELSE pg_temp.site_slug(site) END;
ALTER TABLE assets
  ADD CONSTRAINT assets_site_fkey FOREIGN KEY (site) REFERENCES sites (id) ON UPDATE CASCADE;
DROP FUNCTION pg_temp.site_slug(text);
