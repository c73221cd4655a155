import type { ApolloServerPlugin } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { LRUCache } from 'lru-cache';
import type { DataSource } from 'typeorm';
import { dataVersion } from '../services/data-version';
import { needsKey } from './http-caching';

/**
 * Answers a query that was answered before, on the same data, from memory: the key is the data version,
 * the query's hash, the operation name and the variables, so any write makes every older answer
 * unreachable (they age out, least recently used first, within `maxBytes` of JSON). A query that selects a
 * field needing a key, a mutation, and an answer with errors are never kept. The cost is still charged and
 * reported, and Cache-Control and ETag are set as for any answer: only execution is skipped.
 */
export function responseCachePlugin(ds: DataSource, maxBytes: number): ApolloServerPlugin {
  if (maxBytes <= 0) return {};
  const answers = new LRUCache<string, string>({
    maxSize: maxBytes,
    maxEntrySize: Math.max(1, Math.floor(maxBytes / 4)),
    sizeCalculation: (json) => Math.max(1, json.length),
  });
  return {
    async requestDidStart() {
      let key: string | undefined;
      let hit = false;
      return {
        async responseForOperation({ operation, document, schema, queryHash, request }) {
          if (operation.operation !== 'query' || needsKey(schema, document)) return null;
          key = JSON.stringify([await dataVersion(ds), queryHash, request.operationName ?? null, request.variables ?? {}]);
          const json = answers.get(key);
          if (json === undefined) return null;
          hit = true;
          return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data: JSON.parse(json) } } };
        },
        async willSendResponse({ response }) {
          if (!key || hit || response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          if (data && !errors) answers.set(key, JSON.stringify(data));
        },
      };
    },
  };
}
