/**
 * The plain MQTT payloads a plant publishes: `{"value": 21.5, "ts": "...", "quality": 0.9, "seq": 7}`
 * (ts as ISO 8601 or epoch milliseconds; quality 0..1 or OPC-style "good"/"bad"/"uncertain") or
 * a bare number such as `21.5`.
 */
export interface JsonSample {
  value: number;
  /** The source's own time; undefined for a bare number (stamped on arrival). */
  ts?: Date;
  quality?: number;
  /** The publisher's sequence number, when it sends one. */
  seq?: number;
}

export type JsonPayloadVerdict = { ok: true; sample: JsonSample } | { ok: false; error: string };

const QUALITY_WORDS: Record<string, number> = { good: 1, uncertain: 0.5, bad: 0 };

function parseTs(raw: unknown): Date | undefined | string {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw === 'number' && Number.isFinite(raw)) return new Date(raw);
  if (typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(raw)) {
    const d = new Date(raw);
    if (!Number.isNaN(d.getTime())) return d;
  }
  return 'ts must be an ISO 8601 time or epoch milliseconds';
}

function parseQuality(raw: unknown): number | undefined | string {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw === 'number' && raw >= 0 && raw <= 1) return raw;
  if (typeof raw === 'string' && raw.toLowerCase() in QUALITY_WORDS) return QUALITY_WORDS[raw.toLowerCase()];
  return 'quality must be a number from 0 to 1 or good/uncertain/bad';
}

export function parseJsonPayload(payload: Buffer | string): JsonPayloadVerdict {
  const text = (typeof payload === 'string' ? payload : payload.toString('utf8')).trim();
  if (text === '') return { ok: false, error: 'empty payload' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: 'payload is neither JSON nor a number' };
  }
  if (typeof data === 'number')
    return Number.isFinite(data) ? { ok: true, sample: { value: data } } : { ok: false, error: 'value must be finite' };
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    return { ok: false, error: 'payload must be an object or a number' };
  const o = data as Record<string, unknown>;
  const value = typeof o.value === 'string' && o.value.trim() !== '' ? Number(o.value) : o.value;
  if (typeof value !== 'number' || !Number.isFinite(value)) return { ok: false, error: 'value must be a finite number' };
  const ts = parseTs(o.ts ?? o.timestamp);
  if (typeof ts === 'string') return { ok: false, error: ts };
  const quality = parseQuality(o.quality);
  if (typeof quality === 'string') return { ok: false, error: quality };
  const seq = typeof o.seq === 'number' && Number.isInteger(o.seq) ? o.seq : undefined;
  return { ok: true, sample: { value, ts, quality, seq } };
}
