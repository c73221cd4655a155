import fc from 'fast-check';
import type { DataSource } from 'typeorm';
import type { ContractFilter } from '../src/schema/filters';
import { ContractStatus, ImpactDimension, Measure, OrderDirection, Period, Sector } from '../src/schema/enums';
import { computeImpact, type ImpactResult } from '../src/services/impact/impact';
import type { RangeRow } from '../src/services/impact/range-sql';
import { topGroups, topInTotals } from '../src/services/impact/order';
import { ImpactOrderField } from '../src/schema/orders';
import { expectedTotals, type InsertedIds, insertAtlas, randomAtlas, type RandomAtlas } from './support/random-atlas';
import { openTestDatabase } from './support/test-database';

// Invariants of the roll-ups on generated data (fixed seed, so a failure reproduces).
const RUNS = { seed: 20261123, numRuns: 30 };

let ds: DataSource;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ ds, close } = await openTestDatabase());
});
afterAll(() => close?.());

const ALL = Object.values(ImpactDimension);

/** Every range of a group, by name. */
const rangesOf = async (g: ImpactResult): Promise<Record<string, RangeRow>> => ({
  jobsAffected: g.jobsAffected,
  moneyLost: g.moneyLost,
  savingsPerYear: g.savingsClaimed.perYear,
  savingsTotal: g.savingsClaimed.total,
  membersRepresented: await g.membersRepresented(),
  ...Object.fromEntries(Object.entries(await g.jobsOffshored()).map(([status, range]) => [`jobsOffshored.${status}`, range])),
});

const sumOf = (ranges: RangeRow[]): RangeRow => ({
  low: ranges.reduce((n, r) => n + r.low, 0),
  high: ranges.some((r) => r.high == null) ? null : ranges.reduce((n, r) => n + (r.high as number), 0),
  basedOn: ranges.reduce((n, r) => n + r.basedOn, 0),
});

test('totals match a JavaScript oracle worked out from the generated data', async () => {
  await fc.assert(
    fc.asyncProperty(randomAtlas, async (atlas) => {
      await insertAtlas(ds, atlas);
      const [totals] = await computeImpact(ds, { groupBy: [] });
      const expected = expectedTotals(atlas);
      expect(totals.contractCount).toBe(expected.contractCount);
      expect(totals.jobsAffected).toEqual(expected.jobsAffected);
      expect(totals.moneyLost).toEqual(expected.moneyLost);
      expect(totals.savingsClaimed.perYear).toEqual(expected.savingsPerYear);
      expect(totals.savingsClaimed.total).toEqual(expected.savingsTotal);
    }),
    RUNS,
  );
});

test('for a single-valued dimension, the groups add up to the totals', async () => {
  await fc.assert(
    fc.asyncProperty(
      randomAtlas,
      fc.constantFrom(ImpactDimension.STATUS, ImpactDimension.YEAR, ImpactDimension.CONTRACT),
      async (atlas, dimension) => {
        await insertAtlas(ds, atlas);
        const [totals] = await computeImpact(ds, { groupBy: [] });
        const groups = await computeImpact(ds, { groupBy: [dimension] });
        expect(groups.reduce((n, g) => n + g.contractCount, 0)).toBe(totals.contractCount);
        const expected = await rangesOf(totals);
        const grouped = await Promise.all(groups.map(rangesOf));
        for (const name of Object.keys(expected)) {
          if (name === 'membersRepresented') continue; // counted per union–body pair, which groups may share
          expect([name, sumOf(grouped.map((g) => g[name]))]).toEqual([name, expected[name]]);
        }
      },
    ),
    RUNS,
  );
});

test('low ≤ high in every range of every grouping', async () => {
  await fc.assert(
    fc.asyncProperty(randomAtlas, fc.subarray(ALL, { minLength: 0, maxLength: 2 }), async (atlas, groupBy) => {
      await insertAtlas(ds, atlas);
      for (const group of await computeImpact(ds, { groupBy })) {
        for (const [name, range] of Object.entries(await rangesOf(group))) {
          expect([name, range.low >= 0]).toEqual([name, true]);
          if (range.high != null) expect([name, range.low <= range.high]).toEqual([name, true]);
        }
      }
    }),
    RUNS,
  );
});

/** The filter that selects the contracts of one group of a dimension, where the filter has an equivalent. */
function filterFor(dimension: ImpactDimension, group: ImpactResult, ids: InsertedIds): ContractFilter | null {
  const key = group.key as unknown as Record<string, unknown>;
  const slug = (prefix: string, list: number[], id: unknown) => `${prefix}-${list.indexOf(id as number)}`;
  switch (dimension) {
    case ImpactDimension.PUBLIC_BODY:
      return key.publicBodyId == null ? null : { buyers: [slug('body', ids.bodies, key.publicBodyId)] };
    case ImpactDimension.SUPPLIER:
      return key.supplierId == null ? null : { suppliers: [slug('supplier', ids.suppliers, key.supplierId)] };
    case ImpactDimension.UNION:
      return key.unionId == null ? null : { unions: [slug('union', ids.unions, key.unionId)] };
    case ImpactDimension.OFFSHORE_LOCATION:
      return key.offshoreLocationId == null ? null : { offshoreLocations: [slug('location', ids.locations, key.offshoreLocationId)] };
    case ImpactDimension.OFFSHORING_STATUS:
      return key.offshoringStatus == null ? null : ({ offshoringStatuses: [key.offshoringStatus] } as ContractFilter);
    case ImpactDimension.SECTOR:
      return key.sector == null ? null : ({ sectors: [key.sector] } as ContractFilter);
    case ImpactDimension.SERVICE:
      return key.service == null ? null : ({ services: [key.service] } as ContractFilter);
    case ImpactDimension.STATUS:
      return { statuses: [key.status] } as ContractFilter;
    default:
      return null;
  }
}

