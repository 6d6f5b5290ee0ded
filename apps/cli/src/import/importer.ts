import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { AssetFilesService } from '@taawoun/assets';
import {
  CertificationRepository,
  CertificationService,
  ProductService,
  VariantRepository,
} from '@taawoun/catalog';
import {
  CooperativeRepository,
  CooperativeReviewService,
  CooperativeService,
  CooperativeStatus,
  MembershipRepository,
  ReviewDecision,
  type CooperativeModel,
} from '@taawoun/cooperatives';
import { type Actor, CooperativeRole, LanguageCode, PlatformRole, RequestContext } from '@taawoun/core';
import { AuthService, normaliseEmail, UserRepository } from '@taawoun/identity';
import type {
  CertificationData,
  CooperativeData,
  CooperativeStatusName,
  DemoData,
  ProductData,
  UserData,
} from './demo-data.js';
import { demoProductPhoto } from './demo-images.js';

/**
 * What the importer calls: the domain services for every write (but memberships, see
 * {@link Importer.member}), and the libs' repositories for the natural-key look-ups.
 */
export interface ImportServices {
  auth: AuthService;
  cooperatives: CooperativeService;
  review: CooperativeReviewService;
  products: ProductService;
  certifications: CertificationService;
  users: UserRepository;
  cooperativeRows: CooperativeRepository;
  memberships: MembershipRepository;
  certificationRows: CertificationRepository;
  variants: VariantRepository;
  assets: AssetFilesService;
}

/** The services of a running application (the API in tests, a worker context in the CLI). */
export function importServices(app: INestApplicationContext): ImportServices {
  return {
    auth: app.get(AuthService),
    cooperatives: app.get(CooperativeService),
    review: app.get(CooperativeReviewService),
    products: app.get(ProductService),
    certifications: app.get(CertificationService),
    users: app.get(UserRepository),
    cooperativeRows: app.get(CooperativeRepository),
    memberships: app.get(MembershipRepository),
    certificationRows: app.get(CertificationRepository),
    variants: app.get(VariantRepository),
    assets: app.get(AssetFilesService),
  };
}

/** Who a service call acts as: a user with roles and memberships, read from nowhere but here. */
export function actorOf(
  userId: string,
  roles: readonly PlatformRole[] = [],
  memberships: readonly (readonly [string, CooperativeRole])[] = [],
): Actor {
  return { userId, platformRoles: new Set(roles), memberships: new Map(memberships) };
}

/** A fresh request context (its own loaders) for one service call as `actor`. */
export function contextOf(actor: Actor): RequestContext {
  const rc = new RequestContext(`import-${randomUUID()}`);
  rc.actor = actor;
  return rc;
}

export interface Imported {
  id: string;
  created: boolean;
}

export interface ImportedCooperative extends Imported {
  slug: string;
  status: CooperativeStatus;
}

export type CooperativeApplication = Omit<CooperativeData, 'key' | 'members'>;

const DECISIONS: Partial<Record<CooperativeStatusName, ReviewDecision>> = {
  APPROVED: ReviewDecision.APPROVE,
  SUSPENDED: ReviewDecision.APPROVE,
  REJECTED: ReviewDecision.REJECT,
  CHANGES_REQUESTED: ReviewDecision.REQUEST_CHANGES,
};

const DEFAULT_NOTES: Record<ReviewDecision, string> = {
  [ReviewDecision.APPROVE]: 'Dossier vérifié.',
  [ReviewDecision.REJECT]: 'Dossier refusé.',
  [ReviewDecision.REQUEST_CHANGES]: 'Merci de compléter le dossier.',
};

/**
 * Loads data through the domain services, as a user of the platform would: accounts through
 * AuthService, cooperatives applied for by their owner and moved through the review by an admin,
 * certificates added by the owner and verified by the admin, products created and published
 * through ProductService (its slug rules, its opening stock movements). Every step first looks
 * its row up by natural key (e-mail, registration number, certificate reference, SKU), so a
 * second run creates nothing. Serves `npm run seed` and the test factories.
 */
export class Importer {
  constructor(private readonly services: ImportServices) {}

  async user(data: UserData, password: string): Promise<Imported> {
    const existing = await this.services.users.findByEmail(normaliseEmail(data.email));
    if (existing) return { id: existing.id, created: false };
    const user = await this.services.auth.createUser({
      email: data.email,
      password,
      fullName: data.fullName,
      preferredLanguage: LanguageCode.fr,
      platformRoles: (data.roles ?? []).map((r) => PlatformRole[r]),
    });
    return { id: user.id, created: true };
  }

