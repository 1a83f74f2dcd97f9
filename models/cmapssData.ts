import { readFileSync } from 'node:fs';
import path from 'node:path';
import { modelsDir } from '../config';
import type { RulCycle } from './rulFeatures';

/** The columns after unit_number in the C-MAPSS files, as the API and the model name them. */
export const CMAPSS_COLUMNS = ['time', 'opt_set1', 'opt_set2', 'opt_set3', ...Array.from({ length: 21 }, (_, i) => `s${i + 1}`)] as const;

/**
 * The engines of a committed C-MAPSS file (default: the FD001 training set), each as the
 * trajectory a caller of POST /ml/rul sends: one object per cycle, oldest first. For tests and the
 * bench; serving never reads these files.
 */
export function readCmapssEngines(file = path.join(modelsDir(), 'data/cmapss/train_FD001.txt')): Map<number, RulCycle[]> {
  const engines = new Map<number, RulCycle[]>();
  for (const line of readFileSync(file, 'utf8').trim().split('\n')) {
    const values = line.trim().split(/\s+/).map(Number);
    // The header line (unit_number time …) parses to NaN.
    if (!Number.isFinite(values[0])) continue;
    const row = Object.fromEntries(CMAPSS_COLUMNS.map((c, j) => [c, values[j + 1]!])) as RulCycle;
    const unit = values[0]!;
    const rows = engines.get(unit) ?? [];
    rows.push(row);
    engines.set(unit, rows);
  }
  return engines;
}
