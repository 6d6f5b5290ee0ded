import { LedgerRepository, ribKey } from '@taawoun/payments';
import {
  addMembership,
  grantPlatformRole,
  insertCooperative,
  signUp,
  type TestUser,
} from './support/actors.js';
import { newVariant, placeOrder } from './support/order-fixtures.js';
import { startTestApi, type GraphqlResponse, type TestApi } from './support/test-api.js';

/**
 * Payouts and the cooperative ledger's read side over real HTTP and PostgreSQL. The SALE/SHIPPING/
 * COMMISSION entries that card payments write (the payments core) are appended here through the
 * lib's LedgerRepository, for sub-orders really delivered through fulfilment.
 */
const HOLD_DAYS = 2;
const RIB_START = '011780' + '0000123456789012';
const RIB = RIB_START + ribKey(RIB_START);

let t: TestApi;
let owner: TestUser;
let manager: TestUser;
let staff: TestUser;
let ownerY: TestUser;
let admin: TestUser;
let coopX: string;
let coopY: string;
/** Delivered sub-orders of X: `old` past the hold, `recent` within it. */
let oldSubOrder: string;
let recentSubOrder: string;

/**
 * A delivered sub-order paid by card. Fulfilment of a cash order would also record CASH_COLLECTED
 * (the cooperative then owes the commission); a card sub-order's payment and delivery are the
 * payments core's and fulfilment's to test, so the row is put in its delivered state directly.
 */
async function deliveredSubOrder(cooperativeId: string): Promise<string> {
  const variant = await newVariant(t, cooperativeId, { stock: 10, price: 8000 });
  const order = await placeOrder(t, { lines: [{ variantId: variant, quantity: 1 }], paymentMethod: 'CARD' });
  const id = order.of(cooperativeId);
  await t.sql(`UPDATE sub_orders SET status = 'DELIVERED', delivered_at = now() WHERE id = $1`, [id]);
  return id;
}

/** What a card payment records for a sub-order: +8000 sale, +3000 shipping, -400 commission. */
async function saleEntries(cooperativeId: string, subOrderId: string): Promise<void> {
  await t.api.app.get(LedgerRepository).append([
    { cooperativeId, type: 'SALE', amount: 8000, subOrderId },
    { cooperativeId, type: 'SHIPPING', amount: 3000, subOrderId },
    { cooperativeId, type: 'COMMISSION', amount: -400, subOrderId },
  ]);
}

async function deliveredDaysAgo(subOrderId: string, days: number): Promise<void> {
  await t.sql(`UPDATE sub_orders SET delivered_at = now() - make_interval(days => $2) WHERE id = $1`, [
    subOrderId,
    days,
  ]);
}

type Ledger = {
  cooperativeLedger: {
    balance: { amount: number };
    payable: { amount: number };
    paidOut: { amount: number };
    entries: {
      id: string;
      type: string;
      amount: { amount: number };
      subOrder: { id: string } | null;
      payout: { id: string; status: string } | null;
    }[];
  };
};

const LEDGER = `query($c: ID!, $first: Int, $after: String) { cooperativeLedger(cooperativeId: $c) {
  balance { amount currency } payable { amount } paidOut { amount }
  entries(first: $first, after: $after) { id type amount { amount } subOrder { id } payout { id status } } } }`;

async function ledger(token = owner.accessToken, first?: number, after?: string) {
  const res = await t.gql<Ledger>(LEDGER, { c: coopX, first, after }, token);
  expect(res.errors).toBeUndefined();
  return res.data!.cooperativeLedger;
}

type Payout = {
  id: string;
  status: string;
  method: string;
  amount: { amount: number };
  reference: string | null;
  cooperative: { id: string };
};
const PAYOUT_FIELDS = `id status method amount { amount currency } reference paidAt cooperative { id }`;

