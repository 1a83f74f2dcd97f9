/**
 * Causal streaming anomaly detector: one instance, and one plain-JSON state, per sensor. Reading t
 * is scored from readings 0..t−1 of the same sensor only, then learned; every update is O(1) in the
 * stream length (O(window) for the derived features, O(number of grids) for the grids).
 *
 * Evidence, each in [0, 1] (the card, models/cards/streaming_anomaly_detector.md, has the
 * measurements behind every choice):
 *  - grid: the reading falls in a cell of a value grid it never visited. Grids are learned on the
 *    first `learnReadings` readings (the range cut into `levels[i]` cells) and then frozen; cells
 *    beyond the range have the same size. Several resolutions, averaged, so no single cell size
 *    decides. A novel cell scores 1/(1 + r)^noveltyDecay, r = recent novel cells (EW count over
 *    `noveltyMemory` readings): a heavy-tailed or growing sensor that keeps reaching new cells
 *    earns less from each one (this alone removed about half of the false alarms on NAB).
 *  - spatial: beyond the range of everything seen so far by `spatialTolerance` of that range (the
 *    "spatial anomaly" of NAB's HTM detector), calibrated the same way.
 *  - sequenceLikelihood: surprise of the transition between grid cells, 1 − P(cell | previous cell)
 *    from counts so far, turned into an anomaly likelihood in the spirit of HTM's (Ahmad et al.
 *    2017): the average of the last `shortWindow` surprises against its long-run distribution.
 *  - seasonalLikelihood: the same likelihood of the surprise of the cell given the hour of the
 *    week, 1 − P(cell | hour of week) (needs timestamps; catches a holiday that looks like a Sunday).
 *  - optional, off by default because they did not pay on NAB: derived-feature novelty (rolling
 *    mean/std/mean |diff| on their own grids) and the likelihood of a prediction error against an
 *    EW baseline.
 * The score is the weighted max of the evidence, set to 0 for `restPeriod` readings after a
 * detection (one alarm per incident; NAB rewards only the earliest detection of a window).
 */
import { type LikelihoodState, newLikelihood, updateLikelihood } from './components';

export type FeatureKind = 'mean' | 'std' | 'absdiff';

export interface ComponentWeights {
  grid: number;
  spatial: number;
  sequenceLikelihood: number;
  features: number;
  errorLikelihood: number;
  seasonalLikelihood: number;
}

export type Components = { [K in keyof ComponentWeights]: number };

export interface StreamingDetectorConfig {
  /** Readings that learn the grids before anything is scored. */
  learnReadings: number;
  /** Cells across the learned range, one grid per entry; the first grid also feeds the sequence model. */
  levels: number[];
  /** Novelty calibration: EW memory (readings) of the count of recent novel cells, and its exponent. */
  noveltyMemory: number;
  noveltyDecay: number;
  /** Spatial novelty: beyond the range seen so far by this fraction of it. */
  spatialTolerance: number;
  /** Anomaly likelihood: short average window, EW weight of its long-run distribution, warm-up readings. */
  shortWindow: number;
  longAlpha: number;
  likelihoodWarmup: number;
  /** Optional derived features of the last `window` readings, each on its own learned grid. */
  features: { kind: FeatureKind; window: number }[];
  /** Optional prediction error |x − EW mean| / EW mean absolute deviation, clipped at zClip. */
  errorAlpha: number;
  zClip: number;
  /** Seasonal context: minutes per bucket of the day or week. */
  seasonMinutes: number;
  /** Seasonal context per day of the week (true) or per day (false). */
  seasonWeekly: boolean;
  weights: ComponentWeights;
  combiner: 'max' | 'mean';
  /** Detection threshold on the score at sensitivity 0.5; sensitivity s uses threshold^(2s). */
  threshold: number;
  /** After a detection, further detections are suppressed for this many readings. */
  restPeriod: number;
}

/** The default configuration, chosen on NAB (see the card for how, and for its cross-validated score). */
export const DEFAULT_CONFIG: Readonly<StreamingDetectorConfig> = Object.freeze({
  learnReadings: 200,
  levels: [12, 8, 10, 14, 16],
  noveltyMemory: 1000,
  noveltyDecay: 0.5,
  spatialTolerance: 0.1,
  shortWindow: 20,
  longAlpha: 0.001,
  likelihoodWarmup: 300,
  features: [],
  errorAlpha: 0.01,
  zClip: 8,
  seasonMinutes: 60,
  seasonWeekly: true,
  weights: { grid: 1, spatial: 1, sequenceLikelihood: 1, features: 0, errorLikelihood: 0, seasonalLikelihood: 1.3 },
  combiner: 'max',
  threshold: 0.38,
  restPeriod: 70,
});

