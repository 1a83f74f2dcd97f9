/**
 * `npm run eval:rul`: prints the RUL model card's figures from the committed metrics file and
 * checks that the committed artifact, served by the TypeScript inference, reproduces the
 * predictions Python recorded for the fixture trajectories. Exits non-zero on any mismatch.
 * Needs no database or Temporal: only models/.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { releaseAllSessions } from '../models/onnxSession';
import { ManifestModelRegistry } from '../models/registry';
import type { RulCycle } from '../models/rulFeatures';
import { DEFAULT_RUL_MODEL, predictRulBatch } from '../models/rulModel';

const MODELS_DIR = path.resolve(__dirname, '../models');

interface FoldFigures {
  fold: number;
  engines: number;
  rmse: number;
  phm08_score: number;
  coverage: number;
  mean_interval_width: number;
  all_cycles_rmse: number;
}
interface Metrics {
  model: string;
  version: string;
  artifact_sha256: string;
  validation: { protocol: string };
  grouped_cv: Record<string, number>;
  per_fold: FoldFigures[];
}
interface Fixture {
  version: string;
  tolerance: number;
  columns: string[];
  cases: Array<{ unit: number; cycles: number; true_rul: number; trajectory: number[][]; rul: number; lower: number; upper: number }>;
}

const readJson = <T>(relative: string): T => JSON.parse(readFileSync(path.join(MODELS_DIR, relative), 'utf8')) as T;

async function run(): Promise<void> {
  const registry = new ManifestModelRegistry({ modelsDir: MODELS_DIR });
  const model = await registry.resolve(DEFAULT_RUL_MODEL);
  const metricsFile = String((model.entry as Record<string, unknown>)['metrics_file']);
  const metrics = readJson<Metrics>(metricsFile);
  const cv = metrics.grouped_cv;

  console.log(`${model.name} ${model.version} (${model.stage}), artifact sha256 ${model.entry.sha256}`);
  console.log(`validation: ${metrics.validation.protocol}`);
  console.log('fold  engines   RMSE   PHM08  coverage  width  all-cycles RMSE');
  for (const f of metrics.per_fold) {
    console.log(
      `${String(f.fold).padStart(4)}  ${String(f.engines).padStart(7)}  ${f.rmse.toFixed(2).padStart(5)}  ${f.phm08_score
        .toFixed(1)
        .padStart(6)}  ${f.coverage.toFixed(2).padStart(8)}  ${f.mean_interval_width.toFixed(1).padStart(5)}  ${f.all_cycles_rmse
        .toFixed(2)
        .padStart(15)}`,
    );
  }
  console.log(
    ` all  ${String(cv['engines']).padStart(7)}  ${cv['rmse']!.toFixed(2).padStart(5)}  ${cv['phm08_score']!.toFixed(1).padStart(6)}  ${cv[
      'coverage'
    ]!.toFixed(2).padStart(8)}  ${cv['mean_interval_width']!.toFixed(1).padStart(5)}  ${cv['all_cycles_rmse']!.toFixed(2).padStart(15)}`,
  );
  console.log(
    `RMSE fold mean ${cv['rmse_fold_mean']} ± ${cv['rmse_fold_std']}; RMSE on the ${cv['engines_true_rul_below_cap']} engines cut below the cap ` +
      `${cv['rmse_true_rul_below_cap']}; ${cv['interval_level']} interval coverage ${cv['coverage']} (all held-out cycles ${cv['all_cycles_coverage']})`,
  );

  const problems: string[] = [];
  if (metrics.artifact_sha256 !== model.entry.sha256) {
    problems.push(`metrics file is for artifact ${metrics.artifact_sha256}, the registry serves ${model.entry.sha256}`);
  }
  const fixture = readJson<Fixture>('fixtures/rul_reference.json');
  if (fixture.version !== model.version) problems.push(`fixtures are for version ${fixture.version}, not ${model.version}`);
  const trajectories = fixture.cases.map((c) =>
    c.trajectory.map((values) => Object.fromEntries(fixture.columns.map((name, j) => [name, values[j]!])) as RulCycle),
  );
  const predictions = await predictRulBatch(trajectories, { registry, modelVersion: model.version });
  console.log('\nfixture trajectories (unit, cycles seen): recorded vs served RUL [interval]');
  fixture.cases.forEach((c, i) => {
    const p = predictions[i]!;
    const gap = Math.max(Math.abs(p.rul - c.rul), Math.abs(p.interval.lower - c.lower), Math.abs(p.interval.upper - c.upper));
    const ok = gap <= fixture.tolerance;
    if (!ok) problems.push(`unit ${c.unit} cut at ${c.cycles}: served ${p.rul}, recorded ${c.rul} (gap ${gap})`);
    console.log(
      `${ok ? 'ok  ' : 'FAIL'} unit ${String(c.unit).padStart(3)} at ${String(c.cycles).padStart(3)}: ${c.rul.toFixed(4)} vs ${p.rul.toFixed(4)} ` +
        `[${p.interval.lower.toFixed(2)}, ${p.interval.upper.toFixed(2)}], true RUL ${c.true_rul}`,
    );
  });
  if (problems.length > 0) {
    console.error(`\n${problems.length} problem(s):\n${problems.join('\n')}`);
    process.exitCode = 1;
  } else {
    console.log(`\nthe committed artifact reproduces all ${fixture.cases.length} recorded predictions within ${fixture.tolerance}`);
  }
}

run()
  .catch((err) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(() => releaseAllSessions());
