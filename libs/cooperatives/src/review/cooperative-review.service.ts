import { Injectable } from '@nestjs/common';
import {
  BadUserInputError,
  ConflictError,
  Db,
  ForbiddenError,
  InvalidStateTransitionError,
  isAdminOrMemberOf,
  manyByKey,
  NotFoundError,
  requireUuid,
  type RequestContext,
  uniqueViolation,
} from '@taawoun/core';
import { AuditLogService } from '../audit/audit-log.service.js';
import { CooperativeService, VETTED_REGISTRATION_NUMBER_INDEX } from '../cooperatives/cooperative.service.js';
import { CooperativeRepository } from '../cooperatives/cooperative.repository.js';
import { ProfileChangeService } from '../profile-changes/profile-change.service.js';
import { ReviewRepository } from './review.repository.js';
import {
  ReviewDecision,
  type CooperativeModel,
  type ReviewNoteModel,
} from '../cooperatives/cooperative.model.js';
import { CooperativeStatus } from '../cooperatives/cooperative-status.js';

const NOTE_MAX = 4000;

const DECISION_STATUS: Record<ReviewDecision, CooperativeStatus> = {
  [ReviewDecision.APPROVE]: CooperativeStatus.APPROVED,
  [ReviewDecision.REJECT]: CooperativeStatus.REJECTED,
  [ReviewDecision.REQUEST_CHANGES]: CooperativeStatus.CHANGES_REQUESTED,
};

/**
 * The admin side of the review workflow. Each move is one conditional UPDATE (`WHERE status =
 * expected`): of two admins acting at once exactly one changes the row, the other gets
 * INVALID_STATE_TRANSITION. The note and audit entry commit with the move or not at all.
 */
@Injectable()
export class CooperativeReviewService {
  constructor(
    private readonly db: Db,
    private readonly repo: CooperativeRepository,
    private readonly notes: ReviewRepository,
    private readonly cooperatives: CooperativeService,
    private readonly audit: AuditLogService,
    private readonly profileChanges: ProfileChangeService,
  ) {}

  /** SUBMITTED → UNDER_REVIEW, recording the reviewer. */
  start(rc: RequestContext, id: string): Promise<CooperativeModel> {
    const actor = rc.requireActor();
    return this.move(id, CooperativeStatus.SUBMITTED, CooperativeStatus.UNDER_REVIEW, async () => {
      await this.repo.recordReviewer(id, actor.userId);
      await this.audit.record(actor.userId, 'cooperative.review.start', { type: 'cooperative', id });
    });
  }

  /** UNDER_REVIEW → APPROVED | REJECTED | CHANGES_REQUESTED, storing the decision's note. */
  decide(rc: RequestContext, id: string, decision: ReviewDecision, note: string): Promise<CooperativeModel> {
    const actor = rc.requireActor();
    const text = requiredText('note', note);
    const to = DECISION_STATUS[decision];
    return this.move(id, CooperativeStatus.UNDER_REVIEW, to, async () => {
      await this.notes.insertNote(id, decision, text, actor.userId);
      await this.audit.record(
        actor.userId,
        'cooperative.review.decide',
        { type: 'cooperative', id },
        { decision, note: text },
      );
    });
  }

  /** APPROVED → SUSPENDED: hides it and its products from the public; its orders stay. */
  suspend(rc: RequestContext, id: string, reason: string): Promise<CooperativeModel> {
    const actor = rc.requireActor();
    const text = requiredText('reason', reason);
    return this.move(id, CooperativeStatus.APPROVED, CooperativeStatus.SUSPENDED, () =>
      this.audit.record(actor.userId, 'cooperative.suspend', { type: 'cooperative', id }, { reason: text }),
    );
  }

  /** SUSPENDED → APPROVED. */
  reinstate(rc: RequestContext, id: string): Promise<CooperativeModel> {
    const actor = rc.requireActor();
    return this.move(id, CooperativeStatus.SUSPENDED, CooperativeStatus.APPROVED, () =>
      this.audit.record(actor.userId, 'cooperative.reinstate', { type: 'cooperative', id }),
    );
  }

  /**
   * ADMIN: APPROVE writes a cooperative's pending profile change over its vetted values, REJECT
   * discards it; both are audited with the note.
   */
  async reviewProfileChange(
    rc: RequestContext,
    cooperativeId: string,
    decision: ReviewDecision,
    note: string,
  ): Promise<CooperativeModel> {
    const actor = rc.requireActor();
    requireUuid(cooperativeId, 'Cooperative');
    if (decision === ReviewDecision.REQUEST_CHANGES) {
      throw BadUserInputError.field('decision', 'must be APPROVE or REJECT for a profile change');
    }
    const text = requiredText('note', note);
    const apply = decision === ReviewDecision.APPROVE;
    await this.db.transaction(async () => {
      try {
        const changes = await this.profileChanges.settle(cooperativeId, apply);
        await this.audit.record(
          actor.userId,
          apply ? 'cooperative.profile_change.approve' : 'cooperative.profile_change.reject',
          { type: 'cooperative', id: cooperativeId },
          { note: text, changes },
        );
      } catch (error) {
        if (uniqueViolation(error) === VETTED_REGISTRATION_NUMBER_INDEX) throw takenNumber('cooperativeId');
        throw error;
      }
    });
    return this.cooperatives.get(cooperativeId);
  }

  /** The review notes of a cooperative, oldest first, batched per request: its members and admins only. */
  notesOf(rc: RequestContext, cooperativeId: string): Promise<ReviewNoteModel[]> {
    if (!isAdminOrMemberOf(rc.actor, cooperativeId)) throw new ForbiddenError('Review notes are internal');
    return rc.loaders
      .get<string, ReviewNoteModel[]>('cooperatives.reviewNotes', async (ids) => {
        const notes = (await this.notes.notesOf(ids)).map(({ createdAt, ...note }) => ({
          ...note,
          at: createdAt,
        }));
        return manyByKey(ids, notes, (n) => n.cooperativeId);
      })
      .load(cooperativeId);
  }

  private async move(
    id: string,
    from: CooperativeStatus,
    to: CooperativeStatus,
    sideEffects: () => Promise<void>,
  ): Promise<CooperativeModel> {
    requireUuid(id, 'Cooperative');
    await this.db.transaction(async () => {
      const moved = await this.repo.moveStatus(id, from, to).catch((error: unknown) => {
        // Two applications with one number approved at once: the vetted-number index decides.
        if (uniqueViolation(error) === VETTED_REGISTRATION_NUMBER_INDEX) throw takenNumber('id');
        throw error;
      });
      if (!moved) {
        const current = await this.repo.status(id);
        if (!current) throw new NotFoundError('Cooperative', id);
        throw new InvalidStateTransitionError('Cooperative', current, to);
      }
      await sideEffects();
    });
    return this.cooperatives.get(id);
  }
}

function takenNumber(field: string): ConflictError {
  return new ConflictError('Another approved cooperative already has this registration number', field);
}

function requiredText(field: string, value: string): string {
  const text = value.trim();
  if (!text) throw BadUserInputError.field(field, 'must not be empty');
  if (text.length > NOTE_MAX) throw BadUserInputError.field(field, `must be at most ${NOTE_MAX} characters`);
  return text;
}
