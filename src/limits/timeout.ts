import { GraphQLError } from 'graphql';
import type { MiddlewareFn } from 'type-graphql';
import type { Context } from '../context';

/**
 * Stops an operation that has run past its deadline: every resolver checks the clock before it starts,
 * so no further database work begins once the time is up. What finished in time is still returned (200,
 * with the error on the fields that did not).
 */
export const deadlineMiddleware: MiddlewareFn<Context> = async ({ context }, next) => {
  if (context.deadline != null && Date.now() > context.deadline) {
    throw new GraphQLError('The operation took longer than this server allows and was stopped.', {
      extensions: { code: 'TIMEOUT' },
    });
  }
  return next();
};
