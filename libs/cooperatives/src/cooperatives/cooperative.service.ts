import { Injectable } from '@nestjs/common';
import {
  AppConfig,
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  isAdmin,
  CooperativeRole,
  Db,
  insertWithFreeSlug,
  InvalidStateTransitionError,
  NotFoundError,
  isUuid,
  requireUuid,
  slugify,
  type FieldProblem,
  type RequestContext,
  uniqueViolation,
  manyByKey,
} from '@taawoun/core';
import { AuditLogService } from '../audit/audit-log.service.js';
import { ProfileChangeRepository } from '../profile-changes/profile-change.repository.js';
import { ProfileChangeService, VETTED_STATUSES } from '../profile-changes/profile-change.service.js';
import type { VettedValues } from '../profile-changes/vetted-fields.js';
import type { CooperativeApplicationInput } from './cooperative.input.js';
import { MembershipRepository } from '../memberships/membership.repository.js';
import { RegionService } from '../regions/region.service.js';
import { CooperativeLoader } from './cooperative.loader.js';
import type { CooperativeModel } from './cooperative.model.js';
import {
  CooperativeRepository,
  type CooperativeProfileValues,
  type SalesTermsRow,
} from './cooperative.repository.js';
import { CooperativeStatus } from './cooperative-status.js';
import { cooperativeVisibility } from './cooperative-visibility.js';

/** Members may not edit a profile an admin is reviewing, nor one that was rejected. */
const LOCKED_FOR_MEMBERS: ReadonlySet<CooperativeStatus> = new Set([
  CooperativeStatus.UNDER_REVIEW,
  CooperativeStatus.REJECTED,
]);

/** The largest shipping threshold or minimum order: 10,000,000 centimes (100,000 MAD). */
export const MAX_SHIPPING_TERM = 10_000_000;

/** Cooperatives: applications, profiles, commission, lookups. */
@Injectable()
export class CooperativeService {
  constructor(
    private readonly db: Db,
    private readonly repo: CooperativeRepository,
    private readonly memberships: MembershipRepository,
    private readonly regions: RegionService,
    private readonly config: AppConfig,
    private readonly loader: CooperativeLoader,
    private readonly audit: AuditLogService,
    private readonly profileChanges: ProfileChangeService,
    private readonly vetted: ProfileChangeRepository,
  ) {}

  /**
   * The cooperative with this id, batched per request (for `Product.cooperative` and the like),
   * whatever its status: callers that expose it decide visibility. Null when there is none.
   */
  load(rc: RequestContext, id: string): Promise<CooperativeModel | null> {
    return this.loader.load(rc, id);
  }

  /**
   * The cooperative with this id when the caller may see it (see cooperative-visibility.ts),
   * batched per request; an invitation discloses its cooperative to whoever reads the invitation.
   */
  async loadVisible(
    rc: RequestContext,
    id: string,
    disclosedByInvitation = false,
  ): Promise<CooperativeModel | null> {
    const cooperative = await this.loader.load(rc, id);
    return cooperative && cooperativeVisibility(rc.actor).allows(cooperative, disclosedByInvitation)
      ? cooperative
      : null;
  }

  /** `cooperative(id | slug)`: null when it does not exist or the caller may not see it. */
  async find(rc: RequestContext, id?: string | null, slug?: string | null): Promise<CooperativeModel | null> {
    if ((id == null) === (slug == null)) {
      throw new BadUserInputError([
        { field: id == null ? 'id' : 'slug', message: 'give exactly one of id or slug' },
      ]);
    }
    if (id != null && !isUuid(id)) return null;
    // Visibility is part of the query.
    const row = await this.repo.findVisible(
      id != null ? { id } : { slug: slug! },
      cooperativeVisibility(rc.actor),
    );
    return row ? this.loader.prime(rc, row) : null;
  }

  /** A signed-in user applies: the cooperative starts SUBMITTED and the applicant is its OWNER. */
  async apply(rc: RequestContext, input: CooperativeApplicationInput): Promise<CooperativeModel> {
    const actor = rc.requireActor();
    await this.checkApplication(input);
    // Only vetted cooperatives' numbers are public and reserved: another application's number
    // is neither revealed nor blocked here (the reviewer sees duplicates).
    if (await this.vetted.vettedNumberTaken(input.registrationNumber, null)) throw registrationConflict();
    const base = slugify(input.name, 'cooperative');
    const id = await this.mapUniqueViolations(() =>
      this.db.transaction(async () => {
        const created = await insertWithFreeSlug(
          base,
          (slug) =>
            this.repo.insert(
              slug,
              profileValues(input),
              CooperativeStatus.SUBMITTED,
              this.config.COMMISSION_BPS,
            ),
          'name',
        );
        await this.memberships.add(actor.userId, created, CooperativeRole.OWNER);
        return created;
      }),
    );
    // The applicant is OWNER from now on, also for the fields of this very response.
    rc.actor = { ...actor, memberships: new Map([...actor.memberships, [id, CooperativeRole.OWNER]]) };
    return this.get(id);
  }

