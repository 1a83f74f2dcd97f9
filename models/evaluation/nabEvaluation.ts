/**
 * Runs the streaming detector over NAB files and scores it: corpus and per-group scores, NAB's
 * per-profile threshold optimisation, cross-validation by whole files, alarm rates. No I/O.
 */
import { StreamingAnomalyDetector, type StreamingDetectorConfig } from '../../stats/streaming/anomalyDetector';
import type { NabFile, NabGroup } from './nabCorpus';
import { buildRowTable, normalisedScore, scoreDetections, type CostProfile, type FileScore, type RowTable } from './nabScorer';

export interface FileEvidence {
  readonly file: NabFile;
  readonly table: RowTable;
  /** The detector's combined evidence per row, before the rest after a detection. */
  readonly evidence: Float64Array;
}

/** Streams one file through a fresh detector, row by row. */
export function runEvidence(file: NabFile, config: StreamingDetectorConfig): Float64Array {
  const detector = new StreamingAnomalyDetector(config);
  const evidence = new Float64Array(file.length);
  for (let i = 0; i < file.length; i++) evidence[i] = detector.update(file.values[i], file.timestamps[i]).evidence;
  return evidence;
}

export function runCorpus(files: readonly NabFile[], config: StreamingDetectorConfig): FileEvidence[] {
  return files.map((file) => ({ file, table: buildRowTable(file), evidence: runEvidence(file, config) }));
}

/**
 * The detections the detector makes at `threshold`: evidence >= threshold outside the rest period
 * after the previous detection. Equal to `StreamingAnomalyDetector.update(...).detected` (tested).
 */
export function detectionsAt(evidence: ArrayLike<number>, threshold: number, restPeriod: number): boolean[] {
  const detected = new Array<boolean>(evidence.length);
  let since = Number.POSITIVE_INFINITY;
  for (let i = 0; i < evidence.length; i++) {
    const hit = since >= restPeriod && evidence[i] >= threshold;
    detected[i] = hit;
    since = hit ? 0 : since + 1;
  }
  return detected;
}

export interface GroupScore {
  readonly group: string;
  readonly files: number;
  readonly windows: number;
  readonly raw: number;
  /** Normalised within the group (null for a group without windows). */
  readonly score: number | null;
  readonly tp: number;
  readonly fn: number;
  readonly fp: number;
}

export interface CorpusScore extends GroupScore {
  readonly perFile: { name: string; group: NabGroup; score: FileScore }[];
  readonly groups: GroupScore[];
}

function summarise(group: string, parts: { windows: number; score: FileScore }[], profile: CostProfile): GroupScore {
  let raw = 0;
  let windows = 0;
  let tp = 0;
  let fn = 0;
  let fp = 0;
  for (const p of parts) {
    raw += p.score.raw;
    windows += p.windows;
    tp += p.score.tp;
    fn += p.score.fn;
    fp += p.score.fp;
  }
  return { group, files: parts.length, windows, raw, score: windows > 0 ? normalisedScore(raw, windows, profile) : null, tp, fn, fp };
}

export function scoreCorpus(runs: readonly FileEvidence[], threshold: number, restPeriod: number, profile: CostProfile): CorpusScore {
  const perFile = runs.map((r) => ({
    name: r.file.name,
    group: r.file.group,
    windows: r.file.windows.length,
    score: scoreDetections(r.table, detectionsAt(r.evidence, threshold, restPeriod), profile),
  }));
  const groupNames = [...new Set(perFile.map((p) => p.group))];
  const groups = groupNames.map((g) =>
    summarise(
      g,
      perFile.filter((p) => p.group === g),
      profile,
    ),
  );
  return { ...summarise('all', perFile, profile), perFile: perFile.map(({ name, group, score }) => ({ name, group, score })), groups };
}

/** The threshold grid searched wherever a threshold is chosen: 0.20, 0.21, …, 1.00. */
export const THRESHOLD_GRID: readonly number[] = Array.from({ length: 81 }, (_, i) => Math.round((0.2 + i * 0.01) * 100) / 100);

/** raw[file][threshold index] for one evidence run and rest period. */
export function rawScoreMatrix(
  runs: readonly FileEvidence[],
  restPeriod: number,
  profile: CostProfile,
  thresholds = THRESHOLD_GRID,
): number[][] {
  return runs.map((r) => thresholds.map((t) => scoreDetections(r.table, detectionsAt(r.evidence, t, restPeriod), profile).raw));
}

/** NAB's convention: the one threshold (on the grid) that maximises the corpus score for a profile. */
export function bestThreshold(
  runs: readonly FileEvidence[],
  restPeriod: number,
  profile: CostProfile,
  thresholds = THRESHOLD_GRID,
): { threshold: number; score: number } {
  const m = rawScoreMatrix(runs, restPeriod, profile, thresholds);
  const windows = runs.reduce((a, r) => a + r.file.windows.length, 0);
  let best = { threshold: thresholds[0], score: Number.NEGATIVE_INFINITY };
  thresholds.forEach((t, j) => {
    const score = normalisedScore(
      m.reduce((a, row) => a + row[j], 0),
      windows,
      profile,
    );
    if (score > best.score + 1e-12) best = { threshold: t, score };
  });
  return best;
}

