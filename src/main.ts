import 'reflect-metadata';
import { targetFromConfig } from '../ormconfig';
import { loadSeed, isEmpty } from '../seed/load';
import { loadConfig } from './config';
import { openDatabase } from './database/open';
import { startServer } from './server';

async function main() {
  const config = loadConfig();
  const dataSource = await openDatabase(targetFromConfig(config), config.SQL_LOG === 'on');
  if (config.SEED_ON_START === 'if-empty' && (await isEmpty(dataSource))) {
    const summary = await loadSeed(dataSource);
    console.log(`Loaded the seed data (${summary.contract} contracts, ${summary.citation} citations).`);
  }
  const server = await startServer(dataSource, { port: config.PORT, host: config.HOST });
  console.log(`Outsourcing Atlas is serving GraphQL at ${server.url}`);

  const shutdown = async () => {
    await server.stop();
    await dataSource.destroy();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
