import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot } from '../config';
import { SCOPES } from '../domain/scopes';
import type { RouteDoc } from '../api/route';
import { openApiRoutes } from './apiTypes';

export const securityFile = path.join(projectRoot, 'SECURITY.md');
export const BEGIN = '<!-- BEGIN GENERATED: scope matrix (npm run security:matrix) -->';
export const END = '<!-- END GENERATED: scope matrix -->';

const cell = (text: string) => text.replace(/\|/g, '\\|');
const pathOf = (r: RouteDoc) => r.path.replace(/:(\w+)/g, '{$1}');

/** `scopes` absent: public; empty: any valid key; otherwise every scope listed. */
function scopeCell(r: RouteDoc): string {
  if (!r.spec.scopes) return 'public';
  if (r.spec.scopes.length === 0) return 'any valid key';
  return r.spec.scopes.map((s) => `\`${s}\``).join(' + ');
}

/**
 * The scope → action matrix, from the same route table the API serves (built in-process like the
 * OpenAPI document), so it cannot drift from what the middleware enforces.
 */
export function renderMatrix(routes: RouteDoc[]): string {
  const sorted = [...routes].sort((a, b) => pathOf(a).localeCompare(pathOf(b)) || a.method.localeCompare(b.method));
  const lines = [
    BEGIN,
    '',
    '### Every route and the scopes it requires',
    '',
    'A key needs every scope listed (`admin` implies all of them). "public" routes take no key;',
    'with a valid key they may answer in more detail (`/health*`).',
    '',
    '| method | path | scopes | what |',
    '| --- | --- | --- | --- |',
    ...sorted.map((r) => `| ${r.method.toUpperCase()} | \`${pathOf(r)}\` | ${scopeCell(r)} | ${cell(r.spec.summary)} |`),
    '',
    '### What each scope allows',
    '',
    '| scope | actions |',
    '| --- | --- |',
    ...SCOPES.map((scope) => {
      if (scope === 'admin') return '| `admin` | every route above, including the `admin` ones below |';
      const allowed = sorted.filter((r) => r.spec.scopes?.includes(scope));
      const list = allowed.map((r) => {
        const others = r.spec.scopes!.filter((s) => s !== scope);
        return `${r.method.toUpperCase()} \`${pathOf(r)}\`${others.length ? ` (with ${others.map((s) => `\`${s}\``).join(', ')})` : ''}`;
      });
      return `| \`${scope}\` | ${list.length ? list.join('<br>') : 'nothing on its own'} |`;
    }),
    `| \`admin\` only | ${sorted
      .filter((r) => r.spec.scopes?.includes('admin'))
      .map((r) => `${r.method.toUpperCase()} \`${pathOf(r)}\``)
      .join('<br>')} |`,
    '',
    END,
  ];
  return lines.join('\n');
}

/** SECURITY.md with its generated section replaced by `matrix`. */
export function withMatrix(document: string, matrix: string): string {
  const start = document.indexOf(BEGIN);
  const end = document.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${path.basename(securityFile)} lacks the markers ${BEGIN} … ${END}`);
  return document.slice(0, start) + matrix + document.slice(end + END.length);
}

/** SECURITY.md as it should read with the current route table. */
export async function renderSecurityDocument(): Promise<{ current: string; expected: string }> {
  const current = await readFile(securityFile, 'utf8');
  return { current, expected: withMatrix(current, renderMatrix(openApiRoutes())) };
}
