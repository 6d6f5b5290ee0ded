import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext } from '@taawoun/core';
import { UserModel } from './user.model.js';
import { UserService } from './user.service.js';

/** Fields of `User` that identity owns, whichever lib produced the user. */
@Resolver(() => UserModel)
export class UserFieldsResolver {
  constructor(private readonly users: UserService) {}

  @ResolveField(() => Boolean, { description: 'The user opened the link sent to the address.' })
  emailVerified(@Parent() user: UserModel, @Ctx() rc: RequestContext): Promise<boolean> {
    if (user.emailVerified !== undefined) return Promise.resolve(user.emailVerified);
    return this.users.emailVerified(rc, user.id);
  }
}
