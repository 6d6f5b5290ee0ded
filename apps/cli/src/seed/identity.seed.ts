import { hashPassword } from '@taawoun/identity';
import type { Seeder } from './seeder.js';

/** The password of every demo account (demo data only, never in production). */
export const DEMO_PASSWORD = 'taawoun-demo-2026';

/** Demo accounts, one per kind of user. Cooperative people get their memberships from the cooperatives seed. */
export const DEMO_ACCOUNTS = [
  {
    key: 'admin',
    email: 'admin@demo.taawoun.ma',
    fullName: 'Nadia Admin',
    roles: ['ADMIN'],
    kind: 'platform admin',
  },
  {
    key: 'partner',
    email: 'partner@demo.taawoun.ma',
    fullName: 'Youssef Partenaire',
    roles: ['PARTNER'],
    kind: 'volunteer partner',
  },
  {
    key: 'buyer',
    email: 'buyer@demo.taawoun.ma',
    fullName: 'Salma Acheteuse',
    roles: [],
    kind: 'buyer in Morocco',
  },
  {
    key: 'buyerAbroad',
    email: 'buyer.abroad@demo.taawoun.ma',
    fullName: 'Claire Martin',
    roles: [],
    kind: 'buyer abroad',
  },
  {
    key: 'manalOwner',
    email: 'owner@al-manal.demo.taawoun.ma',
    fullName: 'Fatima Zahra Bennani',
    roles: [],
    kind: 'owner of Al-Manal',
  },
  {
    key: 'manalStaff',
    email: 'staff@al-manal.demo.taawoun.ma',
    fullName: 'Khadija Alaoui',
    roles: [],
    kind: 'staff of Al-Manal',
  },
  {
    key: 'safwatOwner',
    email: 'owner@safwat.demo.taawoun.ma',
    fullName: 'Hassan El Idrissi',
    roles: [],
    kind: 'owner of Safwat Ibdaa Bladi',
  },
  {
    key: 'safwatManager',
    email: 'manager@safwat.demo.taawoun.ma',
    fullName: 'Amina Tazi',
    roles: [],
    kind: 'manager of Safwat Ibdaa Bladi',
  },
] as const;

export type DemoAccountKey = (typeof DEMO_ACCOUNTS)[number]['key'];

export const identitySeeder: Seeder = {
  name: 'identity',
  async run({ dataSource, report }) {
    const hash = await hashPassword(DEMO_PASSWORD);
    for (const account of DEMO_ACCOUNTS) {
      await dataSource.query(
        `INSERT INTO users (email, full_name, password_hash, preferred_language, platform_roles)
         VALUES ($1, $2, $3, 'fr', $4) ON CONFLICT (email) DO NOTHING`,
        [account.email, account.fullName, hash, account.roles],
      );
    }
    report.push(`Demo accounts (password "${DEMO_PASSWORD}"):`);
    for (const account of DEMO_ACCOUNTS) report.push(`  ${account.email.padEnd(36)} ${account.kind}`);
  },
};

/** The id of a demo account (after the identity seed ran). */
export async function demoUserId(
  dataSource: { query(sql: string, params: unknown[]): Promise<{ id: string }[]> },
  key: DemoAccountKey,
): Promise<string> {
  const email = DEMO_ACCOUNTS.find((a) => a.key === key)!.email;
  const [row] = await dataSource.query(`SELECT id FROM users WHERE email = $1`, [email]);
  if (!row) throw new Error(`demo account ${email} is missing: run the identity seed first`);
  return row.id;
}
