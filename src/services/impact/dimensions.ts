import { ImpactDimension } from '../../schema/enums';
import { live } from '../sql';

/**
 * Each dimension as a relation (contract_id, k): the values a contract has for it. A contract missing from
 * the relation falls into the group whose key is null (by the LEFT JOIN in the membership query).
 */
export const DIMENSION_SQL: Record<ImpactDimension, string> = {
  [ImpactDimension.CONTRACT]: 'SELECT id AS contract_id, id AS k FROM contract',
  [ImpactDimension.PUBLIC_BODY]: `SELECT cb.contract_id, cb.public_body_id AS k FROM contract_buyer cb JOIN ${live('public_body')} b ON b.id = cb.public_body_id`,
  [ImpactDimension.SECTOR]: `SELECT DISTINCT cb.contract_id, b.sector AS k FROM contract_buyer cb JOIN ${live('public_body')} b ON b.id = cb.public_body_id`,
  [ImpactDimension.SUPPLIER]: `SELECT cs.contract_id, cs.supplier_id AS k FROM contract_supplier cs JOIN ${live('supplier')} s ON s.id = cs.supplier_id`,
  [ImpactDimension.SUPPLIER_COUNTRY]: `SELECT DISTINCT cs.contract_id, s.home_country AS k FROM contract_supplier cs JOIN ${live('supplier')} s ON s.id = cs.supplier_id`,
  [ImpactDimension.OFFSHORE_LOCATION]: `SELECT DISTINCT o.contract_id, o.location_id AS k FROM ${live('offshoring')} o JOIN ${live('offshore_location')} l ON l.id = o.location_id`,
  [ImpactDimension.OFFSHORING_STATUS]: `SELECT DISTINCT contract_id, status AS k FROM ${live('offshoring')} o`,
  [ImpactDimension.UNION]: `SELECT cu.contract_id, cu.union_id AS k FROM contract_union cu JOIN ${live('trade_union')} u ON u.id = cu.union_id`,
  [ImpactDimension.SERVICE]: 'SELECT contract_id, service AS k FROM contract_service',
  [ImpactDimension.STATUS]: 'SELECT id AS contract_id, status AS k FROM contract',
  [ImpactDimension.YEAR]: `SELECT c.id AS contract_id, COALESCE(c.start_date_year, (SELECT MIN(e.date_year) FROM ${live('event')} e WHERE e.contract_id = c.id)) AS k FROM contract c`,
};

/** Where each dimension's value goes in an ImpactKey. */
export const KEY_FIELD: Record<ImpactDimension, string> = {
  [ImpactDimension.CONTRACT]: 'contractId',
  [ImpactDimension.PUBLIC_BODY]: 'publicBodyId',
  [ImpactDimension.SECTOR]: 'sector',
  [ImpactDimension.SUPPLIER]: 'supplierId',
  [ImpactDimension.SUPPLIER_COUNTRY]: 'supplierCountry',
  [ImpactDimension.OFFSHORE_LOCATION]: 'offshoreLocationId',
  [ImpactDimension.OFFSHORING_STATUS]: 'offshoringStatus',
  [ImpactDimension.UNION]: 'unionId',
  [ImpactDimension.SERVICE]: 'service',
  [ImpactDimension.STATUS]: 'status',
  [ImpactDimension.YEAR]: 'year',
};

/** Dimensions whose values are row ids (numbers); the rest are strings, except YEAR. */
export const NUMERIC_DIMENSIONS = new Set([
  ImpactDimension.CONTRACT,
  ImpactDimension.PUBLIC_BODY,
  ImpactDimension.SUPPLIER,
  ImpactDimension.OFFSHORE_LOCATION,
  ImpactDimension.UNION,
  ImpactDimension.YEAR,
]);

/** A kept group's key (contract_group's or a summary's `k`) as the roll-up's rows carry it: a number for the dimensions keyed by id or year, null for none (''). */
export const keptKey = (dimension: ImpactDimension, column: string) =>
  NUMERIC_DIMENSIONS.has(dimension) ? `CAST(NULLIF(${column}, '') AS INTEGER)` : `NULLIF(${column}, '')`;
