import { hashPassword } from '@taawoun/identity';
import type { DataSource } from 'typeorm';
import { DEMO_PASSWORD, demoUserId, type DemoAccountKey } from './identity.seed.js';
import type { Seeder } from './seeder.js';

type Status = 'SUBMITTED' | 'UNDER_REVIEW' | 'CHANGES_REQUESTED' | 'APPROVED' | 'REJECTED' | 'SUSPENDED';
type Role = 'OWNER' | 'MANAGER' | 'STAFF';

interface DemoCooperative {
  slug: string;
  name: string;
  registrationNumber: string;
  sector: string;
  provinceCode: string;
  foundedOn: string;
  memberCount: number;
  womenMemberCount: number | null;
  womenLed: boolean;
  description: string;
  status: Status;
  /** Demo accounts (by key) or extra demo members (by e-mail local part). */
  members: { who: DemoAccountKey | `member:${string}`; role: Role }[];
  /** The review decision that led to the status, when one did. */
  review?: { decision: 'APPROVE' | 'REJECT' | 'REQUEST_CHANGES'; note: string };
}

const approve = { decision: 'APPROVE', note: 'Statuts et certificat d’immatriculation vérifiés.' } as const;

/** The two cooperatives of DOMAIN.md, then others across regions, sectors and review states. */
export const DEMO_COOPERATIVES: DemoCooperative[] = [
  {
    slug: 'al-manal',
    name: 'Al-Manal',
    registrationNumber: 'DEMO-CAS-2011-0147',
    sector: 'TEXTILE',
    provinceCode: 'MA-CAS',
    foundedOn: '2011-03-08',
    memberCount: 14,
    womenMemberCount: 14,
    womenLed: true,
    description:
      'Coopérative de couture du quartier Casablanca-Anfa : tapisserie et djellabas, puis masques et ' +
      'blouses de protection confectionnés selon les spécifications de l’Imanor.',
    status: 'APPROVED',
    members: [
      { who: 'manalOwner', role: 'OWNER' },
      { who: 'manalStaff', role: 'STAFF' },
    ],
    review: approve,
  },
  {
    slug: 'safwat-ibdaa-bladi',
    name: 'Safwat Ibdaa Bladi',
    registrationNumber: 'DEMO-NOU-2016-0032',
    sector: 'BEEKEEPING',
    provinceCode: 'MA-NOU',
    foundedOn: '2016-09-21',
    memberCount: 9,
    womenMemberCount: 4,
    womenLed: false,
    description:
      'Apiculteurs de la commune de Dar Bouazza : miel, cire d’abeille, gelée royale et propolis, ' +
      'dans le respect des règles de l’ONSSA.',
    status: 'APPROVED',
    members: [
      { who: 'safwatOwner', role: 'OWNER' },
      { who: 'safwatManager', role: 'MANAGER' },
    ],
    review: approve,
  },
  ...(
    [
      ['Tighanimine', 'COSMETICS', 'MA-ESI', 'APPROVED', true, 'Huile d’argan cosmétique et alimentaire.'],
      ['Dattes de Tafilalet', 'AGRICULTURE', 'MA-ERR', 'APPROVED', false, 'Dattes Mejhoul et Boufeggous.'],
      ['Zitoun Ouazzane', 'AGRICULTURE', 'MA-OUZ', 'APPROVED', false, 'Huile d’olive extra vierge.'],
      ['Nissae Doukkala', 'FOOD_PROCESSING', 'MA-JDI', 'APPROVED', true, 'Couscous roulé à la main.'],
      ['Zerbia Azrou', 'HANDICRAFT', 'MA-IFR', 'APPROVED', true, 'Tapis berbères en laine.'],
      ['Fekhar Safi', 'HANDICRAFT', 'MA-SAF', 'APPROVED', false, 'Poterie émaillée de Safi.'],
      ['Sabon Beldi Tétouan', 'COSMETICS', 'MA-TET', 'APPROVED', true, 'Savon noir et ghassoul.'],
      ['Nahl Souss', 'BEEKEEPING', 'MA-TAR', 'APPROVED', false, 'Miel de thym et d’euphorbe.'],
      ['Asfar Oriental', 'FOOD_PROCESSING', 'MA-OUJ', 'APPROVED', true, 'Confitures et condiments.'],
      ['Khayata Settat', 'TEXTILE', 'MA-SET', 'SUBMITTED', true, 'Broderie et couture de djellabas.'],
      ['Tamr Zagora', 'AGRICULTURE', 'MA-ZAG', 'SUBMITTED', false, 'Dattes et henné.'],
      ['Amlou Imouzzer', 'FOOD_PROCESSING', 'MA-AGD', 'UNDER_REVIEW', true, 'Amlou aux amandes et argan.'],
      ['Rif Services Numériques', 'SERVICES', 'MA-HOC', 'UNDER_REVIEW', false, 'Photo de produits.'],
      ['Jbala Fromages', 'FOOD_PROCESSING', 'MA-CHE', 'CHANGES_REQUESTED', true, 'Jben de chèvre.'],
      ['Tissage Aït Ourir', 'HANDICRAFT', 'MA-HAO', 'CHANGES_REQUESTED', true, 'Tissage de couvertures.'],
      ['Coopérative Fantôme', 'OTHER', 'MA-KES', 'REJECTED', false, 'Dossier incomplet.'],
      ['Safran Taliouine', 'AGRICULTURE', 'MA-TAR', 'REJECTED', false, 'Safran en filaments.'],
      ['Cuir de Fès', 'HANDICRAFT', 'MA-FES', 'SUSPENDED', false, 'Maroquinerie tannée à Chouara.'],
      ['تعاونية الأمل', 'FOOD_PROCESSING', 'MA-MAR', 'APPROVED', true, 'Pâtisseries marocaines.'],
      [
        'Coopérative Lagune Dakhla',
        'FOOD_PROCESSING',
        'MA-OUD',
        'APPROVED',
        false,
        'Poissons séchés et huîtres.',
      ],
    ] as const
  ).map(([name, sector, provinceCode, status, womenLed, description], i): DemoCooperative => {
    const n = String(i + 1).padStart(2, '0');
    const memberCount = 7 + ((i * 5) % 23);
    return {
      slug: name === 'تعاونية الأمل' ? 'taaounia-alaml' : slugOf(name),
      name,
      registrationNumber: `DEMO-${provinceCode.slice(3)}-20${String(10 + (i % 12))}-${n}`,
      sector,
      provinceCode,
      foundedOn: `20${String(5 + (i % 15)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}`,
      memberCount,
      womenMemberCount: womenLed ? memberCount - (i % 3) : Math.floor(memberCount / 3),
      womenLed,
      description,
      status,
      members: [
        { who: `member:owner${n}`, role: 'OWNER' },
        { who: `member:staff${n}`, role: i % 2 ? 'MANAGER' : 'STAFF' },
      ],
      review:
        status === 'APPROVED' || status === 'SUSPENDED'
          ? approve
          : status === 'REJECTED'
            ? { decision: 'REJECT', note: 'Le numéro d’immatriculation ne correspond pas au registre.' }
            : status === 'CHANGES_REQUESTED'
              ? { decision: 'REQUEST_CHANGES', note: 'Merci de joindre les statuts signés.' }
              : undefined,
    };
  }),
];