function runPayouts(token = admin.accessToken): Promise<GraphqlResponse<{ runPayouts: Payout[] }>> {
  return t.gql(`mutation { runPayouts { ${PAYOUT_FIELDS} } }`, {}, token);
}

function markPaid(id: string, reference: string) {
  return t.gql<{ markPayoutPaid: Payout }>(
    `mutation($id: ID!, $r: String!) { markPayoutPaid(id: $id, reference: $r) { ${PAYOUT_FIELDS} } }`,
    { id, r: reference },
    admin.accessToken,
  );
}

function markFailed(id: string, reason: string) {
  return t.gql<{ markPayoutFailed: Payout }>(
    `mutation($id: ID!, $r: String!) { markPayoutFailed(id: $id, reason: $r) { ${PAYOUT_FIELDS} } }`,
    { id, r: reason },
    admin.accessToken,
  );
}

function setBank(rib: string, token = owner.accessToken, holder = 'Coopérative X') {
  return t.gql<{
    setBankPayoutDetails: {
      method: string;
      status: string;
      accountHolder: string;
      ribLast4: string;
      payoutsEnabled: boolean;
    };
  }>(
    `mutation($c: ID!, $h: String!, $rib: String!) {
      setBankPayoutDetails(cooperativeId: $c, accountHolder: $h, rib: $rib) { method status accountHolder ribLast4 payoutsEnabled } }`,
    { c: coopX, h: holder, rib },
    token,
  );
}

