import type { ApolloServer } from '@apollo/server';
import { Router, type Request, type Response } from 'express';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { invalidKey } from '../auth/principal';
import type { RollupCache } from '../services/impact/rollup-cache';
import type { KeyVerifier } from '../auth/verified-keys';
import type { Config } from '../config';
import { finishRequest, withinRequest } from '../database/request-scope';
import { type Context, createContext } from '../context';
import { publicCacheControl } from '../http/http-caching';
import type { Logger } from '../http/logger';
import { requestLogOf } from '../http/request-log';
import { type HeavyWorkGate, ServerBusyError } from '../limits/admission';
import { rateLimitHeaders, rateLimited } from '../plugins/cost-and-rate-limit-plugin';
import type { Budget, CostLimiter } from '../limits/rate-limiter';
import type { DataSource } from 'typeorm';
import { contractsExport } from './contracts-export';
import { streamCsv } from './csv-response';
import type { ExportRun, ExportSpec } from './export-spec';
import { impactExport } from './impact-export';
import { readParams } from './params';
import { asExportError, ExportError, runOperation } from './run-operation';

/** The response headers a GraphQL refusal asks for (`extensions.http.headers`), for an export to send. */
const httpHeadersOf = (error: GraphQLError): Map<string, string> =>
  (error.extensions.http as { headers?: Map<string, string> } | undefined)?.headers ?? new Map();

const EXPORTS: ExportSpec[] = [impactExport, contractsExport];

export interface ExportDeps {
  apollo: ApolloServer<Context>;
  schema: GraphQLSchema;
  dataSource: DataSource;
  config: Config;
  limiter: CostLimiter;
  logger: Logger;
  keys: KeyVerifier;
  gate: HeavyWorkGate;
  rollups: RollupCache;
}

/** `GET /export/<name>.csv` (mounted at /export): the exports, each answering CSV or, before its first byte, a JSON error. */
export function exportRoutes(deps: ExportDeps): Router {
  const router = Router();
  for (const spec of EXPORTS) router.get(`/${spec.fileName}`, (req, res) => serveExport(deps, spec, req, res));
  return router;
}

async function serveExport(deps: ExportDeps, spec: ExportSpec, req: Request, res: Response): Promise<void> {
  let budget: Budget | undefined;
  let spent = 0;
  /** Charges the client for a part of the export, then runs it as one request of its own (deadline, snapshot). */
  async function charged<T>(points: number, work: (context: Context) => Promise<T>): Promise<T> {
    // A fresh context (and loaders) per part: memory stays flat however many pages are exported.
    const context = createContext(deps.dataSource, {
      authorization: req.headers.authorization,
      address: req.ip,
      timeoutMs: deps.config.REQUEST_TIMEOUT_MS,
      requestLog: requestLogOf(res),
      spendsBudget: false,
      admitted: true,
      keys: deps.keys,
      rollups: deps.rollups,
    });
    if ((await context.credentials()).kind === 'invalid') {
      const refusal = invalidKey();
      throw new ExportError(401, [{ message: refusal.message, extensions: { code: 'UNAUTHENTICATED' } }], [...httpHeadersOf(refusal)]);
    }
    budget = await deps.limiter.spend(await context.client(), points);
    if (!budget.allowed) {
      const refusal = rateLimited(budget);
      throw new ExportError(
        429,
        [{ message: refusal.message, extensions: { code: 'RATE_LIMITED', retryAfter: refusal.extensions.retryAfter } }],
        [['retry-after', String(refusal.extensions.retryAfter)]],
      );
    }
    const scope = { deadline: context.deadline };
    const result = await withinRequest(scope, () => work(context)).finally(() => finishRequest(scope));
    // The log line shows what the export charged, not the estimate of the query it ran.
    spent += points;
    requestLogOf(res).cost = spent;
    return result;
  }
  const run: ExportRun = {
    operation: (points, query, variables) => charged(points, (context) => runOperation(deps.apollo, context, query, variables)),
    read: (points, work) => charged(points, () => work(deps.dataSource).catch((error: unknown) => Promise.reject(asExportError(error)))),
    publicCacheControl: publicCacheControl(deps.config.CACHE_MAX_AGE),
  };

  try {
    const params = readParams(deps.schema, req, spec.params);
    // One heavy-work slot for the whole download, every page of it; let go when the response is done or cut.
    const release = await deps.gate.admit().catch((error: unknown) => {
      if (!(error instanceof ServerBusyError)) throw error;
      const refusal = error.toGraphQL();
      throw new ExportError(
        503,
        [{ message: refusal.message, extensions: { code: error.code, retryAfter: error.retryAfterSeconds } }],
        [...httpHeadersOf(refusal)],
      );
    });
    res.on('close', release);
    const opened = await spec.open(run, params);
    res.status(200);
    res.setHeader('content-type', 'text/csv; charset=utf-8; header=present');
    res.setHeader('content-disposition', `attachment; filename="${spec.fileName}"`);
    res.setHeader('cache-control', opened.cacheControl ?? 'no-store');
    for (const [name, value] of budget ? rateLimitHeaders(budget) : []) res.setHeader(name, value);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    await streamCsv(res, opened.columns, opened.rows);
  } catch (error) {
    if (res.headersSent) {
      // The CSV has started: the status is sent, so the only honest signal left is a broken download.
      deps.logger.warn({ err: error, requestId: requestLogOf(res).requestId }, 'export stopped part-way');
      res.destroy();
    } else if (error instanceof ExportError) {
      for (const [name, value] of error.headers) res.setHeader(name, value);
      res.status(error.status).json({ errors: error.errors });
    } else if (error instanceof GraphQLError) {
      res.status(400).json({ errors: [{ message: error.message, extensions: error.extensions }] });
    } else {
      deps.logger.error({ err: error, requestId: requestLogOf(res).requestId }, 'export failed');
      res.status(500).json({
        errors: [
          { message: 'Internal server error.', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: requestLogOf(res).requestId } },
        ],
      });
    }
  }
}
