import type { CooperativeStatus } from '../../../gql/graphql';

/** The statuses an admin filters the application queue by, the queue's own first. */
export const QUEUE_STATUSES: readonly CooperativeStatus[] = [
  'SUBMITTED',
  'UNDER_REVIEW',
  'CHANGES_REQUESTED',
  'APPROVED',
  'REJECTED',
  'SUSPENDED',
  'DRAFT',
];

/** The status named in the URL (`?status=`), SUBMITTED when absent or unknown. */
export function queueStatusOf(value: string | null): CooperativeStatus {
  return QUEUE_STATUSES.find((s) => s === value) ?? 'SUBMITTED';
}
