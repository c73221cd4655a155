import { type FragmentDefinitionNode, type GraphQLResolveInfo, Kind, type OperationDefinitionNode, parse } from 'graphql';
import { keyEntitiesAsked } from '../src/loaders/key-entities';

// A roll-up loads its keys' objects up front only when the query asks for them: wherever `key` and its
// objects are selected (fragments, aliases), and never when they are not.
function infoFor(query: string): GraphQLResolveInfo {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const impact = operation.selectionSet.selections[0];
  return { fieldNodes: [impact], fragments } as unknown as GraphQLResolveInfo;
}

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
