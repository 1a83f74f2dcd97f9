import { describe, expect, it } from 'vitest';
import { extent, linearScale, niceTicks } from '../../../web/src/charts/scale';

describe('chart scales', () => {
  it('maps a domain linearly onto a range, inverted ranges included', () => {
    const y = linearScale([0, 10], [200, 0]);
    expect(y(0)).toBe(200);
    expect(y(5)).toBe(100);
    expect(linearScale([3, 3], [0, 100])(3)).toBe(50);
  });

  it('chooses round ticks inside the domain', () => {
    expect(niceTicks(0, 10, 5)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(niceTicks(0.13, 0.91, 4)).toEqual([0.2, 0.4, 0.6, 0.8]);
  });

  it('pads a flat extent so a constant series is not drawn on the frame', () => {
    expect(extent([4, 4])).toEqual([3, 5]);
    expect(extent([])).toEqual([0, 1]);
    expect(extent([3, -1, 2])).toEqual([-1, 3]);
  });
});
