/**
 * Demo data for the Golden Path and the simulation endpoints: a machine's torque sensor under a
 * scenario, generated from a seed so the same run always produces the same readings.
 */
export type Scenario = 'normal' | 'drift' | 'anomaly';

export interface ScenarioReading {
  index: number;
  value: number;
  quality: number;
  /** Minutes before `end` at which the reading was taken. */
  minutesBeforeEnd: number;
  injected: 'none' | 'drift' | 'spike' | 'low_quality';
}

/** A 32-bit seed from a string (FNV-1a), e.g. from a correlation id. */
export function seedFrom(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: small, fast, good enough for demo data, and reproducible across platforms. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One reading in twenty arrives with poor quality, so the processing stage has work to do. */
const isPoorQualitySlot = (i: number) => i % 20 === 7;

function gaussian(rand: () => number): number {
  // Box–Muller; 1 - rand() avoids log(0).
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

export interface ScenarioOptions {
  count: number;
  seed: number;
  /** Level of the healthy signal (Nm). */
  base?: number;
  noise?: number;
  /** How far the drift scenario moves the level by its end, in Nm. */
  driftMagnitude?: number;
  /** Spike size in noise standard deviations. */
  anomalyMagnitude?: number;
  /** Number of spikes in the anomaly scenario. */
  anomalies?: number;
}

/**
 * normal: N(base, noise²). drift: the first half normal, the second half ramps up by
 * driftMagnitude. anomaly: normal plus `anomalies` upward spikes of anomalyMagnitude σ at seeded
 * positions. Every scenario has one reading in twenty with poor quality (0.5–0.75), so the
 * processing stage has something to quarantine.
 */
export function generateScenario(scenario: Scenario, o: ScenarioOptions): ScenarioReading[] {
  const rand = prng(o.seed);
  const base = o.base ?? 40;
  const noise = o.noise ?? 1.5;
  const drift = o.driftMagnitude ?? 12;
  const spikeSigma = o.anomalyMagnitude ?? 8;
  const spikes = new Set<number>();
  if (scenario === 'anomaly') {
    const wanted = Math.min(o.count, Math.max(1, o.anomalies ?? Math.round(o.count / 10)));
    // Spikes avoid the first quarter (so the detector has a little history within the run) and
    // the poor-quality slots (a spike there would be quarantined and the scenario would lose it).
    const first = Math.min(o.count - 1, Math.floor(o.count / 4));
    const slots = Array.from({ length: o.count - first }, (_, k) => first + k).filter((i) => !isPoorQualitySlot(i));
    while (spikes.size < Math.min(wanted, slots.length)) spikes.add(slots[Math.floor(rand() * slots.length)]!);
  }
  const out: ScenarioReading[] = [];
  for (let i = 0; i < o.count; i++) {
    let value = base + noise * gaussian(rand);
    let injected: ScenarioReading['injected'] = 'none';
    const half = Math.floor(o.count / 2);
    if (scenario === 'drift' && i >= half) {
      value += (drift * (i - half + 1)) / Math.max(1, o.count - half);
      injected = 'drift';
    }
    if (spikes.has(i)) {
      // Overload spikes: torque jumps up when a worn tool bites.
      value += spikeSigma * noise;
      injected = 'spike';
    }
    let quality = 0.9 + 0.1 * rand();
    if (isPoorQualitySlot(i)) {
      quality = 0.5 + 0.25 * rand();
      if (injected === 'none') injected = 'low_quality';
    }
    out.push({
      index: i,
      value: Math.round(value * 1000) / 1000,
      quality: Math.round(quality * 1000) / 1000,
      minutesBeforeEnd: o.count - 1 - i,
      injected,
    });
  }
  return out;
}

/** The demo machine's fixed state, and the tool wear each scenario represents. */
export const DEMO_MACHINE = {
  Air_temperature_K: 300.1,
  Process_temperature_K: 310.2,
  Type: 'L' as const,
  /** Mechanical power the spindle delivers; speed follows from torque (P = T·ω), as in AI4I. */
  powerW: 6300,
  toolWearMin: { normal: 40, drift: 225, anomaly: 225 } as Record<Scenario, number>,
};

/**
 * The AI4I features of the demo machine from its torque readings: the 95th percentile of the
 * valid readings (the peak load the machine is actually reaching, which is what overstrains a
 * worn tool), speed from constant power, and the
 * scenario's tool wear (a worn tool is what makes torque creep up or spike).
 */
export function demoMachineFeatures(scenario: Scenario, torque: readonly number[]) {
  const sorted = [...torque].sort((a, b) => a - b);
  const p95 = sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)]! : 40;
  const torqueNm = Math.round(Math.max(3.8, p95) * 10) / 10;
  return {
    Air_temperature_K: DEMO_MACHINE.Air_temperature_K,
    Process_temperature_K: DEMO_MACHINE.Process_temperature_K,
    Rotational_speed_rpm: Math.round((DEMO_MACHINE.powerW * 60) / (2 * Math.PI * torqueNm)),
    Torque_Nm: torqueNm,
    Tool_wear_min: DEMO_MACHINE.toolWearMin[scenario],
    Type: DEMO_MACHINE.Type,
  };
}

/** How demoMachineFeatures obtained each value, in words a reliability engineer can check (lineage). */
export function demoMachineFeatureDerivation(scenario: Scenario, validReadings: number): Record<string, string> {
  return {
    Air_temperature_K: `fixed state of the demo machine (${DEMO_MACHINE.Air_temperature_K} K)`,
    Process_temperature_K: `fixed state of the demo machine (${DEMO_MACHINE.Process_temperature_K} K)`,
    Rotational_speed_rpm: `constant power ${DEMO_MACHINE.powerW} W divided by torque: P·60 / (2π·Torque_Nm)`,
    Torque_Nm: `95th percentile of the run's ${validReadings} valid torque readings (at least 3.8 Nm), rounded to 0.1`,
    Tool_wear_min: `tool wear of the ${scenario} scenario (${DEMO_MACHINE.toolWearMin[scenario]} min)`,
    Type: `product type of the demo machine (${DEMO_MACHINE.Type})`,
  };
}
