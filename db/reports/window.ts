/** A report's period as its queries need it (domain/report.ts ReportPeriod fits it). */
export interface ReportWindow {
  from: Date;
  to: Date;
  bucket: 'hour' | 'day';
}
