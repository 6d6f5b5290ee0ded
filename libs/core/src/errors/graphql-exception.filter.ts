import { Catch, type ArgumentsHost } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { statementCancelled } from '../database/pg-error.js';
import { QueryTimeoutError } from './domain-error.js';

/**
 * Hands every exception thrown in a resolver to GraphQL untouched, so it is mapped and (for
 * unexpected ones only) logged once, by the error formatter, instead of Nest logging each
 * expected refusal with its stack. A statement cancelled by the statement timeout becomes
 * QUERY_TIMEOUT here, where every resolver's database error passes once.
 */
@Catch()
export class GraphqlExceptionFilter implements GqlExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() !== 'graphql') throw exception;
    if (statementCancelled(exception)) return new QueryTimeoutError();
    return exception;
  }
}
