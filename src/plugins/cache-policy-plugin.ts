import type { ApolloServerPlugin } from '@apollo/server';
import { needsKey } from '../http/http-caching';

/**
 * The Cache-Control of an answer, decided from the operation alone: a query's answer is public for
 * `maxAge` seconds, unless it selects a field that needs a key (what a key may see is the key's alone);
 * mutations, answers with errors and `maxAge` 0 are `no-store`. Decided statically rather than by Apollo's
 * cache-control plugin, whose per-field hints wrap every resolver in the schema (see BENCHMARKS.md).
 */
export function cachePolicyPlugin(maxAge: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, schema, overallCachePolicy }) {
          if (maxAge <= 0 || operation?.operation !== 'query') return;
          if (!needsKey(schema, document)) overallCachePolicy.replace({ maxAge, scope: 'PUBLIC' });
        },
        async willSendResponse({ response, overallCachePolicy }) {
          const policy = overallCachePolicy.policyIfCacheable();
          const clean = response.body.kind === 'single' && !response.body.singleResult.errors;
          response.http.headers.set(
            'cache-control',
            policy && clean ? `max-age=${policy.maxAge}, ${policy.scope.toLowerCase()}` : 'no-store',
          );
        },
      };
    },
  };
}
