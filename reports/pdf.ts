import PDFDocument from 'pdfkit';
import type { Cell, Chart, ReportBody, Table } from '../domain/report';

const MARGIN = 50;
const PALETTE = ['#1f6fb4', '#c62828', '#2e7d32', '#ef6c00', '#6a1b9a'];
/** The PDF is for reading; the CSV artifact carries every row. */
const MAX_PDF_ROWS = 300;

type Doc = PDFKit.PDFDocument;

const formatCell = (v: Cell): string => (v === null ? '' : typeof v === 'number' ? String(v) : String(v));

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

/** A short axis label for a bucket start (`2024-05-01T13:00:00.000Z` → `05-01 13:00`). */
function axisLabel(x: string | number): string {
  const s = String(x);
  const m = /^\d{4}-(\d{2}-\d{2})T(\d{2}:\d{2})/.exec(s);
  return m ? `${m[1]} ${m[2]}` : s;
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

function keyFigures(doc: Doc, summary: ReportBody['summary']): void {
  heading(doc, 'Key figures');
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
        .text(fit(doc, k.replace(/_/g, ' '), colWidth * 0.6), x, y, { lineBreak: false });
      doc
        .font('Helvetica-Bold')
        .fillColor('black')
        .text(fit(doc, v === null ? '—' : String(v), colWidth * 0.38), x + colWidth * 0.6, y, { lineBreak: false });
    });
    doc.x = MARGIN;
    doc.y = y + rowHeight;
  }
}

function drawChart(doc: Doc, chart: Chart): void {
  const width = doc.page.width - 2 * MARGIN;
  const height = 170;
  ensureSpace(doc, height + 30);
  doc.moveDown(0.5).font('Helvetica-Bold').fontSize(10).fillColor('black').text(chart.title, MARGIN);
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
    doc.text(String(Math.round(tick * 100) / 100), MARGIN, yOf(tick) - 3, { width: 36, align: 'right', lineBreak: false });
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
      .text('no data in this period', left, top + plotH / 2 - 5, { width: plotW, align: 'center' });
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
      doc.text(fit(doc, axisLabel(c), groupW - 2), left + i * groupW + 1, bottom + 3, {
        width: groupW - 2,
        align: 'center',
        lineBreak: false,
      });
    });
  } else {
    const xOf = (i: number) => left + (n === 1 ? plotW / 2 : (i / (n - 1)) * plotW);
    chart.series.forEach((s, si) => {
      doc.strokeColor(PALETTE[si % PALETTE.length]!).lineWidth(1.2);
      s.points.forEach((p, i) => (i === 0 ? doc.moveTo(xOf(i), yOf(p.y)) : doc.lineTo(xOf(i), yOf(p.y))));
      doc.stroke();
    });
    doc.fillColor('#333333').fontSize(6.5);
    for (const i of [...new Set([0, Math.floor((n - 1) / 2), n - 1])]) {
      doc.text(axisLabel(categories[i]!), xOf(i) - 30, bottom + 3, { width: 60, align: 'center', lineBreak: false });
    }
  }
  if (chart.series.length > 1) {
    let x = left;
    chart.series.forEach((s, si) => {
      doc.rect(x, bottom + 14, 8, 6).fill(PALETTE[si % PALETTE.length]!);
      doc
        .fillColor('#333333')
        .fontSize(7)
        .text(s.name, x + 11, bottom + 13, { lineBreak: false });
      x += 20 + doc.widthOfString(s.name);
    });
  }
  doc.x = MARGIN;
  doc.y = top + height - 10;
}

function drawTable(doc: Doc, table: Table): void {
  heading(doc, table.title);
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
  row(table.columns, true);
  if (table.rows.length === 0) {
    doc.font('Helvetica-Oblique').fontSize(8).fillColor('#777777').text('no rows in this period', MARGIN);
    return;
  }
  for (const r of table.rows.slice(0, MAX_PDF_ROWS)) {
    if (doc.y + rowH > doc.page.height - MARGIN) {
      doc.addPage();
      row(table.columns, true);
    }
    row(r.map(formatCell), false);
  }
  if (table.rows.length > MAX_PDF_ROWS) {
    doc
      .font('Helvetica-Oblique')
      .fontSize(8)
      .fillColor('#777777')
      .text(`… ${table.rows.length - MAX_PDF_ROWS} more rows in the CSV artifact`, MARGIN);
  }
}

/**
 * Renders a report as PDF: title, period, key figures, the charts drawn with vector primitives,
 * and the tables. The document's dates come from the report, so the same stored report renders
 * the same way on every call.
 */
export function renderReportPdf(body: ReportBody, meta: { id: string; createdAt: Date }): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    info: { Title: body.title, Creator: 'Smart Maintenance', Producer: 'Smart Maintenance', CreationDate: meta.createdAt },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('Helvetica-Bold').fontSize(20).fillColor('black').text(body.title);
  doc.font('Helvetica').fontSize(10).fillColor('#333333').text(`Period: ${body.period.from} to ${body.period.to} (UTC)`);
  doc.text(`Generated: ${meta.createdAt.toISOString()} · report ${meta.id}`);
  keyFigures(doc, body.summary);
  if (body.charts.length) heading(doc, 'Charts');
  for (const chart of body.charts) drawChart(doc, chart);
  for (const table of body.tables) drawTable(doc, table);

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin would make pdfkit open a new page; the footer lives there.
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('Helvetica').fontSize(7).fillColor('#888888');
    doc.text(`${body.title} · page ${i + 1} of ${range.count}`, MARGIN, doc.page.height - 30, {
      width: doc.page.width - 2 * MARGIN,
      align: 'center',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottomMargin;
  }
  doc.end();
  return done;
}
