import { randomUUID } from 'node:crypto';
import { ribKey } from '@taawoun/payments';
import type { AccessSuite, ActorName } from './access-case.js';

const OWNER_X_AND_ADMINS: ActorName[] = ['ownerX', 'admin'];
const RIB_START = '011780' + '0000123456789012';
const RIB = RIB_START + ribKey(RIB_START);

/** Payouts and the ledger: a cooperative's OWNER/MANAGERs and admins; bank details by the OWNER; runs by admins. */
export const payoutsAccessSuite: AccessSuite = {
  name: 'payouts',
  cases: [
    {
      operation: 'Query.cooperativeLedger',
      query: `query($c: ID!) { cooperativeLedger(cooperativeId: $c) { balance { amount } payable { amount } entries { id } } }`,
      variables: (fx) => ({ c: fx.cooperativeX }),
      allowed: OWNER_X_AND_ADMINS,
    },
    {
      operation: 'Query.payouts',
      query: `query($c: ID!) { payouts(cooperativeId: $c) { totalCount edges { node { id } } } }`,
      variables: (fx) => ({ c: fx.cooperativeX }),
      allowed: OWNER_X_AND_ADMINS,
    },
    {
      operation: 'Mutation.setBankPayoutDetails',
      query: `mutation($c: ID!, $rib: String!) {
        setBankPayoutDetails(cooperativeId: $c, accountHolder: "Coopérative X", rib: $rib) { ribLast4 } }`,
      variables: (fx) => ({ c: fx.cooperativeX, rib: RIB }),
      allowed: ['ownerX'],
    },
    {
      // No Stripe keys in the matrix: the owner gets through to a CONFLICT (not configured).
      operation: 'Mutation.startPayoutOnboarding',
      query: `mutation($c: ID!) {
        startPayoutOnboarding(cooperativeId: $c, returnUrl: "https://taawoun.ma/r", refreshUrl: "https://taawoun.ma/f") }`,
      variables: (fx) => ({ c: fx.cooperativeX }),
      allowed: ['ownerX'],
    },
    {
      operation: 'Mutation.runPayouts',
      query: `mutation { runPayouts { id } }`,
      allowed: ['admin'],
    },
    {
      // An unknown payout: admins get NOT_FOUND, everyone else is refused before the lookup.
      operation: 'Mutation.markPayoutPaid',
      query: `mutation($id: ID!) { markPayoutPaid(id: $id, reference: "VIR-1") { id } }`,
      variables: () => ({ id: randomUUID() }),
      allowed: ['admin'],
    },
    {
      operation: 'Mutation.markPayoutFailed',
      query: `mutation($id: ID!) { markPayoutFailed(id: $id, reason: "closed") { id } }`,
      variables: () => ({ id: randomUUID() }),
      allowed: ['admin'],
    },
  ],
};
