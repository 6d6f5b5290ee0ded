import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import {
  BadUserInputError,
  Db,
  LOGGER,
  NotFoundError,
  requireUuid,
  type RequestContext,
  pgError,
} from '@taawoun/core';
import { AssetKind, AssetService } from '@taawoun/assets';
import { AuditLogService, CooperativeRepository, MembershipRepository } from '@taawoun/cooperatives';
import { UserRepository } from '@taawoun/identity';
import { Outbox } from '@taawoun/notifications';
import { CatalogAccess } from '../catalog-access.js';
import { CertificationRepository } from './certification.repository.js';
import type { CertificationInput } from './certification.input.js';
import type { CertificationModel } from './certification.model.js';

/** The daily job reminding cooperatives of certificates about to expire. */
export const CERTIFICATION_REMINDER_JOB = 'catalog.certification-reminders';

/** Today's date in Morocco (YYYY-MM-DD), the day certificate validity and reminders use. */
export function moroccoToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Casablanca' }).format(now);
}

/** Days before expiry when the cooperative is reminded to renew a certificate. */
export const REMINDER_DAYS_BEFORE_EXPIRY = 30;

/** The most certificates one page of the verification queue holds. */
export const MAX_TO_VERIFY = 100;

/** One reminder recorded by {@link CertificationService.remindExpiringCertifications}. */
export interface CertificationReminder {
  certificationId: string;
  cooperativeId: string;
  type: string;
  reference: string;
  expiresOn: string;
}

/** Certificates of cooperatives: added by members, verified by admins, reminded before expiry. */
@Injectable()
export class CertificationService {
  constructor(
    private readonly db: Db,
    private readonly certifications: CertificationRepository,
    private readonly access: CatalogAccess,
    private readonly audit: AuditLogService,
    private readonly cooperatives: CooperativeRepository,
    private readonly memberships: MembershipRepository,
    private readonly users: UserRepository,
    private readonly outbox: Outbox,
    private readonly assets: AssetService,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  cooperativeOf(id: string): Promise<string | null> {
    return this.certifications.cooperativeOf(id);
  }

  async get(id: string): Promise<CertificationModel> {
    const row = await this.certifications.byId(id);
    if (!row) throw new NotFoundError('Certification', id);
    return row;
  }

  async add(
    rc: RequestContext,
    cooperativeId: string,
    input: CertificationInput,
  ): Promise<CertificationModel> {
    const actor = rc.requireActor();
    requireUuid(cooperativeId, 'Cooperative');
    if (input.expiresOn && input.expiresOn < input.issuedOn)
      throw BadUserInputError.field('expiresOn', 'must not be before issuedOn');
    return this.db.transaction(async () => {
      await this.access.assertApproved(cooperativeId);
      if (input.documentAssetId != null) {
        // The scanned certificate: the actor's upload (or its cooperative's), kept private to members and admins.
        const target = { cooperativeId, kind: AssetKind.CERTIFICATION_DOCUMENT };
        await this.assets.assertUsable(actor, [input.documentAssetId], {
          field: 'documentAssetId',
          ...target,
        });
        await this.assets.attach(input.documentAssetId, target, 'documentAssetId');
      }
      const id = await this.certifications.insert({
        cooperativeId,
        type: input.type,
        reference: input.reference.trim(),
        issuedOn: input.issuedOn,
        expiresOn: input.expiresOn ?? null,
        documentAssetId: input.documentAssetId ?? null,
      });
      if (!id) throw BadUserInputError.field('reference', 'this cooperative already has this certificate');
      return this.get(id);
    });
  }

  /** The admins' verification queue: `first` (1–100) unverified certificates, oldest first. */
  toVerify(first: number): Promise<CertificationModel[]> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_TO_VERIFY)
      throw BadUserInputError.field('first', `must be between 1 and ${MAX_TO_VERIFY}`);
    return this.certifications.unverified(first);
  }

  async verify(rc: RequestContext, id: string, verified: boolean): Promise<CertificationModel> {
    const actor = rc.requireActor();
    requireUuid(id, 'Certification');
    await this.db.transaction(async () => {
      if (!(await this.certifications.verify(id, verified, actor.userId)))
        throw new NotFoundError('Certification', id);
      await this.audit.record(actor.userId, verified ? 'certification.verify' : 'certification.unverify', {
        type: 'certification',
        id,
      });
    });
    return this.get(id);
  }

  /**
   * The daily reminder: for every verified certificate expiring within 30 days of `today`
   * (an ISO date), records one reminder per certificate and expiry date (a unique constraint
   * makes reruns and concurrent replicas harmless) and logs the event. Returns the new ones.
   */
  async remindExpiringCertifications(today: string): Promise<CertificationReminder[]> {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(today)))
      throw BadUserInputError.field('today', 'must be a date YYYY-MM-DD');
    try {
      return await this.db.transaction(async () => {
        const reminders = await this.certifications.remindExpiring(today, REMINDER_DAYS_BEFORE_EXPIRY);
        for (const r of reminders)
          this.log.info({ event: 'certification.expiring', ...r }, 'certification expires soon');
        await this.emailReminders(reminders);
        return reminders;
      });
    } catch (error) {
      if (pgError(error).code === '22008') throw BadUserInputError.field('today', 'must be a real date');
      throw error;
    }
  }

  /**
   * E-mails each reminder to the cooperative's owners and managers, in their language, in the
   * transaction recording the reminders: a reminder is recorded exactly when its e-mails are queued.
   */
  private async emailReminders(reminders: CertificationReminder[]): Promise<void> {
    if (!reminders.length) return;
    const cooperativeIds = [...new Set(reminders.map((r) => r.cooperativeId))];
    // Through the libs owning the tables: names (cooperatives), owners and managers
    // (memberships), their addresses and languages (identity).
    const names = new Map((await this.cooperatives.byIds(cooperativeIds)).map((c) => [c.id, c.name]));
    const managers = await this.memberships.managersOf(cooperativeIds);
    const users = new Map(
      (await this.users.findByIds([...new Set(managers.map((m) => m.userId))])).map((u) => [u.id, u]),
    );
    const recipients = managers
      .flatMap((m) => {
        const user = users.get(m.userId);
        return user
          ? [{ cooperativeId: m.cooperativeId, email: user.email, language: user.preferredLanguage }]
          : [];
      })
      .sort((a, b) => (a.email < b.email ? -1 : a.email > b.email ? 1 : 0)); // e-mail order, as before
    for (const r of reminders)
      for (const to of recipients.filter((x) => x.cooperativeId === r.cooperativeId))
        await this.outbox.enqueue({
          to: to.email,
          language: to.language,
          template: 'certification-expiring',
          params: {
            cooperativeName: names.get(r.cooperativeId) ?? '',
            certificationType: r.type,
            reference: r.reference,
            expiresOn: r.expiresOn,
          },
        });
  }
}
