import http from 'node:http';
import { parseArgs } from 'node:util';

// The peer: PostGraphile 5 with @graphile/pg-aggregates, the best generic GraphQL-over-PostgreSQL engine,
// serving the same database as ours with its recommended preset (Amber) and no tuning of ours.
//
// PostGraphile 5 asks for Node 22; on this project's Node 20 it needs only Promise.withResolvers (ES2024),
// added here for this process alone. Loaded untyped: it is a benchmark peer, not part of the API.

(Promise as unknown as { withResolvers?: unknown }).withResolvers ??= function withResolvers<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((a, b) => {
    resolve = a;
    reject = b;
  });
  return { promise, resolve, reject };
};

/* eslint-disable @typescript-eslint/no-require-imports */
const { postgraphile } = require('postgraphile');
const { PostGraphileAmberPreset } = require('postgraphile/presets/amber');
const { makePgService } = require('postgraphile/adaptors/pg');
const { grafserv } = require('postgraphile/grafserv/node');
const { jsonPgSmartTags } = require('postgraphile/utils');
const { PgAggregatesPreset } = require('@graphile/pg-aggregates');

const { values } = parseArgs({ options: { pg: { type: 'string' }, port: { type: 'string', default: '0' } } });

// pg-aggregates groups only by columns PostGraphile may order by, which by default are the indexed ones;
// the year roll-up needs the contract's start year.
const groupByYear = jsonPgSmartTags({
  version: 1,
  config: { attribute: { 'contract.start_date_year': { tags: { behavior: '+orderBy +attribute:groupBy' } } } },
});

const preset = {
  extends: [PostGraphileAmberPreset, PgAggregatesPreset],
  plugins: [groupByYear],
  pgServices: [makePgService({ connectionString: values.pg, schemas: ['public'] })],
  grafserv: { graphqlPath: '/graphql', watch: false },
  grafast: { explain: false },
};

const server = http.createServer();
postgraphile(preset)
  .createServ(grafserv)
  .addTo(server)
  .then(() => server.listen(Number(values.port), '127.0.0.1'));
