import { type DataSource, In } from 'typeorm';
import { entities } from '../src/entities';
import { rowsByColumn, rowsById } from '../src/loaders/driver-rows';
import { loadSeed } from '../seed/load';
import { openTestDatabase } from './support/test-database';

// The loaders read by id through the driver and fill the entity classes themselves: what they answer must be
// what TypeORM's `find` answers, for every entity (dates, JSON lists, embedded partial dates, archived rows).
let ds: DataSource;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ ds, close } = await openTestDatabase());
  await loadSeed(ds);
  // An archived record is read by id too (a claim's claimant still reaches it).
  await ds.query('UPDATE supplier SET archived_at = CURRENT_TIMESTAMP WHERE id = (SELECT MIN(id) FROM supplier)');
});
afterAll(() => close?.());

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

// Every list the loaders read by a column (src/loaders/index.ts): a record's children, and join tables' rows.
const BY_COLUMN: Array<[string, string, string]> = [
  ['PublicBody', 'parentId', 'id'],
  ['Supplier', 'parentId', 'id'],
  ['OcdsRelease', 'contractId', 'id'],
  ['Offshoring', 'contractId', 'id'],
  ['Offshoring', 'locationId', 'id'],
  ['Quantity', 'contractId', 'id'],
  ['Quantity', 'offshoringId', 'id'],
  ['Quantity', 'publicBodyId', 'id'],
  ['Quantity', 'unionId', 'id'],
  ['Claim', 'contractId', 'id'],
  ['Claim', 'offshoringId', 'id'],
  ['Claim', 'personId', 'id'],
  ['Claim', 'unionId', 'id'],
  ['Claim', 'publicBodyId', 'id'],
  ['Claim', 'supplierId', 'id'],
  ['Claim', 'proposition', 'id'],
  ['Event', 'contractId', 'id'],
  ['Event', 'publicBodyId', 'id'],
  ['PersonRole', 'personId', 'id'],
  ['PersonRole', 'publicBodyId', 'id'],
  ['PersonRole', 'unionId', 'id'],
  ['PersonRole', 'supplierId', 'id'],
  ['Citation', 'sourceId', 'id'],
  ['ContractBuyer', 'contractId', 'publicBodyId'],
  ['ContractSupplier', 'contractId', 'supplierId'],
  ['ContractUnion', 'contractId', 'unionId'],
  ['ContractClassification', 'contractId', 'code'],
  ['EventUnion', 'eventId', 'unionId'],
  ['EventUnion', 'unionId', 'eventId'],
];

test('every list read by a column: the same records, in the same order, as find', async () => {
  // Archived rows leave these lists, as they leave find's answer.
  await ds.query('UPDATE quantity SET archived_at = CURRENT_TIMESTAMP WHERE id = (SELECT MIN(id) FROM quantity)');
  let withRows = 0;
  for (const [name, property, orderBy] of BY_COLUMN) {
    const entity = entities.find((e) => e.name === name)!;
    const all = await ds.getRepository(entity).find({ withDeleted: true });
    const keys = [...new Set(all.map((row) => (row as unknown as Record<string, unknown>)[property]).filter((key) => key != null))];
    if (keys.length > 0) withRows += 1;
    const expected = await ds.getRepository(entity).find({ where: { [property]: In(keys) }, order: { [orderBy]: 'ASC' } });
    const found = await rowsByColumn(ds, entity, property, orderBy)([...keys, typeof keys[0] === 'string' ? 'none' : 999_999]);
    expect({ name, property, found }).toStrictEqual({ name, property, found: expected });
  }
  // The seed has no OCDS releases and few of some links; the rest are compared with rows.
  expect(withRows).toBeGreaterThanOrEqual(BY_COLUMN.length - 6);
});

test('a property the entity does not have is refused by name when the reader is made', () => {
  const contract = entities.find((e) => e.name === 'Contract')!;
  expect(() => rowsByColumn(ds, contract, 'noSuchProperty', 'id')).toThrow(/Contract has no column noSuchProperty/);
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
