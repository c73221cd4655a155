import type { DataSource } from 'typeorm';
import { ImpactDimension } from '../../src/schema/enums';
import { KEPT_PAIR_KINDS } from '../../src/services/impact/kept-pairs';
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

/** A kept pair's key: its two groups, a pair of one dimension's groups in either order (the database orders them its own way). */
const pairKey = (d1: unknown, k1: unknown, d2: unknown, k2: unknown) =>
  d1 === d2 ? `${d1}:${[key(k1), key(k2)].sort().join('|')}` : `${d1}:${key(k1)}|${d2}:${key(k2)}`;

/**
 * The kept groups, summaries and pairs, and the same worked out from scratch by the roll-up's membership
 * and totals statements (code apart from the triggers' and the flush's): they must be equal. Groups keyed
 * `dimension:k:contract`, summaries `dimension:k`, pairs `d1:k1|d2:k2`, groups of no contracts left out.
 */
export async function summariesKeptAndFresh(ds: DataSource) {
  const keptGroups = (await ds.query('SELECT contract_id, dimension, k FROM contract_group')) as Row[];
  const keptSummaries = (await ds.query('SELECT * FROM rollup_summary')) as Row[];
  const keptPairs = (await ds.query('SELECT * FROM rollup_pair')) as Row[];
  const kept = {
    groups: keptGroups.map((r) => `${r.dimension}:${r.k}:${r.contract_id}`).sort(),
    summaries: Object.fromEntries(
      keptSummaries.filter((r) => Number(r.contract_count) !== 0).map((r) => [`${r.dimension}:${r.k}`, fromSummary(r)]),
    ),
    pairs: Object.fromEntries(
      keptPairs.filter((r) => Number(r.contract_count) !== 0).map((r) => [pairKey(r.d1, r.k1, r.d2, r.k2), fromSummary(r)]),
    ),
  };
  const fresh = { groups: [] as string[], summaries: {} as Record<string, Row>, pairs: {} as Record<string, Row> };
  for (const d of KEPT_DIMENSIONS) {
    const m = membership(ds, null, [d], undefined, true);
    const members = await runSql(ds, m.sql, m.params);
    fresh.groups.push(...members.map((r) => `${d}:${key(r.k0)}:${r.contract_id}`));
    for (const row of await groupTotals(ds, m)) fresh.summaries[`${d}:${key(row.k0)}`] = fromScratch(row);
  }
  for (const [d1, d2] of KEPT_PAIR_KINDS) {
    const m = membership(ds, null, [d1, d2] as ImpactDimension[], undefined, true);
    for (const row of await groupTotals(ds, m)) {
      // A contract is in a group once: a dimension paired with itself pairs two different groups.
      if (d1 !== d2 || key(row.k0) !== key(row.k1)) fresh.pairs[pairKey(d1, row.k0, d2, row.k1)] = fromScratch(row);
    }
  }
  fresh.groups.sort();
  return { kept, fresh };
}
