import type { Chart, ReportBody, Table } from '../domain/report';
import {
  DEFAULT_REPORT_LOCALE,
  categoryText,
  fieldLabel,
  headingText,
  isIsoInstant,
  seriesText,
  valueText,
  type ReportLocale,
} from '../domain/reportText';
import { fillTemplate, lookup, type Catalogue, type ValueFormat } from '../domain/serverText';
import { ENGLISH_CATALOGUE, reportCatalogue } from './localize';

const MARGIN = 50;
const PALETTE = ['#1f6fb4', '#c62828', '#2e7d32', '#ef6c00', '#6a1b9a'];
/** The PDF is for reading; the CSV artifact carries every row. */
const MAX_PDF_ROWS = 300;

type Doc = PDFKit.PDFDocument;

/** The reader's words, numbers and clock for one rendering. */
interface Words {
  catalogue: Catalogue;
  fmt: ValueFormat;
  t(path: string, values?: Record<string, string>, count?: number): string;
  heading(title: string): string;
}

/**
 * The built-in PDF fonts are WinAnsi-encoded: Portuguese letters are in it, but not the narrow
 * and no-break spaces Intl puts into formatted dates and numbers.
 */
const printable = (text: string): string => text.replace(/[\u00a0\u2009\u202f]/g, ' ');

function words(loc: ReportLocale): Words {
  const catalogue = reportCatalogue(loc.lang);
  return {
    catalogue,
    fmt: { locale: loc.lang, timeZone: loc.timeZone },
    t: (path, values = {}, count) =>
      printable(fillTemplate(lookup(catalogue, path) ?? lookup(ENGLISH_CATALOGUE, path) ?? path, values, count)),
    heading: (title) => printable(headingText(catalogue, ENGLISH_CATALOGUE, title)),
  };
}

/** Cuts `text` so it fits `width` points in the current font, marking the cut with an ellipsis. */
function fit(doc: Doc, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (doc.widthOfString(text.slice(0, mid) + '…') <= width) lo = mid;
    else hi = mid - 1;
  }
  return text.slice(0, lo) + '…';
}

/** A short axis label: an instant as day, month and time on the reader's clock; anything else as it is. */
function axisLabel(x: string | number, w: Words): string {
  if (!isIsoInstant(x)) return printable(String(x));
  return printable(
    new Intl.DateTimeFormat(w.fmt.locale, {
      timeZone: w.fmt.timeZone,
      day: '2-digit',
      month: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    }).format(new Date(x)),
  );
}

/** Where a line chart's points go in its plot box. */
export interface PlotBox {
  left: number;
  width: number;
}

/**
 * A line chart's horizontal positions: by time when every x is an instant, so readings that
 * arrive unevenly and the anomaly marks among them sit at their own instants; by order otherwise.
 */
export function lineChartXs(chart: Chart, box: PlotBox): { timeAxis: boolean; xs: number[][] } {
  const all = chart.series.flatMap((s) => s.points.map((p) => p.x));
  if (all.length > 0 && all.every(isIsoInstant)) {
    const ts = all.map((x) => Date.parse(x as string));
    const min = Math.min(...ts);
    const span = Math.max(...ts) - min;
    const at = (x: string | number) => box.left + (span === 0 ? box.width / 2 : ((Date.parse(x as string) - min) / span) * box.width);
    return { timeAxis: true, xs: chart.series.map((s) => s.points.map((p) => at(p.x))) };
  }
  const n = chart.series[0]?.points.length ?? 0;
  const at = (i: number) => box.left + (n <= 1 ? box.width / 2 : (i / (n - 1)) * box.width);
  return { timeAxis: false, xs: chart.series.map((s) => s.points.map((_, i) => at(i))) };
}

/** A round axis maximum at or above `max` (1, 2 or 5 times a power of ten). */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * magnitude >= max) return step * magnitude;
  return 10 * magnitude;
}

function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
}

function heading(doc: Doc, text: string): void {
  ensureSpace(doc, 40);
  doc.moveDown(0.6).font('Helvetica-Bold').fontSize(13).fillColor('black').text(text, MARGIN);
  doc.moveDown(0.3);
}