function slugOf(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const memberEmail = (local: string) => `${local}@coops.demo.taawoun.ma`;

async function memberId(
  dataSource: DataSource,
  who: DemoCooperative['members'][number]['who'],
): Promise<string> {
  if (!who.startsWith('member:')) return demoUserId(dataSource, who as DemoAccountKey);
  const [row] = await dataSource.query<{ id: string }[]>(`SELECT id FROM users WHERE email = $1`, [
    memberEmail(who.slice('member:'.length)),
  ]);
  return row.id;
}

/** Demo cooperatives with their members and review history. Idempotent (registration numbers, e-mails). */
export const cooperativesSeeder: Seeder = {
  name: 'cooperatives',
  async run({ dataSource, config, report }) {
    const hash = await hashPassword(DEMO_PASSWORD);
    const adminId = await demoUserId(dataSource, 'admin');
    for (const coop of DEMO_COOPERATIVES) {
      for (const member of coop.members) {
        if (!member.who.startsWith('member:')) continue;
        const local = member.who.slice('member:'.length);
        await dataSource.query(
          `INSERT INTO users (email, full_name, password_hash, preferred_language)
           VALUES ($1, $2, $3, 'fr') ON CONFLICT (email) DO NOTHING`,
          [memberEmail(local), `${local.startsWith('owner') ? 'Présidence' : 'Équipe'} ${coop.name}`, hash],
        );
      }
      await dataSource.query(
        `INSERT INTO cooperatives (slug, name, registration_number, sector, province_code, founded_on, member_count,
                                   women_member_count, women_led, description, contact_phone, status,
                                   commission_rate_bps, reviewer_id, review_started_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, '+212522000000', $11::varchar, $12,
                 CASE WHEN $11::varchar = 'SUBMITTED' THEN NULL ELSE $13::uuid END,
                 CASE WHEN $11::varchar = 'SUBMITTED' THEN NULL ELSE now() END)
         ON CONFLICT DO NOTHING`,
        [
          coop.slug,
          coop.name,
          coop.registrationNumber,
          coop.sector,
          coop.provinceCode,
          coop.foundedOn,
          coop.memberCount,
          coop.womenMemberCount,
          coop.womenLed,
          coop.description,
          coop.status,
          config.COMMISSION_BPS,
          adminId,
        ],
      );
      const [{ id }] = await dataSource.query<{ id: string }[]>(
        `SELECT id FROM cooperatives WHERE slug = $1`,
        [coop.slug],
      );
      for (const member of coop.members) {
        await dataSource.query(
          `INSERT INTO cooperative_memberships (user_id, cooperative_id, role) VALUES ($1, $2, $3)
           ON CONFLICT DO NOTHING`,
          [await memberId(dataSource, member.who), id, member.role],
        );
      }
      if (coop.review) {
        await dataSource.query(
          `INSERT INTO cooperative_review_notes (cooperative_id, decision, note, author_id)
           SELECT $1, $2, $3, $4 WHERE NOT EXISTS (SELECT 1 FROM cooperative_review_notes WHERE cooperative_id = $1)`,
          [id, coop.review.decision, coop.review.note, adminId],
        );
      }
    }
    const byStatus = DEMO_COOPERATIVES.reduce<Record<string, number>>(
      (acc, c) => ({ ...acc, [c.status]: (acc[c.status] ?? 0) + 1 }),
      {},
    );
    report.push(
      `Demo cooperatives: ${DEMO_COOPERATIVES.length} (${Object.entries(byStatus)
        .map(([s, n]) => `${n} ${s}`)
        .join(', ')}); Al-Manal and Safwat Ibdaa Bladi are APPROVED.`,
      `  Other cooperatives' people: ownerNN@ / staffNN@coops.demo.taawoun.ma (same password).`,
    );
  },
};
