import fc from 'fast-check';
import { Jobs } from '@taawoun/core';
import { LedgerRepository, PayoutConnectService, STRIPE_EVENT_JOB } from '@taawoun/payments';
import {
  addMembership,
  grantPlatformRole,
  insertCooperative,
  signUp,
  type TestUser,
} from './support/actors.js';
import { newVariant, placeOrder } from './support/order-fixtures.js';
import { StripeTestServer } from './support/stripe-server/index.js';
import { startTestApi, type TestApi } from './support/test-api.js';

/**
 * Stripe Connect payouts with the real `stripe` SDK against the local Stripe-compatible server:
 * the express account created once, account.updated, and transfers under the payout's id as
 * idempotency key. The ledger entries a card payment writes are appended through LedgerRepository.
 */
let stripe: StripeTestServer;
let t: TestApi;
let owner: TestUser;
let admin: TestUser;
let coop: string;

const ONBOARD = `mutation($c: ID!, $r: String!, $f: String!) {
  startPayoutOnboarding(cooperativeId: $c, returnUrl: $r, refreshUrl: $f) }`;
const RUN = `mutation { runPayouts { id status method amount { amount } reference } }`;
type Run = {
  runPayouts: {
    id: string;
    status: string;
    method: string;
    amount: { amount: number };
    reference: string | null;
  }[];
};

async function payable(amount: number): Promise<void> {
  const variant = await newVariant(t, coop, { stock: 5, price: amount });
  const order = await placeOrder(t, { lines: [{ variantId: variant, quantity: 1 }] });
  const subOrderId = order.of(coop);
  await t.sql(
    `UPDATE sub_orders SET status = 'DELIVERED', delivered_at = now() - interval '1 day' WHERE id = $1`,
    [subOrderId],
  );
  await t.api.app.get(LedgerRepository).append([{ cooperativeId: coop, type: 'SALE', amount, subOrderId }]);
}

async function account(): Promise<Record<string, unknown>> {
  const res = await t.gql<{ cooperative: { payoutAccount: Record<string, unknown> } }>(
    `query($id: ID) { cooperative(id: $id) { payoutAccount { method status chargesEnabled payoutsEnabled ribLast4 } } }`,
    { id: coop },
    owner.accessToken,
  );
  return res.data!.cooperative.payoutAccount;
}

/** Runs the queued Stripe event jobs (RUN_JOBS is off in tests), as the worker would. */
async function applyQueuedEvents(): Promise<void> {
  const jobs = await t.sql<{ id: string; eventId: string }>(
    `SELECT id, data->>'eventId' AS "eventId" FROM pgboss.job WHERE name = $1 AND state = 'created' ORDER BY created_on`,
    [STRIPE_EVENT_JOB],
  );
  for (const job of jobs) {
    await t.api.app.get(Jobs).runNow(STRIPE_EVENT_JOB, { eventId: job.eventId });
    await t.sql(`UPDATE pgboss.job SET state = 'completed' WHERE id = $1`, [job.id]);
  }
}

/** The account changes on Stripe; its account.updated goes through POST /webhooks/stripe and the event job. */
async function accountUpdated(status: 'active' | 'restricted'): Promise<void> {
  const [acct] = stripe.created('account');
  const { event } = await stripe.setAccountStatus(acct.id, status);
  expect((await stripe.deliver(event)).status).toBe(200);
  await applyQueuedEvents();
}

beforeAll(async () => {
  stripe = await StripeTestServer.start({ webhookMode: 'manual' });
  t = await startTestApi({ ...stripe.env(), PAYOUT_HOLD_DAYS: '0' });
  stripe.setWebhookUrl(`${t.url}/webhooks/stripe`);
  owner = await signUp(t, { fullName: 'Owner' });
  admin = await signUp(t, { fullName: 'Admin' });
  coop = await insertCooperative(t, { name: 'Coopérative Connect', status: 'APPROVED' });
  await addMembership(t, owner.id, coop, 'OWNER');
  await grantPlatformRole(t, admin.id, 'ADMIN');
});
afterAll(async () => {
  await t.close();
  await stripe.close();
});