function keyFigures(doc: Doc, summary: ReportBody['summary'], w: Words): void {
  heading(doc, w.t('reportText.pdf.keyFigures'));
  const entries = Object.entries(summary);
  const colWidth = (doc.page.width - 2 * MARGIN) / 2;
  const rowHeight = 14;
  for (let i = 0; i < entries.length; i += 2) {
    ensureSpace(doc, rowHeight);
    const y = doc.y;
    entries.slice(i, i + 2).forEach(([k, v], j) => {
      const x = MARGIN + j * colWidth;
      doc
        .font('Helvetica')
        .fontSize(9)
        .fillColor('#555555')
        .text(fit(doc, printable(fieldLabel(w.catalogue, k)), colWidth * 0.6), x, y, { lineBreak: false });
      doc
        .font('Helvetica-Bold')
        .fillColor('black')
        .text(fit(doc, printable(valueText(w.catalogue, v, w.fmt, k)), colWidth * 0.38), x + colWidth * 0.6, y, { lineBreak: false });
    });
    doc.x = MARGIN;
    doc.y = y + rowHeight;
  }
}

function drawChart(doc: Doc, chart: Chart, w: Words): void {
  const width = doc.page.width - 2 * MARGIN;
  const height = 170;
  ensureSpace(doc, height + 30);
  doc.moveDown(0.5).font('Helvetica-Bold').fontSize(10).fillColor('black').text(w.heading(chart.title), MARGIN);
  const top = doc.y + 4;
  const left = MARGIN + 40;
  const plotW = width - 40;
  const plotH = height - 40;
  const bottom = top + plotH;
  const ys = chart.series.flatMap((s) => s.points.map((p) => p.y));
  const yMax = niceMax(Math.max(0, ...ys));
  const yOf = (y: number) => bottom - (y / yMax) * plotH;

  doc.font('Helvetica').fontSize(7).fillColor('#555555');
  for (const tick of [0, yMax / 2, yMax]) {
    doc
      .strokeColor('#dddddd')
      .lineWidth(0.5)
      .moveTo(left, yOf(tick))
      .lineTo(left + plotW, yOf(tick))
      .stroke();
    doc.text(printable(valueText(w.catalogue, Math.round(tick * 100) / 100, w.fmt)), MARGIN, yOf(tick) - 3, {
      width: 36,
      align: 'right',
      lineBreak: false,
    });
  }
  doc
    .strokeColor('#888888')
    .lineWidth(0.8)
    .moveTo(left, top)
    .lineTo(left, bottom)
    .lineTo(left + plotW, bottom)
    .stroke();

  const categories = chart.series[0]?.points.map((p) => p.x) ?? [];
  const n = categories.length;
  if (n === 0 || ys.length === 0) {
    doc
      .fillColor('#888888')
      .fontSize(9)
      .text(w.t('reportText.pdf.noData'), left, top + plotH / 2 - 5, { width: plotW, align: 'center' });
  } else if (chart.type === 'bar') {
    const groupW = plotW / n;
    const barW = Math.max(1, (groupW * 0.7) / chart.series.length);
    chart.series.forEach((s, si) => {
      s.points.forEach((p, i) => {
        const x = left + i * groupW + groupW * 0.15 + si * barW;
        const h = (p.y / yMax) * plotH;
        if (h > 0) doc.rect(x, bottom - h, barW, h).fill(PALETTE[si % PALETTE.length]!);
      });
    });
    doc.fillColor('#333333').fontSize(6.5);
    categories.forEach((c, i) => {
      doc.text(
        fit(doc, isIsoInstant(c) ? axisLabel(c, w) : printable(categoryText(w.catalogue, chart.id, c, w.fmt)), groupW - 2),
        left + i * groupW + 1,
        bottom + 3,
        {
          width: groupW - 2,
          align: 'center',
          lineBreak: false,
        },
      );
    });
  } else {
    const { timeAxis, xs } = lineChartXs(chart, { left, width: plotW });
    chart.series.forEach((s, si) => {
      const color = PALETTE[si % PALETTE.length]!;
      const at = xs[si]!;
      if (s.kind === 'points') {
        s.points.forEach((p, i) => doc.circle(at[i]!, yOf(p.y), 2.2).fill(color));
        return;
      }
      doc.strokeColor(color).lineWidth(1.2);
      s.points.forEach((p, i) => (i === 0 ? doc.moveTo(at[i]!, yOf(p.y)) : doc.lineTo(at[i]!, yOf(p.y))));
      doc.stroke();
    });
    doc.fillColor('#333333').fontSize(6.5);
    if (timeAxis) {
      // Ticks at the start, middle and end of the time span, wherever the points fall.
      const ts = chart.series.flatMap((s) => s.points.map((p) => Date.parse(p.x as string)));
      const min = Math.min(...ts);
      const max = Math.max(...ts);
      for (const f of max > min ? [0, 0.5, 1] : [0.5]) {
        const label = axisLabel(new Date(min + f * (max - min)).toISOString(), w);
        doc.text(label, left + f * plotW - 30, bottom + 3, { width: 60, align: 'center', lineBreak: false });
      }
    } else {
      const first = xs[0] ?? [];
      for (const i of [...new Set([0, Math.floor((n - 1) / 2), n - 1])]) {
        doc.text(axisLabel(categories[i]!, w), first[i]! - 30, bottom + 3, { width: 60, align: 'center', lineBreak: false });
      }
    }
  }
  if (chart.series.length > 1) {
    let x = left;
    chart.series.forEach((s, si) => {
      doc.rect(x, bottom + 14, 8, 6).fill(PALETTE[si % PALETTE.length]!);
      doc
        .fillColor('#333333')
        .fontSize(7)
        .text(printable(seriesText(w.catalogue, chart.id, s.name)), x + 11, bottom + 13, { lineBreak: false });
      x += 20 + doc.widthOfString(printable(seriesText(w.catalogue, chart.id, s.name)));
    });
  }
  doc.x = MARGIN;
  doc.y = top + height - 10;
}

