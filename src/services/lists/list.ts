import type { DataSource, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Connection } from '../../schema/connection';
import type { OrderDirection } from '../../schema/enums';
import type { PageArgs } from '../../schema/page-args';
import { paginate } from '../pagination';
import { textSortKey } from '../sql';

/** How one root list is filtered and sorted; `listConnection` does the rest. */
export interface ListSpec<E extends ObjectLiteral, F, O extends string> {
  entity: EntityTarget<E>;
  alias: string;
  applyFilter(qb: SelectQueryBuilder<E>, filter: F, ds: DataSource): void;
  /** Sort expressions for an order field, without the final id tie-breaker. */
  sortKeys(field: O, ds: DataSource): string[];
}

export function listConnection<E extends ObjectLiteral, F, O extends string>(
  ds: DataSource,
  spec: ListSpec<E, F, O>,
  filter: F | undefined | null,
  order: { field: O; direction: OrderDirection },
  page: PageArgs,
): Promise<Connection<E>> {
  const qb = ds.getRepository(spec.entity).createQueryBuilder(spec.alias);
  spec.applyFilter(qb, filter ?? ({} as F), ds);
  const keys = [...spec.sortKeys(order.field, ds), `${spec.alias}.id`];
  return paginate(qb, { keys, direction: order.direction }, page);
}

/** Sort keys for a partial date stored as `<prefix>_year/_month/_day`: unknown parts last. */
export const dateSortKeys = (column: string) => [
  `COALESCE(${column}_year, 9999)`,
  `COALESCE(${column}_month, 99)`,
  `COALESCE(${column}_day, 99)`,
];

/** Sort keys shared by every list sorted by name: NAME, SLUG or CREATED. */
export function nameSortKeys(alias: string, field: string, ds: DataSource): string[] {
  if (field === 'NAME') return [textSortKey(ds, `${alias}.name`)];
  if (field === 'SLUG') return [textSortKey(ds, `${alias}.slug`)];
  return [];
}
