import { Injectable } from '@nestjs/common';
import { Db } from '@taawoun/core';
import type { ReviewDecision } from '../cooperatives/cooperative.model.js';

export interface ReviewNoteRow {
  cooperativeId: string;
  decision: ReviewDecision;
  note: string;
  authorId: string;
  createdAt: Date;
}

export const REVIEW_SQL = {
  insertNote: `INSERT INTO cooperative_review_notes (cooperative_id, decision, note, author_id) VALUES ($1, $2, $3, $4)`,
  notesOf: `SELECT cooperative_id AS "cooperativeId", decision, note, author_id AS "authorId", created_at AS "createdAt"
    FROM cooperative_review_notes WHERE cooperative_id = ANY($1::uuid[]) ORDER BY created_at, id`,
} as const;

/** Every statement on `cooperative_review_notes`. */
@Injectable()
export class ReviewRepository {
  constructor(private readonly db: Db) {}

  async insertNote(
    cooperativeId: string,
    decision: ReviewDecision,
    note: string,
    authorId: string,
  ): Promise<void> {
    await this.db.query(REVIEW_SQL.insertNote, [cooperativeId, decision, note, authorId]);
  }

  /** The notes of several cooperatives, oldest first. */
  notesOf(cooperativeIds: readonly string[]): Promise<ReviewNoteRow[]> {
    return this.db.query<ReviewNoteRow>(REVIEW_SQL.notesOf, [[...cooperativeIds]]);
  }
}
