import { CooperativeStatus as S } from '../cooperatives/cooperative-status.js';

/**
 * The review workflow: every allowed status move. The trigger `cooperatives_status_transition`
 * (sql/cooperatives-status-transition.sql.ts, generated from this table) enforces it for every
 * writer, so none can skip a step.
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
