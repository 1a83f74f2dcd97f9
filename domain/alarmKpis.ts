/**
 * Alarm performance in the terms alarm-management standards use (EEMUA 191, ANSI/ISA-18.2,
 * IEC 62682). Pure: the API's report and `npm run eval:anomaly` (the NAB corpus as one operator's
 * plant) compute the same figures from the same function.
 *
 * Benchmarks: EEMUA 191 calls about one alarm per 10 minutes per operator "very likely acceptable"
 * (144 a day; IEC 62682 targets about the same); a 10-minute period with more than 10 alarms is a
 * flood, and floods should be under 1 % of the time; an alarm that raises again within a minute is
 * chattering; one still standing after 24 hours is stale.
 */
import type { ReportBody } from './report';

export interface AlarmForKpi {
  sensorId: string;
  /** The site of the asset the sensor was on when the alarm started; '' for none. */
  site?: string;
  /** When the alarm was raised (its first anomalous reading). */
  start: number;
  acknowledgedAt: number | null;
  /** When the alarm was created (a live alarm: about its start); time to acknowledge counts from here. */
  createdAt: number;
  resolvedAt: number | null;
  historical: boolean;
}

export const KPI_BENCHMARKS = {
  perDayAcceptable: 144,
  perOperatorHourAcceptable: 6,
  floodAbove: 10,
  floodShareTarget: 0.01,
  chatterWithinMs: 60_000,
  staleAfterMs: 24 * 3600_000,
} as const;

export interface AlarmKpis {
  period: { from: string; to: string; hours: number; operators: number };
  alarms: number;
  historical: number;
  per_day: number;
  per_operator_hour: number;
  per_operator_10_minutes: number;
  peak_10_minutes: number;
  flood_periods: number;
  flood_share: number;
  chattering: { alarms: number; sensors: number };
  stale: number;
  top_contributors: { sensor_id: string; alarms: number; share: number }[];
  time_to_acknowledge_seconds: { acknowledged: number; median: number | null; p90: number | null; mean: number | null };
  benchmarks: typeof KPI_BENCHMARKS;
  verdict: { rate: 'acceptable' | 'over'; floods: 'acceptable' | 'over' };
  /** The same figures per site (site '' = sensors on no asset), most alarms first. */
  by_site: SiteKpis[];
}

/** One site's share of the report: the figures an alarm-management review compares across sites. */
export interface SiteKpis {
  site: string;
  alarms: number;
  per_day: number;
  per_operator_hour: number;
  peak_10_minutes: number;
  flood_share: number;
  chattering: number;
  stale: number;
  median_time_to_acknowledge_s: number | null;
}

const TEN_MINUTES = 600_000;