interface Grid {
  min: number;
  step: number;
  /** Visits per cell index. */
  seen: Record<string, number>;
  /** EW count of recent first visits. */
  recentNovel: number;
}

export interface DetectorState {
  version: 1;
  /** Readings seen. */
  n: number;
  /** Values (and feature values) held until the grids are learned. */
  learn: number[];
  learnFeatures: number[][];
  grids: Grid[];
  featureGrids: Grid[];
  featureRecentNovel: number;
  /** The last max(feature window) readings. */
  history: number[];
  allMin: number | null;
  allMax: number | null;
  spatialRecentNovel: number;
  prevCell: number | null;
  transitions: Record<string, number>;
  sequenceLik: LikelihoodState;
  errMean: number;
  errAbsDev: number;
  errCount: number;
  errorLik: LikelihoodState;
  seasonal: Record<string, number>;
  seasonalLik: LikelihoodState;
  /** Readings since the last detection (null = none yet). */
  sinceDetection: number | null;
}

export interface ReadingScore {
  /** Combined evidence in [0, 1], before suppression. */
  evidence: number;
  /** The detector's score in [0, 1]: the evidence, or 0 while resting after a detection. */
  score: number;
  /** score >= this sensor's threshold. */
  detected: boolean;
  components: Components;
}

const COMPONENT_KEYS: readonly (keyof ComponentWeights)[] = [
  'grid',
  'spatial',
  'sequenceLikelihood',
  'features',
  'errorLikelihood',
  'seasonalLikelihood',
];

/** Weighted max (the default) or weighted mean of the evidence, in [0, 1]. */
export function combineComponents(c: Components, w: ComponentWeights, combiner: 'max' | 'mean'): number {
  let evidence = 0;
  if (combiner === 'max') {
    for (const k of COMPONENT_KEYS) evidence = Math.max(evidence, w[k] * c[k]);
    return Math.min(1, evidence);
  }
  let total = 0;
  for (const k of COMPONENT_KEYS) {
    evidence += w[k] * c[k];
    total += w[k];
  }
  return total > 0 ? evidence / total : 0;
}

/** One step of the suppression after a detection; while resting the score is 0. */
export function restStep(
  sinceDetection: number | null,
  evidence: number,
  threshold: number,
  restPeriod: number,
): { score: number; detected: boolean; sinceDetection: number | null } {
  const resting = sinceDetection !== null && sinceDetection < restPeriod;
  const score = resting ? 0 : evidence;
  const detected = score >= threshold;
  return { score, detected, sinceDetection: detected ? 0 : sinceDetection === null ? null : sinceDetection + 1 };
}

/**
 * The threshold for a per-sensor sensitivity in [0, 1]: threshold^(2·sensitivity). 0.5 is the
 * default threshold, 0 only fires on the strongest evidence (1), 1 squares the threshold.
 * Strictly decreasing in sensitivity, so more sensitivity never means fewer alarms.
 */
export function thresholdFor(config: Pick<StreamingDetectorConfig, 'threshold'>, sensitivity: number): number {
  if (!(sensitivity >= 0 && sensitivity <= 1)) throw new RangeError(`sensitivity must be in [0, 1], got ${sensitivity}`);
  return config.threshold ** (2 * sensitivity);
}

function learnGrid(values: readonly number[], levels: number): Grid {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (!Number.isFinite(lo)) lo = hi = 0;
  // A constant history: cells of 1 % of its magnitude (or of 1), so any change is novel.
  const step = hi > lo ? (hi - lo) / (levels - 1) : Math.abs(hi) > 0 ? Math.abs(hi) / 100 : 1;
  const grid: Grid = { min: lo, step, seen: {}, recentNovel: 0 };
  for (const v of values) visit(grid, cellOf(grid, v));
  return grid;
}

function cellOf(grid: Grid, v: number): number {
  return Math.floor((v - grid.min) / grid.step);
}

/** Records a visit; returns the visits before this one. */
function visit(grid: Grid, cell: number): number {
  const before = grid.seen[cell] ?? 0;
  grid.seen[cell] = before + 1;
  return before;
}

function featureValue(kind: FeatureKind, h: readonly number[], window: number): number {
  const start = h.length - window;
  let mean = 0;
  for (let i = start; i < h.length; i++) mean += h[i];
  mean /= window;
  if (kind === 'mean') return mean;
  let acc = 0;
  if (kind === 'std') {
    for (let i = start; i < h.length; i++) acc += (h[i] - mean) ** 2;
    return Math.sqrt(acc / window);
  }
  for (let i = start + 1; i < h.length; i++) acc += Math.abs(h[i] - h[i - 1]);
  return acc / (window - 1);
}

