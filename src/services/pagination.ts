import { Brackets, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { badUserInput } from '../errors';
import type { Connection } from '../schema/connection-type';
import { OrderDirection } from '../schema/enums';
import { DEFAULT_PAGE_SIZE, type PageArgs } from '../schema/page-args';
import { type CursorValues, decodeCursor, encodeCursor } from './cursor';

/** SQL expressions to sort by, never null; the last must be unique (the row id) so that cursors are exact. */
export interface SortSpec {
  keys: string[];
  direction: OrderDirection;
}

const flip = (d: OrderDirection) => (d === OrderDirection.ASC ? OrderDirection.DESC : OrderDirection.ASC);

/**
 * `(k1, k2, …) > (v1, v2, …)` spelled out, since SQLite and PostgreSQL differ on row-value comparison;
 * `inclusive` lets the last key equal its value (the row at the cursor itself is in). SQL with named
 * parameters, for a query builder (root lists) and for hand-written statements (nested pages) alike.
 */
export function keysetSql(keys: string[], values: CursorValues, greater: boolean, tag: string, inclusive = false) {
  const op = greater ? '>' : '<';
  const params: ObjectLiteral = {};
  const terms = keys.map((key, i) => {
    const equalities = keys.slice(0, i).map((k, j) => `${k} = :${tag}${j}`);
    params[`${tag}${i}`] = values[i];
    const last = inclusive && i === keys.length - 1 ? `${op}=` : op;
    return `(${[...equalities, `${key} ${last} :${tag}${i}`].join(' AND ')})`;
  });
  // The first key's bound, implied by every term, said on its own as well: an OR of terms is no index range
  // to PostgreSQL, which read a part of an export (between two cursors) by scanning the whole sort index
  // (40–120 ms a part of 500 contracts at 100,000, under 2 ms with the bound).
  const range = keys.length > 1 ? `${keys[0]} ${op}= :${tag}0 AND ` : '';
  return { sql: `(${range}(${terms.join(' OR ')}))`, params };
}

function keysetCondition(keys: string[], values: CursorValues, greater: boolean, tag: string, inclusive = false) {
  const { sql, params } = keysetSql(keys, values, greater, tag, inclusive);
  return new Brackets((qb) => qb.where(sql, params));
}

/**
 * A page as a connection, from its items in list order (each with its cursor) and whether the read found
 * more beyond them (it asks for one row more than the page): the one `pageInfo` rule of every list, root
 * or nested.
 */
export function connectionOf<T>(
  items: Array<{ node: T; cursor: string }>,
  more: boolean,
  { backward, after, before }: { backward: boolean; after?: string | null; before?: string | null },
): Pick<Connection<T>, 'edges' | 'pageInfo'> {
  const edges = backward ? [...items].reverse() : items;
  return {
    edges,
    pageInfo: {
      hasNextPage: backward ? before != null : more,
      hasPreviousPage: backward ? more : after != null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

/** What a cursor belongs to: the table, its sort keys and direction. */
const listOf = (query: SelectQueryBuilder<ObjectLiteral>, sort: SortSpec) =>
  `${query.expressionMap.mainAlias?.metadata.tableName}:${sort.keys.join(',')}:${sort.direction}`;

/**
 * Cuts a list into parts of `size` rows, for a reader that takes every row in parts side by side (an
 * export): the cursor of each part's last row (every part but the last), and the number of rows. Part k
 * is then the rows after cursor k-1 through cursor k, and the parts stay disjoint and complete even if
 * rows are added or removed between reading the cursors and reading a part.
 */
export async function partCursors(
  query: SelectQueryBuilder<ObjectLiteral>,
  sort: SortSpec,
  size: number,
): Promise<{ cursors: string[]; rows: number }> {
  const list = listOf(query, sort);
  const direction = sort.direction === OrderDirection.ASC ? 'ASC' : 'DESC';
  const numbered = query.clone().select([]);
  sort.keys.forEach((key, i) => numbered.addSelect(key, `sk${i}`));
  numbered.addSelect(`ROW_NUMBER() OVER (ORDER BY ${sort.keys.map((k) => `${k} ${direction}`).join(', ')})`, 'rn');
  numbered.addSelect('COUNT(*) OVER ()', 'total');
  numbered.orderBy();
  const [sql, params] = numbered.getQueryAndParameters();
  const rows: Array<Record<string, unknown>> = await query.connection.query(
    `SELECT * FROM (${sql}) numbered WHERE rn % ${Math.floor(size)} = 0 OR rn = 1 ORDER BY rn`,
    params,
  );
  const total = rows.length ? Number(rows[0].total) : 0;
  const cursors = rows
    .filter((row) => Number(row.rn) % size === 0 && Number(row.rn) < total)
    .map((row) =>
      encodeCursor(
        list,
        sort.keys.map((_, i) => row[`sk${i}`] as string | number),
      ),
    );
  return { cursors, rows: total };
}

/**
 * Keyset (cursor) pagination over a query builder: stable under inserts, and the cost of a page does not grow
 * with how deep into the list it is. The count runs only if `totalCount` is selected.
 */
export async function paginate<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  sort: SortSpec,
  args: PageArgs,
  /** An internal bound (a part of an export): no row past this cursor, the row at it included. */
  through?: string,
): Promise<Connection<T>> {
  const { first, after, last, before } = args;
  if (first != null && last != null) {
    throw badUserInput('last', 'cannot be combined with `first`: page forward with first/after, or backward with last/before.');
  }
  const backward = last != null;
  const size = backward ? (last as number) : (first ?? DEFAULT_PAGE_SIZE);
  const ascending = sort.direction === OrderDirection.ASC;
  const list = listOf(query, sort);

  const page = query.clone();
  if (through) page.andWhere(keysetCondition(sort.keys, decodeCursor(through, list, sort.keys.length, 'through'), !ascending, 'ct', true));
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
  const items = entities.slice(0, size).map((node, i) => ({
    node,
    cursor: encodeCursor(
      list,
      rawNames.map((name) => raw[i][name]),
    ),
  }));
  return { ...connectionOf(items, entities.length > size, { backward, after, before }), totalCount: () => query.clone().getCount() };
}
