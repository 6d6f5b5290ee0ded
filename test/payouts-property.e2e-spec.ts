import fc from 'fast-check';
import { LedgerRepository, ribKey } from '@taawoun/payments';
import {
  addMembership,
  grantPlatformRole,
  insertCooperative,
  signUp,
  type TestUser,
} from './support/actors.js';
import { newVariant, placeOrder } from './support/order-fixtures.js';
import { startTestApi, type TestApi } from './support/test-api.js';

/**
 * Property: over generated sequences of card sales, deliveries aging past the hold, payout runs
 * (sometimes two at once) and bank transfers marked paid or failed, each cooperative's ledger
 * stays consistent: balance = Σ entries (integers), payable never negative nor above the balance,
 * one PAYOUT entry per payout and one PAYOUT_REVERSAL per failed one, and the money paid out
 * (PAYOUT − reversals) never above what its delivered sub-orders earned.
 */
const HOLD_DAYS = 3;
const RIB_START = '011780' + '0000123456789012';
const RIB = RIB_START + ribKey(RIB_START);

let t: TestApi;
let admin: TestUser;
let owner: TestUser;

type Step =
  | { kind: 'sale'; price: number; aged: boolean }
  | { kind: 'age' }
  | { kind: 'run'; twice: boolean }
  | { kind: 'settle'; paid: boolean };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('sale' as const),
    price: fc.integer({ min: 1, max: 500_000 }),
    aged: fc.boolean(),
  }),
  fc.constant({ kind: 'age' as const }),
  fc.record({ kind: fc.constant('run' as const), twice: fc.boolean() }),
  fc.record({ kind: fc.constant('settle' as const), paid: fc.boolean() }),
);

async function gql<T>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
  const res = await t.gql<T>(query, variables, token);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!;
}

beforeAll(async () => {
  t = await startTestApi({ PAYOUT_HOLD_DAYS: String(HOLD_DAYS) });
  admin = await signUp(t, { fullName: 'Admin' });
  owner = await signUp(t, { fullName: 'Owner' });
  await grantPlatformRole(t, admin.id, 'ADMIN');
});
afterAll(() => t.close());

it('keeps every ledger consistent over generated sales, runs and settlements', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(step, { minLength: 3, maxLength: 12 }), async (steps) => {
      const coop = await insertCooperative(t, { status: 'APPROVED' });
      await addMembership(t, owner.id, coop, 'OWNER');
      const variant = await newVariant(t, coop, { stock: 1000, price: 1000 });
      await gql(
        `mutation($c: ID!, $rib: String!) { setBankPayoutDetails(cooperativeId: $c, accountHolder: "H", rib: $rib) { ribLast4 } }`,
        { c: coop, rib: RIB },
        owner.accessToken,
      );
      for (const s of steps) {
        if (s.kind === 'sale') {
          // A delivered card sub-order of this cooperative with its sale entries (what payment + delivery record).
          const order = await placeOrder(t, {
            lines: [{ variantId: variant, quantity: 1 }],
            paymentMethod: 'CARD',
          });
          const subOrderId = order.of(coop);
          await t.sql(
            `UPDATE sub_orders SET status = 'DELIVERED', delivered_at = now() - make_interval(days => $2) WHERE id = $1`,
            [subOrderId, s.aged ? HOLD_DAYS + 1 : 0],
          );
          const commission = Math.floor(s.price / 20);
          await t.api.app.get(LedgerRepository).append([
            { cooperativeId: coop, type: 'SALE', amount: s.price, subOrderId },
            { cooperativeId: coop, type: 'COMMISSION', amount: -commission, subOrderId },
          ]);
        } else if (s.kind === 'age') {
          await t.sql(
            `UPDATE sub_orders SET delivered_at = now() - make_interval(days => $2) WHERE cooperative_id = $1`,
            [coop, HOLD_DAYS + 1],
          );
        } else if (s.kind === 'run') {
          const run = `mutation { runPayouts { id } }`;
          await Promise.all(
            s.twice
              ? [gql(run, {}, admin.accessToken), gql(run, {}, admin.accessToken)]
              : [gql(run, {}, admin.accessToken)],
          );
        } else {
          const [pending] = await t.sql<{ id: string }>(
            `SELECT id FROM payouts WHERE cooperative_id = $1 AND status = 'PENDING' ORDER BY created_at LIMIT 1`,
            [coop],
          );
          if (pending)
            await gql(
              s.paid
                ? `mutation($id: ID!) { markPayoutPaid(id: $id, reference: "VIR") { id } }`
                : `mutation($id: ID!) { markPayoutFailed(id: $id, reason: "closed") { id } }`,
              { id: pending.id },
              admin.accessToken,
            );
        }
      }
      const { cooperativeLedger: l } = await gql<{
        cooperativeLedger: {
          balance: { amount: number };
          payable: { amount: number };
          paidOut: { amount: number };
        };
      }>(
        `query($c: ID!) { cooperativeLedger(cooperativeId: $c) { balance { amount } payable { amount } paidOut { amount } } }`,
        { c: coop },
        owner.accessToken,
      );
      const [sums] = await t.sql<{ total: string; earned: string; paid: string }>(
        `SELECT COALESCE(SUM(e.amount), 0)::text AS total,
                COALESCE(SUM(e.amount) FILTER (WHERE e.sub_order_id IS NOT NULL), 0)::text AS earned,
                (-COALESCE(SUM(e.amount) FILTER (WHERE e.payout_id IS NOT NULL), 0))::text AS paid
           FROM ledger_entries e WHERE e.cooperative_id = $1`,
        [coop],
      );
      for (const v of [l.balance.amount, l.payable.amount, l.paidOut.amount])
        expect(Number.isSafeInteger(v)).toBe(true);
      expect(l.balance.amount).toBe(Number(sums.total));
      expect(l.paidOut.amount).toBe(Number(sums.paid));
      expect(l.payable.amount).toBeGreaterThanOrEqual(0);
      expect(l.payable.amount).toBeLessThanOrEqual(Math.max(0, l.balance.amount));
      expect(Number(sums.paid)).toBeLessThanOrEqual(Number(sums.earned));
      const [keys] = await t.sql<{
        payouts: number;
        payoutEntries: number;
        failed: number;
        reversals: number;
      }>(
        `SELECT (SELECT count(*) FROM payouts WHERE cooperative_id = $1)::int AS payouts,
                (SELECT count(*) FROM ledger_entries WHERE cooperative_id = $1 AND type = 'PAYOUT')::int AS "payoutEntries",
                (SELECT count(*) FROM payouts WHERE cooperative_id = $1 AND status = 'FAILED')::int AS failed,
                (SELECT count(*) FROM ledger_entries WHERE cooperative_id = $1 AND type = 'PAYOUT_REVERSAL')::int AS reversals`,
        [coop],
      );
      expect(keys.payoutEntries).toBe(keys.payouts);
      expect(keys.reversals).toBe(keys.failed);
      // Nothing payable is left unpaid by a final run: a run right now pays exactly `payable`.
      const before = l.payable.amount;
      const { runPayouts } = await gql<{
        runPayouts: { amount: { amount: number }; cooperative: { id: string } }[];
      }>(`mutation { runPayouts { amount { amount } cooperative { id } } }`, {}, admin.accessToken);
      const mine = runPayouts.filter((p) => p.cooperative.id === coop);
      expect(mine.reduce((sum, p) => sum + p.amount.amount, 0)).toBe(before);
    }),
    { numRuns: 8 },
  );
});