  /**
   * Replaces the profile. When a member (OWNER/MANAGER) updates a cooperative whose review asked
   * for changes, it goes back to SUBMITTED; an admin's edit never moves the status. On a vetted
   * (APPROVED or SUSPENDED) cooperative, a member's changes to the vetted facts wait for an admin
   * in its pending profile change; other fields apply at once. Every edit is audited.
   */
  async updateProfile(
    rc: RequestContext,
    id: string,
    input: CooperativeApplicationInput,
  ): Promise<CooperativeModel> {
    const actor = rc.requireActor();
    requireUuid(id, 'Cooperative');
    await this.checkApplication(input);
    const role = actor.memberships.get(id);
    const asMember = role === CooperativeRole.OWNER || role === CooperativeRole.MANAGER;
    await this.mapUniqueViolations(() =>
      this.db.transaction(async () => {
        const current = await this.profileChanges.lockVetted(id);
        if (!current) throw new NotFoundError('Cooperative', id);
        if (asMember && LOCKED_FOR_MEMBERS.has(current.status)) {
          throw new InvalidStateTransitionError('Cooperative', current.status, 'profile update');
        }
        if (asMember && VETTED_STATUSES.has(current.status)) {
          const pending = await this.profileChanges.submit(id, current, vettedValues(input), actor.userId);
          await this.repo.updateContact(id, input.description ?? null, input.contactPhone);
          await this.audit.record(
            actor.userId,
            'cooperative.profile.update',
            { type: 'cooperative', id },
            {
              applied: { description: input.description ?? null, contactPhone: input.contactPhone },
              pending,
            },
          );
          return;
        }
        const next =
          asMember && current.status === CooperativeStatus.CHANGES_REQUESTED
            ? CooperativeStatus.SUBMITTED
            : current.status;
        if (!(await this.repo.updateProfile(id, current.status, profileValues(input), next)))
          throw new InvalidStateTransitionError('Cooperative', current.status, next);
        await this.audit.record(
          actor.userId,
          'cooperative.profile.update',
          { type: 'cooperative', id },
          { applied: { ...input }, pending: {} },
        );
      }),
    );
    return this.get(id);
  }

  /** ADMIN: the platform commission of one cooperative, in basis points (0..10000). */
  async setCommissionRate(rc: RequestContext, id: string, rateBps: number): Promise<CooperativeModel> {
    const actor = rc.requireActor();
    requireUuid(id, 'Cooperative');
    if (!Number.isInteger(rateBps) || rateBps < 0 || rateBps > 10000) {
      throw BadUserInputError.field('rateBps', 'must be an integer between 0 and 10000 basis points');
    }
    await this.db.transaction(async () => {
      const previous = await this.repo.setCommissionRate(id, rateBps);
      if (previous === null) throw new NotFoundError('Cooperative', id);
      await this.audit.record(
        actor.userId,
        'cooperative.commission.set',
        { type: 'cooperative', id },
        { from: previous, to: rateBps },
      );
    });
    return this.get(id);
  }

  /**
   * OWNER/MANAGER, admins: the cooperative's shipping terms, in centimes: a sub-order whose
   * subtotal reaches `freeShippingThreshold` ships free (null: never), checkout refuses a
   * sub-order below `minimumOrderAmount` (null: no minimum).
   */
  async setShippingTerms(
    rc: RequestContext,
    id: string,
    freeShippingThreshold: number | null,
    minimumOrderAmount: number | null,
  ): Promise<CooperativeModel> {
    const actor = rc.requireActor();
    requireUuid(id, 'Cooperative');
    for (const [field, value] of [
      ['freeShippingThreshold', freeShippingThreshold],
      ['minimumOrderAmount', minimumOrderAmount],
    ] as const) {
      if (value !== null && (!Number.isInteger(value) || value < 0 || value > MAX_SHIPPING_TERM))
        throw BadUserInputError.field(
          field,
          `must be null or an integer between 0 and ${MAX_SHIPPING_TERM} centimes`,
        );
    }
    await this.db.transaction(async () => {
      const previous = await this.repo.setShippingTerms(id, freeShippingThreshold, minimumOrderAmount);
      if (previous === null) throw new NotFoundError('Cooperative', id);
      await this.audit.record(
        actor.userId,
        'cooperative.shipping_terms.set',
        { type: 'cooperative', id },
        {
          from: { freeShippingThreshold: previous.threshold, minimumOrderAmount: previous.minimum },
          to: { freeShippingThreshold, minimumOrderAmount },
        },
      );
    });
    return this.get(id);
  }