async function csv(token?: string): Promise<Response> {
  return fetch(`${t.url}/admin/payouts.csv`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
}

async function mails(template: string): Promise<string[]> {
  const rows = await t.sql<{ to_address: string }>(
    `SELECT to_address FROM email_outbox WHERE template = $1 ORDER BY to_address`,
    [template],
  );
  return rows.map((r) => r.to_address);
}

/** X's OWNER/MANAGERs (its founder, owner and manager), never its staff. */
async function ownersAndManagersOfX(): Promise<string[]> {
  const rows = await t.sql<{ email: string }>(
    `SELECT u.email::text AS email FROM cooperative_memberships m JOIN users u ON u.id = m.user_id
      WHERE m.cooperative_id = $1 AND m.role IN ('OWNER', 'MANAGER') ORDER BY u.email`,
    [coopX],
  );
  const emails = rows.map((r) => r.email);
  expect(emails).toEqual(expect.arrayContaining([owner.email, manager.email]));
  expect(emails).not.toContain(staff.email);
  return emails;
}

beforeAll(async () => {
  t = await startTestApi({ PAYOUT_HOLD_DAYS: String(HOLD_DAYS) });
  owner = await signUp(t, { fullName: 'Owner X' });
  manager = await signUp(t, { fullName: 'Manager X' });
  staff = await signUp(t, { fullName: 'Staff X' });
  ownerY = await signUp(t, { fullName: 'Owner Y' });
  admin = await signUp(t, { fullName: 'Admin' });
  coopX = await insertCooperative(t, { name: 'Coopérative X', status: 'APPROVED' });
  coopY = await insertCooperative(t, { name: 'Coopérative Y', status: 'APPROVED' });
  await addMembership(t, owner.id, coopX, 'OWNER');
  await addMembership(t, manager.id, coopX, 'MANAGER');
  await addMembership(t, staff.id, coopX, 'STAFF');
  await addMembership(t, ownerY.id, coopY, 'OWNER');
  await grantPlatformRole(t, admin.id, 'ADMIN');
  oldSubOrder = await deliveredSubOrder(coopX);
  recentSubOrder = await deliveredSubOrder(coopX);
  await saleEntries(coopX, oldSubOrder);
  await saleEntries(coopX, recentSubOrder);
  await deliveredDaysAgo(oldSubOrder, HOLD_DAYS + 1);
  // Y has a payable balance but no payout account: runs skip it.
  const ySubOrder = await deliveredSubOrder(coopY);
  await saleEntries(coopY, ySubOrder);
  await deliveredDaysAgo(ySubOrder, HOLD_DAYS + 1);
});
afterAll(() => t.close());

describe('bank payout details', () => {
  it('refuses an invalid RIB naming the field, and stores nothing', async () => {
    const typo = RIB.slice(0, 10) + String((Number(RIB[10]) + 1) % 10) + RIB.slice(11);
    for (const bad of [typo, RIB.slice(1), 'A'.repeat(24), '1'.repeat(5000)]) {
      const res = await setBank(bad);
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].extensions?.fields).toEqual([{ field: 'rib', message: expect.any(String) }]);
    }
    const blank = await setBank(RIB, owner.accessToken, '  ');
    expect(blank.errors?.[0].extensions?.fields).toEqual([
      { field: 'accountHolder', message: expect.any(String) },
    ]);
    expect(await t.sql(`SELECT 1 FROM payout_accounts WHERE cooperative_id = $1`, [coopX])).toHaveLength(0);
  });

  it('stores a valid RIB encrypted and only ever shows its last four characters', async () => {
    const spaced = `${RIB.slice(0, 3)} ${RIB.slice(3, 6)} ${RIB.slice(6, 22)} ${RIB.slice(22)}`;
    const res = await setBank(spaced);
    expect(res.errors).toBeUndefined();
    expect(res.data!.setBankPayoutDetails).toEqual({
      method: 'BANK_TRANSFER',
      status: 'ACTIVE',
      accountHolder: 'Coopérative X',
      ribLast4: RIB.slice(-4),
      payoutsEnabled: true,
    });
    const [stored] = await t.sql<{ rib_ciphertext: Buffer; rib_last4: string }>(
      `SELECT rib_ciphertext, rib_last4 FROM payout_accounts WHERE cooperative_id = $1`,
      [coopX],
    );
    expect(stored.rib_last4).toBe(RIB.slice(-4));
    expect(stored.rib_ciphertext.includes(Buffer.from(RIB))).toBe(false);
    expect(stored.rib_ciphertext.includes(Buffer.from(RIB.slice(6, 22)))).toBe(false);
  });

  it('shows Cooperative.payoutAccount to its OWNER/MANAGERs and admins only', async () => {
    const query = `query($id: ID) { cooperative(id: $id) { id payoutAccount { method ribLast4 accountHolder } } }`;
    for (const [who, token, sees] of [
      ['owner', owner.accessToken, true],
      ['manager', manager.accessToken, true],
      ['admin', admin.accessToken, true],
      ['staff', staff.accessToken, false],
      ['owner of Y', ownerY.accessToken, false],
      ['anonymous', undefined, false],
    ] as const) {
      const res = await t.gql<{ cooperative: { payoutAccount: unknown } }>(query, { id: coopX }, token);
      expect(res.errors).toBeUndefined();
      expect([who, res.data!.cooperative.payoutAccount]).toEqual([
        who,
        sees ? { method: 'BANK_TRANSFER', ribLast4: RIB.slice(-4), accountHolder: 'Coopérative X' } : null,
      ]);
    }
  });
});

