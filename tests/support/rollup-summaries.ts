import type { DataSource } from 'typeorm';
import { ImpactDimension } from '../../src/schema/enums';
import { membership } from '../../src/services/impact/membership';
import { groupTotals } from '../../src/services/impact/statements';
import { runSql } from '../../src/services/sql';

type Row = Record<string, unknown>;

/** Every dimension the summaries keep: all but CONTRACT, whose groups are the contracts themselves. */
export const KEPT_DIMENSIONS = Object.values(ImpactDimension).filter((d) => d !== ImpactDimension.CONTRACT);

const num = (v: unknown) => (v == null ? null : Number(v));
const key = (v: unknown) => (v == null ? '' : String(v));

/** A group's totals as the API reads them, from a kept summary row. */
function fromSummary(row: Row): Row {
  const out: Row = { contract_count: num(row.contract_count), contested: Number(row.contested) > 0 ? 1 : 0 };
  for (const x of ['jobs', 'save_year', 'save_total', 'lost']) {
    out[`${x}_low`] = num(row[`${x}_low`]);
    out[`${x}_high`] = Number(row[`${x}_open`]) > 0 ? null : num(row[`${x}_high`]);
    out[`${x}_based_on`] = num(row[`${x}_n`]);
  }
  return out;
}

/** A group's totals from the roll-up's own statement over every contract, worked out from scratch. */
function fromScratch(row: Row): Row {
  const out: Row = { contract_count: num(row.contract_count), contested: Number(row.contested) > 0 ? 1 : 0 };
  for (const x of ['jobs', 'save_year', 'save_total', 'lost'])
    for (const part of ['low', 'high', 'based_on']) out[`${x}_${part}`] = num(row[`${x}_${part}`]);
  return out;
}

/**
 * The kept groups and summaries, and the same worked out from scratch by the roll-up's membership and totals
 * statements (code apart from the triggers'): they must be equal. Groups keyed `dimension:k:contract`,
 * summaries `dimension:k`, groups of no contracts left out.
 */
export async function summariesKeptAndFresh(ds: DataSource) {
  const keptGroups = (await ds.query('SELECT contract_id, dimension, k FROM contract_group')) as Row[];
  const keptSummaries = (await ds.query('SELECT * FROM rollup_summary')) as Row[];
  const kept = {
    groups: keptGroups.map((r) => `${r.dimension}:${r.k}:${r.contract_id}`).sort(),
    summaries: Object.fromEntries(
      keptSummaries.filter((r) => Number(r.contract_count) !== 0).map((r) => [`${r.dimension}:${r.k}`, fromSummary(r)]),
    ),
  };
  const fresh = { groups: [] as string[], summaries: {} as Record<string, Row> };
  for (const d of KEPT_DIMENSIONS) {
    const m = membership(ds, null, [d], undefined, true);
    const members = await runSql(ds, m.sql, m.params);
    fresh.groups.push(...members.map((r) => `${d}:${key(r.k0)}:${r.contract_id}`));
    for (const row of await groupTotals(ds, m)) fresh.summaries[`${d}:${key(row.k0)}`] = fromScratch(row);
  }
  fresh.groups.sort();
  return { kept, fresh };
}