describe('Stripe Connect payouts', () => {
  it('refuses onboarding URLs that are not http(s), creating nothing', async () => {
    const res = await t.gql(
      ONBOARD,
      { c: coop, r: 'javascript:alert(1)', f: 'https://taawoun.ma/f' },
      owner.accessToken,
    );
    expect(res.errors?.[0].extensions?.fields).toEqual([{ field: 'returnUrl', message: expect.any(String) }]);
    expect(stripe.created('account')).toHaveLength(0);
  });

  it('creates the express account once however many starts race, and answers onboarding links', async () => {
    const starts = await Promise.all(
      [1, 2, 3].map(() =>
        t.gql<{ startPayoutOnboarding: string }>(
          ONBOARD,
          { c: coop, r: 'https://taawoun.ma/r', f: 'https://taawoun.ma/f' },
          owner.accessToken,
        ),
      ),
    );
    for (const s of starts) {
      expect(s.errors).toBeUndefined();
      expect(s.data!.startPayoutOnboarding).toMatch(/^https?:\/\//);
    }
    expect(stripe.created('account')).toHaveLength(1);
    expect(stripe.callCount('POST /v1/account_links')).toBe(3);
    expect(await account()).toEqual({
      method: 'STRIPE_CONNECT',
      status: 'ONBOARDING',
      chargesEnabled: false,
      payoutsEnabled: false,
      ribLast4: null,
    });
  });

  it("ends in Stripe's current state whatever order account.updated events arrive in, 5 times each", async () => {
    const [acct] = stripe.created('account');
    await stripe.setAccountStatus(acct.id, 'active');
    await stripe.setAccountStatus(acct.id, 'restricted');
    const events = stripe.events('account.updated');
    await fc.assert(
      fc.asyncProperty(
        fc.infiniteStream(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true })),
        async (stream) => {
          const it = stream[Symbol.iterator]();
          await stripe.deliverPending({
            events,
            times: 5,
            order: 'shuffled',
            random: () => it.next().value as number,
          });
          await applyQueuedEvents();
          expect(await account()).toMatchObject({ status: 'RESTRICTED', payoutsEnabled: false });
        },
      ),
      { numRuns: 5 },
    );
  });

  it('does not pay an account still onboarding', async () => {
    await payable(12345);
    const run = await t.gql<Run>(RUN, {}, admin.accessToken);
    expect(run.data!.runPayouts).toEqual([]);
    expect(stripe.created('transfer')).toHaveLength(0);
  });

  it('follows account.updated, then transfers at once under the payout id, once', async () => {
    await accountUpdated('restricted');
    expect(await account()).toMatchObject({ status: 'RESTRICTED', payoutsEnabled: false });
    await accountUpdated('active');
    expect(await account()).toMatchObject({ status: 'ACTIVE', payoutsEnabled: true, chargesEnabled: true });
    const run = await t.gql<Run>(RUN, {}, admin.accessToken);
    expect(run.errors).toBeUndefined();
    const [payout] = run.data!.runPayouts;
    const transfers = stripe.created('transfer');
    expect(transfers).toHaveLength(1);
    expect(transfers[0]).toMatchObject({ amount: 12345, currency: 'mad' });
    expect(payout).toMatchObject({ method: 'STRIPE_CONNECT', status: 'PAID', reference: transfers[0].id });
    // The job retrying after a crash, twice at once: the same transfer, no second e-mail.
    const connect = t.api.app.get(PayoutConnectService);
    await Promise.all([connect.transfer(payout.id), connect.transfer(payout.id)]);
    expect(stripe.created('transfer')).toHaveLength(1);
    const mails = await t.sql(`SELECT 1 FROM email_outbox WHERE template = 'payout-sent'`);
    expect(mails.length).toBeGreaterThan(0);
    const again = await t.gql(
      `mutation($id: ID!) { markPayoutPaid(id: $id, reference: "VIR") { id } }`,
      { id: payout.id },
      admin.accessToken,
    );
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  it('retries a transfer Stripe failed with a 500 under the same key: one transfer', async () => {
    await payable(5000);
    stripe.failNext({ endpoint: 'POST /v1/transfers', failure: { kind: 'server_error' } });
    const run = await t.gql<Run>(RUN, {}, admin.accessToken);
    expect(run.data!.runPayouts).toMatchObject([{ status: 'PAID', amount: { amount: 5000 } }]);
    expect(stripe.created('transfer')).toHaveLength(2);
  });

  it('marks a transfer Stripe refuses for good FAILED and returns the amount to the balance', async () => {
    await payable(7000);
    stripe.failNext({ endpoint: 'POST /v1/transfers', times: 5, failure: { kind: 'card_declined' } });
    const run = await t.gql<Run>(RUN, {}, admin.accessToken);
    expect(run.data!.runPayouts).toMatchObject([{ status: 'FAILED', amount: { amount: 7000 } }]);
    stripe.clearFailures();
    const ledger = await t.gql<{
      cooperativeLedger: { balance: { amount: number }; payable: { amount: number } };
    }>(
      `query($c: ID!) { cooperativeLedger(cooperativeId: $c) { balance { amount } payable { amount } } }`,
      { c: coop },
      owner.accessToken,
    );
    expect(ledger.data!.cooperativeLedger).toEqual({ balance: { amount: 7000 }, payable: { amount: 7000 } });
    const recipients = await t.sql(
      `SELECT 1 FROM cooperative_memberships WHERE cooperative_id = $1 AND role IN ('OWNER', 'MANAGER')`,
      [coop],
    );
    expect(await t.sql(`SELECT 1 FROM email_outbox WHERE template = 'payout-failed'`)).toHaveLength(
      recipients.length,
    );
    expect(stripe.created('transfer')).toHaveLength(2);
  });

  it('returns a Stripe transfer reversed in full to the balance once, however often its event comes', async () => {
    const [paid] = await t.sql<{ id: string; reference: string; amount: number }>(
      `SELECT id, reference, amount FROM payouts WHERE status = 'PAID' AND amount = 12345`,
    );
    const before = await t.sql<{ balance: number }>(
      `SELECT COALESCE(SUM(amount), 0)::int AS balance FROM ledger_entries WHERE cooperative_id = $1`,
      [coop],
    );
    await stripe
      .client()
      .transfers.createReversal(paid.reference, {}, { idempotencyKey: `reverse-${paid.id}` });
    await stripe.idle();
    const reversed = stripe.events('transfer.reversed');
    expect(reversed).toHaveLength(1);
    await stripe.deliverPending({ events: reversed, times: 5, order: 'in-order' });
    await applyQueuedEvents();
    const [payout] = await t.sql<{ status: string }>(`SELECT status FROM payouts WHERE id = $1`, [paid.id]);
    expect(payout.status).toBe('FAILED');
    const after = await t.sql<{ balance: number }>(
      `SELECT COALESCE(SUM(amount), 0)::int AS balance FROM ledger_entries WHERE cooperative_id = $1`,
      [coop],
    );
    expect(after[0].balance).toBe(before[0].balance + paid.amount);
  });
});
