import { describe, expect, it } from 'vitest';
import { InvalidFeaturesError } from '../../models/errors';
import {
  ENGINEERED_FEATURE_NAMES,
  engineerFailureFeatures,
  failureFeaturesSchema,
  parseFailureFeatures,
} from '../../models/failureFeatures';

const row = {
  Air_temperature_K: 300,
  Process_temperature_K: 310.5,
  Rotational_speed_rpm: 1500,
  Torque_Nm: 40,
  Tool_wear_min: 100,
  Type: 'H' as const,
};

function issuesOf(input: unknown): Array<{ feature: string; problem: string }> {
  try {
    parseFailureFeatures(input);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidFeaturesError);
    return [...(error as InvalidFeaturesError).issues];
  }
  throw new Error('expected the features to be rejected');
}

describe('parseFailureFeatures', () => {
  it('accepts the five process features with or without Type', () => {
    expect(parseFailureFeatures(row)).toEqual(row);
    const { Type: _type, ...withoutType } = row;
    expect(parseFailureFeatures(withoutType)).toEqual(withoutType);
  });

  it('names a missing feature instead of padding it', () => {
    const { Torque_Nm: _torque, ...missing } = row;
    expect(issuesOf(missing)).toEqual([{ feature: 'Torque_Nm', problem: 'missing' }]);
  });

  it('rejects unknown keys, including the failure-mode flags', () => {
    const issues = issuesOf({ ...row, TWF: 0, UDI: 5 });
    expect(issues.map((i) => i.feature).sort()).toEqual(['TWF', 'UDI']);
    expect(issues.every((i) => i.problem === 'unknown feature')).toBe(true);
  });

  it('rejects NaN and infinite numbers and names them', () => {
    const issues = issuesOf({ ...row, Air_temperature_K: Number.NaN, Tool_wear_min: Number.POSITIVE_INFINITY });
    expect(issues.map((i) => i.feature).sort()).toEqual(['Air_temperature_K', 'Tool_wear_min']);
    expect(issues.every((i) => i.problem === 'not a finite number')).toBe(true);
  });

  it('rejects a numeric string and an unknown product type', () => {
    expect(issuesOf({ ...row, Torque_Nm: '40' }).map((i) => i.feature)).toEqual(['Torque_Nm']);
    expect(issuesOf({ ...row, Type: 'X' }).map((i) => i.feature)).toEqual(['Type']);
    expect(failureFeaturesSchema.safeParse(null).success).toBe(false);
  });
});

describe('engineerFailureFeatures', () => {
  it('computes the nine model inputs in manifest order with the documented formulas', () => {
    const out = engineerFailureFeatures([row]);
    expect(ENGINEERED_FEATURE_NAMES).toHaveLength(9);
    expect(Array.from(out)).toEqual(
      [300, 310.5, 1500, 40, 100, 2, 10.5, 40 * 1500 * 2 * Math.PI / 60, 4000].map(Math.fround),
    );
    expect(out[7]).toBeCloseTo(6283.185, 2);
  });

  it('encodes a missing Type as L (code 0) and lays rows out one after another', () => {
    const { Type: _type, ...withoutType } = row;
    const out = engineerFailureFeatures([withoutType, { ...row, Type: 'M' }]);
    expect(out).toHaveLength(18);
    expect(out[5]).toBe(0);
    expect(out[9 + 5]).toBe(1);
  });
});
