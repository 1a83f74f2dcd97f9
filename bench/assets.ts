import type postgres from 'postgres';
import { insertReadings } from '../db/readings';
import { ensureSites } from '../db/sites';
import type { NewReading } from '../domain/reading';
import { readCmapssEngines } from '../models/cmapssData';
import { attachSensorToAsset, createAsset } from '../usecases/assets';
import { ensureRoleSensors, writeEngineCycles } from '../usecases/assetRun';
import { evaluateAsset } from '../usecases/assetHealth';
import type { BenchSection } from './benchSection';
import { percentiles } from './load';

const ENGINES = 20;
const MILLS = 20;
const ROUNDS = 5;
const CONCURRENCY = 4;

const MILL_ROLES = { air_temperature: 300, process_temperature: 310, rotational_speed: 1500, torque: 40, tool_wear: 100 };

/** Registers the fleet: engines with their FD001 lives (cut at 150 cycles) and mills with one reading per role. */
export async function seedAssetFleet(sql: postgres.Sql, prefix: string, now = new Date()): Promise<string[]> {
  const ids: string[] = [];
  const engines = readCmapssEngines();
  // The fleet's site must exist before an asset can name it.
  await ensureSites([{ id: 'bench', name: 'Bench', time_zone: 'UTC' }], sql);
  for (let i = 0; i < ENGINES; i++) {
    const id = `${prefix}-engine-${i}`;
    await createAsset({ id, name: id, type_id: 'turbofan', site: 'bench', criticality: 3, metadata: {} }, sql);
    const life = Math.min(150, engines.get(i + 1)!.length);
    await ensureRoleSensors(id, sql, now, new Date(now.getTime() - life * 60_000));
    await writeEngineCycles(
      { assetId: id, unit: i + 1, fromCycle: 1, toCycle: life, anchor: now, lastCycle: life, cycleSeconds: 60, runId: 'bench' },
      sql,
    );
    ids.push(id);
  }
  for (let i = 0; i < MILLS; i++) {
    const id = `${prefix}-mill-${i}`;
    await createAsset({ id, name: id, type_id: 'milling_machine', site: 'bench', criticality: 2, metadata: {} }, sql);
    const rows: NewReading[] = [];
    for (const [role, value] of Object.entries(MILL_ROLES)) {
      const sensorId = `${id}.${role}`;
      await attachSensorToAsset(id, { sensorId, role, sensorType: 'torque', from: new Date(now.getTime() - 3_600_000) }, sql, now);
      rows.push({
        sensorId,
        ts: now,
        value: value + i,
        unit: null,
        quality: 1,
        sensorType: 'torque',
        metadata: {},
        correlationId: null,
        idempotencyKey: null,
      });
    }
    await insertReadings(rows, sql);
    ids.push(id);
  }
  return ids;
}

/** Health re-evaluations of a mixed fleet (RUL engines and AI4I mills) with a few evaluators at once, as the activity runs them. */
export async function measureReevaluation(sql: postgres.Sql, ids: string[], rounds = ROUNDS, concurrency = CONCURRENCY) {
  const work = Array.from({ length: rounds }, () => ids).flat();
  const latencies: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < work.length) {
        const id = work[next++]!;
        const s = performance.now();
        await evaluateAsset(id, sql, { now: new Date(), dedupKey: null });
        latencies.push(performance.now() - s);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  return { ...percentiles(latencies), assets_per_s: Math.round((work.length / seconds) * 10) / 10, evaluations: work.length, concurrency };
}

export const assetsSection: BenchSection = {
  name: 'assets',
  async run(stack) {
    const ids = await seedAssetFleet(stack.sql, 'bench');
    await measureReevaluation(stack.sql, ids, 1);
    const m = await measureReevaluation(stack.sql, ids);
    return {
      json: m,
      rows: [
        [
          `asset health re-evaluation (${ENGINES} RUL engines + ${MILLS} AI4I mills, ${CONCURRENCY} at once, in-process against PostgreSQL)`,
          `p50 ${m.p50} ms, p99 ${m.p99} ms`,
          `${m.assets_per_s} assets/s over ${m.evaluations} evaluations`,
        ],
      ],
    };
  },
};
