import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { Contract } from '../entities';
import type { Connection } from '../schema/connection-type';
import { DEFAULT_PAGE_SIZE } from '../schema/page-args';
import { CONTRACTS_OF, decodeCursor, encodeCursor } from '../services/cursor';
import { connectionOf, keysetSql } from '../services/pagination';
import { live, runSql, textSortKey } from '../services/sql';
import { BATCH } from './batch';
import { groupBy } from '../util/group-by';

/** The parties whose `contracts` field pages through contracts, and the join that links them. */
const LINKS = {
  buyer: 'SELECT contract_id, public_body_id AS parent_id FROM contract_buyer',
  supplier: 'SELECT contract_id, supplier_id AS parent_id FROM contract_supplier',
  union: 'SELECT contract_id, union_id AS parent_id FROM contract_union',
  location: `SELECT DISTINCT contract_id, location_id AS parent_id FROM ${live('offshoring')} o`,
} as const;

export type ContractLink = keyof typeof LINKS;

export interface ContractPageKey {
  via: ContractLink;
  parentId: number;
  first?: number | null;
  after?: string | null;
}

interface Ranked {
  parent_id: number;
  id: number;
  sk0: string;
}

/**
 * A page of contracts for many parents in one statement (ROW_NUMBER per parent), then the contracts
 * themselves through the contract loader: a constant number of statements whatever the number of parents.
 * Keys with different `first`/`after` are batched per distinct pair.
 */
export function contractPagesLoader(ds: DataSource, contracts: DataLoader<number, Contract | null>) {
  const title = textSortKey(ds, 'c.title');

  const counts = new DataLoader<string, number>(async (keys) => {
    const byVia = groupBy(
      keys.map((k) => k.split(':')),
      ([via]) => via as ContractLink,
    );
    const totals = new Map<string, number>();
    for (const [via, pairs] of byVia) {
      const rows = await runSql<{ parent_id: number; n: number | string }>(
        ds,
        `SELECT parent_id, COUNT(*) AS n FROM (${LINKS[via]}) j JOIN ${live('contract')} c ON c.id = j.contract_id
         WHERE parent_id IN (:...parents) GROUP BY parent_id`,
        { parents: pairs.map(([, id]) => Number(id)) },
      );
      for (const row of rows) totals.set(`${via}:${row.parent_id}`, Number(row.n));
    }
    return keys.map((key) => totals.get(key) ?? 0);
  }, BATCH);

  return new DataLoader<ContractPageKey, Connection<Contract>, string>(
    async (keys) => {
      const groups = groupBy([...keys], (k) => JSON.stringify([k.via, k.first ?? null, k.after ?? null]));
      const ranked = new Map<string, Ranked[]>();
      for (const group of groups.values()) {
        const { via, first, after } = group[0];
        const size = first ?? DEFAULT_PAGE_SIZE;
        const params: Record<string, unknown> = { parents: group.map((k) => k.parentId), limit: size + 1 };
        let afterCondition = '';
        if (after) {
          const keyset = keysetSql([title, 'c.id'], decodeCursor(after, CONTRACTS_OF, 2, 'after'), true, 'ca');
          Object.assign(params, keyset.params);
          afterCondition = `AND ${keyset.sql}`;
        }
        const rows = await runSql<Ranked>(
          ds,
          `SELECT parent_id, id, sk0 FROM (
             SELECT j.parent_id, c.id, ${title} AS sk0,
                    ROW_NUMBER() OVER (PARTITION BY j.parent_id ORDER BY ${title}, c.id) AS rn
             FROM ${live('contract')} c JOIN (${LINKS[via]}) j ON j.contract_id = c.id
             WHERE j.parent_id IN (:...parents) ${afterCondition}
           ) ranked WHERE rn <= :limit ORDER BY parent_id, rn`,
          params,
        );
        for (const [parentId, list] of groupBy(rows, (r) => Number(r.parent_id))) {
          ranked.set(JSON.stringify([via, first ?? null, after ?? null, parentId]), list);
        }
      }
      return Promise.all(
        keys.map(async (key) => {
          const size = key.first ?? DEFAULT_PAGE_SIZE;
          const rows = ranked.get(JSON.stringify([key.via, key.first ?? null, key.after ?? null, key.parentId])) ?? [];
          const page = rows.slice(0, size);
          const nodes = await contracts.loadMany(page.map((r) => Number(r.id)));
          const items = page.map((r, i) => ({ cursor: encodeCursor(CONTRACTS_OF, [r.sk0, Number(r.id)]), node: nodes[i] as Contract }));
          return {
            ...connectionOf(items, rows.length > size, { backward: false, after: key.after }),
            totalCount: () => counts.load(`${key.via}:${key.parentId}`),
          };
        }),
      );
    },
    { ...BATCH, cacheKeyFn: (k) => JSON.stringify([k.via, k.parentId, k.first ?? null, k.after ?? null]) },
  );
}
