import { Context } from '@temporalio/activity';

/**
 * The idempotency key of the running activity: workflow id + activity id, which stay the same
 * across retries of one activity execution, so a retried write finds its first attempt's row.
 */
export function activityKey(): { workflowId: string | null; key: string } {
  const info = Context.current().info;
  const workflowId = info.workflowExecution?.workflowId ?? null;
  return { workflowId, key: `${workflowId ?? 'standalone'}:${info.activityId}` };
}