function quantile(sorted: number[], q: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;

type KpiOptions = { from: number; to: number; operators: number; now: number };

/**
 * The report of a period: the plant's figures, then each site's. `site` keeps only that site's
 * alarms (the per-site table then has that one row).
 */
export function alarmKpis(alarms: readonly AlarmForKpi[], o: KpiOptions & { site?: string }): AlarmKpis {
  const kept = o.site === undefined ? alarms : alarms.filter((a) => (a.site ?? '') === o.site);
  const sites = [...new Set(kept.map((a) => a.site ?? ''))];
  const bySite = sites
    .map((site): SiteKpis => {
      const k = periodKpis(
        kept.filter((a) => (a.site ?? '') === site),
        o,
      );
      return {
        site,
        alarms: k.alarms,
        per_day: k.per_day,
        per_operator_hour: k.per_operator_hour,
        peak_10_minutes: k.peak_10_minutes,
        flood_share: k.flood_share,
        chattering: k.chattering.alarms,
        stale: k.stale,
        median_time_to_acknowledge_s: k.time_to_acknowledge_seconds.median,
      };
    })
    .filter((s) => s.alarms > 0 || s.stale > 0)
    .sort((a, b) => b.alarms - a.alarms || a.site.localeCompare(b.site));
  return { ...periodKpis(kept, o), by_site: bySite };
}

function periodKpis(alarms: readonly AlarmForKpi[], o: KpiOptions): Omit<AlarmKpis, 'by_site'> {
  const inPeriod = alarms.filter((a) => a.start >= o.from && a.start < o.to).sort((a, b) => a.start - b.start);
  const hours = Math.max((o.to - o.from) / 3600_000, 1 / 60);
  const periods = Math.max(1, Math.ceil((o.to - o.from) / TEN_MINUTES));
  const buckets = new Map<number, number>();
  for (const a of inPeriod) {
    const b = Math.floor((a.start - o.from) / TEN_MINUTES);
    buckets.set(b, (buckets.get(b) ?? 0) + 1);
  }
  const counts = [...buckets.values()];
  const floodPeriods = counts.filter((c) => c > KPI_BENCHMARKS.floodAbove).length;

  const lastBySensor = new Map<string, number>();
  const chatterSensors = new Set<string>();
  let chattering = 0;
  for (const a of inPeriod) {
    const prev = lastBySensor.get(a.sensorId);
    if (prev !== undefined && a.start - prev <= KPI_BENCHMARKS.chatterWithinMs) {
      chattering += 1;
      chatterSensors.add(a.sensorId);
    }
    lastBySensor.set(a.sensorId, a.start);
  }

  const bySensor = new Map<string, number>();
  for (const a of inPeriod) bySensor.set(a.sensorId, (bySensor.get(a.sensorId) ?? 0) + 1);
  const top = [...bySensor]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 10)
    .map(([sensor_id, n]) => ({ sensor_id, alarms: n, share: round(n / inPeriod.length) }));

  const ttas = inPeriod
    .filter((a) => a.acknowledgedAt !== null)
    .map((a) => Math.max(0, (a.acknowledgedAt! - a.createdAt) / 1000))
    .sort((a, b) => a - b);
  const stale = alarms.filter((a) => a.resolvedAt === null && !a.historical && o.now - a.createdAt > KPI_BENCHMARKS.staleAfterMs).length;

  const perDay = (inPeriod.length / hours) * 24;
  const perOperatorHour = inPeriod.length / hours / o.operators;
  const floodShare = floodPeriods / periods;
  return {
    period: { from: new Date(o.from).toISOString(), to: new Date(o.to).toISOString(), hours: round(hours, 2), operators: o.operators },
    alarms: inPeriod.length,
    historical: inPeriod.filter((a) => a.historical).length,
    per_day: round(perDay, 2),
    per_operator_hour: round(perOperatorHour),
    per_operator_10_minutes: round(perOperatorHour / 6),
    peak_10_minutes: counts.length ? Math.max(...counts) : 0,
    flood_periods: floodPeriods,
    flood_share: round(floodShare, 4),
    chattering: { alarms: chattering, sensors: chatterSensors.size },
    stale,
    top_contributors: top,
    time_to_acknowledge_seconds: {
      acknowledged: ttas.length,
      median: quantile(ttas, 0.5),
      p90: quantile(ttas, 0.9),
      mean: ttas.length ? round(ttas.reduce((s, x) => s + x, 0) / ttas.length, 1) : null,
    },
    benchmarks: KPI_BENCHMARKS,
    verdict: {
      rate: perDay / o.operators <= KPI_BENCHMARKS.perDayAcceptable ? 'acceptable' : 'over',
      floods: floodShare <= KPI_BENCHMARKS.floodShareTarget ? 'acceptable' : 'over',
    },
  };
}

