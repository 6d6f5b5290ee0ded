import { registerEnumType } from '@nestjs/graphql';

/** Platform-wide roles. Every account is a BUYER; ADMIN and PARTNER are granted. */
export enum PlatformRole {
  BUYER = 'BUYER',
  ADMIN = 'ADMIN',
  PARTNER = 'PARTNER',
}
registerEnumType(PlatformRole, { name: 'PlatformRole' });

/** A person's role inside one cooperative, through a membership. */
export enum CooperativeRole {
  OWNER = 'OWNER',
  MANAGER = 'MANAGER',
  STAFF = 'STAFF',
}
registerEnumType(CooperativeRole, { name: 'CooperativeRole' });

/** Who is calling: resolved from the access token on every request (roles are never cached in tokens). */
export interface Actor {
  readonly userId: string;
  readonly platformRoles: ReadonlySet<PlatformRole>;
  /** cooperative id → role, for every cooperative the caller works for. */
  readonly memberships: ReadonlyMap<string, CooperativeRole>;
}

export function isAdmin(actor: Actor | null | undefined): boolean {
  return !!actor?.platformRoles.has(PlatformRole.ADMIN);
}

/** Admins and the cooperative's own members: who may see its non-public data (drafts, internals). */
export function isAdminOrMemberOf(actor: Actor | null | undefined, cooperativeId: string): boolean {
  return isAdmin(actor) || !!actor?.memberships.has(cooperativeId);
}

/** The ids of the cooperatives the caller works for, to scope SQL (`id = ANY($n::uuid[])`). */
export function memberCooperativeIds(actor: Actor | null | undefined): string[] {
  return [...(actor?.memberships.keys() ?? [])];
}
