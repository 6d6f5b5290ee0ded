export * from './auth/access-token.service.js';
export * from './auth/auth.service.js';
export * from './auth/password-hasher.js';
export * from './identity.module.js';
export * from './policy/cooperative-scope.registry.js';
export * from './policy/policy.decorator.js';
export * from './users/user.entity.js';
export * from './users/user.model.js';
import { RefreshTokenEntity } from './auth/refresh-token.entity.js';
import { UserEntity } from './users/user.entity.js';

/** The TypeORM entities of this lib, for the data source. */
export const IDENTITY_ENTITIES = [UserEntity, RefreshTokenEntity];
