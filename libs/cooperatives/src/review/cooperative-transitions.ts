import { CooperativeStatus as S } from '../cooperatives/cooperative-status.js';

/**
 * The review workflow: every allowed status move. The same table is enforced by the trigger
 * `cooperatives_status_transition` (migration ReviewWorkflow), so no writer can skip a step.
 */
export const COOPERATIVE_TRANSITIONS: ReadonlyMap<S, readonly S[]> = new Map([
  [S.DRAFT, [S.SUBMITTED]],
  [S.SUBMITTED, [S.UNDER_REVIEW]],
  [S.UNDER_REVIEW, [S.APPROVED, S.REJECTED, S.CHANGES_REQUESTED]],
  [S.CHANGES_REQUESTED, [S.SUBMITTED]],
  [S.APPROVED, [S.SUSPENDED]],
  [S.SUSPENDED, [S.APPROVED]],
  [S.REJECTED, []],
]);

export function canTransition(from: S, to: S): boolean {
  return COOPERATIVE_TRANSITIONS.get(from)?.includes(to) ?? false;
}