function initialState(config: StreamingDetectorConfig): DetectorState {
  return {
    version: 1,
    n: 0,
    learn: [],
    learnFeatures: config.features.map(() => []),
    grids: [],
    featureGrids: [],
    featureRecentNovel: 0,
    history: [],
    allMin: null,
    allMax: null,
    spatialRecentNovel: 0,
    prevCell: null,
    transitions: {},
    sequenceLik: newLikelihood(),
    errMean: 0,
    errAbsDev: 0,
    errCount: 0,
    errorLik: newLikelihood(),
    seasonal: {},
    seasonalLik: newLikelihood(),
    sinceDetection: null,
  };
}

export class StreamingAnomalyDetector {
  private readonly s: DetectorState;
  /** This sensor's detection threshold (from its sensitivity). */
  readonly threshold: number;

  constructor(
    readonly config: StreamingDetectorConfig = DEFAULT_CONFIG,
    readonly sensitivity = 0.5,
    state?: DetectorState,
    /** False when the caller hands the state over (see `adopt`). */
    copy = true,
  ) {
    if (config.levels.length === 0 || config.levels.some((l) => !(l >= 2))) throw new RangeError('levels: one or more grids of >= 2 cells');
    this.threshold = thresholdFor(config, sensitivity);
    this.s = state ? (copy ? structuredClone(state) : state) : initialState(config);
  }

  /** Plain JSON: persist it per sensor, restore with `fromJSON` and the same config. */
  toJSON(): DetectorState {
    return structuredClone(this.s);
  }

  static fromJSON(state: DetectorState, config: StreamingDetectorConfig = DEFAULT_CONFIG, sensitivity = 0.5): StreamingAnomalyDetector {
    if (state?.version !== 1) throw new Error(`unsupported detector state version ${String(state?.version)}`);
    return new StreamingAnomalyDetector(config, sensitivity, state);
  }

  /**
   * Like `fromJSON`, but takes the state over instead of copying it: the detector updates that very
   * object. For a caller that owns the state and will not use it otherwise (one just parsed from the
   * database, or kept in memory between scoring passes): a state of a learned sensor is several
   * kilobytes, and copying it for every reading was most of a single reading's scoring cost.
   */
  static adopt(state: DetectorState, config: StreamingDetectorConfig = DEFAULT_CONFIG, sensitivity = 0.5): StreamingAnomalyDetector {
    if (state?.version !== 1) throw new Error(`unsupported detector state version ${String(state?.version)}`);
    return new StreamingAnomalyDetector(config, sensitivity, state, false);
  }

  /** The state as JSON text, the same document as `toJSON()` without its intermediate copy. */
  serialize(): string {
    return JSON.stringify(this.s);
  }

  /** Readings seen so far. */
  get readings(): number {
    return this.s.n;
  }

  /**
   * Scores one reading (then learns it). `timestamp` (epoch ms, UTC) feeds the seasonal component;
   * without it that component stays 0. A non-finite value scores 0 and is not learned.
   */
  update(value: number, timestamp?: number): ReadingScore {
    if (!Number.isFinite(value)) {
      const zero: Components = { grid: 0, spatial: 0, sequenceLikelihood: 0, features: 0, errorLikelihood: 0, seasonalLikelihood: 0 };
      return { evidence: 0, score: 0, detected: false, components: zero };
    }
    const components = this.components(value, timestamp);
    const evidence = combineComponents(components, this.config.weights, this.config.combiner);
    const step = restStep(this.s.sinceDetection, evidence, this.threshold, this.config.restPeriod);
    this.s.sinceDetection = step.sinceDetection;
    return { evidence, score: step.score, detected: step.detected, components };
  }

  /** 1/(1 + recent)^decay for a novel event, 0 otherwise; returns the updated recent count too. */
  private calibrate(recent: number, novel: boolean): [score: number, recent: number] {
    const cfg = this.config;
    const next = recent * (1 - 1 / cfg.noveltyMemory) + (novel ? 1 : 0);
    return [novel ? 1 / (1 + recent) ** cfg.noveltyDecay : 0, next];
  }

