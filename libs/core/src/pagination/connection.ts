import { Field, Int, ObjectType } from '@nestjs/graphql';
import { BadUserInputError } from '../errors/domain-error.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './page-args.js';

@ObjectType('PageInfo')
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

type Constructor<T> = abstract new (...args: never[]) => T;

/**
 * GraphQL classes `<Name>Edge` and `<Name>Connection` for a node type, as the contract names them.
 * Extend the returned class to add fields (e.g. facets).
 */
export function ConnectionType<T>(name: string, node: Constructor<T>) {
  @ObjectType(`${name}Edge`)
  class EdgeType implements Edge<T> {
    @Field()
    cursor!: string;

    @Field(() => node)
    node!: T;
  }

  @ObjectType(`${name}Connection`, { isAbstract: true })
  abstract class ConnectionClass implements Connection<T> {
    @Field(() => [EdgeType])
    edges!: Edge<T>[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int)
    totalCount!: number;
  }
  return ConnectionClass;
}

/** The page size to fetch: `first` checked against the contract's bounds. */
export function pageSize(first: number | null | undefined): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw BadUserInputError.field('first', `must be an integer between 0 and ${MAX_PAGE_SIZE}`);
  }
  return size;
}

/**
 * Builds a connection from rows fetched with `LIMIT size + 1`: the extra row only tells
 * whether there is a next page.
 */
export function toConnection<R, T>(
  rows: readonly R[],
  size: number,
  totalCount: number,
  cursorOf: (row: R) => string,
  nodeOf: (row: R) => T,
): Connection<T> {
  const page = rows.slice(0, size);
  const edges = page.map((row) => ({ cursor: cursorOf(row), node: nodeOf(row) }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > size,
      endCursor: edges.length ? edges[edges.length - 1].cursor : null,
    },
    totalCount,
  };
}
