import type { DataSource } from 'typeorm';
import { loadSeed } from '../seed/load';
import { loadSeedData, loadSourceTexts, validateSeed } from '../seed/validate';
import { Source } from '../src/entities';
import { Unit } from '../src/schema/enums';
import { openTestDatabase } from './support/test-database';

// The seed is held to the mutations' own cross-field rules (their specs' checks), not only to its validator.
let ds: DataSource;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ ds, close } = await openTestDatabase());
});
afterAll(() => close?.());

test('a seeded row that breaks a write rule the validator does not know stops the seed, naming it, and nothing is kept', async () => {
  const data = loadSeedData();
  const jobs = data.contracts.flatMap((c) => c.quantities ?? []).find((q) => q.unit === Unit.JOBS)!;
  jobs.priceYear = 2019;
  expect(validateSeed(data, loadSourceTexts())).toEqual([]);
  await expect(loadSeed(ds, data)).rejects.toThrow(
    /^The seed data breaks a write rule: Quantity #\d+: priceYear: applies to money \(GBP\) only\.$/,
  );
  expect(await ds.getRepository(Source).count()).toBe(0);
});