  /** What checkout snapshots of these cooperatives: name, commission rate, shipping terms (one statement). */
  salesTerms(ids: readonly string[]): Promise<SalesTermsRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.repo.salesTerms(ids);
  }

  /**
   * Other cooperatives (any state) with the same registration number, at most 20 each, batched
   * per request: admins (the reviewers) only.
   */
  registrationNumberDuplicates(rc: RequestContext, id: string): Promise<CooperativeModel[]> {
    if (!isAdmin(rc.actor)) throw new ForbiddenError('Registration number duplicates are for reviewers');
    return rc.loaders
      .get<string, CooperativeModel[]>('cooperatives.registrationNumberDuplicates', async (ids) => {
        const rows = await this.repo.registrationNumberDuplicates(ids, 20);
        return manyByKey(ids, rows, (r) => r.duplicateOf).map((list) =>
          list.map(({ duplicateOf: _of, ...cooperative }) => cooperative),
        );
      })
      .load(id);
  }

  /** A fresh read after a write (not through the request's loader, which may hold the old row). */
  async get(id: string): Promise<CooperativeModel> {
    const row = await this.repo.byId(id);
    if (!row) throw new NotFoundError('Cooperative', id);
    return row;
  }

  /** Checks that need the database or several fields; every problem names its field. */
  private async checkApplication(input: CooperativeApplicationInput): Promise<void> {
    const problems: FieldProblem[] = [];
    const known = await this.regions.knownCodes(null, input.provinceCode);
    if (!known.province) problems.push({ field: 'provinceCode', message: 'is not a known province code' });
    const founded = parseIsoDate(input.foundedOn);
    if (!founded) {
      problems.push({ field: 'foundedOn', message: 'is not a valid date' });
    } else if (input.foundedOn > todayIso()) {
      problems.push({ field: 'foundedOn', message: 'must not be in the future' });
    } else if (input.foundedOn < '1900-01-01') {
      problems.push({ field: 'foundedOn', message: 'must be after 1900' });
    }
    if (input.womenMemberCount != null && input.womenMemberCount > input.memberCount) {
      problems.push({ field: 'womenMemberCount', message: 'must not exceed memberCount' });
    }
    if (problems.length) throw new BadUserInputError(problems);
  }

  private async mapUniqueViolations<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (uniqueViolation(error) === VETTED_REGISTRATION_NUMBER_INDEX) throw registrationConflict();
      throw error;
    }
  }
}

/** The unique index on registration numbers of vetted (APPROVED, SUSPENDED) cooperatives. */
export const VETTED_REGISTRATION_NUMBER_INDEX = 'UQ_cooperatives_registration_number_vetted';

function registrationConflict(): ConflictError {
  return new ConflictError(
    'A cooperative with this registration number already exists',
    'registrationNumber',
  );
}

function profileValues(input: CooperativeApplicationInput): CooperativeProfileValues {
  return {
    ...vettedValues(input),
    description: input.description ?? null,
    contactPhone: input.contactPhone,
  };
}

function vettedValues(input: CooperativeApplicationInput): VettedValues {
  return {
    name: input.name,
    registrationNumber: input.registrationNumber,
    sector: input.sector,
    provinceCode: input.provinceCode,
    foundedOn: input.foundedOn,
    memberCount: input.memberCount,
    womenMemberCount: input.womenMemberCount ?? null,
    womenLed: input.womenLed,
  };
}

function parseIsoDate(text: string): Date | null {
  const date = new Date(`${text}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text ? null : date;
}

/** Today in Morocco (UTC+1 all year, except around Ramadan; a day's margin is harmless here). */
function todayIso(): string {
  return new Date(Date.now() + 60 * 60 * 1000).toISOString().slice(0, 10);
}
