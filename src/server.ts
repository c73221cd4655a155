import { ApolloServer } from '@apollo/server';
import { executorGateway } from './execution/executor-gateway';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express from 'express';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';
import { KeyVerifier } from './auth/verified-keys';
import { currentRequest, finishRequest, withinRequest } from './database/request-scope';
import { type Config, loadConfig } from './config';
import { type Context, createContext } from './context';
import { exportRoutes } from './export/routes';
import { RollupCache } from './services/impact/rollup-cache';
import { RollUpSizeCounter } from './services/impact/rollup-sizes';
import { responseCachePlugin, stringifyResult } from './plugins/response-cache-plugin';
import { batchLimit } from './http/batch-limit';
import { gracefulCloser } from './http/graceful-close';
import { nestingLimit } from './http/nesting-limit';
import { httpErrorHandler } from './http/errors';
import { formatError } from './http/graphql-errors';
import { errorReportingPlugin } from './plugins/error-reporting-plugin';
import { healthRoutes } from './http/health';
import { varyOnAccept } from './http/http-caching';
import { cachePolicyPlugin } from './plugins/cache-policy-plugin';
import { jsonClientStatusPlugin } from './plugins/json-client-status-plugin';
import { snapshotPlugin } from './plugins/snapshot-plugin';
import { createLogger, type Logger } from './http/logger';
import { requestLogging, requestLogOf } from './http/request-log';
import { costAndRateLimitPlugin } from './plugins/cost-and-rate-limit-plugin';
import { HeavyWorkGate } from './limits/admission';
import { createCostLimiter } from './limits/rate-limiter';
import { limitRules } from './limits/rules';
import { addPlaygroundRoutes } from './playground/routes';
import { buildAtlasSchema } from './schema/build-schema';

export interface RunningServer {
  url: string;
  port: number;
  /** Stops taking requests, lets the ones in flight finish, and closes the rate limiter's store. */
  stop(): Promise<void>;
}

export interface ServerOptions {
  port: number;
  host?: string;
  config?: Config;
  logger?: Logger;
  /** The heavy-work gate (HEAVY_CONCURRENCY and HEAVY_QUEUE_MS by default); a test may hold its slots. */
  gate?: HeavyWorkGate;
}

/**
 * The HTTP server: GraphQL at /graphql (POST, and GET for queries), the playground for browsers at /graphql
 * and /, CSV under /export/, /healthz and /readyz. The DataSource stays the caller's.
 */
export async function startServer(dataSource: DataSource, options: ServerOptions): Promise<RunningServer> {
  const config = options.config ?? loadConfig();
  const logger = options.logger ?? createLogger(config);
  const limiter = createCostLimiter(config, logger);
  const keys = new KeyVerifier(dataSource);
  const gate = options.gate ?? new HeavyWorkGate(config.HEAVY_CONCURRENCY, config.HEAVY_QUEUE_MS);
  const rollups = new RollupCache(dataSource, config.ROLLUP_CACHE_GROUPS);
  let draining = false;

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.TRUST_PROXY);
  const httpServer = http.createServer(app);
  const closer = gracefulCloser(httpServer);
  const schema = await buildAtlasSchema();
  const apollo = new ApolloServer<Context>({
    gateway: executorGateway(schema),
    introspection: true,
    stringifyResult,
    csrfPrevention: true,
    // main.ts owns shutdown; Apollo's own signal handlers would stop the server and re-raise the signal,
    // killing the process before the database is closed.
    stopOnTerminationSignals: false,
    allowBatchedHttpRequests: config.MAX_BATCH > 1,
    validationRules: limitRules(config),
    includeStacktraceInErrorResponses: config.NODE_ENV === 'development',
    formatError: formatError(config.NODE_ENV !== 'development'),
    logger: { debug: () => {}, info: () => {}, warn: (m) => logger.warn(m), error: (m) => logger.error(m) },
    plugins: [
      // Public reads may be cached for CACHE_MAX_AGE; an answer with a field that needs a key, a mutation or an
      // error is no-store. Express then adds an ETag, and a 304 on GET.
      ApolloServerPluginCacheControlDisabled(),
      cachePolicyPlugin(config.CACHE_MAX_AGE),
      // A query answered before on the same data (the database counts writes) is answered from memory.
      responseCachePlugin(dataSource, config.RESPONSE_CACHE_MB * 1024 * 1024),
      // Apollo's own landing pages load from a CDN, which researchers' networks often block: the playground
      // is served by playgroundRoutes instead, with every asset inline.
      ApolloServerPluginLandingPageDisabled(),
      costAndRateLimitPlugin(config, limiter, new RollUpSizeCounter(dataSource), gate),
      errorReportingPlugin(logger),
      jsonClientStatusPlugin(),
      snapshotPlugin(),
    ],
  });
  await apollo.start();

  const graphqlHandler = expressMiddleware(apollo, {
    context: async ({ req, res }) =>
      createContext(dataSource, {
        authorization: req.headers.authorization,
        address: req.ip,
        deadline: currentRequest()?.deadline,
        requestLog: requestLogOf(res),
        keys,
        rollups,
      }),
  });
  const origins = config.CORS_ORIGINS.split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  app.use(requestLogging(logger));
  app.use(
    healthRoutes(
      dataSource,
      () => draining,
      () => [limiter.degraded()].filter((d): d is string => d != null),
    ),
  );
  addPlaygroundRoutes(app);
  app.use(
    '/graphql',
    cors({
      origin: origins,
      methods: ['GET', 'POST'],
      allowedHeaders: ['content-type', 'authorization', 'apollo-require-preflight', 'x-request-id'],
    }),
    express.json({ limit: config.MAX_BODY_BYTES, type: ['application/json', 'application/graphql-response+json'] }),
    batchLimit(config.MAX_BATCH),
    nestingLimit(),
    varyOnAccept,
    // Each request's deadline travels with it down to the database driver (a statement past it is stopped).
    (req, res, next) => {
      const scope = { deadline: Date.now() + config.REQUEST_TIMEOUT_MS };
      // The read transaction ends as each operation's answer is ready (a plugin), or at the latest here.
      res.on('close', () => void finishRequest(scope));
      return withinRequest(scope, () => graphqlHandler(req, res, next));
    },
  );
  app.use(
    '/export',
    cors({ origin: origins, methods: ['GET'] }),
    exportRoutes({ apollo, schema, dataSource, config, limiter, logger, keys, gate, rollups }),
  );
  app.use(httpErrorHandler(logger));

  await new Promise<void>((resolve) => httpServer.listen(options.port, options.host, resolve));
  const { port } = httpServer.address() as AddressInfo;
  const shownHost = !options.host || options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;
  return {
    url: `http://${shownHost}:${port}/graphql`,
    port,
    async stop() {
      draining = true;
      // Answers in flight finish to their last byte before Apollo and the rate limiter are stopped.
      await closer.close();
      await apollo.stop();
      await limiter.close();
    },
  };
}
