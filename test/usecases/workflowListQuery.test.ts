import { describe, expect, it } from 'vitest';
import { workflowListQuery } from '../../usecases/workflows';

describe('workflowListQuery', () => {
  it('lists everything without a filter', () => {
    expect(workflowListQuery({})).toBeUndefined();
  });

  it('joins the filters, Temporal status names included', () => {
    expect(workflowListQuery({ type: 'goldenPath', status: 'timed_out', sensorId: 's-1' })).toBe(
      "WorkflowType = 'goldenPath' AND ExecutionStatus = 'TimedOut' AND SensorId = 's-1'",
    );
  });

  it('asks for running executions with the business status, since a closed run keeps its last one', () => {
    expect(workflowListQuery({ businessStatus: 'waiting_for_decision' })).toBe(
      "ExecutionStatus = 'Running' AND BusinessStatus = 'waiting_for_decision'",
    );
    // An explicit status wins: someone may want the runs that closed while they waited.
    expect(workflowListQuery({ businessStatus: 'waiting_for_decision', status: 'failed' })).toBe(
      "ExecutionStatus = 'Failed' AND BusinessStatus = 'waiting_for_decision'",
    );
  });
});
