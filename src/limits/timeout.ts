import { GraphQLError, type GraphQLResolveInfo, responsePathAsArray } from 'graphql';
import type { Context } from '../context';
import { TIMEOUT_MESSAGE } from '../errors';

const timedOut = new WeakMap<Context, GraphQLError>();

/**
 * Stops an operation that has run past its deadline: every resolver checks the clock before it starts,
 * so no further database work begins once the time is up. What finished in time is still returned (200,
 * with the error on the fields that did not).
 *
 * Past the deadline every remaining field of a large answer fails, so the error is made once per request
 * and thrown again: graphql-js keeps an error that already has a path as it is, where a fresh error per
 * field (with its stack) made a roll-up of 5,000 groups spend seconds failing after its deadline.
 */
export function checkDeadline(context: Context, info: GraphQLResolveInfo): void {
  if (context.deadline != null && Date.now() > context.deadline) {
    let error = timedOut.get(context);
    if (!error) {
      error = new GraphQLError(TIMEOUT_MESSAGE, {
        path: responsePathAsArray(info.path),
        extensions: { code: 'TIMEOUT' },
      });
      timedOut.set(context, error);
    }
    throw error;
  }
}
