export * from './accounts/account-sessions.js';
export * from './accounts/account-token.entity.js';
export * from './auth/access-token.service.js';
export * from './auth/auth.input.js';
export * from './auth/auth.service.js';
export * from './auth/password-hasher.js';
export * from './identity.module.js';
export * from './maintenance/identity-maintenance.service.js';
export * from './passwords/password-policy.js';
export * from './policy/cooperative-scope.registry.js';
export * from './policy/policy.decorator.js';
export * from './throttling/account-rate-limits.js';
export * from './throttling/login-throttle.service.js';
export * from './users/account-rules.js';
export * from './users/admin-account.js';
export * from './users/email-address.js';
export * from './users/user.entity.js';
export { PlatformRoles } from './users/platform-roles.js';
export type { RoleGrantRow } from './users/user-account.repository.js';
export { toUserModel } from './users/user.mapper.js';
export * from './users/user.model.js';
export { USER_SQL, UserRepository, type UserRow } from './users/user.repository.js';
import { AccountTokenEntity } from './accounts/account-token.entity.js';
import { RefreshTokenEntity } from './auth/refresh-token.entity.js';
import { LoginAttemptEntity } from './throttling/login-attempt.entity.js';
import { UserEntity } from './users/user.entity.js';

/** The TypeORM entities of this lib, for the data source. */
export const IDENTITY_ENTITIES = [UserEntity, RefreshTokenEntity, LoginAttemptEntity, AccountTokenEntity];
