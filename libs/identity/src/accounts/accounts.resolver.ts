import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Ctx, LanguageCode, type RequestContext } from '@taawoun/core';
import { Policy } from '../policy/policy.decorator.js';
import { AuthPayload, UserModel } from '../users/user.model.js';
import { UserService } from '../users/user.service.js';
import { AccountSecurityService } from './account-security.service.js';
import { EmailVerificationService } from './email-verification.service.js';
import { PasswordResetService } from './password-reset.service.js';

/** E-mail verification, password reset and change, sign out everywhere, preferred language. */
@Resolver()
export class AccountsResolver {
  constructor(
    private readonly verification: EmailVerificationService,
    private readonly reset: PasswordResetService,
    private readonly security: AccountSecurityService,
    private readonly users: UserService,
  ) {}

  @Mutation(() => UserModel, {
    description: 'The language of your screens and e-mails (the web app’s language switcher).',
  })
  @Policy.authenticated()
  setPreferredLanguage(
    @Ctx() rc: RequestContext,
    @Args('languageCode', { type: () => LanguageCode }) languageCode: LanguageCode,
  ): Promise<UserModel> {
    return this.users.setPreferredLanguage(rc, languageCode);
  }

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
