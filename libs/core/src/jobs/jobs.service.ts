import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PgBoss, type Job } from 'pg-boss';
import type { Logger } from 'pino';
import { AppConfig } from '../config/app-config.js';
import { Db } from '../database/db.service.js';
import { LOGGER } from '../logging/logger.token.js';

export const JOB_SCHEMA = 'pgboss';

export type JobHandler<T extends object> = (data: T, job: Job<T>) => Promise<void>;

interface Registration {
  handler: JobHandler<object>;
  retryLimit: number;
  cron?: string;
}

export interface SendOptions {
  /** At most one queued job with this key at a time (pg-boss singletonKey). */
  singletonKey?: string;
  startAfterSeconds?: number;
}

/**
 * Background jobs on pg-boss, in the same PostgreSQL: side effects after commit, and daily
 * schedules. `send` joins the caller's transaction, so a job exists exactly when the state
 * change that asked for it commits. Handlers run only where RUN_JOBS is true (the worker, and the
 * API outside production); every process can enqueue. Handlers must be idempotent: pg-boss
 * delivers at least once.
 */
@Injectable()
export class Jobs implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly registrations = new Map<string, Registration>();
  private boss: PgBoss | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly db: Db,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  /**
   * Declares a queue and its handler (and optionally a cron schedule, Africa/Casablanca time).
   * Call from a module's onModuleInit; a later call activates the queue at once.
   */
  async register<T extends object>(
    name: string,
    handler: JobHandler<T>,
    options: { retryLimit?: number; cron?: string } = {},
  ): Promise<void> {
    if (this.registrations.has(name)) throw new Error(`Job ${name} is already registered`);
    const registration = {
      handler: handler as JobHandler<object>,
      retryLimit: options.retryLimit ?? 5,
      cron: options.cron,
    };
    this.registrations.set(name, registration);
    if (this.boss) await this.activate(this.boss, name, registration);
  }

  /** Enqueues a job inside the current transaction (if any). */
  async send<T extends object>(name: string, data: T, options: SendOptions = {}): Promise<string | null> {
    if (!this.registrations.has(name)) throw new Error(`Unknown job ${name}`);
    const manager = this.db.manager;
    return this.started().send(name, data, {
      singletonKey: options.singletonKey,
      startAfter: options.startAfterSeconds,
      db: {
        executeSql: async (text, values) => ({ rows: await manager.query<unknown[]>(text, values) }),
      },
    });
  }

  /**
   * Enqueues one job per element of `data` in ONE statement, inside the current transaction (if
   * any): for fan-outs whose size depends on the data (e-mails to many recipients).
   */
  async sendMany<T extends object>(name: string, data: readonly T[]): Promise<void> {
    if (!this.registrations.has(name)) throw new Error(`Unknown job ${name}`);
    if (data.length === 0) return;
    const manager = this.db.manager;
    await this.started().insert(
      name,
      data.map((d) => ({ data: d })),
      {
        db: { executeSql: async (text, values) => ({ rows: await manager.query<unknown[]>(text, values) }) },
      },
    );
  }

  /** Runs a registered job's handler now, in this process (admin actions, tests). */
  async runNow<T extends object>(name: string, data: T): Promise<void> {
    const registration = this.registrations.get(name);
    if (!registration) throw new Error(`Unknown job ${name}`);
    await registration.handler(data, { id: 'inline', name, data } as Job<T>);
  }

  get names(): string[] {
    return [...this.registrations.keys()];
  }

  async onApplicationBootstrap(): Promise<void> {
    const boss = new PgBoss({
      connectionString: this.db.dataSourceUrl,
      schema: JOB_SCHEMA,
      max: 4,
      application_name: 'taawoun-jobs',
      supervise: this.config.RUN_JOBS,
      schedule: this.config.RUN_JOBS,
    });
    boss.on('error', (error) => this.log.error({ err: error }, 'job queue error'));
    await boss.start();
    this.boss = boss;
    for (const [name, registration] of this.registrations) await this.activate(boss, name, registration);
  }

  private async activate(boss: PgBoss, name: string, registration: Registration): Promise<void> {
    await boss.createQueue(name, { retryLimit: registration.retryLimit, retryBackoff: true });
    if (!this.config.RUN_JOBS) return;
    const polling = { pollingIntervalSeconds: this.config.JOB_POLL_INTERVAL_SECONDS };
    await boss.work<object>(name, polling, async (jobs) => {
      for (const job of jobs) {
        this.log.info({ job: name, id: job.id }, 'job started');
        await registration.handler(job.data, job);
      }
    });
    if (registration.cron) await boss.schedule(name, registration.cron, {}, { tz: 'Africa/Casablanca' });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.boss?.stop({ graceful: true, timeout: 10_000 });
    this.boss = null;
  }

  private started(): PgBoss {
    if (!this.boss) throw new Error('The job queue is not started yet');
    return this.boss;
  }
}
