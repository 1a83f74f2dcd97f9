import { ApplicationFailure } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { toActivityFailure, withDomainFailures } from '../../activities/failures';
import { InvalidInput, NotFound, Unavailable } from '../../domain/errors';
import { IllegalTransitionError } from '../../domain/orderLifecycle';
import { ModelDisabledError, ModelUnavailableError } from '../../models';
import { NoSlotError } from '../../usecases/maintenanceOrders';

describe('toActivityFailure', () => {
  it('turns facts about the input or the model into non-retryable failures of the stable types', () => {
    const types = [
      new InvalidInput([], 'count must be positive'),
      new NotFound('prediction p does not exist'),
      new IllegalTransitionError('closed', 'approved'),
      new ModelDisabledError('m', '1'),
      new ModelUnavailableError('model loading is disabled', 'loading_disabled'),
    ].map((e) => {
      const f = toActivityFailure(e) as ApplicationFailure;
      expect(f).toBeInstanceOf(ApplicationFailure);
      expect(f.nonRetryable).toBe(true);
      return f.type;
    });
    expect(types).toEqual(['InvalidInput', 'NotFound', 'IllegalTransition', 'ModelDisabled', 'ModelUnavailable']);
    expect((toActivityFailure(new InvalidInput([], 'count must be positive')) as ApplicationFailure).message).toBe(
      'count must be positive',
    );
  });

  it('leaves conflicts, outages and other errors as they are, so they retry', () => {
    for (const e of [new NoSlotError('o', 'full'), new Unavailable('db down'), new Error('ECONNRESET')])
      expect(toActivityFailure(e)).toBe(e);
  });
});

describe('withDomainFailures', () => {
  it('maps what escapes each activity and passes results through', async () => {
    const agent = withDomainFailures({
      ok: async (x: number) => x + 1,
      missing: async () => {
        throw new NotFound('order o does not exist');
      },
    });
    expect(await agent.ok(1)).toBe(2);
    await expect(agent.missing()).rejects.toMatchObject({ type: 'NotFound', nonRetryable: true });
  });
});
