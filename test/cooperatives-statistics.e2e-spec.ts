import { CASABLANCA_SETTAT, CooperativeRepository, generate } from '@taawoun/cooperatives';
import { grantPlatformRole, insertCooperative, signUp, type TestUser } from './support/actors.js';
import { codes, fieldsOf } from './support/identity-fixtures.js';
import { startTestApi, type TestApi } from './support/test-api.js';

let t: TestApi;
let admin: TestUser;

beforeAll(async () => {
  t = await startTestApi();
  admin = await signUp(t);
  await grantPlatformRole(t, admin.id, 'ADMIN');
});
afterAll(() => t.close());

interface Statistics {
  cooperatives: number;
  members: number;
  womenLedCooperatives: number;
  womenLedMembers: number;
  bySector: { sector: string; count: number; share: number }[];
  byProvince: { province: { code: string; name: string }; count: number; share: number }[];
}

const statistics = async (regionCode: string | null) => {
  const res = await t.gql<{ cooperativeStatistics: Statistics }>(
    STATISTICS,
    { regionCode },
    admin.accessToken,
  );
  expect(res.errors).toBeUndefined();
  return res.data!.cooperativeStatistics;
};

describe('cooperativeStatistics over the generated Casablanca-Settat region', () => {
  beforeAll(async () => {
    expect(await generate(t.api.app.get(CooperativeRepository))).toBe(2549);
    // Cooperatives that must not count: another region, and not APPROVED.
    await insertCooperative(t, { provinceCode: 'MA-ESI', status: 'APPROVED' });
    await insertCooperative(t, { provinceCode: 'MA-JDI', status: 'SUBMITTED' });
    await insertCooperative(t, { provinceCode: 'MA-JDI', status: 'SUSPENDED' });
  });

  it('is idempotent', async () => {
    expect(await generate(t.api.app.get(CooperativeRepository))).toBe(0);
    const [row] = await t.sql<{ n: string }>(
      `SELECT count(*) AS n FROM cooperatives WHERE registration_number LIKE 'STAT-%'`,
    );
    expect(Number(row.n)).toBe(2549);
  });

  it('reproduces the published counts exactly', async () => {
    const s = await statistics('MA-06');
    expect(s).toMatchObject({
      cooperatives: 2549,
      members: 33822,
      womenLedCooperatives: 416,
      womenLedMembers: CASABLANCA_SETTAT.womenLedMembers,
    });
    expect(s.womenLedMembers).toBeGreaterThan(2500);
    expect(Object.fromEntries(s.bySector.map((x) => [x.sector, x.count]))).toEqual(
      CASABLANCA_SETTAT.bySector,
    );
    expect(Object.fromEntries(s.byProvince.map((x) => [x.province.code, x.count]))).toEqual(
      CASABLANCA_SETTAT.byProvince,
    );
  });

  it('gives the published shares, adding up to exactly 1', async () => {
    const s = await statistics('MA-06');
    const sector = (code: string) => s.bySector.find((x) => x.sector === code)!.share;
    const province = (code: string) => s.byProvince.find((x) => x.province.code === code)!.share;
    expect(sector('AGRICULTURE')).toBeCloseTo(0.58, 3);
    expect(sector('HANDICRAFT')).toBeCloseTo(0.22, 3);
    expect(province('MA-JDI')).toBeCloseTo(1 / 3, 3);
    expect(province('MA-SIB')).toBeCloseTo(0.22, 3);
    expect(province('MA-CAS')).toBeCloseTo(0.17, 3);
    expect(s.bySector.reduce((sum, x) => sum + x.share, 0)).toBe(1);
    expect(s.byProvince.reduce((sum, x) => sum + x.share, 0)).toBe(1);
    for (const x of [...s.bySector, ...s.byProvince]) expect(x.share).toBeCloseTo(x.count / 2549, 12);
    expect(s.bySector[0].sector).toBe('AGRICULTURE');
    expect(s.byProvince[0].province).toEqual({ code: 'MA-JDI', name: 'El Jadida' });
  });

  it('covers every region when regionCode is null', async () => {
    const s = await statistics(null);
    expect(s.cooperatives).toBe(2550);
    expect(s.byProvince.map((x) => x.province.code)).toContain('MA-ESI');
    expect(s.byProvince.reduce((sum, x) => sum + x.share, 0)).toBe(1);
  });

  it('answers zeros for a region without approved cooperatives', async () => {
    expect(await statistics('MA-12')).toEqual({
      cooperatives: 0,
      members: 0,
      womenLedCooperatives: 0,
      womenLedMembers: 0,
      bySector: [],
      byProvince: [],
    });
  });

  it('runs one SQL statement beyond resolving the caller', async () => {
    const baseline = await t.gql(`{ cooperative(id: "not-a-uuid") { id } }`, {}, admin.accessToken);
    const res = await t.gql(STATISTICS, { regionCode: 'MA-06' }, admin.accessToken);
    expect(Number(res.headers.get('x-sql-queries'))).toBe(Number(baseline.headers.get('x-sql-queries')) + 1);
  });

  it('refuses an unknown region code naming regionCode', async () => {
    for (const regionCode of ['MA-99', 'not a region code at all']) {
      const res = await t.gql(STATISTICS, { regionCode }, admin.accessToken);
      expect(codes(res)).toEqual(['BAD_USER_INPUT']);
      expect(fieldsOf(res)).toEqual(['regionCode']);
    }
  });

  it('is for admins only', async () => {
    const buyer = await signUp(t);
    expect(codes(await t.gql(STATISTICS, { regionCode: null }, buyer.accessToken))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(STATISTICS, { regionCode: null }))).toEqual(['UNAUTHENTICATED']);
  });
});

const STATISTICS = `query($regionCode: String) {
  cooperativeStatistics(regionCode: $regionCode) {
    cooperatives members womenLedCooperatives womenLedMembers
    bySector { sector count share }
    byProvince { province { code name } count share }
  }
}`;
