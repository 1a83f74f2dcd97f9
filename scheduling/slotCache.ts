/**
 * Remembers, per (job, technician), the outcome of the last best-slot search, keyed by the content
 * of the technician's plan. Why: most searches of a large-neighbourhood move ask about technicians
 * the move never touched, and a rejected move puts back exactly the plan it found, so the same
 * question comes back with the same answer many times (profiling showed the slot search was more
 * than half of the solve).
 *
 * The key of a technician's plan is two independent 32-bit sums of a hash of each (job, start) it
 * holds: adding and taking out a job are O(1), and undoing a move restores the key, so the entries
 * computed before the move stay valid. The answer does not depend on the load-balance term (it is
 * the same for every slot on one technician), so entries hold the placement cost alone:
 * - `EXACT`: the cheapest slot on the technician (or none at all, cost Infinity);
 * - `NONE_BELOW`: a search bounded by another technician's slot found nothing under `value`.
 * A hit is only trusted after the caller has checked the slot is still free (see ScheduleState),
 * so even a key collision cannot produce an overlap.
 */
export const EMPTY = 0;
export const EXACT = 1;
export const NONE_BELOW = 2;

export class SlotCache {
  private readonly planA: Int32Array;
  private readonly planB: Int32Array;
  private readonly keyA: Int32Array;
  private readonly keyB: Int32Array;
  readonly kind: Uint8Array;
  /** `EXACT`: the placement cost of the cheapest slot (Infinity: none); `NONE_BELOW`: the threshold. */
  readonly value: Float64Array;
  readonly start: Float64Array;

  constructor(
    jobCount: number,
    private readonly technicianCount: number,
  ) {
    this.planA = new Int32Array(technicianCount);
    this.planB = new Int32Array(technicianCount);
    const size = jobCount * technicianCount;
    this.keyA = new Int32Array(size);
    this.keyB = new Int32Array(size);
    this.kind = new Uint8Array(size);
    this.value = new Float64Array(size);
    this.start = new Float64Array(size);
  }

  entryOf(jobIndex: number, technicianIndex: number): number {
    return jobIndex * this.technicianCount + technicianIndex;
  }

  /** The entry's kind if it was stored for the technician's current plan, else `EMPTY`. */
  validKind(entry: number, technicianIndex: number): number {
    return this.keyA[entry] === this.planA[technicianIndex] && this.keyB[entry] === this.planB[technicianIndex] ? this.kind[entry]! : EMPTY;
  }

  store(entry: number, technicianIndex: number, kind: number, value: number, start: number): void {
    this.keyA[entry] = this.planA[technicianIndex]!;
    this.keyB[entry] = this.planB[technicianIndex]!;
    this.kind[entry] = kind;
    this.value[entry] = value;
    this.start[entry] = start;
  }

  /** A job was added to (sign 1) or taken from (sign -1) the technician's plan. */
  change(technicianIndex: number, jobIndex: number, start: number, sign: 1 | -1): void {
    const low = start | 0; // ToInt32 keeps the low 32 bits of the integer millisecond
    const high = (start / 4294967296) | 0;
    this.planA[technicianIndex] = (this.planA[technicianIndex]! + sign * mix(jobIndex, low, high, 0x9e3779b1)) | 0;
    this.planB[technicianIndex] = (this.planB[technicianIndex]! + sign * mix(jobIndex, low, high, 0x7f4a7c15)) | 0;
  }
}

function mix(jobIndex: number, low: number, high: number, salt: number): number {
  let h = Math.imul(jobIndex + 1, salt);
  h = Math.imul(h ^ low, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h ^ high, 0xc2b2ae35);
  h ^= h >>> 16;
  return Math.imul(h, 0x27d4eb2f) ^ (h >>> 15);
}
