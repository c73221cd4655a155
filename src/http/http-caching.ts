import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';

/** Only a query's answer may be cached, whatever hints a mutation's fields carry. */
export function queriesOnlyCachePlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, overallCachePolicy }) {
          if (operation?.operation !== 'query') overallCachePolicy.restrict({ maxAge: 0 });
        },
      };
    },
  };
}

/**
 * The answer varies with `Accept` (its media type, and the status of a request error), so a shared cache
 * must key on it. Set on Express's response, where CORS adds `Origin` beside it; Apollo's own headers
 * would replace the whole `Vary`.
 */
export const varyOnAccept: RequestHandler = (_req, res, next) => {
  res.vary('Accept');
  next();
};
