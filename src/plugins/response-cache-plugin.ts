import type { ApolloServerPlugin } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import { HeaderMap } from '@apollo/server';
import { LRUCache } from 'lru-cache';
import type { DataSource } from 'typeorm';
import { dataVersion } from '../services/data-version';
import { needsKey } from '../http/http-caching';

/**
 * Answers a query that was answered before, on the same data, from memory: the key is the data version,
 * the query's hash, the operation name and the variables, so any write makes every older answer
 * unreachable (they age out, least recently used first, within `maxBytes` of JSON). A query that selects a
 * field needing a key, a mutation, and an answer with errors are never kept. The cost is still charged and
 * reported, and Cache-Control and ETag are set as for any answer: only execution is skipped.
 *
 * An answer over HTTP is sent as the JSON it was kept as (see `stringifyResult`): a roll-up's answer can be
 * megabytes, and parsing it only to serialise it again was most of what a hit cost.
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
          // The cache only saves work: when the data version cannot be read (past the deadline already, or
          // the database gone), the operation runs and answers for itself, with its own coded error.
          const version = await dataVersion(ds).catch(() => null);
          if (version == null) return null;
          key = JSON.stringify([version, queryHash, request.operationName ?? null, request.variables ?? {}]);
          const json = answers.get(key);
          if (json === undefined) return null;
          hit = true;
          // Only Apollo's HTTP handler serialises with stringifyResult; executeOperation's callers (the CSV
          // export) read the data itself.
          const data = request.http ? keptAsJson(json) : JSON.parse(json);
          return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data } } };
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

/** Stand-ins for answers sent from the cache, each with the JSON it stands for. */
const keptJson = new WeakMap<object, string>();

function keptAsJson(json: string): Record<string, unknown> {
  const standIn = Object.freeze({});
  keptJson.set(standIn, json);
  return standIn;
}

/**
 * Apollo's `stringifyResult`: its own (`JSON.stringify` plus a newline), except that an answer from the cache
 * is written around the JSON it was kept as, with the same bytes the first answer had.
 */
export function stringifyResult(result: FormattedExecutionResult): string {
  const json = result.data ? keptJson.get(result.data) : undefined;
  if (json === undefined) return `${JSON.stringify(result)}\n`;
  if (result.errors) return `${JSON.stringify({ ...result, data: JSON.parse(json) })}\n`;
  const extensions = result.extensions === undefined ? '' : `,"extensions":${JSON.stringify(result.extensions)}`;
  return `{"data":${json}${extensions}}\n`;
}