/** The report as CSV rows: one metric a line, then the top contributors. */
export function kpiRows(k: AlarmKpis): unknown[][] {
  const t = k.time_to_acknowledge_seconds;
  return [
    ['period_from', k.period.from],
    ['period_to', k.period.to],
    ['operators', k.period.operators],
    ['alarms', k.alarms],
    ['historical', k.historical],
    ['per_day', k.per_day],
    ['per_operator_hour', k.per_operator_hour],
    ['per_operator_10_minutes', k.per_operator_10_minutes],
    ['peak_10_minutes', k.peak_10_minutes],
    ['flood_periods', k.flood_periods],
    ['flood_share', k.flood_share],
    ['chattering_alarms', k.chattering.alarms],
    ['chattering_sensors', k.chattering.sensors],
    ['stale', k.stale],
    ['tta_acknowledged', t.acknowledged],
    ['tta_median_s', t.median ?? ''],
    ['tta_p90_s', t.p90 ?? ''],
    ['tta_mean_s', t.mean ?? ''],
    ...k.top_contributors.map((c, i) => [`top_${i + 1}`, `${c.sensor_id} (${c.alarms}, ${(c.share * 100).toFixed(1)}%)`]),
    ...k.by_site.flatMap((site) =>
      (['alarms', 'per_day', 'peak_10_minutes', 'flood_share', 'stale'] as const).map((m) => [`site.${site.site || '-'}.${m}`, site[m]]),
    ),
  ];
}

/**
 * The KPIs as a report body (title, key figures, tables), the form the PDF renderer of every
 * other report draws; the title and labels are looked up in the locale files' reportText section.
 */
export function alarmReportBody(k: AlarmKpis, label: (key: string) => string = (key) => key): ReportBody {
  const t = k.time_to_acknowledge_seconds;
  const b = k.benchmarks;
  const figure = (key: string, value: number | null, benchmark: string | null = null) => [label(key), value, benchmark];
  return {
    title: 'Alarm performance',
    period: { from: k.period.from, to: k.period.to },
    summary: {
      alarms: k.alarms,
      alarms_per_day: k.per_day,
      alarms_per_operator_hour: k.per_operator_hour,
      peak_alarms_10_minutes: k.peak_10_minutes,
      flood_share: k.flood_share,
      stale_alarms: k.stale,
      median_time_to_acknowledge_s: t.median,
    },
    charts: [],
    tables: [
      {
        title: 'Alarm performance figures',
        columns: ['kpi', 'value', 'benchmark'],
        rows: [
          figure('operators', k.period.operators),
          figure('alarms', k.alarms),
          figure('historical_alarms', k.historical),
          figure('alarms_per_day', k.per_day, `<= ${b.perDayAcceptable} (EEMUA 191, IEC 62682)`),
          figure('alarms_per_operator_hour', k.per_operator_hour, `<= ${b.perOperatorHourAcceptable} (EEMUA 191)`),
          figure('alarms_per_operator_10_minutes', k.per_operator_10_minutes),
          figure('peak_alarms_10_minutes', k.peak_10_minutes, `<= ${b.floodAbove} (ISA-18.2)`),
          figure('flood_periods', k.flood_periods),
          figure('flood_share', k.flood_share, `<= ${b.floodShareTarget} (ISA-18.2)`),
          figure('chattering_alarms', k.chattering.alarms),
          figure('chattering_sensors', k.chattering.sensors),
          figure('stale_alarms', k.stale),
          figure('acknowledged_alarms', t.acknowledged),
          figure('median_time_to_acknowledge_s', t.median),
          figure('p90_time_to_acknowledge_s', t.p90),
          figure('mean_time_to_acknowledge_s', t.mean),
        ],
      },
      {
        title: 'Top contributors',
        columns: ['sensor_id', 'alarms', 'share'],
        rows: k.top_contributors.map((c) => [c.sensor_id, c.alarms, c.share]),
      },
      {
        title: 'Alarms by site',
        columns: ['site', 'alarms', 'alarms_per_day', 'peak_alarms_10_minutes', 'flood_share', 'stale_alarms'],
        rows: k.by_site.map((site) => [site.site || '-', site.alarms, site.per_day, site.peak_10_minutes, site.flood_share, site.stale]),
      },
    ],
  };
}
