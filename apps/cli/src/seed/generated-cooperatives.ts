import { CertificationRepository, type BulkCertificationRow } from '@taawoun/catalog';
import {
  CooperativeRepository,
  CooperativeStatus,
  RegionRepository,
  Sector,
  type BulkCooperativeRow,
} from '@taawoun/cooperatives';
import type { Db } from '@taawoun/core';

const SECTORS = Object.values(Sector);

/** Cooperative `g` (1-based): its province, sector and sizes derive from `g`. */
function generatedCooperative(g: number, run: string, provinceCodes: readonly string[]): BulkCooperativeRow {
  const members = 5 + ((g * 17) % 120);
  return {
    slug: `generated-${run}-${g}`,
    name: `Coopérative générée ${g}`,
    registrationNumber: `GEN-${run}-${g}`,
    sector: SECTORS[g % SECTORS.length],
    provinceCode: provinceCodes[(g * 31) % provinceCodes.length],
    foundedOn: `${2000 + (g % 24)}-0${1 + (g % 9)}-1${g % 10}`,
    memberCount: members,
    womenMemberCount: Math.floor(members / (1 + (g % 3))),
    womenLed: g % 3 !== 0,
    description: null,
    contactPhone: '+212600000000',
    status: CooperativeStatus.APPROVED,
  };
}

/**
 * The certifications of cooperative `g`, about two in three having at least one: verified and
 * valid ORGANIC and GEOGRAPHICAL_INDICATION ones, a verified NATIONAL_STANDARD that expired and
 * an unverified FOOD_SAFETY_AUTHORIZATION, so lists and the certification facet show both kinds.
 */
function generatedCertifications(g: number, cooperativeId: string): BulkCertificationRow[] {
  const rows: BulkCertificationRow[] = [];
  const add = (type: string, verified: boolean, expiresOn: string | null) =>
    rows.push({
      cooperativeId,
      type,
      reference: `GEN-${type}-${g}`,
      issuedOn: '2022-03-01',
      expiresOn,
      verified,
    });
  if (g % 2 === 0) add('ORGANIC', true, '2099-12-31');
  if (g % 3 === 0) add('GEOGRAPHICAL_INDICATION', true, null);
  if (g % 5 === 0) add('NATIONAL_STANDARD', true, '2023-03-01');
  if (g % 7 === 0) add('FOOD_SAFETY_AUTHORIZATION', false, '2099-12-31');
  return rows;
}

/**
 * `count` APPROVED cooperatives spread over every province (so every region), with their
 * certifications, through the bulk paths; answers their ids.
 */
export async function generateCooperatives(db: Db, count: number, run: string): Promise<string[]> {
  const provinceCodes = (await new RegionRepository(db).provinces()).map((p) => p.code);
  if (provinceCodes.length === 0) throw new Error('No provinces: run the migrations first');
  const cooperatives = new CooperativeRepository(db);
  const certifications = new CertificationRepository(db);
  const rows = Array.from({ length: count }, (_, i) => generatedCooperative(i + 1, run, provinceCodes));
  const ids = await cooperatives.insertBulk(rows, 500);
  await certifications.insertBulk(ids.flatMap((id, i) => generatedCertifications(i + 1, id)));
  return ids;
}
