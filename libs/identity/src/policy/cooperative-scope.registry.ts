import { Injectable } from '@nestjs/common';

/** Finds the cooperative that owns an entity, or null when the entity does not exist. */
export type CooperativeOf = (id: string) => Promise<string | null>;

/**
 * Libs register how to find the cooperative owning their entities (`product`, `variant`,
 * `certification`...), so a policy can name a cooperative role on an operation that only
 * receives an entity id. Registered in each lib module's `onModuleInit`.
 */
@Injectable()
export class CooperativeScopeRegistry {
  private readonly resolvers = new Map<string, CooperativeOf>();

  register(entity: string, resolver: CooperativeOf): void {
    if (this.resolvers.has(entity))
      throw new Error(`A cooperative scope for "${entity}" is already registered`);
    this.resolvers.set(entity, resolver);
  }

  /** Whether a lib registered a resolver for `entity` (checked for every policy by a test). */
  has(entity: string): boolean {
    return this.resolvers.has(entity);
  }

  resolve(entity: string, id: string): Promise<string | null> {
    const resolver = this.resolvers.get(entity);
    if (!resolver) throw new Error(`No cooperative scope registered for "${entity}"`);
    return resolver(id);
  }
}
