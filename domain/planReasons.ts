import { msg, type ServerMessage } from './serverText';

/**
 * Why the optimiser chose a technician and window, as messages a reader's dashboard translates.
 * Built from the plan's stored explanation (scheduling/result.ts AssignmentExplanation) rather
 * than from its English `reasons`, which stay for integrators. A missing or older explanation
 * gives the messages it can; an unplanned order gives its unassigned code.
 */
export function planReasonMessages(explanation: unknown, technician: string | null, unassignedCode: string | null = null): ServerMessage[] {
  if (unassignedCode) return [msg('planUnassigned', { reason: unassignedCode })];
  if (!explanation || typeof explanation !== 'object') return [];
  const e = explanation as Partial<{
    skill: { name: string; requiredLevel: number; technicianLevel: number };
    shift: { start: string; end: string };
    effectiveDeadline: string;
    deadlineWasPast: boolean;
    continuity: string;
    technicianLoadHours: number;
    failureProbabilityBeforeEnd: number;
    hoursBeforeDeadline: number;
    feasibleSlotsConsidered: number;
    qualifiedTechnicians: number;
    alternatives: unknown[];
  }>;
  const who = technician ?? '—';
  const out: ServerMessage[] = [];
  if (e.skill) {
    out.push(msg('planSkill', { technician: who, skill: e.skill.name, level: e.skill.technicianLevel, required: e.skill.requiredLevel }));
  }
  if (e.shift) out.push(msg('planShift', { technician: who, shift_start: e.shift.start, shift_end: e.shift.end }));
  if (e.effectiveDeadline && typeof e.hoursBeforeDeadline === 'number') {
    const ends = { hours: e.hoursBeforeDeadline, deadline: e.effectiveDeadline };
    out.push(e.deadlineWasPast ? msg('planDeadlinePassed', ends) : msg('planDeadline', ends));
  }
  if (typeof e.failureProbabilityBeforeEnd === 'number') out.push(msg('planRisk', { probability: e.failureProbabilityBeforeEnd }));
  if (e.continuity === 'same_technician') out.push(msg('planContinuity', { technician: who }));
  if (typeof e.technicianLoadHours === 'number') out.push(msg('planLoad', { technician: who, hours: e.technicianLoadHours }));
  if (typeof e.feasibleSlotsConsidered === 'number' && typeof e.qualifiedTechnicians === 'number') {
    const count = e.feasibleSlotsConsidered;
    out.push(e.alternatives?.length ? msg('planCheapest', { count, qualified: e.qualifiedTechnicians }) : msg('planOnlyChoice', { count }));
  }
  return out;
}
