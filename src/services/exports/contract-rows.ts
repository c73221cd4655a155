import type { DataSource } from 'typeorm';
import type { Contract } from '../../entities';
import { groupBy } from '../../util/group-by';
import { ImpactDimension } from '../../schema/enums';
import { computeImpact, emptyResolvedImpact, type ResolvedImpact, resolveGroups } from '../impact/impact';
import { inList, ITEM_SEPARATOR, listAgg, PART_SEPARATOR, partSeparatorSql, runSql } from '../sql';

export interface Named {
  slug: string;
  name: string;
}

/** A contract's row of `contracts.csv`: what the API answers for it, read as plain rows in a few statements. */
export interface ContractExportRow {
  contract: Contract;
  buyers: Named[];
  suppliers: Named[];
  unions: Named[];
  services: string[];
  offshoring: Array<{ status: string; location: string }>;
  impact: ResolvedImpact;
  /** The documents behind its quotes (file name, else slug), in the order of their citations, each once. */
  sources: string[];
}

// The same rules as the API's fields: a contract's buyers, suppliers and unions are its current ones, in id
// order (Contract.buyers/suppliers/unions); its offshoring entries are the current ones, in id order, each
// naming its location even when that is archived (Offshoring.location); its sources are those of the current
// citations of it and of its current figures, offshoring entries (and their figures), claims and events
// (Contract.citations). Hand-written rather than through the loaders: entity hydration and GraphQL execution
// were 0.8 ms of the main thread per row, two minutes for 100,000 contracts.
const PARTIES = {
  buyers: ['contract_buyer', 'public_body_id', 'public_body'],
  suppliers: ['contract_supplier', 'supplier_id', 'supplier'],
  unions: ['contract_union', 'union_id', 'trade_union'],
} as const;

/**
 * Each contract's parties, services and offshoring entries, one row per contract with each list as one
 * text: one row a contract rather than one a link (four times fewer rows for the main thread to read and
 * group, in one statement instead of five). Each list is aggregated by one GROUP BY over the part's links:
 * as a subquery per contract, PostgreSQL ran 2,500 subplans a part of 500 contracts (16 ms, against 12).
 */
function listsSql(ds: DataSource) {
  const lists = [
    ...Object.entries(PARTIES).map(
      ([
        name,
        [link, column, table],
      ]) => `${name}_list AS (SELECT l.contract_id, ${listAgg(ds, `p.slug || ${partSeparatorSql(ds)} || p.name`, `l.${column}`)} AS list
        FROM ${link} l JOIN ${table} p ON p.id = l.${column} AND p.archived_at IS NULL WHERE ${inList(ds, 'l.contract_id', 'ids')} GROUP BY l.contract_id)`,
    ),
    `services_list AS (SELECT s.contract_id, ${listAgg(ds, 's.service', 's.service')} AS list FROM contract_service s
      WHERE ${inList(ds, 's.contract_id', 'ids')} GROUP BY s.contract_id)`,
    `offshoring_list AS (SELECT o.contract_id, ${listAgg(ds, `o.status || ${partSeparatorSql(ds)} || l.name`, 'o.id')} AS list
      FROM offshoring o JOIN offshore_location l ON l.id = o.location_id
      WHERE o.archived_at IS NULL AND ${inList(ds, 'o.contract_id', 'ids')} GROUP BY o.contract_id)`,
  ];
  const names = [...Object.keys(PARTIES), 'services', 'offshoring'];
  return `WITH ${lists.join(',\n')}
    SELECT c.id AS contract_id, ${names.map((name) => `${name}_list.list AS ${name}`).join(', ')}
    FROM contract c ${names.map((name) => `LEFT JOIN ${name}_list ON ${name}_list.contract_id = c.id`).join(' ')}
    WHERE ${inList(ds, 'c.id', 'ids')}`;
}

/** The items of a `listAgg` text, each split into its parts. */
const items = (text: unknown): string[][] =>
  text == null || text === ''
    ? []
    : String(text)
        .split(ITEM_SEPARATOR)
        .map((item) => item.split(PART_SEPARATOR));

/**
 * What a contract's citations may be attached to besides itself: its figures, entries, claims and events.
 * An entry's figures are looked up by the entries' ids: as a join, SQLite scanned every figure when its
 * statistics said few have an entry (18 ms a part of 500 contracts, against 1 ms).
 */
