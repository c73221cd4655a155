import { Brackets, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { badUserInput } from '../errors';
import type { Connection } from '../schema/connection';
import { OrderDirection } from '../schema/enums';
import { DEFAULT_PAGE_SIZE, type PageArgs } from '../schema/page-args';
import { type CursorValues, decodeCursor, encodeCursor } from './cursor';

/** SQL expressions to sort by, never null; the last must be unique (the row id) so that cursors are exact. */
export interface SortSpec {
  keys: string[];
  direction: OrderDirection;
}

const flip = (d: OrderDirection) => (d === OrderDirection.ASC ? OrderDirection.DESC : OrderDirection.ASC);

/** `(k1, k2, …) > (v1, v2, …)` spelled out, since SQLite and PostgreSQL differ on row-value comparison. */
function keysetCondition(keys: string[], values: CursorValues, greater: boolean, tag: string) {
  const op = greater ? '>' : '<';
  const params: ObjectLiteral = {};
  const terms = keys.map((key, i) => {
    const equalities = keys.slice(0, i).map((k, j) => `${k} = :${tag}${j}`);
    params[`${tag}${i}`] = values[i];
    return `(${[...equalities, `${key} ${op} :${tag}${i}`].join(' AND ')})`;
  });
  return new Brackets((qb) => qb.where(terms.join(' OR '), params));
}

/**
 * Keyset (cursor) pagination over a query builder: stable under inserts, and the cost of a page does not grow
 * with how deep into the list it is. The count runs only if `totalCount` is selected.
 */
export async function paginate<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  sort: SortSpec,
  args: PageArgs,
): Promise<Connection<T>> {
  const { first, after, last, before } = args;
  if (first != null && last != null) {
    throw badUserInput('last', 'cannot be combined with `first`: page forward with first/after, or backward with last/before.');
  }
  const backward = last != null;
  const size = backward ? (last as number) : (first ?? DEFAULT_PAGE_SIZE);
  const ascending = sort.direction === OrderDirection.ASC;
  const list = `${query.expressionMap.mainAlias?.metadata.tableName}:${sort.keys.join(',')}:${sort.direction}`;

  const page = query.clone();
  if (after) page.andWhere(keysetCondition(sort.keys, decodeCursor(after, list, sort.keys.length, 'after'), ascending, 'ca'));
  if (before) page.andWhere(keysetCondition(sort.keys, decodeCursor(before, list, sort.keys.length, 'before'), !ascending, 'cb'));
  const direction = backward ? flip(sort.direction) : sort.direction;
  // A plain `alias.column` key is already selected (as `alias_column`); selecting it again under another
  // name would take it away from the entity. Expressions get a column of their own.
  const rawNames = sort.keys.map((key, i) => {
    const plain = /^(\w+)\.(\w+)$/.exec(key);
    if (plain) return `${plain[1]}_${plain[2]}`;
    page.addSelect(key, `sk${i}`);
    return `sk${i}`;
  });
  page.orderBy();
  sort.keys.forEach((key, i) => page.addOrderBy(rawNames[i] === `sk${i}` ? `sk${i}` : key, direction));
  page.limit(size + 1);

  const { entities, raw } = await page.getRawAndEntities();
  const hasMore = entities.length > size;
  const rows = entities.slice(0, size).map((node, i) => ({
    node,
    cursor: encodeCursor(list, rawNames.map((name) => raw[i][name])),
  }));
  if (backward) rows.reverse();

  return {
    edges: rows,
    pageInfo: {
      hasNextPage: backward ? before != null : hasMore,
      hasPreviousPage: backward ? hasMore : after != null,
      startCursor: rows[0]?.cursor ?? null,
      endCursor: rows[rows.length - 1]?.cursor ?? null,
    },
    totalCount: () => query.clone().getCount(),
  };
}
