import type { TestApi } from '../support/test-api.js';
import type { TestUser } from '../support/actors.js';

/** The actors of the access matrix. X and Y are two APPROVED cooperatives. */
export const ACTORS = [
  'anonymous',
  'buyerA',
  'buyerB',
  'staffX',
  'ownerX',
  'ownerY',
  'partner',
  'admin',
] as const;
export type ActorName = (typeof ACTORS)[number];

export interface AccessFixture {
  t: TestApi;
  users: Record<Exclude<ActorName, 'anonymous'>, TestUser>;
  cooperativeX: string;
  cooperativeY: string;
  /** Ids that suites create in `prepare` for their cases (products, orders...). */
  ids: Record<string, string>;
}

export interface AccessCase {
  /** The root field, e.g. "Mutation.reviewCooperative"; the matrix fails when an operation has no case. */
  operation: string;
  query: string;
  variables?: (fx: AccessFixture) => Record<string, unknown>;
  /** Actors that must get through (any answer but FORBIDDEN/UNAUTHENTICATED); every other one must be refused. */
  allowed: readonly ActorName[] | 'everyone';
  /**
   * For fields that answer null (or hide data) to outsiders instead of refusing: a check of the
   * answer per actor, replacing the FORBIDDEN expectation.
   */
  visibility?: (actor: ActorName, data: Record<string, unknown> | null, allowed: boolean) => void;
  /** Undoes what the allowed actors' calls changed that later cases rely on (e.g. their sessions). */
  after?: (fx: AccessFixture) => Promise<void>;
}

export interface AccessSuite {
  name: string;
  /** Creates what the cases need (runs once, after the shared fixture). */
  prepare?(fx: AccessFixture): Promise<void>;
  cases: AccessCase[];
}
