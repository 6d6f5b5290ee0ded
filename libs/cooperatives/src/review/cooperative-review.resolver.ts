import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Ctx, PlatformRole, type RequestContext } from '@taawoun/core';
import { Policy } from '@taawoun/identity';
import { CooperativeModel, ReviewDecision } from '../cooperatives/cooperative.model.js';
import { CooperativeReviewService } from './cooperative-review.service.js';

@Resolver(() => CooperativeModel)
export class CooperativeReviewResolver {
  constructor(private readonly reviews: CooperativeReviewService) {}

  @Mutation(() => CooperativeModel, { description: 'ADMIN; SUBMITTED → UNDER_REVIEW, records the reviewer.' })
  @Policy.roles(PlatformRole.ADMIN)
  startCooperativeReview(
    @Ctx() rc: RequestContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<CooperativeModel> {
    return this.reviews.start(rc, id);
  }

  @Mutation(() => CooperativeModel, { description: 'ADMIN; only from UNDER_REVIEW. The note is stored.' })
  @Policy.roles(PlatformRole.ADMIN)
  reviewCooperative(
    @Ctx() rc: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('decision', { type: () => ReviewDecision }) decision: ReviewDecision,
    @Args('note') note: string,
  ): Promise<CooperativeModel> {
    return this.reviews.decide(rc, id, decision, note);
  }

  @Mutation(() => CooperativeModel, {
    description: 'ADMIN; APPROVED → SUSPENDED: hides its products, keeps its orders.',
  })
  @Policy.roles(PlatformRole.ADMIN)
  suspendCooperative(
    @Ctx() rc: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason') reason: string,
  ): Promise<CooperativeModel> {
    return this.reviews.suspend(rc, id, reason);
  }

  @Mutation(() => CooperativeModel, { description: 'ADMIN; SUSPENDED → APPROVED.' })
  @Policy.roles(PlatformRole.ADMIN)
  reinstateCooperative(
    @Ctx() rc: RequestContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<CooperativeModel> {
    return this.reviews.reinstate(rc, id);
  }

  @Mutation(() => CooperativeModel, {
    description:
      'ADMIN; APPROVE applies the pending profile change, REJECT discards it; audited with the note.',
  })
  @Policy.roles(PlatformRole.ADMIN)
  reviewCooperativeProfileChange(
    @Ctx() rc: RequestContext,
    @Args('cooperativeId', { type: () => ID }) cooperativeId: string,
    @Args('decision', { type: () => ReviewDecision }) decision: ReviewDecision,
    @Args('note') note: string,
  ): Promise<CooperativeModel> {
    return this.reviews.reviewProfileChange(rc, cooperativeId, decision, note);
  }
}
