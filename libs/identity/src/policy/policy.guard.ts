import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ForbiddenError, NotFoundError, isUuid, requestContextOf, type Actor } from '@taawoun/core';
import type { GraphQLResolveInfo } from 'graphql';
import { ActorService } from '../auth/actor.service.js';
import { CooperativeScopeRegistry } from './cooperative-scope.registry.js';
import { POLICY_KEY, type PolicySpec } from './policy.decorator.js';

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

/**
 * The global guard: resolves the caller once per request, then checks the operation's
 * declared {@link PolicySpec}. An operation without a policy is refused (and fails a test).
 */
@Injectable()
export class PolicyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly actors: ActorService,
    private readonly scopes: CooperativeScopeRegistry,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<string>() !== 'graphql') return true;
    const gql = GqlExecutionContext.create(context);
    const info = gql.getInfo<GraphQLResolveInfo>();
    if (!ROOT_TYPES.has(info.parentType.name)) return true;
    const rc = requestContextOf(context);
    await this.actors.ensureResolved(rc);
    if (rc.authError) throw rc.authError;

    const policy = this.reflector.get<PolicySpec | undefined>(POLICY_KEY, context.getHandler());
    if (!policy)
      throw new ForbiddenError(`${info.parentType.name}.${info.fieldName} declares no access policy`);
    if (policy.public) return true;
    const actor = rc.requireActor();
    if (await this.allows(policy, actor, gql.getArgs<Record<string, unknown>>())) return true;
    throw new ForbiddenError();
  }

  private async allows(policy: PolicySpec, actor: Actor, args: Record<string, unknown>): Promise<boolean> {
    if (policy.authenticated) return true;
    if (policy.platformRoles?.some((role) => actor.platformRoles.has(role))) return true;
    if (policy.cooperative) {
      const { roles, scope } = policy.cooperative;
      const id = valueAt(args, scope.arg);
      if (typeof id !== 'string') return false;
      if (!isUuid(id)) throw new NotFoundError(scope.entity ?? 'Cooperative', id);
      const cooperativeId = scope.entity ? await this.scopes.resolve(scope.entity, id) : id;
      if (cooperativeId === null) throw new NotFoundError(scope.entity ?? 'Cooperative', id);
      const role = actor.memberships.get(cooperativeId);
      if (role && roles.includes(role)) return true;
    }
    return false;
  }
}

function valueAt(args: Record<string, unknown>, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (value, key) =>
        value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined,
      args,
    );
}
