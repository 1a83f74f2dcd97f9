import { describe, expect, it } from 'vitest';
import { fromDomainError } from '../../api/errors';
import { Conflict, IllegalTransition, InvalidInput, NotFound, Unavailable } from '../../domain/errors';
import { IllegalTransitionError } from '../../domain/orderLifecycle';
import { PeriodError } from '../../reports/period';
import { BookingContentionError, NoSlotError } from '../../usecases/maintenanceOrders';

describe('fromDomainError', () => {
  it('gives each kind its published status and code', () => {
    const http = (e: Parameters<typeof fromDomainError>[0]) => [fromDomainError(e).status, fromDomainError(e).code];
    expect(http(new NotFound('No workflow w'))).toEqual([404, 'not_found']);
    expect(http(new Conflict('Workflow w already exists', 'workflow_exists'))).toEqual([409, 'workflow_exists']);
    expect(http(new IllegalTransition('no', {}))).toEqual([409, 'illegal_transition']);
    expect(http(new InvalidInput([{ field: 'body.x', message: 'bad' }]))).toEqual([422, 'validation_failed']);
    expect(http(new Unavailable('Temporal is unreachable'))).toEqual([503, 'unavailable']);
    expect(http(new NoSlotError('o1', 'no technician'))).toEqual([409, 'no_slot']);
  });

  it('keeps field errors, the summary and the Retry-After header', () => {
    const v = fromDomainError(new InvalidInput([{ field: 'csv.line.3', message: 'unclosed quote' }], 'Malformed CSV'));
    expect(v.message).toBe('Malformed CSV: csv.line.3 unclosed quote');
    expect(v.extensions).toEqual({ errors: [{ field: 'csv.line.3', message: 'unclosed quote' }] });
    expect(fromDomainError(new BookingContentionError('o1')).headers).toEqual({ 'Retry-After': '1' });
    expect(fromDomainError(new PeriodError('from must be before to')).extensions).toEqual({
      errors: [{ field: 'body.from', message: 'from must be before to' }],
    });
  });

  it('names the allowed moves of an illegal transition', () => {
    const e = fromDomainError(new IllegalTransitionError('closed', 'approved'));
    expect(e.extensions).toEqual({ from: 'closed', to: 'approved', allowed: [] });
  });
});
