import { isAdmin, type Actor } from '@taawoun/core';
import { CooperativeStatus } from './cooperative-status.js';

/** Admins and the cooperative's own members see its internals (review notes, members, any status). */
export function canSeeInternals(actor: Actor | null, cooperativeId: string): boolean {
  return isAdmin(actor) || !!actor?.memberships.has(cooperativeId);
}

/** The public sees APPROVED cooperatives only; members and admins also see theirs in any state. */
export function canSee(actor: Actor | null, cooperative: { id: string; status: CooperativeStatus }): boolean {
  return cooperative.status === CooperativeStatus.APPROVED || canSeeInternals(actor, cooperative.id);
}
