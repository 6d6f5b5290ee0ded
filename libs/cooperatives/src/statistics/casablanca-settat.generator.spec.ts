import { CASABLANCA_SETTAT, casablancaSettatRows } from './casablanca-settat.generator.js';

describe('the Casablanca-Settat generator rows', () => {
  const rows = casablancaSettatRows();
  const count = <T>(items: T[], key: (item: T) => string) =>
    items.reduce<Record<string, number>>(
      (acc, item) => ({ ...acc, [key(item)]: (acc[key(item)] ?? 0) + 1 }),
      {},
    );

  it('reproduce the published totals exactly', () => {
    expect(rows).toHaveLength(2549);
    expect(rows.reduce((s, r) => s + r.memberCount, 0)).toBe(33822);
    const women = rows.filter((r) => r.womenLed);
    expect(women).toHaveLength(416);
    expect(women.reduce((s, r) => s + r.memberCount, 0)).toBeGreaterThan(2500);
    expect(count(rows, (r) => r.sector)).toEqual(CASABLANCA_SETTAT.bySector);
    expect(count(rows, (r) => r.provinceCode)).toEqual(CASABLANCA_SETTAT.byProvince);
  });

  it('keep every row within the table checks', () => {
    for (const r of rows) {
      expect(r.memberCount).toBeGreaterThanOrEqual(3);
      expect(r.womenMemberCount).toBeLessThanOrEqual(r.memberCount);
    }
    expect(new Set(rows.map((r) => r.number)).size).toBe(rows.length);
  });
});
