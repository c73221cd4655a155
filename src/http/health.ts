import { Router } from 'express';
import type { DataSource } from 'typeorm';
import { databaseFileProblem } from '../database/sqlite/file-guard';

/**
 * /healthz: the process answers. /readyz: it can reach its database (for SQLite, the very file it opened,
 * still writable) and is not shutting down; a helper that is down but has a fallback (Redis for rate
 * limits) leaves it ready, listed under `degraded`.
 */
export function healthRoutes(dataSource: DataSource, isDraining: () => boolean, degraded: () => string[] = () => []): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    if (isDraining()) {
      res.status(503).json({ status: 'draining' });
      return;
    }
    const fileProblem = databaseFileProblem(dataSource);
    if (fileProblem) {
      res.status(503).json({ status: 'database unavailable', reason: fileProblem });
      return;
    }
    try {
      await dataSource.query('SELECT 1');
    } catch {
      res.status(503).json({ status: 'database unreachable' });
      return;
    }
    const problems = degraded();
    res.json(problems.length ? { status: 'ready', degraded: problems } : { status: 'ready' });
  });
  return router;
}
