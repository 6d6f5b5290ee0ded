import { CooperativeRole, isAdmin, type Actor } from '@taawoun/core';

const OWNER_MANAGER: readonly CooperativeRole[] = [CooperativeRole.OWNER, CooperativeRole.MANAGER];

/** Who may see a cooperative's payout account, ledger and payouts: admins and its OWNER/MANAGERs. */
export function payoutDataVisibleTo(actor: Actor | null | undefined, cooperativeId: string): boolean {
  if (isAdmin(actor)) return true;
  const role = actor?.memberships.get(cooperativeId);
  return role !== undefined && OWNER_MANAGER.includes(role);
}
