import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One login attempt that did not (yet) succeed, for one normalised e-mail from one client
 * address. Recorded before the password is checked and deleted when the login succeeds, so the
 * rows left are the failures. State lives in PostgreSQL so every API replica counts the same
 * attempts. SQL on this table: {@link LoginAttemptRepository}.
 */
@Entity('login_attempts')
@Index('IDX_login_attempts_email_at', ['email', 'attemptedAt'])
@Index('IDX_login_attempts_email_ip_at', ['email', 'ip', 'attemptedAt'])
@Index('IDX_login_attempts_ip_at', ['ip', 'attemptedAt'])
@Index('IDX_login_attempts_at', ['attemptedAt'])
export class LoginAttemptEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_login_attempts' })
  id!: string;

  /** Normalised (trimmed, lower-case); not a foreign key: unknown e-mails are throttled too. */
  @Column({ type: 'text' })
  email!: string;

  /** The client address as the API sees it (`request.ip`); `unknown` when there is none. */
  @Column({ type: 'text' })
  ip!: string;

  @Column({ name: 'attempted_at', type: 'timestamptz', default: () => 'now()' })
  attemptedAt!: Date;
}
