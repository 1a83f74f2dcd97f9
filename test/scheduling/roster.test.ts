import { describe, expect, it } from 'vitest';
import { defaultTechnicians, technicianSchema } from '../../scheduling';

describe('defaultTechnicians', () => {
  it('seeds eight valid technicians over two sites with day, evening, night and weekend cover', () => {
    const roster = defaultTechnicians();
    expect(roster).toHaveLength(8);
    for (const t of roster) expect(technicianSchema.safeParse(t).success).toBe(true);
    expect(new Set(roster.map((t) => t.site))).toEqual(new Set(['plant-north', 'plant-south']));
    expect(new Set(roster.flatMap((t) => t.shifts.map((s) => s.start)))).toEqual(new Set(['06:00', '14:00', '22:00', '07:00']));
  });

  it('covers every skill with at least two technicians at different levels', () => {
    const roster = defaultTechnicians();
    for (const skill of ['vibration', 'electrical', 'hydraulic', 'thermal', 'mechanical']) {
      const levels = roster.flatMap((t) => t.skills.filter((s) => s.skill === skill).map((s) => s.level));
      expect(levels.length, skill).toBeGreaterThanOrEqual(2);
      expect(new Set(levels).size, skill).toBeGreaterThanOrEqual(2);
    }
  });

  it('returns a fresh copy each time so a caller can edit it', () => {
    const first = defaultTechnicians();
    first[0]!.shifts.length = 0;
    expect(defaultTechnicians()[0]!.shifts).toHaveLength(5);
  });
});
