import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/database/open';
import { ImpactDimension } from '../src/schema/enums';
import { computeImpact } from '../src/services/impact/impact';

// `npm run bench:rollup-groups -- --sqlite <file> | --postgres <url>`: each unfiltered roll-up by one
// dimension, and the totals, computed once through the service (no cache is involved), with its time and
// number of groups. Run it on two builds (e.g. two commits) against the same data to compare them.

const { values } = parseArgs({ options: { sqlite: { type: 'string' }, postgres: { type: 'string' } } });

async function main() {
  if (!values.sqlite === !values.postgres) throw new Error('give --sqlite <file> or --postgres <url>');
  const ds = await openDatabase(values.postgres ? { url: values.postgres } : { sqlitePath: values.sqlite! });
  const dimensions = Object.values(ImpactDimension).filter((d) => d !== ImpactDimension.CONTRACT);
  for (const d of [...dimensions, null]) {
    const started = performance.now();
    const groups = await computeImpact(ds, { groupBy: d ? [d] : [] });
    console.log(`${d ?? 'totals'}\t${(performance.now() - started).toFixed(0)} ms\t${groups.length} groups`);
  }
  await ds.destroy();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
