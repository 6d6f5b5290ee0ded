import { isAdmin, type Actor } from '@taawoun/core';

/** Admins and the cooperative's own members see its internals (review notes, members, any status). */
export function canSeeInternals(actor: Actor | null, cooperativeId: string): boolean {
  return isAdmin(actor) || !!actor?.memberships.has(cooperativeId);
}
