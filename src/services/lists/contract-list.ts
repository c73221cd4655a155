import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Contract } from '../../entities';
import { SubjectType } from '../../schema/enums';
import type { ContractFilter } from '../../schema/filters';
import type { ContractOrderField } from '../../schema/orders';
import { live, textSortKey } from '../sql';
import { dateSortKeys, type ListSpec } from './list';
import { whereExists, whereIn, whereInSubquery, whereTextMatches } from './sql-conditions';

/** The contract filter, shared by the `contracts` list, the roll-ups and the exports. Archived records never match by slug. */
export function applyContractFilter(qb: SelectQueryBuilder<ObjectLiteral>, alias: string, f: ContractFilter) {
  const id = `${alias}.id`;
  whereIn(qb, `${alias}.status`, f.statuses);
  whereExists(qb, f.services, (list) => `SELECT 1 FROM contract_service cs WHERE cs.contract_id = ${id} AND cs.service IN (${list})`);
  // Buyers and suppliers each hold a small share of all contracts (there are thousands of them), so their
  // contracts are found from them; a union, a location or a sector can cover a large share, and walking the
  // contracts in order until a page is full is then the quicker way.
  whereInSubquery(
    qb,
    id,
    f.buyers,
    (list) =>
      `SELECT cb.contract_id FROM contract_buyer cb JOIN public_body b ON b.id = cb.public_body_id WHERE b.slug IN (${list}) AND b.archived_at IS NULL`,
  );
  whereExists(
    qb,
    f.sectors,
    (list) =>
      `SELECT 1 FROM contract_buyer cb JOIN public_body b ON b.id = cb.public_body_id WHERE cb.contract_id = ${id} AND b.sector IN (${list}) AND b.archived_at IS NULL`,
  );
  whereInSubquery(
    qb,
    id,
    f.suppliers,
    (list) =>
      `SELECT csu.contract_id FROM contract_supplier csu JOIN supplier s ON s.id = csu.supplier_id WHERE s.slug IN (${list}) AND s.archived_at IS NULL`,
  );
  whereExists(
    qb,
    f.unions,
    (list) =>
      `SELECT 1 FROM contract_union cu JOIN trade_union u ON u.id = cu.union_id WHERE cu.contract_id = ${id} AND u.slug IN (${list}) AND u.archived_at IS NULL`,
  );
  whereExists(
    qb,
    f.offshoreLocations,
    (list) =>
      `SELECT 1 FROM ${live('offshoring')} o JOIN offshore_location l ON l.id = o.location_id WHERE o.contract_id = ${id} AND l.slug IN (${list}) AND l.archived_at IS NULL`,
  );
  whereExists(
    qb,
    f.offshoringStatuses,
    (list) => `SELECT 1 FROM ${live('offshoring')} o WHERE o.contract_id = ${id} AND o.status IN (${list})`,
  );
  // Literals, not parameters: better-sqlite3 cannot bind a boolean, and both databases read TRUE and FALSE.
  if (f.outsourcing != null) qb.andWhere(`${alias}.outsourcing = ${f.outsourcing ? 'TRUE' : 'FALSE'}`);
  if (f.imported != null) qb.andWhere(`${alias}.imported = ${f.imported ? 'TRUE' : 'FALSE'}`);
  whereTextMatches(qb, id, SubjectType.CONTRACT, f.search);
}

export const contractList: ListSpec<Contract, ContractFilter, ContractOrderField> = {
  entity: Contract,
  alias: 'c',
  applyFilter: (qb, f) => applyContractFilter(qb, 'c', f),
  sortKeys(field, ds) {
    if (field === 'TITLE') return [textSortKey(ds, 'c.title')];
    if (field === 'SLUG') return [textSortKey(ds, 'c.slug')];
    if (field === 'STATUS') return [textSortKey(ds, 'c.status')];
    if (field === 'START_DATE') return dateSortKeys('c.start_date');
    return [];
  },
};
