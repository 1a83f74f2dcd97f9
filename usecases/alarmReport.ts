import { alarmsStartedBetween } from '../db/alarms';
import { toCsv } from '../domain/csv';
import { alarmKpis, alarmReportBody, kpiRows, type AlarmKpis } from '../domain/alarmKpis';
import { DEFAULT_REPORT_LOCALE, fieldLabel, type ReportLocale } from '../domain/reportText';
import { reportCatalogue } from '../reports/localize';
import { renderReportPdf } from '../reports/pdf';
import type { AppDeps } from './deps';

/** The alarm performance report of a period (domain/alarmKpis.ts has the definitions). */
export async function alarmPerformanceReport(
  deps: Pick<AppDeps, 'sql'>,
  o: { from: Date; to: Date; operators: number; site?: string; now?: Date },
): Promise<AlarmKpis> {
  const rows = await alarmsStartedBetween(o.from, o.to, deps.sql);
  return alarmKpis(
    rows.map((a) => ({
      sensorId: a.sensor_id,
      site: a.site,
      start: a.start_ts.getTime(),
      acknowledgedAt: a.acknowledged_at?.getTime() ?? null,
      createdAt: a.created_at.getTime(),
      resolvedAt: a.resolved_at?.getTime() ?? null,
      historical: a.historical,
    })),
    { from: o.from.getTime(), to: o.to.getTime(), operators: o.operators, site: o.site, now: (o.now ?? new Date()).getTime() },
  );
}

export function reportCsv(k: AlarmKpis): string {
  return toCsv(['metric', 'value'], kpiRows(k));
}

/** The report as PDF, drawn like every other report, in the reader's language and zone. */
export function reportPdf(k: AlarmKpis, o: { id: string; createdAt: Date; loc?: ReportLocale }): Promise<Buffer> {
  const loc = o.loc ?? DEFAULT_REPORT_LOCALE;
  const catalogue = reportCatalogue(loc.lang);
  return renderReportPdf(
    alarmReportBody(k, (key) => fieldLabel(catalogue, key)),
    { id: o.id, createdAt: o.createdAt },
    loc,
  );
}
