import { impactMeasuresAsked } from '../src/resolvers/impact-measures-asked';
import { computeImpact } from '../src/services/impact/impact';
import { ImpactDimension, OrderDirection } from '../src/schema/enums';
import { ImpactOrderField } from '../src/schema/orders';
import { infoForFirstField } from './support/resolve-info';
import { loadSeed } from '../seed/load';
import { openTestDatabase } from './support/test-database';
import { startTestServer, type TestServer } from './support/test-server';

// A roll-up reads only the measures its selection (and its order) asks for; every field still answers
// what it answers when every measure is read, on every path a roll-up takes (kept summaries, kept pairs,
// summed from the contracts).

test.each([
  ['{ impact(groupBy: [SUPPLIER]) { contractCount key { year } } }', []],
  ['{ impact(groupBy: [SUPPLIER]) { contractCount jobsAffected { low } } }', ['jobs']],
  ['{ impact(groupBy: [SUPPLIER]) { c: contested m: moneyLost { high } } }', ['lost', 'contested']],
  ['{ impact(groupBy: [SUPPLIER]) { savingsClaimed { priceYears } } }', []],
  ['{ impact(groupBy: [SUPPLIER]) { savingsClaimed { total { low } } } }', ['save_total']],
  [
    '{ impact(groupBy: [SUPPLIER]) { ...g } } fragment g on ImpactGroup { ... on ImpactGroup { savingsClaimed { ...s } } } fragment s on SavingsClaimed { perYear { low } }',
    ['save_year'],
  ],
  ['{ impactTotals { jobsOffshored { atRisk { low } } membersRepresented { low } } }', []],
])('%s reads %j', (query, expected) => {
  expect(impactMeasuresAsked(infoForFirstField(query))).toEqual(expected);
});

test("an order's measure is read even when not selected, and each once, in one order", () => {
  const info = infoForFirstField('{ impact(groupBy: [YEAR]) { moneyLost { low } jobsAffected { low } } }');
  expect(impactMeasuresAsked(info, 'save_total')).toEqual(['jobs', 'save_total', 'lost']);
  expect(impactMeasuresAsked(info, 'jobs')).toEqual(['jobs', 'lost']);
});

test('a measure the roll-up did not read is undefined, never a zero, and the order of `top` is always read', async () => {
  const { ds, close } = await openTestDatabase();
  try {
    await loadSeed(ds);
    // Kept summaries, kept pairs, and summed from the contracts (one buyer's).
    const shapes = [
      { groupBy: [ImpactDimension.YEAR] },
      { groupBy: [ImpactDimension.SECTOR, ImpactDimension.STATUS] },
      { groupBy: [ImpactDimension.YEAR], filter: { buyers: ['cambridgeshire-county-council'] } },
    ];
    for (const shape of shapes) {
      const groups = await computeImpact(ds, { ...shape, measures: ['jobs'] });
      expect(groups.length).toBeGreaterThan(0);
      expect(groups.some((g) => g.jobsAffected.basedOn > 0)).toBe(true);
      for (const group of groups) {
        expect([group.moneyLost, group.contested, group.savingsClaimed.total, group.savingsClaimed.perYear]).toEqual([
          undefined,
          undefined,
          undefined,
          undefined,
        ]);
      }
      const top = { field: ImpactOrderField.MONEY_LOST, direction: OrderDirection.DESC, first: 2 };
      const [first] = await computeImpact(ds, { ...shape, measures: ['jobs'], top });
      expect(first.moneyLost).toEqual(expect.objectContaining({ basedOn: expect.any(Number) }));
    }
  } finally {
    await close();
  }
});

describe('through the API, on the seed data', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.stop());

  const RANGE = '{ low high basedOn }';
  const FIELDS = [
    'contractCount',
    'contested',
    `jobsAffected ${RANGE}`,
    `moneyLost ${RANGE}`,
    `savingsClaimed { perYear ${RANGE} }`,
    `savingsClaimed { total ${RANGE} }`,
    'savingsClaimed { priceYears }',
    `jobsOffshored { atRisk ${RANGE} }`,
    `membersRepresented ${RANGE}`,
  ];
  // Kept summaries, kept pairs (buyer × supplier among them), a group's contracts through a kept pair (and
  // with the other groups of its own dimension), and summed from the contracts (a search).
  const SHAPES = [
    'groupBy: [SUPPLIER]',
    'groupBy: [SECTOR, STATUS]',
    'groupBy: [STATUS], filter: { sectors: [LOCAL_GOVERNMENT] }',
    'groupBy: [UNION], filter: { unions: ["unison"] }',
    'groupBy: [PUBLIC_BODY, SUPPLIER]',
    'groupBy: [YEAR], filter: { search: "call" }',
  ];
  const key = 'key { publicBody { slug } supplier { slug } union { slug } sector status year }';

  test.each(SHAPES)('%s: each field asked alone answers as when every field is asked', async (shape) => {
    const { impact: all } = await server.data(`{ impact(${shape}) { ${key} ${FIELDS.join(' ')} } }`);
    expect(all.length).toBeGreaterThan(0);
    for (const field of FIELDS) {
      const { impact: alone } = await server.data(`{ impact(${shape}) { ${key} ${field} } }`);
      const name = field.split(' ')[0];
      expect(alone.map((g: Record<string, unknown>) => [g.key, g[name]])).toEqual(
        all.map((g: Record<string, any>) => [
          g.key,
          name === 'savingsClaimed' ? Object.fromEntries(Object.keys(alone[0][name]).map((k) => [k, g[name][k]])) : g[name],
        ]),
      );
    }
  });

  test.each(['JOBS_AFFECTED', 'MONEY_LOST', 'SAVINGS_TOTAL', 'SAVINGS_PER_YEAR'])(
    'ordered by %s without selecting it: the same groups as when it is selected',
    async (field) => {
      // With `first` the database orders; without, the groups are sorted once read.
      for (const shape of SHAPES) {
        for (const first of [', first: 3', '']) {
          const order = `orderBy: { field: ${field}, direction: DESC }${first}`;
          const { impact: bare } = await server.data(`{ impact(${shape}, ${order}) { ${key} } }`);
          const { impact: full } = await server.data(`{ impact(${shape}, ${order}) { ${key} ${FIELDS.join(' ')} } }`);
          expect(bare).toEqual(full.map((g: { key: unknown }) => ({ key: g.key })));
        }
      }
    },
  );

  test('impactTotals asked for one measure answers it as with all', async () => {
    const { impactTotals: all } = await server.data(`{ impactTotals { ${FIELDS.join(' ')} } }`);
    const { impactTotals: alone } = await server.data(`{ impactTotals { moneyLost ${RANGE} } }`);
    expect(alone.moneyLost).toEqual(all.moneyLost);
    expect(all.moneyLost.basedOn).toBeGreaterThan(0);
  });
});