/**
 * Fold of each file: files sorted by name within each NAB group, dealt round-robin over k folds
 * continuing across groups, so every group is spread over the folds (stratified by group).
 */
export function stratifiedFolds(files: readonly { name: string; group: string }[], k: number): number[] {
  const order = files
    .map((f, i) => ({ f, i }))
    .sort((a, b) => (a.f.group === b.f.group ? a.f.name.localeCompare(b.f.name) : a.f.group.localeCompare(b.f.group)));
  const fold = new Array<number>(files.length);
  order.forEach(({ i }, j) => (fold[i] = j % k));
  return fold;
}

export interface Candidate {
  readonly name: string;
  readonly config: StreamingDetectorConfig;
}

export interface FoldResult {
  readonly fold: number;
  readonly files: number;
  readonly windows: number;
  readonly chosen: string;
  readonly threshold: number;
  /** Normalised score of the chosen setting on the training folds. */
  readonly trainScore: number;
  /** Held-out raw score and its normalisation within the fold (null: no windows). */
  readonly testRaw: number;
  readonly testScore: number | null;
}

export interface CrossValidation {
  readonly folds: FoldResult[];
  /** Held-out raw scores of all folds summed, normalised over all windows: the CV estimate. */
  readonly pooledScore: number;
}

/**
 * k-fold cross-validation by whole files: in each fold the candidate setting and the threshold are
 * chosen on the other folds' files (best normalised score) and scored on the fold's files.
 * `matrices[c][file][t]` are the raw scores of candidate c (from `rawScoreMatrix`).
 */
export function crossValidate(
  candidates: readonly string[],
  matrices: readonly number[][][],
  files: readonly NabFile[],
  k: number,
  profile: CostProfile,
  thresholds = THRESHOLD_GRID,
): CrossValidation {
  const fold = stratifiedFolds(files, k);
  const results: FoldResult[] = [];
  let pooledRaw = 0;
  for (let f = 0; f < k; f++) {
    const train = files.map((_, i) => i).filter((i) => fold[i] !== f);
    const test = files.map((_, i) => i).filter((i) => fold[i] === f);
    const trainWindows = train.reduce((a, i) => a + files[i].windows.length, 0);
    const testWindows = test.reduce((a, i) => a + files[i].windows.length, 0);
    let best = { c: 0, t: 0, score: Number.NEGATIVE_INFINITY };
    candidates.forEach((_, c) => {
      thresholds.forEach((_t, t) => {
        const score = normalisedScore(
          train.reduce((a, i) => a + matrices[c][i][t], 0),
          trainWindows,
          profile,
        );
        if (score > best.score + 1e-12) best = { c, t, score };
      });
    });
    const testRaw = test.reduce((a, i) => a + matrices[best.c][i][best.t], 0);
    pooledRaw += testRaw;
    results.push({
      fold: f,
      files: test.length,
      windows: testWindows,
      chosen: candidates[best.c],
      threshold: thresholds[best.t],
      trainScore: best.score,
      testRaw,
      testScore: testWindows > 0 ? normalisedScore(testRaw, testWindows, profile) : null,
    });
  }
  const windows = files.reduce((a, f) => a + f.windows.length, 0);
  return { folds: results, pooledScore: normalisedScore(pooledRaw, windows, profile) };
}

export interface AlarmRate {
  readonly alarms: number;
  readonly sensorDays: number;
  readonly perSensorDay: number;
}

/**
 * Alarms per sensor-day on the rows that are not anomalous: after the probationary period and
 * outside every labelled window (and outside the files' windows' immediate aftermath: the
 * `afterWindow` rows that follow each window). Detections closer than `cooldown` rows to the
 * previous counted alarm are the same alarm.
 */
export function alarmRate(
  runs: readonly { file: NabFile; table: RowTable; detections: readonly boolean[] }[],
  cooldown: number,
  afterWindow = 0,
): AlarmRate {
  let alarms = 0;
  let ms = 0;
  for (const { file, table, detections } of runs) {
    const quiet = new Array<boolean>(file.length).fill(true);
    for (let i = 0; i < file.length; i++) if (table.windowOf[i] !== -1) quiet[i] = false;
    for (const w of file.windows) for (let i = w.end + 1; i <= Math.min(file.length - 1, w.end + afterWindow); i++) quiet[i] = false;
    let last = Number.NEGATIVE_INFINITY;
    for (let i = 1; i < file.length; i++) {
      if (!quiet[i]) continue;
      ms += file.timestamps[i] - file.timestamps[i - 1];
      if (detections[i] && i - last >= cooldown) {
        alarms++;
        last = i;
      }
    }
  }
  const sensorDays = ms / 86_400_000;
  return { alarms, sensorDays, perSensorDay: sensorDays > 0 ? alarms / sensorDays : 0 };
}