  /**
   * The owner applies (when no cooperative has this registration number yet), then `admin`
   * reviews it up to `data.status`, resuming from wherever an earlier run stopped. A SUSPENDED
   * cooperative stops at APPROVED unless `suspend` is set, so its products can be created first.
   */
  async cooperative(
    data: CooperativeApplication,
    ownerId: string,
    admin: Actor,
    options: { suspend?: boolean } = {},
  ): Promise<ImportedCooperative> {
    const existing = await this.services.cooperativeRows.firstByRegistrationNumber(data.registrationNumber);
    let cooperative = existing
      ? { id: existing.id, slug: existing.slug, status: existing.status }
      : await this.apply(data, ownerId);
    const goal =
      data.status === 'SUSPENDED' && !options.suspend
        ? CooperativeStatus.APPROVED
        : CooperativeStatus[data.status];
    const rc = () => contextOf(admin);
    const { review } = this.services;
    for (let step = 0; step < 3 && cooperative.status !== goal; step += 1) {
      const decision = DECISIONS[data.status];
      let moved: CooperativeModel | null = null;
      if (cooperative.status === CooperativeStatus.SUBMITTED)
        moved = await review.start(rc(), cooperative.id);
      else if (cooperative.status === CooperativeStatus.UNDER_REVIEW && decision)
        moved = await review.decide(
          rc(),
          cooperative.id,
          decision,
          data.reviewNote ?? DEFAULT_NOTES[decision],
        );
      else if (cooperative.status === CooperativeStatus.APPROVED && goal === CooperativeStatus.SUSPENDED)
        moved = await review.suspend(rc(), cooperative.id, data.suspensionReason ?? 'Suspendue.');
      if (!moved) break;
      cooperative = { id: moved.id, slug: moved.slug, status: moved.status };
    }
    return { ...cooperative, created: !existing };
  }

  private async apply(
    data: CooperativeApplication,
    ownerId: string,
  ): Promise<{ id: string; slug: string; status: CooperativeStatus }> {
    const applied = await this.services.cooperatives.apply(contextOf(actorOf(ownerId)), {
      name: data.name,
      registrationNumber: data.registrationNumber,
      sector: data.sector as never,
      provinceCode: data.provinceCode,
      foundedOn: data.foundedOn,
      memberCount: data.memberCount,
      womenMemberCount: data.womenMemberCount,
      womenLed: data.womenLed,
      description: data.description,
      contactPhone: data.contactPhone,
    });
    return { id: applied.id, slug: applied.slug, status: applied.status };
  }

  /**
   * A member other than the applying owner: no service adds one without an invitation accepted
   * from a verified address, so this is the importer's one write through a repository.
   */
  async member(cooperativeId: string, userId: string, role: CooperativeRole): Promise<void> {
    await this.services.memberships.add(userId, cooperativeId, role);
  }

  /** Added by `owner` (the cooperative must be APPROVED), then verified by `admin` when asked. */
  async certification(
    cooperativeId: string,
    data: Omit<CertificationData, 'key' | 'cooperative'>,
    owner: Actor,
    admin: Actor,
  ): Promise<Imported> {
    const { certificationRows, certifications } = this.services;
    const existing = await certificationRows.byReference(cooperativeId, data.type, data.reference);
    const id =
      existing?.id ??
      (
        await certifications.add(contextOf(owner), cooperativeId, {
          type: data.type as never,
          reference: data.reference,
          issuedOn: data.issuedOn,
          expiresOn: data.expiresOn,
        })
      ).id;
    if (data.verified && !existing?.verified) await certifications.verify(contextOf(admin), id, true);
    return { id, created: !existing };
  }

  /**
   * Created by `actor` (the cooperative must be APPROVED) with a photo drawn for it and uploaded as
   * `actor` (the upload rules of POST /assets), and published unless a draft.
   */
  async product(
    cooperativeId: string,
    data: Omit<ProductData, 'cooperative' | 'certifications'>,
    actor: Actor,
    certificationIds: string[] = [],
  ): Promise<Imported> {
    const existing = await this.services.variants.bySku(cooperativeId, data.variants[0].sku);
    if (existing) return { id: existing.productId, created: false };
    const languages = (['fr', 'ar', 'en'] as const).filter((l) => data.name[l] !== undefined);
    const photo = await this.services.assets.upload(actor, await demoProductPhoto(data.variants[0].sku));
    const product = await this.services.products.create(contextOf(actor), {
      cooperativeId,
      categoryCode: data.category,
      translations: languages.map((l) => ({
        languageCode: LanguageCode[l],
        name: data.name[l]!,
        description: data.description?.[l] ?? null,
      })),
      variants: data.variants.map((v) => ({
        sku: v.sku,
        options: [{ name: data.option, value: v.value }],
        priceAmount: v.price,
        stock: v.stock,
      })),
      certificationIds,
      imageAssetIds: [photo.id],
    });
    if (!data.draft) await this.services.products.publish(product.id);
    return { id: product.id, created: true };
  }

