import type { DataSource } from 'typeorm';
import { StatementCounter } from '../src/database/statement-counter';
import { openDatabase } from '../src/database/open';
import { clearLoaders, createLoaders } from '../src/loaders';
import { BATCH } from '../src/loaders/batch';
import { RollupCache } from '../src/services/impact/rollup-cache';
import { generateContracts } from './support/generate-contracts';
import { createTestDatabase, type TestDatabase } from './support/test-database';

// A roll-up of a big atlas asks the loaders for every group's entity at once (100,000 suppliers at a million
// contracts), more keys than one statement may carry (PostgreSQL takes 65,535 parameters).
let database: TestDatabase;
let ds: DataSource;
const statements = new StatementCounter();
beforeAll(async () => {
  database = await createTestDatabase();
  ds = await openDatabase(database.target, false, statements);
  await generateContracts(ds, 3);
});
afterAll(async () => {
  await ds?.destroy();
  await database?.drop();
});

const KEYS = 70_000;
const ids = Array.from({ length: KEYS }, (_, i) => i + 1);

test.each([
  ['by id', (l: ReturnType<typeof createLoaders>) => l.supplier.loadMany(ids)],
  ['by column', (l: ReturnType<typeof createLoaders>) => l.quantitiesOfContract.loadMany(ids)],
  ['through a join table', (l: ReturnType<typeof createLoaders>) => l.buyersOfContract.loadMany(ids)],
  [
    'pages of contracts',
    (l: ReturnType<typeof createLoaders>) =>
      l.contractPages.loadMany(ids.map((parentId) => ({ via: 'buyer' as const, parentId, first: 1 }))),
  ],
])(`%s: ${KEYS.toLocaleString('en-GB')} keys load, in batches`, async (_, load) => {
  statements.reset();
  const found = await load(createLoaders(ds, new RollupCache(ds, 0)));
  expect(found).toHaveLength(KEYS);
  expect(found.filter((x) => x instanceof Error)).toEqual([]);
  expect(found.slice(0, 3).some((x) => x != null && (!Array.isArray(x) || x.length > 0 || typeof x === 'number'))).toBe(true);
  expect(statements.count).toBeGreaterThanOrEqual(Math.ceil(KEYS / BATCH.maxBatchSize));
});

test("a request's loader is one object however often it is asked for, shared by slug and id, and clearing forgets what each has read", async () => {
  const loaders = createLoaders(ds, new RollupCache(ds, 0));
  expect(loaders.supplier).toBe(loaders.supplier);
  const [{ id, slug }] = await ds.query('SELECT id, slug FROM supplier ORDER BY id LIMIT 1');
  // A record by slug is primed into the loader by id: one made for the other, and shared.
  const before = await loaders.supplierBySlug.load(slug);
  expect(await loaders.supplier.load(Number(id))).toBe(before);
  await ds.query(`UPDATE supplier SET name = 'Renamed Ltd' WHERE id = ${Number(id)}`);
  expect((await loaders.supplier.load(Number(id)))!.name).toBe(before!.name);
  clearLoaders(loaders);
  expect((await loaders.supplier.load(Number(id)))!.name).toBe('Renamed Ltd');
  // A contract's buyers, read through its links: both forgotten.
  const [{ contract_id: contractId }] = await ds.query('SELECT contract_id FROM contract_buyer ORDER BY contract_id LIMIT 1');
  const buyers = await loaders.buyersOfContract.load(contractId);
  expect(buyers.length).toBeGreaterThan(0);
  await ds.query(`DELETE FROM contract_buyer WHERE contract_id = ${Number(contractId)}`);
  expect(await loaders.buyersOfContract.load(contractId)).toEqual(buyers);
  clearLoaders(loaders);
  expect(await loaders.buyersOfContract.load(contractId)).toEqual([]);
});

test('lists of ids asked for in the same tick share their statements, keep their order and drop misses', async () => {
  const loaders = createLoaders(ds, new RollupCache(ds, 0));
  const [{ n }] = await ds.query('SELECT COUNT(*) AS n FROM supplier');
  const known = Number(n);
  expect(known).toBeGreaterThan(2);
  // Many overlapping lists, more ids in all than one statement carries, and an id no supplier has.
  const lists = Array.from({ length: 300 }, (_, i) => [known - (i % known), KEYS + i, ...ids.slice(i * 200, i * 200 + 200)]);
  statements.reset();
  const found = await Promise.all(lists.map((list) => loaders.supplier.loadAll(list)));
  expect(statements.count).toBe(Math.ceil(new Set(lists.flat()).size / BATCH.maxBatchSize));
  found.forEach((records, i) => {
    expect(records.map((s) => s.id)).toEqual(lists[i].filter((id) => id <= known));
    expect(records.every((s) => s.name.length > 0)).toBe(true);
  });
  // Read once: asked again, by list or one by one, the same objects come back without a statement.
  statements.reset();
  expect((await loaders.supplier.loadAll([1]))[0]).toBe(loaders.supplier.peek(1));
  expect(await loaders.supplier.load(1)).toBe(loaders.supplier.peek(1));
  expect(await loaders.supplier.load(KEYS + 1)).toBeNull();
  expect(statements.count).toBe(0);
});
