import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { argumentFields, Ctx, type RequestContext } from '@taawoun/core';
import { Policy } from '../policy/policy.decorator.js';
import { AuthPayload, UserModel } from '../users/user.model.js';
import { UserService } from '../users/user.service.js';
import { LoginInput, RegisterInput } from './auth.input.js';
import { AuthService } from './auth.service.js';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UserService,
  ) {}

  @Mutation(() => AuthPayload)
  @Policy.public()
  register(@Args('input') input: RegisterInput, @Ctx() rc: RequestContext): Promise<AuthPayload> {
    return this.auth.register(input, rc.ip).catch(argumentFields('input'));
  }

  @Mutation(() => AuthPayload)
  @Policy.public()
  login(@Args('input') input: LoginInput, @Ctx() rc: RequestContext): Promise<AuthPayload> {
    return this.auth.login(input, rc.ip);
  }

  @Mutation(() => AuthPayload, { description: 'Rotates: a reused refresh token revokes its whole family.' })
  @Policy.public()
  refreshToken(@Args('refreshToken') refreshToken: string): Promise<AuthPayload> {
    return this.auth.refresh(refreshToken);
  }

  @Mutation(() => Boolean, { description: "Revokes the refresh token's family." })
  @Policy.public()
  logout(@Args('refreshToken') refreshToken: string): Promise<boolean> {
    return this.auth.logout(refreshToken);
  }

  @Query(() => UserModel, { nullable: true, description: 'The signed-in user; null when anonymous.' })
  @Policy.public()
  me(@Ctx() rc: RequestContext): Promise<UserModel | null> {
    return this.users.me(rc);
  }
}