  /** The whole data set, in dependency order; answers what it created and the lines to print. */
  async importAll(data: DemoData): Promise<ImportReport> {
    const created = { users: 0, cooperatives: 0, certifications: 0, products: 0 };
    const count = (kind: keyof typeof created, item: Imported) => {
      if (item.created) created[kind] += 1;
      return item;
    };
    const userIds = new Map<string, string>();
    for (const user of data.users) {
      userIds.set(normaliseEmail(user.email), count('users', await this.user(user, data.password)).id);
    }
    const userId = (email: string) => {
      const id = userIds.get(normaliseEmail(email));
      if (!id) throw new Error(`${email} is not in users.json`);
      return id;
    };
    const admin = data.users.find((u) => u.roles?.includes('ADMIN'));
    if (!admin) throw new Error('users.json needs an ADMIN to review cooperatives');
    const adminActor = actorOf(userId(admin.email), [PlatformRole.ADMIN]);

    const cooperatives = new Map<
      string,
      { id: string; status: CooperativeStatus; owner: Actor; data: CooperativeData }
    >();
    for (const c of data.cooperatives) {
      const [owner, ...others] = c.members;
      if (owner?.role !== 'OWNER') throw new Error(`${c.key}: the first member must be the OWNER`);
      const imported = await this.cooperative(c, userId(owner.email), adminActor);
      count('cooperatives', imported);
      for (const m of others) await this.member(imported.id, userId(m.email), CooperativeRole[m.role]);
      const ownerActor = actorOf(userId(owner.email), [], [[imported.id, CooperativeRole.OWNER]]);
      cooperatives.set(c.key, { id: imported.id, status: imported.status, owner: ownerActor, data: c });
    }
    const cooperative = (key: string) => {
      const found = cooperatives.get(key);
      if (!found) throw new Error(`cooperative ${key} is not in cooperatives.json`);
      return found;
    };

    const skipped = new Set<string>();
    const certificationIds = new Map<string, string>();
    for (const c of data.certifications) {
      const coop = cooperative(c.cooperative);
      const existing = await this.services.certificationRows.byReference(coop.id, c.type, c.reference);
      if (!existing && coop.status !== CooperativeStatus.APPROVED) {
        skipped.add(c.cooperative);
        continue;
      }
      certificationIds.set(
        c.key,
        count('certifications', await this.certification(coop.id, c, coop.owner, adminActor)).id,
      );
    }
    for (const p of data.products) {
      const coop = cooperative(p.cooperative);
      const existing = await this.services.variants.bySku(coop.id, p.variants[0].sku);
      if (!existing && coop.status !== CooperativeStatus.APPROVED) {
        skipped.add(p.cooperative);
        continue;
      }
      const certs = (p.certifications ?? [])
        .map((k) => certificationIds.get(k))
        .filter((id) => id !== undefined);
      count('products', await this.product(coop.id, p, coop.owner, certs));
    }
    // Suspensions last: a suspended cooperative's products were created while it was APPROVED.
    for (const coop of cooperatives.values()) {
      if (coop.data.status === 'SUSPENDED')
        await this.cooperative(coop.data, coop.owner.userId, adminActor, { suspend: true });
    }
    return { created, skipped: [...skipped], lines: reportLines(data, created) };
  }
}

export interface ImportReport {
  created: { users: number; cooperatives: number; certifications: number; products: number };
  /** Cooperatives whose certificates or products could not be created (not APPROVED). */
  skipped: string[];
  lines: string[];
}

function reportLines(data: DemoData, created: ImportReport['created']): string[] {
  const byStatus = new Map<string, number>();
  for (const c of data.cooperatives) byStatus.set(c.status, (byStatus.get(c.status) ?? 0) + 1);
  return [
    `Demo accounts (password "${data.password}"):`,
    ...data.users.filter((u) => u.kind).map((u) => `  ${u.email.padEnd(36)} ${u.kind}`),
    `Demo cooperatives: ${data.cooperatives.length} (${[...byStatus].map(([s, n]) => `${n} ${s}`).join(', ')}).`,
    `  Other cooperatives' people: ownerNN@ / staffNN@coops.demo.taawoun.ma (same password).`,
    `Catalog: ${data.products.length} demo products, ${data.certifications.length} certificates.`,
    `Created by this run: ${created.users} users, ${created.cooperatives} cooperatives, ` +
      `${created.certifications} certificates, ${created.products} products.`,
  ];
}
