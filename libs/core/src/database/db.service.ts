import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import {
  DataSource,
  type EntityManager,
  type EntityTarget,
  type ObjectLiteral,
  type Repository,
} from 'typeorm';

export type IsolationLevel = 'READ COMMITTED' | 'REPEATABLE READ' | 'SERIALIZABLE';

const transactions = new AsyncLocalStorage<EntityManager>();

/**
 * The one way services reach the database. The open transaction travels with the async call
 * tree that started it, so a service can call another service and both write in one
 * transaction without passing managers around, while parallel resolvers stay apart.
 */
@Injectable()
export class Db {
  constructor(readonly dataSource: DataSource) {}

  /** The connection URL of the data source (for pg-boss, which keeps its own small pool). */
  get dataSourceUrl(): string {
    const options = this.dataSource.options as { url?: string };
    if (!options.url) throw new Error('The data source has no URL');
    return options.url;
  }

  /** The manager of the current transaction, or the default one. */
  get manager(): EntityManager {
    return transactions.getStore() ?? this.dataSource.manager;
  }

  get inTransaction(): boolean {
    return transactions.getStore() !== undefined;
  }

  repo<E extends ObjectLiteral>(entity: EntityTarget<E>): Repository<E> {
    return this.manager.getRepository(entity);
  }

  /**
   * Runs SQL and answers its rows, for every kind of statement. (TypeORM's postgres driver answers
   * `[rows, affectedCount]` for a bare UPDATE/DELETE ... RETURNING; that shape is unwrapped here,
   * so `const [row] = await db.query('UPDATE ... RETURNING ...')` is the row, or undefined.)
   */
  async query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    const result = await this.manager.query<unknown>(sql, params);
    if (
      Array.isArray(result) &&
      result.length === 2 &&
      Array.isArray(result[0]) &&
      typeof result[1] === 'number'
    ) {
      return result[0] as T[];
    }
    return result as T[];
  }

  /**
   * Runs a statement that answers no rows (UPDATE/DELETE without RETURNING) and answers how many
   * rows it touched, so bulk work never carries the rows back into memory.
   */
  async execute(sql: string, params: unknown[] = []): Promise<number> {
    const current = transactions.getStore()?.queryRunner;
    const runner = current ?? this.dataSource.createQueryRunner();
    try {
      const result = await runner.query(sql, params, true);
      return result.affected ?? 0;
    } finally {
      if (!current) await runner.release();
    }
  }

  /** Resolves when the database answers a trivial statement (health checks); outside any transaction. */
  async ping(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }

  /** Runs `work` in a transaction; joins the current one when already inside it. */
  async transaction<T>(work: (manager: EntityManager) => Promise<T>, isolation?: IsolationLevel): Promise<T> {
    const current = transactions.getStore();
    if (current) return work(current);
    const run = (manager: EntityManager) => transactions.run(manager, () => work(manager));
    return isolation ? this.dataSource.transaction(isolation, run) : this.dataSource.transaction(run);
  }
}
