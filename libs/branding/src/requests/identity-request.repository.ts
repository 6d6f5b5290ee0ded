import { Injectable } from '@nestjs/common';
import { Db } from '@taawoun/core';
import type { BrandIdentity } from '../brand-identity.js';
import type { IdentityRequestVisibility } from './identity-request-visibility.js';
import type { IdentityRequestStatus, ProposalStatus } from './identity-request.model.js';

export interface IdentityRequestRow {
  id: string;
  cooperativeId: string;
  needs: string;
  status: IdentityRequestStatus;
  partnerId: string | null;
  createdAt: Date;
}

export interface IdentityProposalRow {
  id: string;
  requestId: string;
  logoAssetId: string;
  bannerAssetId: string | null;
  primaryColor: string;
  secondaryColor: string | null;
  tagline: string | null;
  status: ProposalStatus;
  feedback: string | null;
}

/** A proposal with the request it answers, for the checks before responding. */
export interface ProposalWithRequestRow extends IdentityProposalRow {
  cooperativeId: string;
  requestStatus: IdentityRequestStatus;
}

const REQUEST_COLUMNS = `r.id, r.cooperative_id AS "cooperativeId", r.needs, r.status, r.partner_id AS "partnerId",
  r.created_at AS "createdAt"`;
const PROPOSAL_COLUMNS = `p.id, p.request_id AS "requestId", p.logo_asset_id AS "logoAssetId",
  p.banner_asset_id AS "bannerAssetId", p.primary_color AS "primaryColor", p.secondary_color AS "secondaryColor",
  p.tagline, p.status, p.feedback`;

/** Requests not finished yet: a cooperative has at most one (UQ_identity_requests_unfinished). */
export const UNFINISHED_STATUSES = `('OPEN', 'ASSIGNED', 'PROPOSED')`;

export const IDENTITY_REQUEST_SQL = {
  insert: `INSERT INTO identity_requests AS r (cooperative_id, needs, requested_by) VALUES ($1, $2, $3)
    RETURNING ${REQUEST_COLUMNS}`,
  byId: `SELECT ${REQUEST_COLUMNS} FROM identity_requests r WHERE r.id = $1`,
  /** Locks the request: submissions and answers on one request take turns. */
  lock: `SELECT ${REQUEST_COLUMNS} FROM identity_requests r WHERE r.id = $1 FOR UPDATE`,
  /** Assigns (or reassigns) a partner while no proposal exists. */
  assign: `UPDATE identity_requests r SET partner_id = $2, status = 'ASSIGNED', updated_at = now()
    WHERE r.id = $1 AND r.status IN ('OPEN', 'ASSIGNED')
    RETURNING ${REQUEST_COLUMNS}`,
  /** Moves the request from one of `$2` to `$3`; nothing when it is in another state by then. */
  transition: `UPDATE identity_requests r SET status = $3, updated_at = now()
    WHERE r.id = $1 AND r.status = ANY($2::varchar[])
    RETURNING ${REQUEST_COLUMNS}`,
  insertProposal: `INSERT INTO identity_proposals AS p (request_id, submitted_by, logo_asset_id, banner_asset_id,
      primary_color, secondary_color, tagline)
    VALUES ($1, $2, $3, $4, $5, $6, $7)
    RETURNING ${PROPOSAL_COLUMNS}`,
  proposalWithRequest: `SELECT ${PROPOSAL_COLUMNS}, r.cooperative_id AS "cooperativeId", r.status AS "requestStatus"
    FROM identity_proposals p JOIN identity_requests r ON r.id = p.request_id WHERE p.id = $1`,
  /** Answers a PENDING proposal; nothing when it was answered already. */
  respond: `UPDATE identity_proposals p SET status = $2, feedback = $3, responded_by = $4, responded_at = now()
    WHERE p.id = $1 AND p.status = 'PENDING'
    RETURNING ${PROPOSAL_COLUMNS}`,
  declineOthers: `UPDATE identity_proposals SET status = 'DECLINED', responded_by = $3, responded_at = now()
    WHERE request_id = $1 AND id <> $2 AND status = 'PENDING'`,
  countPending: `SELECT count(*)::int AS n FROM identity_proposals WHERE request_id = $1 AND status = 'PENDING'`,
  countProposals: `SELECT count(*)::int AS n FROM identity_proposals WHERE request_id = $1`,
  /** The proposals of several requests, oldest first (a request holds at most MAX_PROPOSALS). */
  proposalsOf: `SELECT ${PROPOSAL_COLUMNS} FROM identity_proposals p WHERE p.request_id = ANY($1::uuid[])
    ORDER BY p.created_at, p.id`,
  requestOfProposal: `SELECT r.cooperative_id AS "cooperativeId" FROM identity_proposals p
    JOIN identity_requests r ON r.id = p.request_id WHERE p.id = $1`,
} as const;

