import { keyEntitiesAsked, loadKeyEntities } from '../src/loaders/key-entities';
import type { Loaders } from '../src/loaders';
import type { ImpactResult } from '../src/services/impact/impact';
import { infoForFirstField as infoFor } from './support/resolve-info';

// A roll-up loads its keys' objects up front only when the query asks for them: wherever `key` and its
// objects are selected (fragments, aliases), and never when they are not.
test.each([
  ['{ impact(groupBy: [SUPPLIER]) { contractCount } }', []],
  ['{ impact(groupBy: [SUPPLIER]) { key { supplierCountry year } } }', []],
  ['{ impact(groupBy: [SUPPLIER]) { key { supplier { name } } } }', ['supplier']],
  ['{ impact(groupBy: [SUPPLIER]) { k: key { s: supplier { name } union { slug } } } }', ['supplier', 'union']],
  ['{ impact(groupBy: [PUBLIC_BODY]) { ... on ImpactGroup { key { ... on ImpactKey { publicBody { name } } } } } }', ['publicBody']],
  [
    '{ impact(groupBy: [CONTRACT]) { ...g } } fragment g on ImpactGroup { key { ...k } } fragment k on ImpactKey { contract { title } offshoreLocation { name } }',
    ['contract', 'offshoreLocation'],
  ],
])('%s loads %j', (query, expected) => {
  expect(keyEntitiesAsked(infoFor(query))).toEqual(expected);
});

test("a roll-up's key objects are loaded once each, for every group, before any key asks", async () => {
  const asked: Record<string, number[][]> = {};
  const loader = (field: string) => ({
    loadMany: async (ids: number[]) => (asked[field] ??= []).push(ids),
  });
  const loaders = { supplier: loader('supplier'), union: loader('union'), publicBody: loader('publicBody') } as unknown as Loaders;
  const groups = [
    { supplierId: 3, unionId: 1 },
    { supplierId: 3, unionId: null },
    { supplierId: 5, unionId: 2 },
  ].map((key) => ({
    key,
  })) as unknown as ImpactResult[];
  await loadKeyEntities(groups, infoFor('{ impact(groupBy: [SUPPLIER, UNION]) { key { supplier { name } union { slug } } } }'), loaders);
  expect(asked).toEqual({ supplier: [[3, 5]], union: [[1, 2]] });
});
