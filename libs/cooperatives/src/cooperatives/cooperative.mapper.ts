import type { CooperativeStatus, Sector } from './cooperative-status.js';
import type { CooperativeEntity } from './cooperative.entity.js';
import type { CooperativeModel } from './cooperative.model.js';

/** Maps a row of `cooperatives` to its GraphQL model. */
export function toCooperativeModel(row: CooperativeEntity): CooperativeModel {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    registrationNumber: row.registrationNumber,
    sector: row.sector,
    foundedOn: row.foundedOn,
    memberCount: row.memberCount,
    womenMemberCount: row.womenMemberCount,
    womenLed: row.womenLed,
    description: row.description,
    status: row.status,
    commissionRateBps: row.commissionRateBps,
    provinceCode: row.provinceCode,
    contactPhone: row.contactPhone,
    createdAt: row.createdAt,
  };
}

/** A raw `SELECT ... FROM cooperatives` row; select it with {@link COOPERATIVE_COLUMNS}. */
export interface CooperativeRow {
  id: string;
  slug: string;
  name: string;
  registration_number: string;
  sector: Sector;
  province_code: string;
  founded_on: string;
  member_count: number;
  women_member_count: number | null;
  women_led: boolean;
  description: string | null;
  contact_phone: string;
  status: CooperativeStatus;
  commission_rate_bps: number;
  created_at: Date;
}

/** The columns of {@link CooperativeRow} for raw SQL over `cooperatives` aliased `c` (dates as ISO text). */
export const COOPERATIVE_COLUMNS = `c.id, c.slug, c.name, c.registration_number, c.sector, c.province_code,
  c.founded_on::text AS founded_on, c.member_count, c.women_member_count, c.women_led, c.description,
  c.contact_phone, c.status, c.commission_rate_bps, c.created_at`;

export function rowToCooperativeModel(row: CooperativeRow): CooperativeModel {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    registrationNumber: row.registration_number,
    sector: row.sector,
    foundedOn: row.founded_on,
    memberCount: row.member_count,
    womenMemberCount: row.women_member_count,
    womenLed: row.women_led,
    description: row.description,
    status: row.status,
    commissionRateBps: row.commission_rate_bps,
    provinceCode: row.province_code,
    contactPhone: row.contact_phone,
    createdAt: row.created_at,
  };
}
