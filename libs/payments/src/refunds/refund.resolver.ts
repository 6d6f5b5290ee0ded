import { Args, ID, Int, Mutation, Resolver } from '@nestjs/graphql';
import { Ctx, PlatformRole, type RequestContext } from '@taawoun/core';
import { Policy } from '@taawoun/identity';
import { SubOrderModel } from '@taawoun/orders';
import { RefundService } from './refund.service.js';

@Resolver()
export class RefundResolver {
  constructor(private readonly refunds: RefundService) {}

  @Mutation(() => SubOrderModel, {
    description: 'ADMIN; partial when amount (centimes) is given; never above what is left of the payment.',
  })
  @Policy.allow({ platformRoles: [PlatformRole.ADMIN] })
  refundSubOrder(
    @Ctx() rc: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('amount', { type: () => Int, nullable: true }) amount: number | null,
    @Args('reason') reason: string,
  ): Promise<SubOrderModel> {
    return this.refunds.refundSubOrder(rc, id, amount, reason);
  }
}