describe('ledger and payouts', () => {
  it('answers the balance of all entries and the payable part of sub-orders delivered past the hold', async () => {
    const l = await ledger();
    expect(l.balance).toEqual({ amount: 2 * 10600, currency: 'MAD' });
    expect(l.payable.amount).toBe(10600);
    expect(l.paidOut.amount).toBe(0);
    expect(l.entries).toHaveLength(6);
    expect(new Set(l.entries.map((e) => e.subOrder?.id))).toEqual(new Set([oldSubOrder, recentSubOrder]));
    expect(l.entries.reduce((s, e) => s + e.amount.amount, 0)).toBe(l.balance.amount);
  });

  it('pages entries newest first with the id of the last entry seen', async () => {
    const all = await ledger(owner.accessToken, 100);
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await ledger(owner.accessToken, 4, after);
      seen.push(...page.entries.map((e) => e.id));
      if (page.entries.length < 4) break;
      after = page.entries[page.entries.length - 1].id;
    }
    expect(seen).toEqual(all.entries.map((e) => e.id));
    const foreign = await t.gql(
      LEDGER,
      { c: coopX, after: '00000000-0000-4000-8000-000000000000' },
      owner.accessToken,
    );
    expect(foreign.errors?.[0].extensions?.fields).toEqual([{ field: 'after', message: expect.any(String) }]);
    const tooMany = await t.gql(LEDGER, { c: coopX, first: 101 }, owner.accessToken);
    expect(tooMany.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('pays each cooperative with an account once, whatever the number of concurrent runs', async () => {
    const runs = await Promise.all([runPayouts(), runPayouts(), runPayouts()]);
    for (const run of runs) expect(run.errors).toBeUndefined();
    const created = runs.flatMap((r) => r.data!.runPayouts);
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({
      status: 'PENDING',
      method: 'BANK_TRANSFER',
      amount: { amount: 10600 },
      reference: null,
      cooperative: { id: coopX },
    });
    const rows = await t.sql<{ count: number }>(`SELECT count(*)::int AS count FROM payouts`);
    expect(rows[0].count).toBe(1);
    const l = await ledger();
    expect(l.balance.amount).toBe(10600);
    expect(l.payable.amount).toBe(0);
    expect(l.paidOut.amount).toBe(10600);
    expect(l.entries[0]).toMatchObject({
      type: 'PAYOUT',
      amount: { amount: -10600 },
      payout: { id: created[0].id },
    });
    expect((await runPayouts()).data!.runPayouts).toEqual([]);
  });

  it('exports pending bank payouts as CSV with the full RIB, for admins only', async () => {
    expect((await csv()).status).toBe(401);
    expect((await csv(owner.accessToken)).status).toBe(403);
    const res = await csv(admin.accessToken);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const lines = (await res.text()).split('\r\n');
    expect(lines[0]).toBe('payout_id,cooperative,account_holder,rib,amount,currency,created_at');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`,Coopérative X,Coopérative X,${RIB},106.00,MAD,`);
  });

  it('records a bank transfer once, tells the OWNER/MANAGERs, and refuses it twice', async () => {
    const [pending] = await t.sql<{ id: string }>(`SELECT id FROM payouts WHERE status = 'PENDING'`);
    const empty = await markPaid(pending.id, '   ');
    expect(empty.errors?.[0].extensions?.fields).toEqual([
      { field: 'reference', message: expect.any(String) },
    ]);
    const [first, second] = await Promise.all([markPaid(pending.id, 'VIR-1'), markPaid(pending.id, 'VIR-2')]);
    const outcomes = [first, second]
      .map((r) => r.errors?.[0].extensions?.code ?? r.data!.markPayoutPaid.status)
      .sort();
    expect(outcomes).toEqual(['INVALID_STATE_TRANSITION', 'PAID']);
    const failedAfter = await markFailed(pending.id, 'too late');
    expect(failedAfter.errors?.[0].extensions?.code).toBe('INVALID_STATE_TRANSITION');
    expect(await mails('payout-sent')).toEqual(await ownersAndManagersOfX());
    expect(await mails('payout-failed')).toEqual([]);
    const l = await ledger();
    expect(l.balance.amount).toBe(10600);
    expect((await csv(admin.accessToken).then((r) => r.text())).split('\r\n')).toHaveLength(2);
  });

  it('returns a failed payout to the balance (PAYOUT_REVERSAL) and pays it in the next run', async () => {
    await deliveredDaysAgo(recentSubOrder, HOLD_DAYS + 1);
    const run = await runPayouts();
    const [payout] = run.data!.runPayouts;
    expect(payout.amount.amount).toBe(10600);
    const failed = await markFailed(payout.id, 'Compte clôturé');
    expect(failed.data!.markPayoutFailed.status).toBe('FAILED');
    let l = await ledger();
    expect(l.balance.amount).toBe(10600);
    expect(l.payable.amount).toBe(10600);
    expect(l.entries[0]).toMatchObject({ type: 'PAYOUT_REVERSAL', amount: { amount: 10600 } });
    expect(await mails('payout-failed')).toEqual(await ownersAndManagersOfX());
    const again = await markFailed(payout.id, 'twice');
    expect(again.errors?.[0].extensions?.code).toBe('INVALID_STATE_TRANSITION');
    const next = await runPayouts();
    expect(next.data!.runPayouts.map((p) => p.amount.amount)).toEqual([10600]);
    l = await ledger();
    expect(l.payable.amount).toBe(0);
    expect(l.paidOut.amount).toBe(2 * 10600);
  });

  it('refuses to mark a Stripe Connect payout by hand, and changes nothing', async () => {
    const [row] = await t.sql<{ id: string }>(
      `INSERT INTO payouts (cooperative_id, method, amount, status) VALUES ($1, 'STRIPE_CONNECT', 500, 'PENDING') RETURNING id`,
      [coopY],
    );
    for (const res of [await markPaid(row.id, 'VIR-3'), await markFailed(row.id, 'no')]) {
      expect(res.errors?.[0].extensions?.code).toBe('CONFLICT');
    }
    const [after] = await t.sql<{ status: string; reference: string | null }>(
      `SELECT status, reference FROM payouts WHERE id = $1`,
      [row.id],
    );
    expect(after).toEqual({ status: 'PENDING', reference: null });
    const unknown = await markPaid('00000000-0000-4000-8000-000000000000', 'VIR-4');
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('lists payouts newest first, by cooperative and status, in pages', async () => {
    const query = `query($c: ID, $s: PayoutStatus, $first: Int, $after: String) {
      payouts(cooperativeId: $c, status: $s, first: $first, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { id status cooperative { id } } } } }`;
    type Page = {
      payouts: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string };
        edges: { node: { id: string; status: string } }[];
      };
    };
    const mine = await t.gql<Page>(query, { c: coopX }, owner.accessToken);
    expect(mine.data!.payouts.totalCount).toBe(3);
    expect(mine.data!.payouts.edges.map((e) => e.node.status)).toEqual(['PENDING', 'FAILED', 'PAID']);
    const first = await t.gql<Page>(query, { c: coopX, first: 2 }, owner.accessToken);
    expect(first.data!.payouts.pageInfo.hasNextPage).toBe(true);
    const rest = await t.gql<Page>(
      query,
      { c: coopX, first: 2, after: first.data!.payouts.pageInfo.endCursor },
      owner.accessToken,
    );
    expect([...first.data!.payouts.edges, ...rest.data!.payouts.edges].map((e) => e.node.id)).toEqual(
      mine.data!.payouts.edges.map((e) => e.node.id),
    );
    const all = await t.gql<Page>(query, { s: 'PENDING' }, admin.accessToken);
    expect(all.data!.payouts.totalCount).toBe(2);
    const withoutCooperative = await t.gql<Page>(query, {}, owner.accessToken);
    expect(withoutCooperative.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('reads a ledger page with its sub-orders and payouts in the same number of queries for 1 entry or all', async () => {
    const count = async (first: number) => {
      const res = await t.gql<Ledger>(LEDGER, { c: coopX, first }, owner.accessToken);
      expect(res.errors).toBeUndefined();
      expect(res.data!.cooperativeLedger.entries.length).toBe(first === 1 ? 1 : 10);
      return Number(res.headers.get('x-sql-queries'));
    };
    const one = await count(1);
    const all = await count(100);
    expect(one).toBeGreaterThan(0);
    expect(all).toBe(one + 1); // the newest entry alone (a PAYOUT) has no sub-order to load: one loader fewer
  });
});
