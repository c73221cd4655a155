import DataLoader from 'dataloader';
import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { groupBy } from '../util/group-by';
import { rowsByColumn, rowsById } from './driver-rows';

/**
 * The most keys one batch sends to the database. A large roll-up's keys (100,000 suppliers at a million
 * contracts) would otherwise become one `IN (…)` with more parameters than PostgreSQL takes (65,535).
 */
export const BATCH = { maxBatchSize: 10_000 } as const;

/** A loader by id that can also tell, without a promise, what it has already loaded. */
export type IdLoader<E> = DataLoader<number, E | null> & {
  /** The record loaded for this id, null for a miss, undefined when not loaded yet. */
  peek(id: number): E | null | undefined;
  /**
   * The records of many ids, in their order, misses dropped, with one promise for the whole list. Lists asked
   * for in the same tick share the statements (one per 10,000 ids not loaded yet). A roll-up of 300 groups
   * citing 37,000 quotes made 37,000 `load` promises with `loadMany`: a quarter of a second on the event loop,
   * and seconds in a slower process, in which no other request was served.
   */
  loadAll(ids: readonly number[]): Promise<E[]>;
};

/**
 * One `WHERE id IN (…)`; answers every key in order, null for a miss. Archived rows are included: what
 * points at a record (a claim's claimant, a citation's subject) still reaches it after it is archived.
 * `peek` lets a resolver of many objects answer loaded ones as values: a promise per object made a
 * roll-up's 100,000 keys seconds of promise work and garbage collection.
 */
export function byIdLoader<E extends { id: number }>(ds: DataSource, entity: EntityTarget<E>): IdLoader<E> {
  const read = rowsById(ds, entity);
  const loaded = new Map<number, E | null>();
  const loader = new DataLoader<number, E | null>(async (ids) => {
    const rows = await read(ids);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => {
      const row = byId.get(id) ?? null;
      loaded.set(id, row);
      return row;
    });
  }, BATCH);
  const lists = new DataLoader<readonly number[], E[]>(
    async (asked) => {
      const missing = [...new Set(asked.flat())].filter((id) => !loaded.has(id));
      for (let at = 0; at < missing.length; at += BATCH.maxBatchSize) {
        const chunk = missing.slice(at, at + BATCH.maxBatchSize);
        const byId = new Map((await read(chunk)).map((row) => [row.id, row]));
        for (const id of chunk) loaded.set(id, byId.get(id) ?? null);
      }
      return asked.map((ids) => ids.map((id) => loaded.get(id)).filter((row): row is E => row != null));
    },
    { cache: false },
  );
  // After a write the loaders are cleared (a mutation answers what it wrote): so is what peek remembers.
  const [load, clear, clearAll] = [loader.load.bind(loader), loader.clear.bind(loader), loader.clearAll.bind(loader)];
  return Object.assign(loader, {
    // A record read for a list is the one `load` answers, not read again.
    load: (id: number) => {
      const row = loaded.get(id);
      return row === undefined ? load(id) : Promise.resolve(row);
    },
    peek: (id: number) => loaded.get(id),
    loadAll: (ids: readonly number[]) => lists.load(ids),
    clear: (id: number) => (loaded.delete(id), clear(id)),
    clearAll: () => (loaded.clear(), clearAll()),
  });
}

/** One `WHERE <column> IN (…)` for rows that point at their parent; each key gets its rows in id order. */
export function byColumnLoader<E extends { id: number }, K extends string | number = number>(
  ds: DataSource,
  entity: EntityTarget<E>,
  property: keyof E & string,
) {
  const read = rowsByColumn(ds, entity, property, 'id');
  return new DataLoader<K, E[]>(async (keys) => {
    const rows = await read(keys);
    const groups = groupBy(rows, (row) => row[property] as K);
    return keys.map((key) => groups.get(key) ?? []);
  }, BATCH);
}

/** Rows of a join table by one side, in insertion order of the other side. */
export function joinRowsLoader<J extends ObjectLiteral>(
  ds: DataSource,
  entity: EntityTarget<J>,
  from: keyof J & string,
  to: keyof J & string,
) {
  const read = rowsByColumn(ds, entity, from, to);
  return new DataLoader<number, J[]>(async (keys) => {
    const rows = await read(keys);
    const groups = groupBy(rows, (row) => row[from] as number);
    return keys.map((key) => groups.get(key) ?? []);
  }, BATCH);
}

/** A record that has not been archived (a loaded row, neither a miss nor an error). */
export const isCurrent = <T>(row: T | null | Error): row is T =>
  row != null && !(row instanceof Error) && (row as { archivedAt?: Date | null }).archivedAt == null;

/** The entities on the far side of a join table: two statements per batch, whatever the number of keys. */
export function throughLoader<J extends ObjectLiteral, T>(
  rows: DataLoader<number, J[]>,
  to: keyof J & string,
  targets: DataLoader<number, T | null>,
) {
  const loader = new DataLoader<number, T[]>(async (keys) => {
    const links = await rows.loadMany(keys);
    return Promise.all(
      links.map(async (group) => {
        if (group instanceof Error) throw group;
        const found = await targets.loadMany(group.map((link) => link[to] as number));
        // A list of parties is a default view: archived parties leave it.
        return found.filter(isCurrent);
      }),
    );
  });
  // Cleared after a write: so are the links it read, which only it holds.
  const clearAll = loader.clearAll.bind(loader);
  loader.clearAll = () => (rows.clearAll(), clearAll());
  return loader;
}
