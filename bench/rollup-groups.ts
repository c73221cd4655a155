import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/database/open';
import type { ContractFilter } from '../src/schema/filters';
import { ContractStatus, ImpactDimension, OrderDirection, Sector } from '../src/schema/enums';
import { ImpactOrderField } from '../src/schema/orders';
import { computeImpact } from '../src/services/impact/impact';

// `npm run bench:rollup-groups -- --sqlite <file> | --postgres <url> [--pairs] [--filtered]`: roll-ups
// computed once each through the service (no cache is involved), with the time and number of groups of each:
// every dimension unfiltered and the totals; with --filtered, every dimension of one status's, one sector's,
// one union's and one buyer's contracts; with --pairs, every pair of dimensions, top 100 groups by contract
// count (the shape a researcher asks). Run it on two builds (e.g. two commits) against the same data to
// compare them; the slowest shape is the one to look at.

const { values } = parseArgs({
  options: {
    sqlite: { type: 'string' },
    postgres: { type: 'string' },
    pairs: { type: 'boolean', default: false },
    filtered: { type: 'boolean', default: false },
  },
});

async function main() {
  if (!values.sqlite === !values.postgres) throw new Error('give --sqlite <file> or --postgres <url>');
  const ds = await openDatabase(values.postgres ? { url: values.postgres } : { sqlitePath: values.sqlite! });
  const dimensions = Object.values(ImpactDimension).filter((d) => d !== ImpactDimension.CONTRACT);
  const slugOf = async (table: string) => String((await ds.query(`SELECT slug FROM ${table} ORDER BY id LIMIT 1`))[0]?.slug);
  const filters: Array<[string, ContractFilter | undefined]> = [['', undefined]];
  if (values.filtered) {
    filters.push(
      ['one status', { statuses: [ContractStatus.AWARDED] }],
      ['one sector', { sectors: [Sector.LOCAL_GOVERNMENT] }],
      ['one union', { unions: [await slugOf('trade_union')] }],
      ['one buyer', { buyers: [await slugOf('public_body')] }],
    );
  }
  const run = async (name: string, groupBy: ImpactDimension[], filter?: ContractFilter, top?: boolean) => {
    const started = performance.now();
    const groups = await computeImpact(ds, {
      groupBy,
      filter,
      ...(top ? { top: { field: ImpactOrderField.CONTRACT_COUNT, direction: OrderDirection.DESC, first: 100 } } : {}),
    });
    console.log(`${name}\t${(performance.now() - started).toFixed(0)} ms\t${groups.length} groups`);
  };
  for (const [label, filter] of filters) {
    for (const d of [...dimensions, null]) await run(`${d ?? 'totals'}${label ? ` of ${label}` : ''}`, d ? [d] : [], filter);
  }
  if (values.pairs) {
    for (const [i, a] of dimensions.entries()) {
      for (const b of dimensions.slice(i + 1)) await run(`${a} × ${b}, top 100`, [a, b], undefined, true);
    }
  }
  await ds.destroy();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
