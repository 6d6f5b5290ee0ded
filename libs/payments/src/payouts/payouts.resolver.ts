import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CooperativeRole, Ctx, PlatformRole, type RequestContext } from '@taawoun/core';
import { CooperativeModel, CooperativeService } from '@taawoun/cooperatives';
import { Policy } from '@taawoun/identity';
import { PayoutAccountModel, PayoutConnection, PayoutModel, PayoutsArgs } from './payout.model.js';
import { payoutDataVisibleTo } from './payout-visibility.js';
import { PayoutsService } from './payouts.service.js';
import { PayoutConnectService } from './payout-connect.service.js';

const OWNER_MANAGER = [CooperativeRole.OWNER, CooperativeRole.MANAGER];

@Resolver(() => PayoutModel)
export class PayoutsResolver {
  constructor(
    private readonly service: PayoutsService,
    private readonly cooperatives: CooperativeService,
    private readonly connect: PayoutConnectService,
  ) {}

  @Mutation(() => String, { description: 'OWNER; answers a Stripe Connect onboarding link.' })
  @Policy.allow({ cooperative: { roles: [CooperativeRole.OWNER], scope: { arg: 'cooperativeId' } } })
  startPayoutOnboarding(
    @Args('cooperativeId', { type: () => ID }) cooperativeId: string,
    @Args('returnUrl') returnUrl: string,
    @Args('refreshUrl') refreshUrl: string,
  ): Promise<string> {
    return this.connect.startOnboarding(cooperativeId, returnUrl, refreshUrl);
  }

  @Query(() => PayoutConnection, { description: 'ADMIN; OWNER/MANAGER for their own cooperative.' })
  @Policy.allow({
    platformRoles: [PlatformRole.ADMIN],
    cooperative: { roles: OWNER_MANAGER, scope: { arg: 'cooperativeId' } },
  })
  payouts(@Args() args: PayoutsArgs): Promise<PayoutConnection> {
    return this.service.list(args.cooperativeId, args.status, args.first, args.after);
  }

  @Mutation(() => PayoutAccountModel, { description: "OWNER; the RIB's check digits are verified." })
  @Policy.allow({ cooperative: { roles: [CooperativeRole.OWNER], scope: { arg: 'cooperativeId' } } })
  setBankPayoutDetails(
    @Args('cooperativeId', { type: () => ID }) cooperativeId: string,
    @Args('accountHolder') accountHolder: string,
    @Args('rib') rib: string,
  ): Promise<PayoutAccountModel> {
    return this.service.setBankDetails(cooperativeId, accountHolder, rib);
  }

  @Mutation(() => [PayoutModel], {
    description: 'ADMIN (also a daily job): one payout per cooperative with a payable balance.',
  })
  @Policy.roles(PlatformRole.ADMIN)
  runPayouts(): Promise<PayoutModel[]> {
    return this.service.run();
  }

  @Mutation(() => PayoutModel, { description: 'ADMIN, BANK_TRANSFER payouts.' })
  @Policy.roles(PlatformRole.ADMIN)
  markPayoutPaid(
    @Args('id', { type: () => ID }) id: string,
    @Args('reference') reference: string,
  ): Promise<PayoutModel> {
    return this.service.markPaid(id, reference);
  }

  @Mutation(() => PayoutModel, { description: 'ADMIN; the amount returns to the balance.' })
  @Policy.roles(PlatformRole.ADMIN)
  markPayoutFailed(
    @Args('id', { type: () => ID }) id: string,
    @Args('reason') reason: string,
  ): Promise<PayoutModel> {
    return this.service.markFailed(id, reason);
  }

  @ResolveField(() => CooperativeModel)
  async cooperative(@Parent() payout: PayoutModel, @Ctx() rc: RequestContext): Promise<CooperativeModel> {
    const cooperative = await this.cooperatives.load(rc, payout.cooperativeId);
    if (!cooperative)
      throw new Error(`Cooperative ${payout.cooperativeId} of payout ${payout.id} is missing`);
    return cooperative;
  }
}

@Resolver(() => CooperativeModel)
export class CooperativePayoutAccountResolver {
  constructor(private readonly payouts: PayoutsService) {}

  @ResolveField(() => PayoutAccountModel, {
    nullable: true,
    description: 'Visible to its OWNER/MANAGERs and admins only.',
  })
  payoutAccount(
    @Parent() cooperative: CooperativeModel,
    @Ctx() rc: RequestContext,
  ): Promise<PayoutAccountModel | null> {
    return payoutDataVisibleTo(rc.actor, cooperative.id)
      ? this.payouts.account(rc, cooperative.id)
      : Promise.resolve(null);
  }
}
