import { z } from 'zod';

export const REPORT_TYPES = ['system_health', 'anomaly_summary', 'ingestion_activity', 'maintenance_decisions', 'workflow_run'] as const;
export type ReportType = (typeof REPORT_TYPES)[number];
/** What the reports table can hold: the generated types, and reports workflows store themselves (shadow evaluations). */
export const STORED_REPORT_TYPES = [...REPORT_TYPES, 'shadow_evaluation'] as const;

const point = z.object({ x: z.union([z.string(), z.number()]), y: z.number() });

export const chartSchema = z.object({
  id: z.string(),
  title: z.string(),
  type: z.enum(['line', 'bar']),
  series: z.array(
    z.object({
      name: z.string(),
      // Marks (anomalies) are drawn as dots at their own instants, not joined into a line.
      kind: z.enum(['line', 'points']).optional(),
      points: z.array(point),
    }),
  ),
});

export const tableSchema = z.object({
  title: z.string(),
  columns: z.array(z.string()),
  rows: z.array(z.array(z.union([z.string(), z.number(), z.boolean(), z.null()]))),
});

/** The JSON body of every report: what the API returns, what the CSV and PDF are rendered from. */
export const reportBodySchema = z.object({
  title: z.string(),
  period: z.object({ from: z.string(), to: z.string() }),
  summary: z.record(z.string(), z.union([z.number(), z.string(), z.null()])),
  charts: z.array(chartSchema),
  tables: z.array(tableSchema),
});

export type Chart = z.infer<typeof chartSchema>;
export type Table = z.infer<typeof tableSchema>;
export type Cell = Table['rows'][number][number];
export type ReportBody = z.infer<typeof reportBodySchema>;

/** The period a report covers, [from, to), and the width of the buckets its time series use. */
export interface ReportPeriod {
  from: Date;
  to: Date;
  bucket: 'hour' | 'day';
}
