import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { argumentFields, Ctx, type RequestContext } from '@taawoun/core';
import { Policy } from '@taawoun/identity';
import { CheckoutInput } from './checkout.input.js';
import { CheckoutResultModel } from './checkout.model.js';
import { CheckoutService } from './checkout.service.js';

@Resolver(() => CheckoutResultModel)
export class CheckoutResolver {
  constructor(private readonly checkouts: CheckoutService) {}

  @Mutation(() => CheckoutResultModel, {
    description: 'Reserves stock atomically: never oversells. The same cart makes one order.',
  })
  @Policy.public()
  checkout(@Ctx() rc: RequestContext, @Args('input') input: CheckoutInput): Promise<CheckoutResultModel> {
    return this.checkouts.checkout(rc, input).catch(argumentFields('input'));
  }
}
