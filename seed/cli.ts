import 'reflect-metadata';
import { targetFromConfig } from '../src/database/options';
import { openDatabase } from '../src/database/open';
import { loadSeed } from './load';

/** `npm run seed`: migrate, then rebuild the database from seed/ (DATABASE_URL or DATABASE_PATH). */
async function main() {
  const ds = await openDatabase(targetFromConfig());
  try {
    const summary = await loadSeed(ds);
    console.log(
      'Seeded:',
      Object.entries(summary)
        .map(([table, n]) => `${table} ${n}`)
        .join(', '),
    );
  } finally {
    await ds.destroy();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
