import 'reflect-metadata';
import { targetFromConfig } from '../ormconfig';
import { isEmpty, loadSeed } from '../seed/load';
import { loadConfig } from './config';
import { openDatabase } from './database/open';
import { createLogger } from './http/logger';
import { startServer } from './server';

async function main() {
  const config = loadConfig();
  const logger = createLogger(config);
  const dataSource = await openDatabase(targetFromConfig(config), config.SQL_LOG === 'on');
  if (config.SEED_ON_START === 'if-empty' && (await isEmpty(dataSource))) {
    const summary = await loadSeed(dataSource);
    logger.info({ contracts: summary.contract, citations: summary.citation }, 'loaded the seed data');
  }
  const server = await startServer(dataSource, { port: config.PORT, host: config.HOST, config, logger });
  logger.info({ url: server.url }, `Outsourcing Atlas is serving GraphQL at ${server.url}`);

  // On SIGTERM (or Ctrl-C): stop taking requests, let those in flight finish, close the database, exit 0.
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: draining requests in flight');
    const forced = setTimeout(() => {
      logger.error({ graceMs: config.SHUTDOWN_GRACE_MS }, 'requests still in flight after the grace period; exiting anyway');
      process.exit(1);
    }, config.SHUTDOWN_GRACE_MS);
    forced.unref();
    await server.stop();
    await dataSource.destroy();
    logger.info('stopped cleanly');
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
