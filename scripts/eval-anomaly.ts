/**
 * `npm run eval:anomaly`: the streaming anomaly detector on NAB v1.1 (56 files, models/data/nab).
 * Prints the default configuration's scores (three profiles, per group), NAB's per-profile
 * threshold optimisation, a 5-fold cross-validated estimate by whole files, the published
 * detectors beside it, alarm rates and the sensitivity trade-off, and an ablation; writes the
 * per-file figures to models/evaluation/nab_results.json (the regression test compares against it).
 * Single process, about a minute on one core.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadNabCorpus, type NabFile } from '../models/evaluation/nabCorpus';
import {
  alarmRate,
  bestThreshold,
  crossValidate,
  detectionsAt,
  rawScoreMatrix,
  runCorpus,
  scoreCorpus,
  stratifiedFolds,
  type FileEvidence,
} from '../models/evaluation/nabEvaluation';
import { NAB_PROFILES, PROFILE_NAMES, optimiseThreshold } from '../models/evaluation/nabScorer';
import { nabAlarms } from '../models/evaluation/nabAlarms';
import { DEFAULT_CONFIG, restStep, thresholdFor, type StreamingDetectorConfig } from '../stats/streaming/anomalyDetector';

const RESULTS_PATH = resolve(import.meta.dirname, '../models/evaluation/nab_results.json');
const standard = NAB_PROFILES.standard;

/** Published detectors on these 56 files, standard profile (datasets README, from NAB's own results). */
const PUBLISHED: [string, number][] = [
  ['ARTime', 74.3],
  ['CAD OSE', 71.2],
  ['Numenta HTM', 70.9],
  ['KNN CAD', 60.1],
  ['Skyline', 57.2],
  ['Random Cut Forest', 52.0],
  ['Windowed Gaussian', 41.8],
  ['null (never fires)', 0],
];

const f1 = (x: number | null): string => (x === null ? '–' : x.toFixed(1));
const f3 = (x: number): string => x.toFixed(3);