const subjectsSql = (ds: DataSource) => `
  SELECT 'QUANTITY' AS subject_type, id, contract_id FROM quantity WHERE archived_at IS NULL AND ${inList(ds, 'contract_id', 'ids')}
  UNION ALL SELECT 'QUANTITY', q.id, (SELECT o.contract_id FROM offshoring o WHERE o.id = q.offshoring_id) FROM quantity q
    WHERE q.archived_at IS NULL AND q.offshoring_id IN (SELECT id FROM offshoring WHERE archived_at IS NULL AND ${inList(ds, 'contract_id', 'ids')})
  UNION ALL SELECT 'OFFSHORING', id, contract_id FROM offshoring WHERE archived_at IS NULL AND ${inList(ds, 'contract_id', 'ids')}
  UNION ALL SELECT 'CLAIM', id, contract_id FROM claim WHERE archived_at IS NULL AND ${inList(ds, 'contract_id', 'ids')}
  UNION ALL SELECT 'EVENT', id, contract_id FROM event WHERE archived_at IS NULL AND ${inList(ds, 'contract_id', 'ids')}`;

/**
 * The documents behind each contract's quotes, in citation order, each once. Two statements, the second
 * looking citations up by (subject_type, subject_id) lists: one join from every subject to the citation
 * table was planned as a hash of the whole table on PostgreSQL (100 ms a page of 1,000 contracts).
 */
async function sourcesOf(ds: DataSource, ids: number[]): Promise<Map<number, string[]>> {
  const subjects = await runSql(ds, subjectsSql(ds), { ids });
  const contractsOf = groupBy(
    [...ids.map((id) => ({ subject_type: 'CONTRACT', id, contract_id: id })), ...subjects],
    (r) => `${r.subject_type}:${r.id}`,
  );
  const byType = groupBy(
    [...contractsOf.values()].map((rows) => rows[0]),
    (r) => String(r.subject_type),
  );
  const params: Record<string, unknown> = {};
  const conditions = [...byType].map(([type, rows], i) => {
    params[`type${i}`] = type;
    params[`ids${i}`] = rows.map((r) => Number(r.id));
    return `(ci.subject_type = :type${i} AND ${inList(ds, 'ci.subject_id', `ids${i}`)})`;
  });
  const cited = await runSql(
    ds,
    `SELECT ci.id, ci.subject_type, ci.subject_id, COALESCE(src.file_name, src.slug) AS name
     FROM citation ci JOIN source src ON src.id = ci.source_id
     WHERE ci.archived_at IS NULL AND (${conditions.join(' OR ')}) ORDER BY ci.id`,
    params,
  );
  const names = new Map<number, Set<string>>();
  for (const citation of cited) {
    for (const { contract_id } of contractsOf.get(`${citation.subject_type}:${citation.subject_id}`) ?? []) {
      const own = names.get(Number(contract_id)) ?? new Set<string>();
      names.set(Number(contract_id), own.add(String(citation.name)));
    }
  }
  return new Map([...names].map(([id, set]) => [id, [...set]]));
}

/**
 * Each contract's own roll-up, as `Contract.impact` answers it: its group of a CONTRACT roll-up, or the
 * roll-up of no contracts for one the roll-up has no group for.
 */
async function impactsOf(ds: DataSource, ids: number[]): Promise<Map<number, ResolvedImpact>> {
  const groups = await computeImpact(ds, { groupBy: [ImpactDimension.CONTRACT], restrictTo: ids });
  const resolved = await resolveGroups(groups);
  const byId = new Map(groups.map((g, i) => [Number(g.key.contractId), resolved[i]]));
  return new Map(ids.map((id) => [id, byId.get(id) ?? emptyResolvedImpact()]));
}

/** The export rows of some contracts (one page of the list), in their order: seven statements whatever their number. */
export async function contractExportRows(ds: DataSource, contracts: Contract[]): Promise<ContractExportRow[]> {
  if (contracts.length === 0) return [];
  const ids = contracts.map((c) => c.id);
  const [lists, sources, impacts] = await Promise.all([
    runSql(ds, listsSql(ds), { ids }).then((rows) => new Map(rows.map((row) => [Number(row.contract_id), row]))),
    sourcesOf(ds, ids),
    impactsOf(ds, ids),
  ]);
  const named = (text: unknown): Named[] => items(text).map(([slug, name]) => ({ slug, name }));
  return contracts.map((contract) => {
    const row = lists.get(contract.id);
    return {
      contract,
      buyers: named(row?.buyers),
      suppliers: named(row?.suppliers),
      unions: named(row?.unions),
      services: items(row?.services).map(([service]) => service),
      offshoring: items(row?.offshoring).map(([status, location]) => ({ status, location })),
      impact: impacts.get(contract.id)!,
      sources: sources.get(contract.id) ?? [],
    };
  });
}
