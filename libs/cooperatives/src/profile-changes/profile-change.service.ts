import { Injectable } from '@nestjs/common';
import {
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  isAdminOrMemberOf,
  NotFoundError,
  oneByKey,
  type RequestContext,
} from '@taawoun/core';
import { CooperativeStatus } from '../cooperatives/cooperative-status.js';
import type { CooperativeProfileChangeModel } from './profile-change.model.js';
import { ProfileChangeRepository, type ProfileChangeRow } from './profile-change.repository.js';
import { vettedDifferences, type VettedValues } from './vetted-fields.js';

/** Statuses whose vetted facts change only through an admin's review of a pending change. */
export const VETTED_STATUSES: ReadonlySet<CooperativeStatus> = new Set([
  CooperativeStatus.APPROVED,
  CooperativeStatus.SUSPENDED,
]);

const toModel = (row: ProfileChangeRow): CooperativeProfileChangeModel => ({
  cooperativeId: row.cooperativeId,
  name: row.changes.name ?? null,
  registrationNumber: row.changes.registrationNumber ?? null,
  sector: row.changes.sector ?? null,
  provinceCode: row.changes.provinceCode ?? null,
  foundedOn: row.changes.foundedOn ?? null,
  memberCount: row.changes.memberCount ?? null,
  womenMemberCount: row.changes.womenMemberCount ?? null,
  womenLed: row.changes.womenLed ?? null,
  requestedAt: row.requestedAt,
});

/**
 * Members' edits to the vetted facts of an approved (or suspended) cooperative. They wait in one
 * pending change per cooperative; a later edit merges into it field by field (a field the edit
 * leaves at its vetted value keeps its pending value: profile forms send every field, and an
 * edit of the description must not silently withdraw a pending rename). Callers hold the
 * cooperative's row lock (see {@link ProfileChangeRepository.lockVetted}).
 */
@Injectable()
export class ProfileChangeService {
  constructor(private readonly repo: ProfileChangeRepository) {}

  /**
   * Merges a member's edit into the pending change; answers the pending fields after the merge.
   * Refuses a registration number another vetted cooperative has, and counts that would not fit
   * together once applied.
   */
  async submit(
    cooperativeId: string,
    current: VettedValues,
    edit: VettedValues,
    requestedBy: string,
  ): Promise<Partial<VettedValues>> {
    const previous = (await this.repo.find(cooperativeId))?.changes ?? {};
    const merged = vettedDifferences(current, {
      ...current,
      ...previous,
      ...vettedDifferences(current, edit),
    });
    if (merged.registrationNumber !== undefined) {
      if (await this.repo.vettedNumberTaken(merged.registrationNumber, cooperativeId)) {
        throw new ConflictError(
          'A cooperative with this registration number already exists',
          'registrationNumber',
        );
      }
    }
    const effective = { ...current, ...merged };
    if (effective.womenMemberCount != null && effective.womenMemberCount > effective.memberCount) {
      throw BadUserInputError.field(
        'womenMemberCount',
        'must not exceed memberCount (including the change waiting for review)',
      );
    }
    if (Object.keys(merged).length === 0) await this.repo.take(cooperativeId);
    else await this.repo.save(cooperativeId, merged, requestedBy);
    return merged;
  }

  /**
   * Removes the pending change and, when `apply`, writes it over the vetted values; answers the
   * change. The caller holds the cooperative's lock and records the audit entry.
   */
  async settle(cooperativeId: string, apply: boolean): Promise<Partial<VettedValues>> {
    const current = await this.repo.lockVetted(cooperativeId);
    if (!current) throw new NotFoundError('Cooperative', cooperativeId);
    const pending = await this.repo.take(cooperativeId);
    if (!pending) throw new NotFoundError('CooperativeProfileChange', cooperativeId);
    if (!apply) return pending.changes;
    const next: VettedValues = { ...current, ...pending.changes };
    if (next.womenMemberCount != null && next.womenMemberCount > next.memberCount) {
      throw new ConflictError(
        'The change no longer fits the profile: womenMemberCount would exceed memberCount',
        'cooperativeId',
      );
    }
    if (
      pending.changes.registrationNumber !== undefined &&
      (await this.repo.vettedNumberTaken(pending.changes.registrationNumber, cooperativeId))
    ) {
      throw new ConflictError(
        'Another approved cooperative already has this registration number',
        'cooperativeId',
      );
    }
    await this.repo.applyVetted(cooperativeId, next);
    return pending.changes;
  }

  /** The cooperative's current status and vetted values, locked until the transaction ends. */
  lockVetted(cooperativeId: string) {
    return this.repo.lockVetted(cooperativeId);
  }

  /** The pending change of a cooperative (null when none), batched per request: its members and admins only. */
  pendingOf(rc: RequestContext, cooperativeId: string): Promise<CooperativeProfileChangeModel | null> {
    if (!isAdminOrMemberOf(rc.actor, cooperativeId)) {
      throw new ForbiddenError('Pending profile changes are internal');
    }
    return rc.loaders
      .get<string, CooperativeProfileChangeModel | null>('cooperatives.pendingProfileChange', async (ids) => {
        const rows = await this.repo.findMany(ids);
        return oneByKey(ids, rows.map(toModel), (c) => c.cooperativeId);
      })
      .load(cooperativeId);
  }
}
