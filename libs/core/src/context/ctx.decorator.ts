import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { RequestContext } from './request-context.js';

/** The {@link RequestContext} of a GraphQL request, as a resolver parameter. */
export const Ctx = createParamDecorator((_: unknown, context: ExecutionContext): RequestContext => {
  return requestContextOf(context);
});

export function requestContextOf(context: ExecutionContext): RequestContext {
  if (context.getType<string>() === 'graphql') {
    const gql = GqlExecutionContext.create(context).getContext<{ rc?: RequestContext }>();
    if (gql.rc) return gql.rc;
  }
  const current = RequestContext.current();
  if (!current) throw new Error('No request context');
  return current;
}
