import { randomBytes } from 'node:crypto';
import { CooperativeRole, PlatformRole, type Actor } from '@taawoun/core';
import type {
  CertificationData,
  CooperativeStatusName,
  ProductData,
} from '../../apps/cli/src/import/demo-data.js';
import { actorOf, Importer, importServices } from '../../apps/cli/src/import/importer.js';
import type { TestApi } from './test-api.js';

/**
 * Test data through the domain services, with the demo seed's importer (the same code as
 * `npm run seed`): accounts through AuthService, cooperatives applied for and reviewed,
 * certificates added and verified, products created and published by ProductService. Raw SQL
 * only for states the services cannot reach (see forceStatus, grantPlatformRole).
 */
interface FactoryState {
  importer: Importer;
  admin?: Promise<Actor>;
}

const states = new WeakMap<TestApi, FactoryState>();

function state(t: TestApi): FactoryState {
  let found = states.get(t);
  if (!found) {
    found = { importer: new Importer(importServices(t.api.app)) };
    states.set(t, found);
  }
  return found;
}

const hex = (bytes = 4) => randomBytes(bytes).toString('hex');

export const FACTORY_PASSWORD = 'correct horse battery staple';

export interface NewUser {
  id: string;
  email: string;
  password: string;
}

/** An account created through AuthService (no session: log in over HTTP when a test needs one). */
export async function newUser(
  t: TestApi,
  options: { email?: string; fullName?: string; roles?: ('ADMIN' | 'PARTNER')[] } = {},
): Promise<NewUser> {
  const email = options.email ?? `user-${hex()}@example.ma`;
  const user = await state(t).importer.user(
    { email, fullName: options.fullName ?? 'Test User', roles: options.roles },
    FACTORY_PASSWORD,
  );
  return { id: user.id, email, password: FACTORY_PASSWORD };
}

/** The platform admin the factories review and verify as (one per test API). */
export function factoryAdmin(t: TestApi): Promise<Actor> {
  const s = state(t);
  s.admin ??= newUser(t, { fullName: 'Factory Admin', roles: ['ADMIN'] }).then((u) =>
    actorOf(u.id, [PlatformRole.ADMIN]),
  );
  return s.admin;
}

export interface NewCooperative {
  id: string;
  slug: string;
  status: string;
  ownerId: string;
}

/**
 * A cooperative its owner applied for (a new account unless `ownerId` is given), reviewed by the
 * factory admin up to `status` (APPROVED by default; `approved: false` leaves it SUBMITTED).
 */
export async function newCooperative(
  t: TestApi,
  options: {
    approved?: boolean;
    status?: CooperativeStatusName;
    ownerId?: string;
    name?: string;
    registrationNumber?: string;
    provinceCode?: string;
    sector?: string;
    womenLed?: boolean;
  } = {},
): Promise<NewCooperative> {
  const suffix = hex();
  const status = options.status ?? (options.approved === false ? 'SUBMITTED' : 'APPROVED');
  const ownerId = options.ownerId ?? (await newUser(t, { fullName: 'Cooperative Owner' })).id;
  const admin = await factoryAdmin(t);
  const data = {
    name: options.name ?? `Coopérative ${suffix}`,
    registrationNumber: options.registrationNumber ?? `RC-${suffix.toUpperCase()}`,
    sector: options.sector ?? 'BEEKEEPING',
    provinceCode: options.provinceCode ?? 'MA-NOU',
    foundedOn: '2015-03-01',
    memberCount: 12,
    womenMemberCount: 9,
    womenLed: options.womenLed ?? true,
    description: null,
    contactPhone: '+212600000000',
    status,
  };
  const coop = await state(t).importer.cooperative(data, ownerId, admin, { suspend: true });
  if (String(coop.status) !== status) throw new Error(`newCooperative reached ${coop.status}, not ${status}`);
  return { id: coop.id, slug: coop.slug, status: coop.status, ownerId };
}

/** Makes a user a member (no service adds one without an accepted invitation). */
export async function newMembership(
  t: TestApi,
  userId: string,
  cooperativeId: string,
  role: 'OWNER' | 'MANAGER' | 'STAFF',
): Promise<void> {
  await state(t).importer.member(cooperativeId, userId, CooperativeRole[role]);
}

/** A certificate added through CertificationService (the cooperative must be APPROVED), verified by default. */
export async function newCertification(
  t: TestApi,
  cooperativeId: string,
  options: Partial<Omit<CertificationData, 'key' | 'cooperative'>> = {},
): Promise<string> {
  const admin = await factoryAdmin(t);
  const certification = await state(t).importer.certification(
    cooperativeId,
    {
      type: options.type ?? 'FOOD_SAFETY_AUTHORIZATION',
      reference: options.reference ?? `ONSSA-${hex()}`,
      issuedOn: options.issuedOn ?? '2020-01-01',
      expiresOn: options.expiresOn ?? null,
      verified: options.verified ?? true,
    },
    admin,
    admin,
  );
  return certification.id;
}

export interface NewProduct {
  id: string;
  variantSkus: string[];
}

/**
 * A product created through ProductService (the cooperative must be APPROVED) and published
 * unless `published: false`; one 500g jar of honey unless `variants` says otherwise.
 */
export async function newProduct(
  t: TestApi,
  cooperativeId: string,
  options: {
    published?: boolean;
    category?: string;
    name?: ProductData['name'];
    variants?: Partial<ProductData['variants'][number]>[];
    certificationIds?: string[];
  } = {},
): Promise<NewProduct> {
  const admin = await factoryAdmin(t);
  const variants = (options.variants ?? [{}]).map((v) => ({
    sku: v.sku ?? `SKU-${hex()}`,
    value: v.value ?? '500g',
    price: v.price ?? 8000,
    stock: v.stock ?? 10,
  }));
  const product = await state(t).importer.product(
    cooperativeId,
    {
      category: options.category ?? 'honey',
      name: options.name ?? { fr: `Miel ${hex(3)}` },
      option: 'poids',
      variants,
      draft: options.published === false,
    },
    admin,
    options.certificationIds ?? [],
  );
  return { id: product.id, variantSkus: variants.map((v) => v.sku) };
}
