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

  async query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.manager.query<T[]>(sql, params);
  }

  /** Runs `work` in a transaction; joins the current one when already inside it. */
  async transaction<T>(work: (manager: EntityManager) => Promise<T>, isolation?: IsolationLevel): Promise<T> {
    const current = transactions.getStore();
    if (current) return work(current);
    const run = (manager: EntityManager) => transactions.run(manager, () => work(manager));
    return isolation ? this.dataSource.transaction(isolation, run) : this.dataSource.transaction(run);
  }
}
