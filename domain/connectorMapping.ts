import { SENSOR_ID_PATTERN } from './sensorTypes';
import type { MappingRule } from './connectors';

/** Where a source's readings go: the sensor and how it is described. */
export interface SensorTarget {
  sensorId: string;
  sensorType: MappingRule['sensorType'];
  unit: string | null;
}

interface CompiledRule {
  rule: MappingRule;
  /** Null for an explicit (placeholder-free) rule. */
  regex: RegExp | null;
  names: string[];
}

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)(\*?)\}/g;
const escape = (s: string) => s.replace(/[.*+?^$()|[\]\\]/g, '\\$&');

function compile(rule: MappingRule): CompiledRule {
  if (!rule.source.includes('{')) return { rule, regex: null, names: [] };
  const names: string[] = [];
  let pattern = '';
  let last = 0;
  for (const m of rule.source.matchAll(PLACEHOLDER)) {
    pattern += escape(rule.source.slice(last, m.index));
    names.push(m[1]!);
    pattern += m[2] ? '(.+)' : '([^/:]+)';
    last = m.index! + m[0].length;
  }
  pattern += escape(rule.source.slice(last));
  return { rule, regex: new RegExp(`^${pattern}$`), names };
}

/** Characters a sensor id cannot hold become `_` (topic levels and metric names often have spaces or slashes). */
export function toSensorId(raw: string): string {
  const cleaned = raw.replace(/[^A-Za-z0-9_.:-]/g, '_').replace(/^[^A-Za-z0-9]+/, '');
  return cleaned.slice(0, 64);
}

/**
 * Maps sources to sensors by a connector's rules: explicit entries first, then patterns in the
 * order given. Results are cached per source, since a plant publishes on the same few thousand
 * topics over and over.
 */
export class SourceMapper {
  private readonly exact = new Map<string, MappingRule>();
  private readonly patterns: CompiledRule[] = [];
  private readonly cache = new Map<string, SensorTarget | null>();

  constructor(rules: readonly MappingRule[]) {
    for (const rule of rules) {
      const c = compile(rule);
      if (c.regex) this.patterns.push(c);
      else if (!this.exact.has(rule.source)) this.exact.set(rule.source, rule);
    }
  }

  /** The sensor for `source`, or null when no rule maps it (or the result is not a valid sensor id). */
  map(source: string): SensorTarget | null {
    const hit = this.cache.get(source);
    if (hit !== undefined) return hit;
    const target = this.resolve(source);
    if (this.cache.size < 100_000) this.cache.set(source, target);
    return target;
  }

  private resolve(source: string): SensorTarget | null {
    const exact = this.exact.get(source);
    if (exact) return target(exact, exact.sensorId);
    for (const p of this.patterns) {
      const m = p.regex!.exec(source);
      if (!m) continue;
      const values = new Map(p.names.map((n, i) => [n, m[i + 1]!]));
      const id = p.rule.sensorId.replace(PLACEHOLDER, (_all, name: string) => values.get(name) ?? '');
      return target(p.rule, id);
    }
    return null;
  }
}

function target(rule: MappingRule, rawId: string): SensorTarget | null {
  const sensorId = toSensorId(rawId);
  if (!SENSOR_ID_PATTERN.test(sensorId)) return null;
  return { sensorId, sensorType: rule.sensorType, unit: rule.unit ?? null };
}
