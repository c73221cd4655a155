import type { DataSource } from 'typeorm';
import type { Contract } from '../../entities';
import { groupBy } from '../../loaders/batch';
import { ImpactDimension, ImpactKey } from '../../schema/impact-types';
import { computeImpact, emptyImpact, type ImpactResult } from '../impact/impact';
import type { RangeRow } from '../impact/range-sql';
import { inList, runSql } from '../sql';

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

/** A roll-up group with its measures computed: what the CSV's range columns read. */
export interface ResolvedImpact {
  contractCount: number;
  contested: boolean;
  jobsAffected: RangeRow;
  jobsOffshored: Record<'atRisk' | 'confirmed' | 'planned' | 'alleged' | 'denied', RangeRow>;
  savingsClaimed: { perYear: RangeRow; total: RangeRow; priceYears: number[] };
  moneyLost: RangeRow;
  membersRepresented: RangeRow;
}

type Row = Record<string, unknown>;

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

const partiesOf = (ds: DataSource, ids: number[], [link, column, table]: readonly [string, string, string]) =>
  runSql(
    ds,
    `SELECT l.contract_id, p.slug, p.name FROM ${link} l JOIN ${table} p ON p.id = l.${column} AND p.archived_at IS NULL
     WHERE ${inList(ds, 'l.contract_id', 'ids')} ORDER BY l.contract_id, l.${column}`,
    { ids },
  );

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
  const contractsOf = groupBy([...ids.map((id) => ({ subject_type: 'CONTRACT', id, contract_id: id })), ...subjects], (r) => `${r.subject_type}:${r.id}`);
  const byType = groupBy([...contractsOf.values()].map((rows) => rows[0]), (r) => String(r.subject_type));
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

/** Rows grouped by their contract, each contract's in statement order. */
const byContract = (rows: Row[]) => groupBy(rows, (row) => Number(row.contract_id));

/** A group with the measures it computes on first use computed. */
async function resolved(g: ImpactResult): Promise<ResolvedImpact> {
  const [jobsOffshored, priceYears, membersRepresented] = await Promise.all([g.jobsOffshored(), g.savingsClaimed.priceYears(), g.membersRepresented()]);
  const { contractCount, contested, jobsAffected, moneyLost } = g;
  const savingsClaimed = { perYear: g.savingsClaimed.perYear, total: g.savingsClaimed.total, priceYears };
  return { contractCount, contested, jobsAffected, jobsOffshored, savingsClaimed, moneyLost, membersRepresented };
}

/**
 * Each contract's own roll-up, as `Contract.impact` answers it: its group of a CONTRACT roll-up, or the
 * roll-up of no contracts for one the roll-up has no group for.
 */
async function impactsOf(ds: DataSource, ids: number[]): Promise<Map<number, ResolvedImpact>> {
  const groups = new Map((await computeImpact(ds, { groupBy: [ImpactDimension.CONTRACT], restrictTo: ids })).map((g) => [Number(g.key.contractId), g]));
  const impacts = ids.map(async (id): Promise<[number, ResolvedImpact]> => [
    id,
    await resolved(groups.get(id) ?? emptyImpact(Object.assign(new ImpactKey(), { contractId: id }))),
  ]);
  return new Map(await Promise.all(impacts));
}

/** The export rows of some contracts (one page of the list), in their order: eleven statements whatever their number. */
export async function contractExportRows(ds: DataSource, contracts: Contract[]): Promise<ContractExportRow[]> {
  if (contracts.length === 0) return [];
  const ids = contracts.map((c) => c.id);
  const [buyers, suppliers, unions, services, offshoring, sources, impacts] = await Promise.all([
    partiesOf(ds, ids, PARTIES.buyers).then(byContract),
    partiesOf(ds, ids, PARTIES.suppliers).then(byContract),
    partiesOf(ds, ids, PARTIES.unions).then(byContract),
    runSql(ds, `SELECT contract_id, service FROM contract_service WHERE ${inList(ds, 'contract_id', 'ids')} ORDER BY contract_id, service`, { ids }).then(byContract),
    runSql(
      ds,
      `SELECT o.contract_id, o.status, l.name FROM offshoring o JOIN offshore_location l ON l.id = o.location_id
       WHERE o.archived_at IS NULL AND ${inList(ds, 'o.contract_id', 'ids')} ORDER BY o.contract_id, o.id`,
      { ids },
    ).then(byContract),
    sourcesOf(ds, ids),
    impactsOf(ds, ids),
  ]);
  const named = (rows: Row[] | undefined): Named[] => (rows ?? []).map((r) => ({ slug: String(r.slug), name: String(r.name) }));
  return contracts.map((contract) => ({
    contract,
    buyers: named(buyers.get(contract.id)),
    suppliers: named(suppliers.get(contract.id)),
    unions: named(unions.get(contract.id)),
    services: (services.get(contract.id) ?? []).map((r) => String(r.service)),
    offshoring: (offshoring.get(contract.id) ?? []).map((r) => ({ status: String(r.status), location: String(r.name) })),
    impact: impacts.get(contract.id)!,
    sources: sources.get(contract.id) ?? [],
  }));
}
