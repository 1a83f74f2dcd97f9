import { laggedCorrelation, roleCorrelations } from '../db/assetCorrelations';
import { latestRoleReadings } from '../db/assetHealth';
import { findAsset } from '../db/assets';
import type { Sql } from '../db/sql';
import { InvalidInput, NotFound } from '../domain/errors';
import { fieldError } from '../domain/fieldErrorText';

/** Most buckets one request may ask the database to build per sensor. */
export const MAX_CORRELATION_BUCKETS = 20_000;

export interface CorrelationRequest {
  windowSeconds: number;
  stepSeconds: number;
  /** Two roles for the lagged cross-correlation. */
  pair?: [string, string];
  maxLag: number;
}

const round = (v: number | null) => (v === null ? null : Math.round(v * 1e6) / 1e6);

/**
 * Pearson and Spearman matrices of the asset's sensors (by role) over the window that ends at its
 * latest reading, and, for a pair, the lagged cross-correlation with its best lag. The arithmetic
 * is PostgreSQL's corr(); this only arranges the pairs into matrices.
 */
export async function assetCorrelations(assetId: string, r: CorrelationRequest, sql: Sql) {
  const asset = await findAsset(assetId, sql);
  if (!asset) throw new NotFound(`No asset ${assetId}`);
  if (r.windowSeconds / r.stepSeconds > MAX_CORRELATION_BUCKETS) {
    throw new InvalidInput([
      fieldError('step_seconds', 'too_many_buckets', `window / step must be at most ${MAX_CORRELATION_BUCKETS} buckets`, {
        maximum: MAX_CORRELATION_BUCKETS,
      }),
    ]);
  }
  const roles = asset.sensors.map((s) => s.role).sort();
  if (r.pair) {
    const unknown = r.pair.filter((role) => !roles.includes(role));
    if (unknown.length)
      throw new InvalidInput([
        fieldError('pair', 'not_a_current_role', `not a current role of ${assetId}: ${unknown.join(', ')}`, {
          asset: assetId,
          roles: unknown.join(', '),
        }),
      ]);
  }
  const latest = (await latestRoleReadings(assetId, sql)).map((x) => x.ts).filter((t): t is Date => t !== null);
  const to = latest.length ? new Date(Math.max(...latest.map((t) => t.getTime()))) : null;
  const empty = { asset_id: assetId, roles, from: null, to: null, buckets: 0, pearson: [], spearman: [], lagged: null };
  if (!to || roles.length < 2) return empty;
  const from = new Date(to.getTime() - r.windowSeconds * 1000);
  const { buckets, pairs } = await roleCorrelations(assetId, from, to, r.stepSeconds, sql);
  const matrix = (pick: 'pearson' | 'spearman') =>
    roles.map((a) =>
      roles.map((b) => {
        if (a === b) return buckets > 1 ? 1 : null;
        const p = pairs.find((x) => (x.a === a && x.b === b) || (x.a === b && x.b === a));
        return round(p?.[pick] ?? null);
      }),
    );
  let lagged = null;
  if (r.pair) {
    const byLag = (await laggedCorrelation(assetId, r.pair[0], r.pair[1], from, to, r.stepSeconds, r.maxLag, sql)).map((x) => ({
      lag: x.lag,
      r: round(x.r),
      n: x.n,
    }));
    const best = byLag.filter((x) => x.r !== null).sort((a, b) => Math.abs(b.r!) - Math.abs(a.r!) || Math.abs(a.lag) - Math.abs(b.lag))[0];
    lagged = { pair: r.pair, max_lag: r.maxLag, best_lag: best?.lag ?? null, coefficient: best?.r ?? null, by_lag: byLag };
  }
  return {
    asset_id: assetId,
    roles,
    from: from.toISOString(),
    to: to.toISOString(),
    buckets,
    pearson: matrix('pearson'),
    spearman: matrix('spearman'),
    lagged,
  };
}
