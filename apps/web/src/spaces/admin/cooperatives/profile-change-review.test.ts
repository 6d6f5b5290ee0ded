import { describe, expect, it } from 'vitest';
import { changedFacts } from './profile-change-review';

const current = {
  name: 'Tifawin',
  registrationNumber: 'RC-1',
  sector: 'BEEKEEPING',
  foundedOn: '2015-03-01',
  memberCount: 12,
  womenMemberCount: 9,
  womenLed: true,
  province: { name: 'Nouaceur' },
};
const words = {
  sector: (s: string) => `S:${s}`,
  yesNo: (b: boolean) => (b ? 'oui' : 'non'),
  date: (d: string) => d,
};

describe('changedFacts', () => {
  it('lists only the facts the change touches, current beside proposed', () => {
    const rows = changedFacts(
      current,
      {
        requestedAt: '2026-01-01T00:00:00Z',
        memberCount: 15,
        sector: 'AGRICULTURE',
        womenLed: false,
        name: null,
      },
      words,
    );
    expect(rows).toEqual([
      { field: 'cooperative.sector', current: 'S:BEEKEEPING', proposed: 'S:AGRICULTURE' },
      { field: 'cooperative.members', current: '12', proposed: '15' },
      { field: 'cooperative.womenLed', current: 'oui', proposed: 'non' },
    ]);
  });

  it('ignores a proposed value equal to the current one', () => {
    expect(
      changedFacts(current, { requestedAt: 'x', name: 'Tifawin', province: { name: 'Nouaceur' } }, words),
    ).toEqual([]);
  });
});
