import { Catch, type ArgumentsHost } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';

/**
 * Hands every exception thrown in a resolver to GraphQL untouched, so it is mapped and (for
 * unexpected ones only) logged once, by the error formatter, instead of Nest logging each
 * expected refusal with its stack. A statement cancelled by the statement timeout becomes
 * QUERY_TIMEOUT in the formatter (formatGraphqlError), not here: Nest applies no exception
 * filter to field resolvers (`@ResolveField`), so their database errors never pass here.
 */
@Catch()
export class GraphqlExceptionFilter implements GqlExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() !== 'graphql') throw exception;
    return exception;
  }
}
