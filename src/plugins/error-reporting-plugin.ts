import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Context } from '../context';
import { isClientError } from '../http/graphql-errors';
import type { Logger } from '../http/logger';

/** Logs unexpected errors with the request id, and puts that id on every internal error the client gets. */
export function errorReportingPlugin(logger: Logger): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            if (isClientError(error)) continue;
            logger.error(
              { requestId: contextValue.requestId, err: unwrapResolverError(error), path: error.path },
              'unexpected error in GraphQL',
            );
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          let errors = response.body.singleResult.errors;
          if (!errors) return;
          // A deadline reached by a roll-up fails every field still waiting on it: one TIMEOUT says it all
          // (a roll-up of 100,000 groups once answered with a 78 MB list of them).
          const timeouts = errors.filter((error) => error.extensions?.code === 'TIMEOUT');
          // The database being gone is no fault of the request's: 503, so clients and balancers retry elsewhere.
          if (errors.some((error) => error.extensions?.code === 'DATABASE_UNAVAILABLE')) response.http.status = 503;
          if (timeouts.length > 1) {
            errors = [
              ...errors.filter((error) => error.extensions?.code !== 'TIMEOUT').slice(0, 9),
              { ...timeouts[0], extensions: { ...timeouts[0].extensions, sameErrorsOmitted: timeouts.length - 1 } },
            ];
          }
          response.body.singleResult.errors = errors.map((error) =>
            isClientError(error) ? error : { ...error, extensions: { ...error.extensions, requestId: contextValue.requestId } },
          );
        },
      };
    },
  };
}