  private components(value: number, timestamp: number | undefined): Components {
    const cfg = this.config;
    const s = this.s;
    s.n++;
    const out: Components = { grid: 0, spatial: 0, sequenceLikelihood: 0, features: 0, errorLikelihood: 0, seasonalLikelihood: 0 };

    const maxWindow = cfg.features.reduce((m, f) => Math.max(m, f.window), 1);
    s.history.push(value);
    if (s.history.length > maxWindow) s.history.shift();
    const feats = cfg.features.map((f) => (s.history.length >= f.window ? featureValue(f.kind, s.history, f.window) : null));

    // Grids: learned on the first readings, then frozen.
    let cell: number | null = null;
    if (s.grids.length === 0) {
      s.learn.push(value);
      feats.forEach((v, i) => v !== null && s.learnFeatures[i].push(v));
      if (s.n >= cfg.learnReadings) {
        s.grids = cfg.levels.map((l) => learnGrid(s.learn, l));
        s.featureGrids = s.learnFeatures.map((vals) => learnGrid(vals, cfg.levels[0]));
        s.learn = [];
        s.learnFeatures = [];
      }
    } else {
      for (const g of s.grids) {
        const c = cellOf(g, value);
        const [score, recent] = this.calibrate(g.recentNovel, visit(g, c) === 0);
        g.recentNovel = recent;
        out.grid += score / s.grids.length;
      }
      cell = cellOf(s.grids[0], value);
      let featureNovel = false;
      feats.forEach((v, i) => {
        if (v !== null && visit(s.featureGrids[i], cellOf(s.featureGrids[i], v)) === 0) featureNovel = true;
      });
      [out.features, s.featureRecentNovel] = this.calibrate(s.featureRecentNovel, featureNovel);
    }

    // Spatial novelty against the whole past range.
    if (s.allMin === null || s.allMax === null) {
      s.allMin = value;
      s.allMax = value;
    } else {
      if (s.n > cfg.learnReadings) {
        const tol = (s.allMax - s.allMin) * cfg.spatialTolerance;
        const beyond = s.allMax > s.allMin && (value > s.allMax + tol || value < s.allMin - tol);
        [out.spatial, s.spatialRecentNovel] = this.calibrate(s.spatialRecentNovel, beyond);
      }
      s.allMin = Math.min(s.allMin, value);
      s.allMax = Math.max(s.allMax, value);
    }

    // Sequence surprise on the first grid's cells, then its likelihood.
    if (cell !== null) {
      let surprise = 0;
      if (s.prevCell !== null) {
        const key = `${s.prevCell}>${cell}`;
        const from = `${s.prevCell}>`;
        surprise = 1 - (s.transitions[key] ?? 0) / ((s.transitions[from] ?? 0) + 1);
        s.transitions[key] = (s.transitions[key] ?? 0) + 1;
        s.transitions[from] = (s.transitions[from] ?? 0) + 1;
      }
      s.prevCell = cell;
      out.sequenceLikelihood = updateLikelihood(s.sequenceLik, surprise, cfg.shortWindow, cfg.longAlpha, cfg.likelihoodWarmup);

      if (cfg.weights.seasonalLikelihood > 0 && timestamp !== undefined) {
        // Minutes into the week (epoch day 0 was a Thursday; the offset does not matter for counting).
        const minuteOfWeek = (((Math.floor(timestamp / 60_000) % 10_080) + 10_080) % 10_080) % (cfg.seasonWeekly ? 10_080 : 1440);
        const bucket = Math.floor(minuteOfWeek / cfg.seasonMinutes);
        const key = `${bucket}:${cell}`;
        const from = `${bucket}:`;
        const seasonalSurprise = 1 - (s.seasonal[key] ?? 0) / ((s.seasonal[from] ?? 0) + 1);
        s.seasonal[key] = (s.seasonal[key] ?? 0) + 1;
        s.seasonal[from] = (s.seasonal[from] ?? 0) + 1;
        out.seasonalLikelihood = updateLikelihood(s.seasonalLik, seasonalSurprise, cfg.shortWindow, cfg.longAlpha, cfg.likelihoodWarmup);
      }
    }

    if (cfg.weights.errorLikelihood > 0) {
      let err = 0;
      if (s.errCount > 10) err = Math.min(1, Math.abs(value - s.errMean) / (s.errAbsDev + 1e-9) / cfg.zClip);
      const a = Math.max(cfg.errorAlpha, 1 / (s.errCount + 1));
      const d = value - s.errMean;
      s.errMean += a * d;
      s.errAbsDev += a * (Math.abs(d) - s.errAbsDev);
      s.errCount++;
      out.errorLikelihood = updateLikelihood(s.errorLik, err, cfg.shortWindow, cfg.longAlpha, cfg.likelihoodWarmup);
    }
    return out;
  }
}
