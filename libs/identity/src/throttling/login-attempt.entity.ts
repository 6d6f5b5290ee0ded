import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One login attempt that did not (yet) succeed, for one normalised e-mail. Recorded before the
 * password is checked and deleted when the login succeeds, so the rows left in the window are
 * the failures. State lives in PostgreSQL so every API replica counts the same attempts.
 */
@Entity('login_attempts')
@Index('IDX_login_attempts_email_at', ['email', 'attemptedAt'])
export class LoginAttemptEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_login_attempts' })
  id!: string;

  /** Normalised (trimmed, lower-case); not a foreign key: unknown e-mails are throttled too. */
  @Column({ type: 'text' })
  email!: string;

  @Column({ name: 'attempted_at', type: 'timestamptz', default: () => 'now()' })
  attemptedAt!: Date;
}
