import { SetMetadata } from '@nestjs/common';
import type { CooperativeRole, PlatformRole } from '@taawoun/core';

/**
 * Where the cooperative an operation acts on comes from:
 * - `{ arg: 'cooperativeId' }`: an argument (dotted path allowed: `input.cooperativeId`);
 * - `{ entity: 'product', arg: 'id' }`: the cooperative owning an entity whose id is in an
 *   argument, looked up through a resolver the owning lib registers in {@link CooperativeScopeRegistry}.
 */
export type CooperativeScope = { arg: string; entity?: undefined } | { entity: string; arg: string };

export interface PolicySpec {
  /** Anyone, signed in or not. */
  public?: boolean;
  /** Any signed-in user. */
  authenticated?: boolean;
  /** Signed-in users holding one of these platform roles. */
  platformRoles?: readonly PlatformRole[];
  /** Members of the target cooperative holding one of these roles. */
  cooperative?: { roles: readonly CooperativeRole[]; scope: CooperativeScope };
}

export const POLICY_KEY = 'taawoun:policy';

function declare(spec: PolicySpec): MethodDecorator {
  return SetMetadata(POLICY_KEY, spec);
}

/**
 * Who may call a query or mutation. Every root field must declare one: a test walks the
 * schema and fails for any that does not, and the guard refuses undeclared operations.
 * Rules combine with "or": `Policy.allow({ platformRoles: [ADMIN], cooperative: {...} })`.
 */
export const Policy = {
  public: (): MethodDecorator => declare({ public: true }),
  authenticated: (): MethodDecorator => declare({ authenticated: true }),
  roles: (...platformRoles: PlatformRole[]): MethodDecorator => declare({ platformRoles }),
  allow: (spec: PolicySpec): MethodDecorator => declare(spec),
};
