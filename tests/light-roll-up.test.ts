import { type GraphQLSchema, parse } from 'graphql';
import { operationCost } from '../src/limits/cost';
import { isLightRollUp } from '../src/limits/light-roll-up';
import { buildAtlasSchema } from '../src/schema/build-schema';

// A roll-up read from rows the database keeps, with few groups and only the fields those rows answer, is
// light work: it skips the heavy-work gate. Everything else that rolls up still waits for a slot.

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildAtlasSchema();
});

/** For each roll-up field an operation selects, whether it is light. */
function lightness(query: string): boolean[] {
  const seen: boolean[] = [];
  operationCost(schema, parse(query), {}, undefined, {
    onRollUp: (declared, args, node) => seen.push('rollUp' in declared && isLightRollUp(node, args)),
  });
  return seen;
}

const COUNTS =
  'contractCount contested jobsAffected { low high basedOn } moneyLost { low } savingsClaimed { perYear { low } total { high } } key { status year }';

test.each([
  ['by one dimension', `{ impact(groupBy: [STATUS]) { ${COUNTS} } }`],
  ['the totals', '{ impactTotals { contractCount jobsAffected { low } } }'],
  [
    'by a kept pair, in either order',
    `{ a: impact(groupBy: [YEAR, UNION]) { ${COUNTS} } b: impact(groupBy: [UNION, YEAR]) { contractCount } }`,
  ],
  ['one sector by service', '{ impact(groupBy: [SERVICE], filter: { sectors: [LOCAL_GOVERNMENT] }) { contractCount } }'],
  ['one union in total', '{ impactTotals(filter: { unions: ["unison"] }) { contractCount } }'],
  [
    'suppliers of one status, top 20 by jobs',
    '{ impact(groupBy: [SUPPLIER], filter: { statuses: [AWARDED] }, first: 20, orderBy: { field: JOBS_AFFECTED, direction: DESC }) { contractCount key { supplier { name } } } }',
  ],
  ['inside an inline fragment', '{ impact(groupBy: [STATUS]) { ... on ImpactGroup { contractCount } } }'],
])('light: %s', (_, query) => {
  expect(lightness(query).every(Boolean)).toBe(true);
});

test.each([
  ['buyers by supplier, even a top 5', '{ impact(groupBy: [PUBLIC_BODY, SUPPLIER], first: 5) { contractCount } }'],
  ['suppliers by year, even a top 5', '{ impact(groupBy: [SUPPLIER, YEAR], first: 5) { contractCount } }'],
  ['suppliers by sector, even a top 5', '{ impact(groupBy: [SECTOR, SUPPLIER], first: 5) { contractCount } }'],
  ['every supplier', '{ impact(groupBy: [SUPPLIER]) { contractCount } }'],
  ['more suppliers than the bound', '{ impact(groupBy: [SUPPLIER], first: 5000) { contractCount } }'],
  ['two filters', '{ impact(groupBy: [YEAR], filter: { statuses: [AWARDED], sectors: [LOCAL_GOVERNMENT] }) { contractCount } }'],
  ['two values', '{ impact(groupBy: [YEAR], filter: { statuses: [AWARDED, FAILED] }) { contractCount } }'],
  ['a buyer', '{ impact(groupBy: [YEAR], filter: { buyers: ["dwp"] }) { contractCount } }'],
  ['offshored jobs', '{ impact(groupBy: [STATUS]) { jobsOffshored { atRisk { low } } } }'],
  ['members represented', '{ impact(groupBy: [STATUS]) { membersRepresented { low } } }'],
  ['price years', '{ impact(groupBy: [STATUS]) { savingsClaimed { priceYears } } }'],
  ['citations', '{ impact(groupBy: [STATUS]) { citations { id } } }'],
  ['ordered by jobs at risk', '{ impact(groupBy: [STATUS], orderBy: { field: JOBS_AT_RISK, direction: DESC }) { contractCount } }'],
  ['a named fragment', '{ impact(groupBy: [STATUS]) { ...counts } } fragment counts on ImpactGroup { contractCount }'],
  ['an entity’s own roll-up', '{ suppliers(first: 1) { edges { node { impact { contractCount } } } } }'],
])('heavy: %s', (_, query) => {
  const seen = lightness(query);
  expect(seen.length).toBeGreaterThan(0);
  expect(seen.some((light) => !light)).toBe(true);
});
