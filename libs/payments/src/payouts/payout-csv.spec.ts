import fc from 'fast-check';
import { PAYOUT_CSV_HEADER, centimesToDecimal, csvCell, formatPayoutCsv } from './payout-csv.js';

/** A small RFC 4180 reader, to check that what we write reads back as the same cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('payout CSV', () => {
  it('writes centimes as exact decimals', () => {
    expect(centimesToDecimal(0)).toBe('0.00');
    expect(centimesToDecimal(5)).toBe('0.05');
    expect(centimesToDecimal(123450)).toBe('1234.50');
    expect(centimesToDecimal(-7)).toBe('-0.07');
    expect(() => centimesToDecimal(1.5)).toThrow();
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (amount) => {
        const text = centimesToDecimal(amount);
        expect(text).toMatch(/^-?\d+\.\d\d$/);
        expect(Number(text.replace('.', ''))).toBe(amount === 0 ? 0 : amount);
      }),
    );
  });

  it('neutralises spreadsheet formulas and quotes separators', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+212')).toBe("'+212");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('Coop, Atlas')).toBe('"Coop, Atlas"');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell('Argane Tiznit')).toBe('Argane Tiznit');
  });

  it('reads back as the same rows, whatever the names', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            cooperativeName: fc.string({ maxLength: 30 }),
            accountHolder: fc.string({ maxLength: 30 }),
            amount: fc.integer({ min: 1, max: 1e10 }),
          }),
          { maxLength: 5 },
        ),
        (parts) => {
          const rows = parts.map((p, i) => ({
            payoutId: `00000000-0000-4000-8000-00000000000${i}`,
            rib: '011780000000000000001123',
            currency: 'MAD',
            createdAt: new Date(Date.UTC(2026, 10, 30, 12, 0, i)),
            ...p,
          }));
          const parsed = parseCsv(formatPayoutCsv(rows));
          expect(parsed[0]).toEqual([...PAYOUT_CSV_HEADER]);
          expect(parsed).toHaveLength(rows.length + 1);
          rows.forEach((row, i) => {
            const cells = parsed[i + 1];
            expect(cells).toHaveLength(PAYOUT_CSV_HEADER.length);
            const shown = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
            expect(cells[0]).toBe(row.payoutId);
            expect(cells[1]).toBe(shown(row.cooperativeName));
            expect(cells[2]).toBe(shown(row.accountHolder));
            expect(cells[3]).toBe(row.rib);
            expect(cells[4]).toBe(centimesToDecimal(row.amount));
            expect(cells[6]).toBe(row.createdAt.toISOString());
          });
        },
      ),
    );
  });
});
