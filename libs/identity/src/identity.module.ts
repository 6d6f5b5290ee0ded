import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccountSecurityService } from './accounts/account-security.service.js';
import { AccountSessions } from './accounts/account-sessions.js';
import { AccountTokenPrune } from './accounts/account-token-prune.js';
import { AccountTokenRepository } from './accounts/account-token.repository.js';
import { AccountsResolver } from './accounts/accounts.resolver.js';
import { EmailVerificationService } from './accounts/email-verification.service.js';
import { PasswordResetService } from './accounts/password-reset.service.js';
import { AccessTokenService } from './auth/access-token.service.js';
import { ActorService } from './auth/actor.service.js';
import { AuthResolver } from './auth/auth.resolver.js';
import { AuthService } from './auth/auth.service.js';
import { RefreshTokenRepository } from './auth/refresh-token.repository.js';
import { RefreshTokenService } from './auth/refresh-token.service.js';
import { IdentityMaintenanceService } from './maintenance/identity-maintenance.service.js';
import { CooperativeScopeRegistry } from './policy/cooperative-scope.registry.js';
import { PolicyGuard } from './policy/policy.guard.js';
import { AccountRateLimits } from './throttling/account-rate-limits.js';
import { LoginAttemptRepository } from './throttling/login-attempt.repository.js';
import { PlatformRoles } from './users/platform-roles.js';
import { UserFieldsResolver } from './users/user-fields.resolver.js';
import { UserAccountRepository } from './users/user-account.repository.js';
import { UserRepository } from './users/user.repository.js';
import { UserService } from './users/user.service.js';
import { LoginThrottleService } from './throttling/login-throttle.service.js';

/** Accounts, sessions and the access policy guarding every GraphQL operation. */
@Global()
@Module({
  providers: [
    AccessTokenService,
    ActorService,
    AuthService,
    RefreshTokenService,
    LoginThrottleService,
    LoginAttemptRepository,
    AccountRateLimits,
    IdentityMaintenanceService,
    RefreshTokenRepository,
    CooperativeScopeRegistry,
    AuthResolver,
    AccountTokenRepository,
    AccountTokenPrune,
    AccountSessions,
    EmailVerificationService,
    PasswordResetService,
    AccountSecurityService,
    AccountsResolver,
    UserFieldsResolver,
    UserRepository,
    UserAccountRepository,
    UserService,
    PlatformRoles,
    { provide: APP_GUARD, useClass: PolicyGuard },
  ],
  exports: [
    ActorService,
    AuthService,
    CooperativeScopeRegistry,
    AccessTokenService,
    AccountRateLimits,
    AccountSessions,
    UserRepository,
    PlatformRoles,
  ],
})
export class IdentityModule {}
