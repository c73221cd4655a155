import type { DataSource } from 'typeorm';
import { loadSeed } from '../seed/load';
import type { SeedData } from '../seed/types';
import { loadSeedData, loadSourceTexts, validateSeed } from '../seed/validate';
import { Contract, PublicBody, Source } from '../src/entities';
import { Unit } from '../src/schema/enums';
import { minimalSeed, minimalTexts } from './support/minimal-seed';
import { openTestDatabase } from './support/test-database';

// The seed writes each record as the mutations do (their input classes, validators and specs), so what an
// editor is refused, the seed is refused too, naming the record and the field; and the database stays as it was.
let ds: DataSource;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ ds, close } = await openTestDatabase());
});
afterAll(() => close?.());

/** What the minimal seed leaves: a refused rebuild must leave exactly this. */
const asMinimalSeedLeftIt = async () => {
  expect((await ds.getRepository(Source).find()).map((s) => s.slug)).toEqual(['a']);
  expect((await ds.getRepository(Contract).find()).map((c) => c.slug)).toEqual(['deal']);
};

const loading = (mutate: (d: SeedData) => void) => {
  const data = minimalSeed();
  mutate(data);
  expect(validateSeed(data, minimalTexts)).toEqual([]);
  return loadSeed(ds, data, minimalTexts);
};

test('the minimal seed loads, and a seeded record has never been edited (version 1, its parent set as it is created)', async () => {
  await loadSeed(ds, minimalSeed(), minimalTexts);
  const data = minimalSeed();
  data.publicBodies.unshift({ ...data.publicBodies[0], slug: 'cabinet-office', name: 'Cabinet', parent: 'council' });
  data.publicBodies[0].citations = [{ source: 'a.txt', quote: 'The council' }];
  await loadSeed(ds, data, minimalTexts);
  const child = await ds.getRepository(PublicBody).findOneByOrFail({ slug: 'cabinet-office' });
  const parent = await ds.getRepository(PublicBody).findOneByOrFail({ slug: 'council' });
  expect(child).toMatchObject({ parentId: parent.id, version: 1 });
  await loadSeed(ds, minimalSeed(), minimalTexts);
  await asMinimalSeedLeftIt();
});

test.each<[string, (d: SeedData) => void, RegExp]>([
  [
    'an unknown enum value (the input class)',
    (d) => Object.assign(d.contracts[0], { status: 'MAYBE' }),
    /^The seed data breaks a write rule: contracts\[deal\]: status: status must be one of the following values: PROPOSED/,
  ],
  [
    'a negative figure (the input class)',
    (d) => Object.assign(d.contracts[0].quantities![0], { basis: 'EXACT', low: -1, high: 5 }),
    /^The seed data breaks a write rule: contracts\[deal\]\.quantities\[0\]: low: low must not be less than 0$/,
  ],
  [
    'low above high (the spec)',
    (d) => Object.assign(d.contracts[0].quantities![0], { basis: 'RANGE', low: 200, high: 100 }),
    /: contracts\[deal\]\.quantities\[0\]: high: must be at least low \(200\)\.$/,
  ],
  ['AT_LEAST with a high', (d) => (d.contracts[0].quantities![0].high = 2000000), /quantities\[0\]: high: must be null for AT_LEAST/],
  ['a RANGE with no high', (d) => (d.contracts[0].quantities![0].basis = 'RANGE'), /quantities\[0\]: high: is needed for RANGE/],
  ['EXACT with low ≠ high', (d) => (d.contracts[0].quantities![0].basis = 'EXACT'), /quantities\[0\]: high: must equal low for EXACT/],
  [
    'a share of staff in money',
    (d) =>
      d.unions.push({
        slug: 'pcs',
        name: 'PCS',
        aliases: [],
        citations: [{ source: 'a.txt', quote: 'The council' }],
        quantities: [{ ...d.contracts[0].quantities![0], measure: 'MEMBERS_SHARE_OF_STAFF', publicBody: 'council' }],
      }),
    /: unions\[pcs\]\.quantities\[0\]: unit: must be PERCENT for MEMBERS_SHARE_OF_STAFF\.$/,
  ],
  ['a slug that is not kebab-case', (d) => (d.sources[0].slug = 'A_source'), /: sources\[A_source\]: slug: use lower-case letters/],
  [
    'a country code in small letters',
    (d) => (d.suppliers[0].homeCountry = 'fr'),
    /: suppliers\[xansa\]: homeCountry: homeCountry must be in capitals/,
  ],
  ['a day without its month', (d) => (d.events[0].date = { day: 13, wording: '13th' }), /: events\[ev\]: date\.day: needs a month/],
  [
    'a month past 12',
    (d) => (d.sources[0].date = { month: 13, wording: 'Smarch' }),
    /: sources\[a\]: date\.month: month must not be greater than 12$/,
  ],
  ['a claim nobody makes', (d) => (d.claims[0].claimant = {}), /: claims\[claim\]: person: say who makes the claim/],
  ['a blank proposition', (d) => (d.claims[0].proposition = ' '), /: claims\[claim\]: proposition: must not be only whitespace\.$/],
  [
    'a claim backing another contract’s offshoring entry',
    (d) => {
      d.contracts.push({ ...d.contracts[0], slug: 'other', offshoring: [], quantities: [] });
      d.claims[0].contract = 'other';
    },
    /: claims\[claim\]: offshoring: belongs to another contract\.$/,
  ],
])('the seed is refused %s, naming the record and field, and the database stays as it was', async (_, mutate, message) => {
  await expect(loading(mutate)).rejects.toThrow(message);
  await asMinimalSeedLeftIt();
});

test('the real seed is held to the same rules: a price year on a count of jobs stops it', async () => {
  const data = loadSeedData();
  const jobs = data.contracts.flatMap((c) => c.quantities ?? []).find((q) => q.unit === Unit.JOBS)!;
  jobs.priceYear = 2019;
  expect(validateSeed(data, loadSourceTexts())).toEqual([]);
  await expect(loadSeed(ds, data)).rejects.toThrow(
    /^The seed data breaks a write rule: contracts\[[a-z0-9-]+\]\.quantities\[\d+\]: priceYear: applies to money \(GBP\) only\.$/,
  );
  await asMinimalSeedLeftIt();
});
