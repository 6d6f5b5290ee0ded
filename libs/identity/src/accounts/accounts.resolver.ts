import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext } from '@taawoun/core';
import { Policy } from '../policy/policy.decorator.js';
import { AuthPayload } from '../users/user.model.js';
import { AccountSecurityService } from './account-security.service.js';
import { EmailVerificationService } from './email-verification.service.js';
import { PasswordResetService } from './password-reset.service.js';

/** E-mail verification, password reset and change, sign out everywhere. */
@Resolver()
export class AccountsResolver {
  constructor(
    private readonly verification: EmailVerificationService,
    private readonly reset: PasswordResetService,
    private readonly security: AccountSecurityService,
  ) {}

  @Mutation(() => Boolean, {
    description: 'E-mails the signed-in user a fresh single-use verification link.',
  })
  @Policy.authenticated()
  requestEmailVerification(@Ctx() rc: RequestContext): Promise<boolean> {
    return this.verification.request(rc);
  }

  @Mutation(() => Boolean)
  @Policy.public()
  verifyEmail(@Args('token') token: string): Promise<boolean> {
    return this.verification.verify(token);
  }

  @Mutation(() => Boolean, {
    description: 'Always true: says nothing about whether the address has an account.',
  })
  @Policy.public()
  requestPasswordReset(@Args('email') email: string): Promise<boolean> {
    return this.reset.request(email);
  }

  @Mutation(() => Boolean, { description: 'Single-use token; signs out every session of the account.' })
  @Policy.public()
  resetPassword(@Args('token') token: string, @Args('newPassword') newPassword: string): Promise<boolean> {
    return this.reset.reset(token, newPassword);
  }

  @Mutation(() => AuthPayload, { description: 'Signs out every other session.' })
  @Policy.authenticated()
  changePassword(
    @Ctx() rc: RequestContext,
    @Args('currentPassword') currentPassword: string,
    @Args('newPassword') newPassword: string,
  ): Promise<AuthPayload> {
    return this.security.changePassword(rc, currentPassword, newPassword);
  }

  @Mutation(() => Boolean, {
    description: 'Revokes every refresh token and every access token issued so far.',
  })
  @Policy.authenticated()
  signOutEverywhere(@Ctx() rc: RequestContext): Promise<boolean> {
    return this.security.signOutEverywhere(rc);
  }
}
