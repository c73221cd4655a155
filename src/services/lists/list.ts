import type { DataSource, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Connection } from '../../schema/connection-type';
import type { OrderDirection } from '../../schema/enums';
import type { PageArgs } from '../../schema/page-args';
import { paginate, partCursors } from '../pagination';
import { textSortKey } from '../sql';

/** How one root list is filtered and sorted; `listConnection` does the rest. */
export interface ListSpec<E extends ObjectLiteral, F, O extends string> {
  entity: EntityTarget<E>;
  alias: string;
  applyFilter(qb: SelectQueryBuilder<E>, filter: F, ds: DataSource): void;
  /** Sort expressions for an order field, without the final id tie-breaker. */
  sortKeys(field: O, ds: DataSource): string[];
}

type Order<O> = { field: O; direction: OrderDirection };

/** The filtered list and its sort: what its pages and its parts are cut from. */
function listQuery<E extends ObjectLiteral, F, O extends string>(
  ds: DataSource,
  spec: ListSpec<E, F, O>,
  filter: F | undefined | null,
  order: Order<O>,
) {
  const qb = ds.getRepository(spec.entity).createQueryBuilder(spec.alias);
  spec.applyFilter(qb, filter ?? ({} as F), ds);
  return { qb, sort: { keys: [...spec.sortKeys(order.field, ds), `${spec.alias}.id`], direction: order.direction } };
}

export function listConnection<E extends ObjectLiteral, F, O extends string>(
  ds: DataSource,
  spec: ListSpec<E, F, O>,
  filter: F | undefined | null,
  order: Order<O>,
  page: PageArgs,
  /** No row past this cursor (the row at it included): a part cut by `listParts`. */
  through?: string,
): Promise<Connection<E>> {
  const { qb, sort } = listQuery(ds, spec, filter, order);
  return paginate(qb, sort, page, through);
}

/** The whole list cut into parts of `size` rows (see `partCursors`), for reading them side by side. */
export function listParts<E extends ObjectLiteral, F, O extends string>(
  ds: DataSource,
  spec: ListSpec<E, F, O>,
  filter: F | undefined | null,
  order: Order<O>,
  size: number,
) {
  const { qb, sort } = listQuery(ds, spec, filter, order);
  return partCursors(qb, sort, size);
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
