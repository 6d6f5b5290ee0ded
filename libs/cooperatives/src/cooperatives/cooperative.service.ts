import { Injectable } from '@nestjs/common';
import {
  AppConfig,
  BadUserInputError,
  ConflictError,
  CooperativeRole,
  Db,
  insertWithFreeSlug,
  InvalidStateTransitionError,
  NotFoundError,
  isAdmin,
  isUuid,
  requireUuid,
  slugify,
  type FieldProblem,
  type RequestContext,
  uniqueViolation,
  memberCooperativeIds,
  manyByKey,
} from '@taawoun/core';
import { AuditLogService } from '../audit/audit-log.service.js';
import { ProfileChangeRepository } from '../profile-changes/profile-change.repository.js';
import { ProfileChangeService, VETTED_STATUSES } from '../profile-changes/profile-change.service.js';
import type { VettedValues } from '../profile-changes/vetted-fields.js';
import type { CooperativeApplicationInput } from './cooperative.input.js';
import { CooperativeLoader } from './cooperative.loader.js';
import { COOPERATIVE_COLUMNS, rowToCooperativeModel, type CooperativeRow } from './cooperative.mapper.js';
import type { CooperativeModel } from './cooperative.model.js';
import { CooperativeStatus } from './cooperative-status.js';

/** Members may not edit a profile an admin is reviewing, nor one that was rejected. */
const LOCKED_FOR_MEMBERS: ReadonlySet<CooperativeStatus> = new Set([
  CooperativeStatus.UNDER_REVIEW,
  CooperativeStatus.REJECTED,
]);

