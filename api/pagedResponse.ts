import type { Context } from 'koa';
import { toCsv } from '../domain/csv';

/**
 * Answers a page of a filtered list: the filtered total in X-Total-Count, and CSV instead of JSON
 * when the client asks for it (`format=csv`, or `Accept: text/csv` without JSON).
 */
export function respondWithPage<T>(
  ctx: Context,
  page: { items: T[]; total: number; format?: 'json' | 'csv' },
  csv: { filename: string; header: readonly string[]; row: (item: T) => unknown[] },
  json: (items: T[], total: number) => unknown = (items) => items,
): void {
  ctx.set('X-Total-Count', String(page.total));
  ctx.set('Access-Control-Expose-Headers', 'X-Total-Count');
  const wantsCsv =
    page.format === 'csv' ||
    (ctx.accepts('application/json', 'text/csv') === 'text/csv' && !ctx.get('Accept').includes('application/json'));
  if (wantsCsv) {
    ctx.type = 'text/csv; charset=utf-8';
    ctx.set('Content-Disposition', `attachment; filename="${csv.filename}"`);
    ctx.body = toCsv([...csv.header], page.items.map(csv.row));
    return;
  }
  ctx.body = json(page.items, page.total);
}
