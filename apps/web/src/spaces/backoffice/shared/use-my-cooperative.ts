import { useSession, type Me } from '../../../lib/session/session-context';

export type MyMembership = Me['memberships'][number];

/**
 * The cooperative the back office works on: the signed-in user's first membership (a user
 * belongs to one cooperative in practice; several would need a picker).
 */
export function useMyCooperative(): { loading: boolean; signedIn: boolean; membership: MyMembership | null } {
  const { user, loading } = useSession();
  return { loading, signedIn: Boolean(user), membership: user?.memberships[0] ?? null };
}

/** OWNER and MANAGER may edit the profile, terms and brand kit; OWNER alone manages members and payouts. */
export function canManage(membership: MyMembership): boolean {
  return membership.role === 'OWNER' || membership.role === 'MANAGER';
}