/** Cooperatives: applications, profiles, commission, lookups. */
@Injectable()
export class CooperativeService {
  constructor(
    private readonly db: Db,
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

  /** `cooperative(id | slug)`: null when it does not exist or the caller may not see it. */
  async find(rc: RequestContext, id?: string | null, slug?: string | null): Promise<CooperativeModel | null> {
    if ((id == null) === (slug == null)) {
      throw new BadUserInputError([
        { field: id == null ? 'id' : 'slug', message: 'give exactly one of id or slug' },
      ]);
    }
    if (id != null && !isUuid(id)) return null;
    // Visibility is part of the query: the public reads APPROVED rows only, members also their
    // own cooperatives in any state, admins every row.
    const [row] = await this.db.query<CooperativeRow>(
      `SELECT ${COOPERATIVE_COLUMNS} FROM cooperatives c
        WHERE ${id != null ? 'c.id = $1::uuid' : 'c.slug = $1'}
          AND ($2::boolean OR c.status = 'APPROVED' OR c.id = ANY($3::uuid[]))`,
      [id ?? slug, isAdmin(rc.actor), memberCooperativeIds(rc.actor)],
    );
    return row ? this.loader.prime(rc, rowToCooperativeModel(row)) : null;
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
          async (slug) => {
            const [row] = await this.db.query<{ id: string }>(
              `INSERT INTO cooperatives (slug, name, registration_number, sector, province_code, founded_on,
                                         member_count, women_member_count, women_led, description,
                                         contact_phone, status, commission_rate_bps)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
               ON CONFLICT ON CONSTRAINT "UQ_cooperatives_slug" DO NOTHING
               RETURNING id`,
              [slug, ...this.profileValues(input), CooperativeStatus.SUBMITTED, this.config.COMMISSION_BPS],
            );
            return row?.id;
          },
          'input.name',
        );
        await this.db.query(
          `INSERT INTO cooperative_memberships (user_id, cooperative_id, role) VALUES ($1, $2, $3)`,
          [actor.userId, created, CooperativeRole.OWNER],
        );
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
          await this.db.query(
            `UPDATE cooperatives SET description = $2, contact_phone = $3, updated_at = now() WHERE id = $1`,
            [id, input.description ?? null, input.contactPhone],
          );
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
        const updated = await this.db.query(
          `UPDATE cooperatives SET name = $3, registration_number = $4, sector = $5, province_code = $6,
                  founded_on = $7, member_count = $8, women_member_count = $9, women_led = $10,
                  description = $11, contact_phone = $12, status = $13, updated_at = now()
           WHERE id = $1 AND status = $2 RETURNING id`,
          [id, current.status, ...this.profileValues(input), next],
        );
        if (updated.length !== 1) throw new InvalidStateTransitionError('Cooperative', current.status, next);
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
      const [row] = await this.db.query<{ previous: number }>(
        `UPDATE cooperatives c SET commission_rate_bps = $2, updated_at = now()
         FROM (SELECT id, commission_rate_bps AS previous FROM cooperatives WHERE id = $1 FOR UPDATE) old
         WHERE c.id = old.id RETURNING old.previous`,
        [id, rateBps],
      );
      if (!row) throw new NotFoundError('Cooperative', id);
      await this.audit.record(
        actor.userId,
        'cooperative.commission.set',
        { type: 'cooperative', id },
        { from: row.previous, to: rateBps },
      );
    });
    return this.get(id);
  }

  /** Other cooperatives (any state) with the same registration number, at most 20 each, batched per request. */
  registrationNumberDuplicates(rc: RequestContext, id: string): Promise<CooperativeModel[]> {
    return rc.loaders
      .get<string, CooperativeModel[]>('cooperatives.registrationNumberDuplicates', async (ids) => {
        const rows = await this.db.query<CooperativeRow & { duplicate_of: string }>(
          `SELECT ${COOPERATIVE_COLUMNS}, d.duplicate_of FROM (
             SELECT o.id, x.id AS duplicate_of,
                    row_number() OVER (PARTITION BY x.id ORDER BY o.created_at, o.id) AS n
             FROM cooperatives x JOIN cooperatives o ON o.registration_number = x.registration_number AND o.id <> x.id
             WHERE x.id = ANY($1::uuid[])) d
           JOIN cooperatives c ON c.id = d.id
           WHERE d.n <= 20 ORDER BY d.n`,
          [[...ids]],
        );
        return manyByKey(
          ids,
          rows.map((r) => ({ of: r.duplicate_of, model: rowToCooperativeModel(r) })),
          (r) => r.of,
        ).map((list) => list.map((r) => r.model));
      })
      .load(id);
  }

  /** A fresh read after a write (not through the request's loader, which may hold the old row). */
  async get(id: string): Promise<CooperativeModel> {
    const [row] = await this.db.query<CooperativeRow>(
      `SELECT ${COOPERATIVE_COLUMNS} FROM cooperatives c WHERE c.id = $1`,
      [id],
    );
    if (!row) throw new NotFoundError('Cooperative', id);
    return rowToCooperativeModel(row);
  }

  private profileValues(input: CooperativeApplicationInput): unknown[] {
    return [
      input.name,
      input.registrationNumber,
      input.sector,
      input.provinceCode,
      input.foundedOn,
      input.memberCount,
      input.womenMemberCount ?? null,
      input.womenLed,
      input.description ?? null,
      input.contactPhone,
    ];
  }

  /** Checks that need the database or several fields; every problem names its field. */
  private async checkApplication(input: CooperativeApplicationInput): Promise<void> {
    const problems: FieldProblem[] = [];
    const [province] = await this.db.query<{ code: string }>(`SELECT code FROM provinces WHERE code = $1`, [
      input.provinceCode,
    ]);
    if (!province) problems.push({ field: 'input.provinceCode', message: 'is not a known province code' });
    const founded = parseIsoDate(input.foundedOn);
    if (!founded) {
      problems.push({ field: 'input.foundedOn', message: 'is not a valid date' });
    } else if (input.foundedOn > todayIso()) {
      problems.push({ field: 'input.foundedOn', message: 'must not be in the future' });
    } else if (input.foundedOn < '1900-01-01') {
      problems.push({ field: 'input.foundedOn', message: 'must be after 1900' });
    }
    if (input.womenMemberCount != null && input.womenMemberCount > input.memberCount) {
      problems.push({ field: 'input.womenMemberCount', message: 'must not exceed memberCount' });
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
    'input.registrationNumber',
  );
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
