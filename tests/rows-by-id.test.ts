import type { DataSource } from 'typeorm';
import { openDatabase } from '../src/database/open';
import { entities } from '../src/entities';
import { rowsById } from '../src/loaders/rows-by-id';
import { loadSeed } from '../seed/load';
import { createTestDatabase, type TestDatabase } from './support/test-database';

// The loaders read by id through the driver and fill the entity classes themselves: what they answer must be
// what TypeORM's `find` answers, for every entity (dates, JSON lists, embedded partial dates, archived rows).
let database: TestDatabase;
let ds: DataSource;
beforeAll(async () => {
  database = await createTestDatabase();
  ds = await openDatabase(database.target);
  await loadSeed(ds);
  // An archived record is read by id too (a claim's claimant still reaches it).
  await ds.query('UPDATE supplier SET archived_at = CURRENT_TIMESTAMP WHERE id = (SELECT MIN(id) FROM supplier)');
});
afterAll(async () => {
  await ds?.destroy();
  await database?.drop();
});

test('every entity with an id: the same records as find', async () => {
  const withIds = entities.filter(
    (entity) =>
      ds
        .getMetadata(entity)
        .primaryColumns.map((c) => c.propertyName)
        .join() === 'id',
  );
  expect(withIds.length).toBeGreaterThan(15);
  for (const entity of withIds) {
    const repository = ds.getRepository<{ id: number }>(entity);
    const expected = await repository.find({ withDeleted: true, order: { id: 'ASC' } });
    const ids = [...expected.map((row) => row.id), 999_999];
    const found = (await rowsById(ds, entity)(ids)).sort((a, b) => a.id - b.id);
    expect({ entity: entity.name, found }).toStrictEqual({ entity: entity.name, found: expected });
    found.forEach((row) => expect(row).toBeInstanceOf(entity));
  }
});

test('the seed has rows of the kinds the comparison is about', async () => {
  const [supplier] = await rowsById(
    ds,
    entities.find((e) => e.name === 'Supplier')!,
  )([1]);
  expect(supplier).toMatchObject({ id: 1, aliases: expect.any(Array), archivedAt: expect.any(Date) });
  const contracts = await rowsById(
    ds,
    entities.find((e) => e.name === 'Contract')!,
  )([1, 2, 3]);
  expect(contracts.some((c) => (c as unknown as { startDate: { year: number | null } }).startDate.year != null)).toBe(true);
});