function table(header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function withConfig(patch: Partial<StreamingDetectorConfig>): StreamingDetectorConfig {
  return { ...DEFAULT_CONFIG, ...patch, weights: { ...DEFAULT_CONFIG.weights, ...patch.weights } };
}

/** The detector's output score per row (the evidence, 0 while resting after a detection). */
function restedScores(evidence: Float64Array, threshold: number, restPeriod: number): Float64Array {
  const scores = new Float64Array(evidence.length);
  let since: number | null = null;
  for (let i = 0; i < evidence.length; i++) {
    const step = restStep(since, evidence[i], threshold, restPeriod);
    scores[i] = step.score;
    since = step.sinceDetection;
  }
  return scores;
}

function quietRates(
  runs: readonly FileEvidence[],
  threshold: number,
  restPeriod: number,
): { clean: number; quiet: number; alarms: number; days: number } {
  const withDetections = runs.map((r) => ({ ...r, detections: detectionsAt(r.evidence, threshold, restPeriod) }));
  const clean = alarmRate(
    withDetections.filter((r) => r.file.windows.length === 0),
    restPeriod,
  );
  const quiet = alarmRate(withDetections, restPeriod);
  return { clean: clean.perSensorDay, quiet: quiet.perSensorDay, alarms: quiet.alarms, days: quiet.sensorDays };
}

async function run(): Promise<void> {
  const started = Date.now();
  const files: NabFile[] = loadNabCorpus();
  const windows = files.reduce((a, f) => a + f.windows.length, 0);
  const cfg: StreamingDetectorConfig = { ...DEFAULT_CONFIG };
  const runs = runCorpus(files, cfg);
  const out: string[] = [];
  out.push(`NAB v1.1: ${files.length} files, ${windows} windows, ${files.reduce((a, f) => a + f.length, 0)} readings\n`);

  // 1. Default configuration, default threshold, three profiles; and NAB's per-profile optimisation.
  const byProfile = PROFILE_NAMES.map((p) => ({ p, s: scoreCorpus(runs, cfg.threshold, cfg.restPeriod, NAB_PROFILES[p]) }));
  const optimised = PROFILE_NAMES.map((p) => ({ p, o: bestThreshold(runs, cfg.restPeriod, NAB_PROFILES[p]) }));
  // What NAB's own optimiser would report from a results file of the default detector's scores
  // (0 while resting): an exact sweep of one fixed score stream.
  const scoreStreams = runs.map((r) => ({ table: r.table, scores: restedScores(r.evidence, cfg.threshold, cfg.restPeriod) }));
  const nabSweep = PROFILE_NAMES.map((p) => optimiseThreshold(scoreStreams, NAB_PROFILES[p]));
  out.push('## Default configuration, all 56 files\n');
  out.push(
    table(
      [
        'profile',
        `score at the default threshold ${cfg.threshold}`,
        'TP windows',
        'FN windows',
        'FP detections',
        'NAB convention: best threshold',
        'score there',
        "NAB's sweep of the default score stream: threshold",
        'score there',
      ],
      byProfile.map(({ p, s }, i) => [
        p,
        f1(s.score),
        s.tp,
        s.fn,
        s.fp,
        optimised[i].o.threshold.toFixed(2),
        f1(optimised[i].o.score),
        nabSweep[i].threshold.toFixed(3),
        f1(nabSweep[i].normalised),
      ]),
    ),
  );

  // 2. Per group, standard profile, default threshold.
  const std = byProfile[0].s;
  out.push('\n## Per group (standard profile, default threshold; normalised within the group)\n');
  out.push(
    table(
      ['group', 'files', 'windows', 'score', 'TP', 'FN', 'FP'],
      [...std.groups, std].map((g) => [g.group, g.files, g.windows, f1(g.score), g.tp, g.fn, g.fp]),
    ),
  );

  // 3. Cross-validation by whole files: setting and threshold chosen on 4 folds, scored on the 5th.
  const candidateSpecs: { name: string; patch: Partial<StreamingDetectorConfig> }[] = [];
  for (const [lname, levels] of [
    ['5 grids', [12, 8, 10, 14, 16]],
    ['1 grid', [12]],
  ] as const) {
    for (const seasonal of [0, 1, 1.3]) {
      for (const restPeriod of [70, 100]) {
        candidateSpecs.push({
          name: `${lname}, weekly ${seasonal}, rest ${restPeriod}`,
          patch: { levels: [...levels], weights: { ...DEFAULT_CONFIG.weights, seasonalLikelihood: seasonal }, restPeriod },
        });
      }
    }
  }
  const evidenceCache = new Map<string, FileEvidence[]>();
  const evidenceFor = (c: StreamingDetectorConfig): FileEvidence[] => {
    const key = JSON.stringify({ ...c, restPeriod: 0, threshold: 0 });
    let r = evidenceCache.get(key);
    if (!r) {
      r = runCorpus(files, c);
      evidenceCache.set(key, r);
    }
    return r;
  };
  evidenceCache.set(JSON.stringify({ ...cfg, restPeriod: 0, threshold: 0 }), runs);
  const candidates = candidateSpecs.map((s) => ({ name: s.name, config: withConfig(s.patch) }));
  const matrices = candidates.map((c) => rawScoreMatrix(evidenceFor(c.config), c.config.restPeriod, standard));
  const cv = crossValidate(
    candidates.map((c) => c.name),
    matrices,
    files,
    5,
    standard,
  );
  const defaultIndex = candidates.findIndex((c) => JSON.stringify(c.config) === JSON.stringify(withConfig({})));
  const cvThresholdOnly = crossValidate([candidates[defaultIndex].name], [matrices[defaultIndex]], files, 5, standard);
  const fold = stratifiedFolds(files, 5);
  out.push('\n## 5-fold cross-validation by whole files (stratified by group), standard profile\n');
  out.push(`Candidates: ${candidates.length} settings (${candidates.map((c) => c.name).join('; ')}) × ${81} thresholds (0.20–1.00).\n`);
  out.push(
    table(
      [
        'fold',
        'files',
        'windows',
        'chosen on the other 4 folds',
        'threshold',
        'train score',
        'held-out score',
        'threshold only: thr',
        'held-out',
      ],
      cv.folds.map((r, i) => [
        r.fold + 1,
        r.files,
        r.windows,
        r.chosen,
        r.threshold.toFixed(2),
        f1(r.trainScore),
        f1(r.testScore),
        cvThresholdOnly.folds[i].threshold.toFixed(2),
        f1(cvThresholdOnly.folds[i].testScore),
      ]),
    ),
  );
  out.push(
    `\nCV estimate (held-out raw scores of the 5 folds summed, normalised over all ${windows} windows): ` +
      `setting + threshold chosen per fold ${f1(cv.pooledScore)}; default setting, threshold chosen per fold ${f1(cvThresholdOnly.pooledScore)}.`,
  );
  out.push(`Folds: ${[0, 1, 2, 3, 4].map((k) => `${k + 1}: ${files.filter((_, i) => fold[i] === k).length} files`).join(', ')}.`);

  // 4. Beside the published detectors.
  out.push('\n## Beside the published detectors (standard profile, these 56 files)\n');
  const rows: [string, string, string][] = [
    ['this detector, default configuration (threshold fixed in advance)', f1(std.score), 'all 56 files (tuned on them)'],
    ['this detector, NAB convention (threshold optimised on the corpus)', f1(optimised[0].o.score), 'all 56 files (tuned on them)'],
    ['this detector, 5-fold CV estimate', f1(cv.pooledScore), 'held-out files'],
    ...PUBLISHED.map(([n, s]): [string, string, string] => [n, s.toFixed(1), 'NAB results, threshold optimised on the corpus']),
  ];
  out.push(
    table(
      ['detector', 'standard', 'how'],
      rows.map((r) => [...r]),
    ),
  );

  // 5. Alarm rates and the sensitivity trade-off.
  out.push('\n## Alarms per sensor-day and sensitivity (standard profile)\n');
  out.push(
    'Alarms: detections on non-anomalous rows (after the probationary period, outside labelled windows), detections within the ' +
      `rest period (${cfg.restPeriod} readings) of the previous one counted once. "clean files": the ${files.filter((f) => f.windows.length === 0).length} files without any window.\n`,
  );
  const sensRows = [0, 0.25, 0.5, 0.75, 1].map((s) => {
    const thr = thresholdFor(cfg, s);
    const sc = scoreCorpus(runs, thr, cfg.restPeriod, standard);
    const q = quietRates(runs, thr, cfg.restPeriod);
    return [s, f3(thr), f1(sc.score), sc.tp, sc.fp, f3(q.clean), f3(q.quiet), `${q.alarms} / ${q.days.toFixed(0)}`];
  });
  out.push(
    table(
      [
        'sensitivity',
        'threshold',
        'standard score',
        'TP windows',
        'FP',
        'alarms/sensor-day, clean files',
        'alarms/sensor-day, quiet rows of all files',
        'alarms / sensor-days',
      ],
      sensRows,
    ),
  );

  // 6. Alarms as operators see them: detections grouped by the platform's alarm grouper, and the
  // alarm-management KPIs of the corpus as one operator's plant (all 56 sensors started together).
  const grouped = nabAlarms(runs, cfg.threshold);
  const k = grouped.kpis;
  out.push('\n## Alarms (grouped as the platform raises them) and alarm-management KPIs\n');
  out.push(
    'Detections go through domain/alarmGrouping.ts (deadband or on-delay to open, hysteresis, cooldown), after each ' +
      "file's probationary period. KPIs (domain/alarmKpis.ts, EEMUA 191 / ISA-18.2): the 56 files as one operator's plant, " +
      'every file one sensor, all started at the same instant.\n',
  );
  out.push(
    table(
      ['figure', 'value'],
      [
        ['alarms', grouped.alarms],
        [
          'alarms starting inside a labelled window',
          `${grouped.inWindows} (${grouped.windowsWithAlarm} of ${grouped.windows} windows raised one)`,
        ],
        ['alarms per sensor-day, all files', f3(grouped.perSensorDay)],
        [
          'alarms per sensor-day, clean files',
          `${f3(grouped.clean.perSensorDay)} (${grouped.clean.alarms} in ${grouped.clean.sensorDays.toFixed(0)} sensor-days)`,
        ],
        ['period (plant hours)', k.period.hours],
        ['alarms per operator-hour (EEMUA: ≤ 6 very likely acceptable)', k.per_operator_hour],
        ['alarms per day (IEC 62682: about 144)', k.per_day],
        ['peak alarms in any 10 minutes (flood: > 10)', k.peak_10_minutes],
        ['share of 10-minute periods in flood (target < 1 %)', `${(k.flood_share * 100).toFixed(2)} %`],
        ['chattering alarms (same sensor again within 1 min)', `${k.chattering.alarms} on ${k.chattering.sensors} sensors`],
        ['stale alarms (open over 24 h)', `${k.stale} (NAB has no operator: alarms count as cleared at once)`],
        ['time to acknowledge', 'n/a (no operator)'],
        [
          'top contributors',
          k.top_contributors
            .slice(0, 5)
            .map((c) => `${c.sensor_id} ${c.alarms}`)
            .join('; '),
        ],
      ],
    ),
  );

  // 7. Ablation: each component's contribution (standard profile).
  out.push('\n## Ablation (standard profile; each row changes the default in one way)\n');
  const ablations: [string, Partial<StreamingDetectorConfig>][] = [
    ['default', {}],
    ['without grid novelty', { weights: { ...DEFAULT_CONFIG.weights, grid: 0 } }],
    ['without spatial novelty', { weights: { ...DEFAULT_CONFIG.weights, spatial: 0 } }],
    ['without sequence likelihood', { weights: { ...DEFAULT_CONFIG.weights, sequenceLikelihood: 0 } }],
    ['short window 10 instead of 20', { shortWindow: 10 }],
    ['novelty not rate-calibrated (noveltyDecay 0)', { noveltyDecay: 0 }],
    ['one grid (12 cells) instead of 5', { levels: [12] }],
    ['no rest after a detection', { restPeriod: 0 }],
    ['+ prediction-error likelihood', { weights: { ...DEFAULT_CONFIG.weights, errorLikelihood: 1 } }],
    ['without weekly-context likelihood', { weights: { ...DEFAULT_CONFIG.weights, seasonalLikelihood: 0 } }],
    ['daily instead of weekly context', { seasonWeekly: false }],
    ['+ rolling-mean (32) novelty', { features: [{ kind: 'mean', window: 32 }], weights: { ...DEFAULT_CONFIG.weights, features: 1 } }],
    ['mean instead of max combiner', { combiner: 'mean' }],
  ];
  out.push(
    table(
      ['variant', 'at default threshold', 'best threshold', 'score there'],
      ablations.map(([name, patch]) => {
        const c = withConfig(patch);
        const ev = evidenceFor(c);
        const atDefault = scoreCorpus(ev, cfg.threshold, c.restPeriod, standard);
        const best = bestThreshold(ev, c.restPeriod, standard);
        return [name, f1(atDefault.score), best.threshold.toFixed(2), f1(best.score)];
      }),
    ),
  );

  const seconds = (Date.now() - started) / 1000;
  out.push(`\n(${seconds.toFixed(0)} s)`);
  console.log(out.join('\n'));

  writeFileSync(
    RESULTS_PATH,
    JSON.stringify(
      {
        note: 'Written by `npm run eval:anomaly`; test/models/nabDetectorRegression.test.ts checks a few files against it.',
        config: cfg,
        standard: { threshold: cfg.threshold, score: std.score, tp: std.tp, fn: std.fn, fp: std.fp },
        profiles: Object.fromEntries(
          byProfile.map(({ p, s }, i) => [p, { score: s.score, bestThreshold: optimised[i].o.threshold, bestScore: optimised[i].o.score }]),
        ),
        alarms: {
          grouped: grouped.alarms,
          perSensorDay: grouped.perSensorDay,
          cleanPerSensorDay: grouped.clean.perSensorDay,
          windowsWithAlarm: grouped.windowsWithAlarm,
          kpis: { ...grouped.kpis, benchmarks: undefined },
        },
        crossValidation: { pooledScore: cv.pooledScore, thresholdOnlyPooledScore: cvThresholdOnly.pooledScore, folds: cv.folds },
        perFile: Object.fromEntries(std.perFile.map((p) => [p.name, p.score])),
      },
      null,
      1,
    ) + '\n',
  );
}

run().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