test('filtering then totalling equals grouping then taking the group', async () => {
  const dimensions = ALL.filter(
    (d) => d !== ImpactDimension.YEAR && d !== ImpactDimension.SUPPLIER_COUNTRY && d !== ImpactDimension.CONTRACT,
  );
  await fc.assert(
    fc.asyncProperty(randomAtlas, fc.constantFrom(...dimensions), async (atlas, dimension) => {
      const ids = await insertAtlas(ds, atlas);
      for (const group of await computeImpact(ds, { groupBy: [dimension] })) {
        const filter = filterFor(dimension, group, ids);
        if (!filter) continue;
        const [filtered] = await computeImpact(ds, { filter, groupBy: [] });
        expect(filtered.contractCount).toBe(group.contractCount);
        expect(filtered.contested).toBe(group.contested);
        // Contract-level measures commute; offshored jobs and members are narrowed to the group's own
        // location, status, union or body when grouped by those, by design.
        const [fromFilter, fromGroup] = [await rangesOf(filtered), await rangesOf(group)];
        for (const name of ['jobsAffected', 'moneyLost', 'savingsPerYear', 'savingsTotal']) {
          expect([name, fromFilter[name]]).toEqual([name, fromGroup[name]]);
        }
      }
    }),
    RUNS,
  );
});

test('restricting an entity roll-up to no entities answers no groups', async () => {
  expect(await computeImpact(ds, { groupBy: [ImpactDimension.SUPPLIER], restrictTo: [] })).toEqual([]);
});

test('the first n groups picked by the database are those the JavaScript sort picks, in the same order', async () => {
  const fields = Object.values(ImpactOrderField).filter((field) => topInTotals(field, [ImpactDimension.STATUS]));
  // Every contract, or one status's or sector's: one group's contracts are read from its kept pairs (or,
  // by its own dimension, from its summary and its pairs with the groups it shares contracts with).
  const filters: Array<ContractFilter | undefined> = [
    undefined,
    ...Object.values(ContractStatus).map((status) => ({ statuses: [status] })),
    ...Object.values(Sector).map((sector) => ({ sectors: [sector] })),
  ];
  await fc.assert(
    fc.asyncProperty(
      randomAtlas,
      fc.subarray(ALL, { minLength: 1, maxLength: 2 }),
      fc.constantFrom(...filters),
      fc.constantFrom(...fields),
      fc.constantFrom(OrderDirection.ASC, OrderDirection.DESC),
      fc.integer({ min: 1, max: 6 }),
      async (atlas, groupBy, filter, field, direction, first) => {
        await insertAtlas(ds, atlas);
        const everyGroup = await topGroups(await computeImpact(ds, { filter, groupBy }), field, direction, first);
        const picked = await topGroups(
          await computeImpact(ds, { filter, groupBy, top: { field, direction, first } }),
          field,
          direction,
          first,
        );
        expect(picked.map((g) => g.key)).toEqual(everyGroup.map((g) => g.key));
        expect(picked.map((g) => [g.contractCount, g.jobsAffected, g.savingsClaimed.total])).toEqual(
          everyGroup.map((g) => [g.contractCount, g.jobsAffected, g.savingsClaimed.total]),
        );
      },
    ),
    RUNS,
  );
});

test('an open-ended range sorts above a closed one with the same lower bound, when the database picks the first', async () => {
  const withJobs = (status: ContractStatus, width: number | null) => ({
    status,
    year: null,
    buyers: [],
    suppliers: [],
    unions: [],
    services: [],
    offshoring: [],
    figures: [{ measure: Measure.JOBS_AFFECTED, period: Period.TOTAL, bound: { low: 10, width } }],
  });
  await insertAtlas(ds, {
    sectors: [],
    countries: [],
    staff: [],
    shares: [],
    contracts: [withJobs(ContractStatus.AWARDED, 5), withJobs(ContractStatus.PROPOSED, null)],
  } as unknown as RandomAtlas);
  for (const [direction, expected] of [
    [OrderDirection.ASC, ContractStatus.AWARDED],
    [OrderDirection.DESC, ContractStatus.PROPOSED],
  ] as const) {
    const top = { field: ImpactOrderField.JOBS_AFFECTED, direction, first: 1 };
    const [group] = await computeImpact(ds, { groupBy: [ImpactDimension.STATUS], top });
    expect(group.key.status).toBe(expected);
  }
});
