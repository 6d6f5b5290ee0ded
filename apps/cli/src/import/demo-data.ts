import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** A user account; `kind` marks the demo logins the seed prints. */
export interface UserData {
  email: string;
  fullName: string;
  roles?: ('ADMIN' | 'PARTNER')[];
  kind?: string;
}

export type CooperativeStatusName =
  'SUBMITTED' | 'UNDER_REVIEW' | 'CHANGES_REQUESTED' | 'APPROVED' | 'REJECTED' | 'SUSPENDED';

/**
 * A cooperative as applied for, the status its review reached and its people. The first member
 * (an OWNER) applies; `reviewNote` goes with the review decision, `suspensionReason` with a
 * suspension. The registration number is its natural key.
 */
export interface CooperativeData {
  /** How the other files refer to it. */
  key: string;
  name: string;
  registrationNumber: string;
  sector: string;
  provinceCode: string;
  foundedOn: string;
  memberCount: number;
  womenMemberCount: number | null;
  womenLed: boolean;
  description: string | null;
  contactPhone: string;
  status: CooperativeStatusName;
  members: { email: string; role: 'OWNER' | 'MANAGER' | 'STAFF' }[];
  reviewNote?: string;
  suspensionReason?: string;
}

/** A certificate of a cooperative (by key); natural key: cooperative, type and reference. */
export interface CertificationData {
  key: string;
  cooperative: string;
  type: 'FOOD_SAFETY_AUTHORIZATION' | 'NATIONAL_STANDARD' | 'ORGANIC' | 'GEOGRAPHICAL_INDICATION' | 'OTHER';
  reference: string;
  issuedOn: string;
  expiresOn: string | null;
  verified: boolean;
}

/** A product of a cooperative (by key); natural key: its first variant's SKU in the cooperative. */
export interface ProductData {
  cooperative: string;
  category: string;
  name: Partial<Record<'fr' | 'ar' | 'en', string>>;
  description?: Partial<Record<'fr' | 'ar' | 'en', string>>;
  /** The name of the one option its variants differ by (poids, taille...). */
  option: string;
  /** Prices in centimes. */
  variants: { sku: string; value: string; price: number; stock: number }[];
  /** Certification keys. */
  certifications?: string[];
  /** Left in DRAFT instead of published. */
  draft?: boolean;
}

export interface DemoData {
  /** The password of every account in the files (demo data only, never in production). */
  password: string;
  users: UserData[];
  cooperatives: CooperativeData[];
  certifications: CertificationData[];
  products: ProductData[];
}

/**
 * `apps/cli/data`, found by walking up from this file to the repository root, so the same code
 * reads it from the sources (tests) and from `dist/` (npm run seed): tsc does not copy JSON.
 */
export function demoDataDir(from: string = path.dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'apps', 'cli', 'data');
    if (existsSync(path.join(candidate, 'users.json'))) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`apps/cli/data not found above ${from}`);
  }
}

export function loadDemoData(dir: string = demoDataDir()): DemoData {
  const read = <T>(name: string): T => JSON.parse(readFileSync(path.join(dir, `${name}.json`), 'utf8')) as T;
  const { password, users } = read<{ password: string; users: UserData[] }>('users');
  return {
    password,
    users,
    cooperatives: read('cooperatives'),
    certifications: read('certifications'),
    products: read('products'),
  };
}
