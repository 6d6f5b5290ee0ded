import { CASABLANCA_SETTAT, CooperativeRepository, generate } from '@taawoun/cooperatives';
import { Db } from '@taawoun/core';
import type { SeedContext } from './seeder.js';

/**
 * `npm run seed -- --statistics`: the synthetic Casablanca-Settat region (2,549 APPROVED
 * cooperatives matching the published figures), for the admin statistics. Idempotent.
 * The figures are exact on a database with no other APPROVED cooperative in MA-06 (the demo
 * seed adds a few: Al-Manal, Safwat Ibdaa Bladi, Nissae Doukkala).
 */
export async function seedStatistics({ dataSource, config, report }: SeedContext): Promise<void> {
  const cooperatives = new CooperativeRepository(new Db(dataSource));
  const inserted = await generate(cooperatives, config.COMMISSION_BPS);
  report.push(
    `Statistics data set: ${inserted} cooperatives inserted (${CASABLANCA_SETTAT.cooperatives} in total, ` +
      `region ${CASABLANCA_SETTAT.regionCode}, registration numbers STAT-000001…).`,
  );
}