function drawTable(doc: Doc, table: Table, w: Words): void {
  heading(doc, w.heading(table.title));
  const columns = table.columns.map((c) => printable(fieldLabel(w.catalogue, c)));
  const width = doc.page.width - 2 * MARGIN;
  const colW = width / Math.max(1, table.columns.length);
  const rowH = 12;
  const row = (cells: string[], bold: boolean) => {
    const y = doc.y;
    if (bold) doc.rect(MARGIN, y - 2, width, rowH).fill('#eeeeee');
    doc
      .font(bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(7)
      .fillColor('black');
    cells.forEach((c, i) => doc.text(fit(doc, c, colW - 4), MARGIN + i * colW + 2, y, { lineBreak: false }));
    doc.x = MARGIN;
    doc.y = y + rowH;
  };
  row(columns, true);
  if (table.rows.length === 0) {
    doc.font('Helvetica-Oblique').fontSize(8).fillColor('#777777').text(w.t('reportText.pdf.noRows'), MARGIN);
    return;
  }
  for (const r of table.rows.slice(0, MAX_PDF_ROWS)) {
    if (doc.y + rowH > doc.page.height - MARGIN) {
      doc.addPage();
      row(columns, true);
    }
    row(
      r.map((cell, i) => printable(valueText(w.catalogue, cell, w.fmt, table.columns[i]))),
      false,
    );
  }
  if (table.rows.length > MAX_PDF_ROWS) {
    doc
      .font('Helvetica-Oblique')
      .fontSize(8)
      .fillColor('#777777')
      .text(w.t('reportText.pdf.moreRows', { count: String(table.rows.length - MAX_PDF_ROWS) }, table.rows.length - MAX_PDF_ROWS), MARGIN);
  }
}

/**
 * Renders a report as PDF: title, period, key figures, the charts drawn with vector primitives,
 * the tables, in the reader's language with instants on the reader's clock. The document's dates
 * come from the report, so the same stored report renders the same way on every call.
 */
export async function renderReportPdf(
  body: ReportBody,
  meta: { id: string; createdAt: Date },
  loc: ReportLocale = DEFAULT_REPORT_LOCALE,
): Promise<Buffer> {
  // pdfkit and what it pulls in (fontkit, brotli, linebreak: about 1.9 MB of code) load with the
  // first PDF, not at start-up. The importers of this module (report, alarm-report and
  // shadow-evaluation use cases) are loaded by every API process and worker, most of which never
  // render one.
  const { default: PDFDocument } = await import('pdfkit');
  const w = words(loc);
  const title = w.heading(body.title);
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    info: { Title: title, Creator: 'Smart Maintenance', Producer: 'Smart Maintenance', CreationDate: meta.createdAt },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const when = (iso: string) => printable(valueText(w.catalogue, iso, w.fmt));
  doc.font('Helvetica-Bold').fontSize(20).fillColor('black').text(title);
  doc
    .font('Helvetica')
    .fontSize(10)
    .fillColor('#333333')
    .text(w.t('reportText.pdf.period', { from: when(body.period.from), to: when(body.period.to), zone: loc.timeZone }));
  doc.text(w.t('reportText.pdf.generated', { at: when(meta.createdAt.toISOString()), id: meta.id }));
  keyFigures(doc, body.summary, w);
  if (body.charts.length) heading(doc, w.t('reportText.pdf.charts'));
  for (const chart of body.charts) drawChart(doc, chart, w);
  for (const table of body.tables) drawTable(doc, table, w);

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin would make pdfkit open a new page; the footer lives there.
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('Helvetica').fontSize(7).fillColor('#888888');
    doc.text(w.t('reportText.pdf.page', { title, page: String(i + 1), pages: String(range.count) }), MARGIN, doc.page.height - 30, {
      width: doc.page.width - 2 * MARGIN,
      align: 'center',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottomMargin;
  }
  doc.end();
  return done;
}
