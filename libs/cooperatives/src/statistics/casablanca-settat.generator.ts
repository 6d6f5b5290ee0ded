import { CooperativeStatus } from '../cooperatives/cooperative-status.js';
import type { BulkCooperativeRow, CooperativeRepository } from '../cooperatives/cooperative.repository.js';
import { Sector } from '../cooperatives/sector.js';

/**
 * The published figures for Casablanca-Settat (end of February 2020, see DOMAIN.md) and the
 * exact integer counts the generator produces from them. Percentages are rounded to the
 * nearest cooperative; sectors and provinces not named share the rest evenly.
 */
export const CASABLANCA_SETTAT = {
  regionCode: 'MA-06',
  cooperatives: 2549,
  members: 33822,
  womenLedCooperatives: 416,
  /** "More than 2,500 members" in women's cooperatives. */
  womenLedMembers: 2612,
  bySector: {
    [Sector.AGRICULTURE]: 1478, // 58 %
    [Sector.HANDICRAFT]: 561, // 22 %
    [Sector.TEXTILE]: 85,
    [Sector.FOOD_PROCESSING]: 85,
    [Sector.BEEKEEPING]: 85,
    [Sector.COSMETICS]: 85,
    [Sector.SERVICES]: 85,
    [Sector.OTHER]: 85,
  } satisfies Record<Sector, number>,
  byProvince: {
    'MA-JDI': 850, // El Jadida, a third
    'MA-SIB': 561, // Sidi Bennour, 22 %
    'MA-CAS': 433, // Casablanca, 17 %
    'MA-BES': 118,
    'MA-BRR': 118,
    'MA-SET': 118,
    'MA-MED': 117,
    'MA-MOH': 117,
    'MA-NOU': 117,
  } as Record<string, number>,
  /** Women-led cooperatives are in handicraft and local produce. */
  womenLedBySector: {
    [Sector.HANDICRAFT]: 276,
    [Sector.FOOD_PROCESSING]: 85,
    [Sector.AGRICULTURE]: 55,
  } as Partial<Record<Sector, number>>,
} as const;

/** Registration numbers of generated rows: the marker that makes the generator idempotent. */
export const STATISTICS_MARKER = 'STAT-';

const SECTOR_LABEL: Record<Sector, string> = {
  AGRICULTURE: 'agricole',
  HANDICRAFT: 'artisanale',
  TEXTILE: 'textile',
  FOOD_PROCESSING: 'agroalimentaire',
  BEEKEEPING: 'apicole',
  COSMETICS: 'cosmétique',
  SERVICES: 'de services',
  OTHER: 'polyvalente',
};

interface GeneratedRow {
  number: string;
  sector: Sector;
  provinceCode: string;
  memberCount: number;
  womenMemberCount: number;
  womenLed: boolean;
  foundedOn: string;
}

function expand<K extends string>(counts: Record<K, number>): K[] {
  return (Object.entries(counts) as [K, number][]).flatMap(([key, n]) => Array<K>(n).fill(key));
}

/**
 * `total` members spread over `n` cooperatives: an even split with the remainder on the first
 * ones, then ±d on consecutive pairs for variety (the sum is unchanged).
 */
function spread(total: number, n: number, variety: number): number[] {
  const base = Math.floor(total / n);
  const extra = total % n;
  return Array.from({ length: n }, (_, j) => {
    const even = base + (j < extra ? 1 : 0);
    if (j === n - 1 && n % 2 === 1) return even;
    const d = (j >> 1) % (variety + 1);
    return j % 2 === 0 ? even + d : even - d;
  });
}

/** The rows of the synthetic region, deterministic. */
export function casablancaSettatRows(): GeneratedRow[] {
  const f = CASABLANCA_SETTAT;
  const sectors = expand(f.bySector);
  const provinces = expand(f.byProvince);
  const n = f.cooperatives;
  if (sectors.length !== n || provinces.length !== n) throw new Error('inconsistent figures');
  // Which rows are women-led: the first k of each named sector's block.
  const womenLeft = { ...f.womenLedBySector };
  const womenLed = sectors.map((sector) => {
    const left = womenLeft[sector] ?? 0;
    if (left > 0) womenLeft[sector] = left - 1;
    return left > 0;
  });
  const womenCount = womenLed.filter(Boolean).length;
  const womenMembers = spread(f.womenLedMembers, womenCount, 3);
  const otherMembers = spread(f.members - f.womenLedMembers, n - womenCount, 8);
  let w = 0;
  let o = 0;
  return sectors.map((sector, i) => {
    const memberCount = womenLed[i] ? womenMembers[w++] : otherMembers[o++];
    // 2549 is prime, so i ↦ 7i mod n is a permutation: provinces mix with sectors.
    const provinceCode = provinces[(i * 7) % n];
    const day = new Date(Date.UTC(2005, 0, 1) + ((i * 37) % 5400) * 86_400_000);
    return {
      number: `${STATISTICS_MARKER}${String(i + 1).padStart(6, '0')}`,
      sector,
      provinceCode,
      memberCount,
      womenMemberCount: womenLed[i] ? memberCount : Math.floor(memberCount / 4),
      womenLed: womenLed[i],
      foundedOn: day.toISOString().slice(0, 10),
    };
  });
}

/**
 * Inserts the synthetic Casablanca-Settat region (all APPROVED) in one statement, through the
 * repository's bulk path. Idempotent: rows are keyed by their `STAT-` registration number.
 * Answers how many rows were inserted by this run.
 */
export async function generate(
  cooperatives: Pick<CooperativeRepository, 'insertBulk'>,
  commissionBps = 500,
): Promise<number> {
  const rows = casablancaSettatRows().map((r): BulkCooperativeRow => ({
    slug: r.number.toLowerCase(),
    name: `Coopérative ${SECTOR_LABEL[r.sector]} ${r.number.slice(STATISTICS_MARKER.length)}`,
    registrationNumber: r.number,
    sector: r.sector,
    provinceCode: r.provinceCode,
    foundedOn: r.foundedOn,
    memberCount: r.memberCount,
    womenMemberCount: r.womenMemberCount,
    womenLed: r.womenLed,
    description: null,
    contactPhone: '+212522000000',
    status: CooperativeStatus.APPROVED,
  }));
  return (await cooperatives.insertBulk(rows, commissionBps)).length;
}