/** Every statement on `identity_requests` and `identity_proposals` (one aggregate). */
@Injectable()
export class IdentityRequestRepository {
  constructor(private readonly db: Db) {}

  /** Throws the unique violation of `UQ_identity_requests_unfinished` when one is unfinished. */
  async insert(cooperativeId: string, needs: string, requestedBy: string): Promise<IdentityRequestRow> {
    const [row] = await this.db.query<IdentityRequestRow>(IDENTITY_REQUEST_SQL.insert, [
      cooperativeId,
      needs,
      requestedBy,
    ]);
    return row;
  }

  async byId(id: string): Promise<IdentityRequestRow | null> {
    const [row] = await this.db.query<IdentityRequestRow>(IDENTITY_REQUEST_SQL.byId, [id]);
    return row ?? null;
  }

  /** The request, row-locked until the transaction ends; null when there is none. */
  async lock(id: string): Promise<IdentityRequestRow | null> {
    const [row] = await this.db.query<IdentityRequestRow>(IDENTITY_REQUEST_SQL.lock, [id]);
    return row ?? null;
  }

  /** The requests the caller may see, newest first, optionally in one status, at most `limit`. */
  visible(
    visibility: IdentityRequestVisibility,
    status: IdentityRequestStatus | null,
    limit: number,
  ): Promise<IdentityRequestRow[]> {
    return this.db.query<IdentityRequestRow>(
      `SELECT ${REQUEST_COLUMNS} FROM identity_requests r
       WHERE ($1::varchar IS NULL OR r.status = $1) AND ${visibility.sql('r', 3)}
       ORDER BY r.created_at DESC, r.id DESC LIMIT $2`,
      [status, limit, ...visibility.params],
    );
  }

  async assign(id: string, partnerId: string): Promise<IdentityRequestRow | null> {
    const [row] = await this.db.query<IdentityRequestRow>(IDENTITY_REQUEST_SQL.assign, [id, partnerId]);
    return row ?? null;
  }

  async transition(
    id: string,
    from: readonly IdentityRequestStatus[],
    to: IdentityRequestStatus,
  ): Promise<IdentityRequestRow | null> {
    const [row] = await this.db.query<IdentityRequestRow>(IDENTITY_REQUEST_SQL.transition, [
      id,
      [...from],
      to,
    ]);
    return row ?? null;
  }

  async insertProposal(
    requestId: string,
    submittedBy: string,
    identity: BrandIdentity,
  ): Promise<IdentityProposalRow> {
    const [row] = await this.db.query<IdentityProposalRow>(IDENTITY_REQUEST_SQL.insertProposal, [
      requestId,
      submittedBy,
      identity.logoAssetId,
      identity.bannerAssetId,
      identity.primaryColor,
      identity.secondaryColor,
      identity.tagline,
    ]);
    return row;
  }

  async proposalWithRequest(id: string): Promise<ProposalWithRequestRow | null> {
    const [row] = await this.db.query<ProposalWithRequestRow>(IDENTITY_REQUEST_SQL.proposalWithRequest, [id]);
    return row ?? null;
  }

  async respond(
    id: string,
    to: ProposalStatus,
    feedback: string | null,
    by: string,
  ): Promise<IdentityProposalRow | null> {
    const [row] = await this.db.query<IdentityProposalRow>(IDENTITY_REQUEST_SQL.respond, [
      id,
      to,
      feedback,
      by,
    ]);
    return row ?? null;
  }

  /** Declines the request's other PENDING proposals; answers how many. */
  declineOthers(requestId: string, acceptedId: string, by: string): Promise<number> {
    return this.db.execute(IDENTITY_REQUEST_SQL.declineOthers, [requestId, acceptedId, by]);
  }

  async countPending(requestId: string): Promise<number> {
    const [row] = await this.db.query<{ n: number }>(IDENTITY_REQUEST_SQL.countPending, [requestId]);
    return row.n;
  }

  async countProposals(requestId: string): Promise<number> {
    const [row] = await this.db.query<{ n: number }>(IDENTITY_REQUEST_SQL.countProposals, [requestId]);
    return row.n;
  }

  proposalsOf(requestIds: readonly string[]): Promise<IdentityProposalRow[]> {
    return this.db.query<IdentityProposalRow>(IDENTITY_REQUEST_SQL.proposalsOf, [[...requestIds]]);
  }

  /** The cooperative a proposal is for (the policy scope of responding); null when there is none. */
  async cooperativeOfProposal(id: string): Promise<string | null> {
    const [row] = await this.db.query<{ cooperativeId: string }>(IDENTITY_REQUEST_SQL.requestOfProposal, [
      id,
    ]);
    return row?.cooperativeId ?? null;
  }
}
