import { Args, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CooperativeRole, Ctx, PlatformRole, type RequestContext } from '@taawoun/core';
import { Policy } from '@taawoun/identity';
import { OrderLoaders, SubOrderModel } from '@taawoun/orders';
import { PayoutModel } from '../payouts/payout.model.js';
import { PayoutsService } from '../payouts/payouts.service.js';
import { CooperativeLedgerModel, LedgerEntryModel } from './ledger.model.js';
import { LedgerService } from './ledger.service.js';

@Resolver(() => CooperativeLedgerModel)
export class LedgerResolver {
  constructor(private readonly ledger: LedgerService) {}

  @Query(() => CooperativeLedgerModel, { description: "A cooperative's ledger; its OWNER/MANAGERs, admins." })
  @Policy.allow({
    platformRoles: [PlatformRole.ADMIN],
    cooperative: { roles: [CooperativeRole.OWNER, CooperativeRole.MANAGER], scope: { arg: 'cooperativeId' } },
  })
  cooperativeLedger(
    @Args('cooperativeId', { type: () => ID }) cooperativeId: string,
  ): Promise<CooperativeLedgerModel> {
    return this.ledger.ledger(cooperativeId);
  }

  @ResolveField(() => [LedgerEntryModel], {
    description: 'Newest first; `after` is the id of the last entry seen.',
  })
  entries(
    @Parent() parent: CooperativeLedgerModel,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<LedgerEntryModel[]> {
    return this.ledger.entries(parent.cooperativeId, first, after);
  }
}

@Resolver(() => LedgerEntryModel)
export class LedgerEntryFieldsResolver {
  constructor(
    private readonly orders: OrderLoaders,
    private readonly payouts: PayoutsService,
  ) {}

  @ResolveField(() => SubOrderModel, { nullable: true })
  subOrder(@Parent() entry: LedgerEntryModel, @Ctx() rc: RequestContext): Promise<SubOrderModel | null> {
    return entry.subOrderId ? this.orders.subOrder(rc, entry.subOrderId) : Promise.resolve(null);
  }

  @ResolveField(() => PayoutModel, { nullable: true })
  payout(@Parent() entry: LedgerEntryModel, @Ctx() rc: RequestContext): Promise<PayoutModel | null> {
    return entry.payoutId ? this.payouts.payout(rc, entry.payoutId) : Promise.resolve(null);
  }
}
