import { describe, expect, it } from 'vitest';
import { modelErrorToHttp } from '../../api/routes/ml';
import { HttpError } from '../../api/errors';
import { InvalidFeaturesError, ModelDisabledError, ModelNotFoundError, ModelUnavailableError } from '../../models';

describe('modelErrorToHttp', () => {
  it('maps the ML errors to 404, 409, 422 and 503 with Retry-After', () => {
    const status = (e: unknown) => (modelErrorToHttp(e) as HttpError).status;
    expect(status(new ModelNotFoundError('m'))).toBe(404);
    expect(status(new ModelDisabledError('m', '1'))).toBe(409);
    expect(status(new InvalidFeaturesError([{ feature: 'Torque_Nm', problem: 'missing' }]))).toBe(422);
    const unavailable = modelErrorToHttp(new ModelUnavailableError('model loading is disabled', 'loading_disabled')) as HttpError;
    expect(unavailable.status).toBe(503);
    expect(unavailable.headers['Retry-After']).toBeDefined();
    expect(unavailable.message).toContain('disabled');
  });

  it('names each bad feature', () => {
    const e = modelErrorToHttp(new InvalidFeaturesError([{ feature: 'TWF', problem: 'unknown' }])) as HttpError & {
      errors: { field: string }[];
    };
    expect(e.errors).toEqual([{ field: 'features.TWF', message: 'unknown' }]);
  });
});
