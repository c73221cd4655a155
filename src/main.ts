import 'reflect-metadata';
import { targetFromConfig } from './database/options';
import { isEmpty, loadSeed } from '../seed/load';
import { loadConfig, serverDatabaseOptions } from './config';
import { openDatabase } from './database/open';
import { markServed, refuseReseed, wasServed } from './database/served-marker';
import { createLogger } from './http/logger';
import { startServer } from './server';
import { applyHeapGrowth } from './heap-growth';

async function main() {
  const config = loadConfig();
  applyHeapGrowth(config.HEAP_GROWING_PERCENT);
  const logger = createLogger(config);
  const target = targetFromConfig(config);
  const dataSource = await openDatabase(target, config.SQL_LOG === 'on', undefined, serverDatabaseOptions(config));
  if (config.SEED_ON_START === 'if-empty' && (await isEmpty(dataSource))) {
    if (wasServed(target)) {
      await dataSource.destroy();
      throw refuseReseed(target);
    }
    const summary = await loadSeed(dataSource);
    logger.info({ contracts: summary.contract, citations: summary.citation }, 'loaded the seed data');
  }
  markServed(target);
  const server = await startServer(dataSource, { port: config.PORT, host: config.HOST, config, logger });
  logger.info({ url: server.url }, `Outsourcing Atlas is serving GraphQL at ${server.url}`);
  // A promise rejected with nothing to catch it (a value graphql-jit reads inside a promise callback that
  // throws, say) would end the process, and every request in it, by Node's default: it is logged instead,
  // and the request it belonged to answers TIMEOUT by its deadline (`byDeadline` in executor-gateway.ts).
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection; still serving'));

  // On SIGTERM (or Ctrl-C): stop taking requests, let those in flight finish, close the database, exit 0.
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: draining requests in flight');
    const forced = setTimeout(() => {
      logger.error({ graceMs: config.SHUTDOWN_GRACE_MS }, 'requests still in flight after the grace period; exiting anyway');
      logger.flush(() => process.exit(1));
    }, config.SHUTDOWN_GRACE_MS);
    forced.unref();
    await server.stop();
    await dataSource.destroy();
    logger.info('stopped cleanly');
    // pino writes asynchronously: flush, or the last lines are lost with the process.
    logger.flush(() => process.exit(0));
  };
  // `on`, not `once`: a listener that stays registered keeps a second signal (or a library that re-raises
  // the signal when it sees no listener left) from killing the process mid-drain.
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
