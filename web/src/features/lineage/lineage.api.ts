import { api, unwrap, type ApiBody } from '../../api/http';
import { LINEAGE_COLUMN, type LineageKind } from '../../../../domain/lineage';

export type LineageGraph = ApiBody<'/api/v1/lineage/{kind}/{id}', 'get'>;
export type LineageNode = LineageGraph['nodes'][number];
export type LineageEdge = LineageGraph['edges'][number];
export type { LineageKind };

export async function getLineage(kind: LineageKind, id: string): Promise<LineageGraph> {
  return (await unwrap(api.GET('/api/v1/lineage/{kind}/{id}', { params: { path: { kind, id } } }))).data;
}

export interface PlacedNode {
  node: LineageNode;
  x: number;
  y: number;
}

/**
 * Left to right in the chain's order (domain/lineage.ts LINEAGE_COLUMN); nodes sharing a column are
 * stacked in the order the API sent them (oldest first). Empty columns collapse, so a run without
 * an order does not leave a gap.
 */
export function layoutLineage(nodes: readonly LineageNode[], spacing = { x: 300, y: 110 }): PlacedNode[] {
  const columns = [...new Set(nodes.map((n) => LINEAGE_COLUMN[n.kind]))].sort((a, b) => a - b);
  const rows = new Map<number, number>();
  return nodes.map((node) => {
    const column = columns.indexOf(LINEAGE_COLUMN[node.kind]);
    const row = rows.get(column) ?? 0;
    rows.set(column, row + 1);
    return { node, x: column * spacing.x, y: row * spacing.y };
  });
}
