/** The representative operations, asked of our API and of the raw-SQL floor alike. */
export interface Operation {
  name: string;
  /** The request to the API. */
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  /** The same question for the floor server (a GET to this path). */
  floorPath: string;
}

const graphql = (query: string) => JSON.stringify({ query });

export const OPERATIONS: Operation[] = [
  {
    name: 'page of 50 contracts, nested',
    method: 'POST',
    path: '/graphql',
    body: graphql(`{ contracts(first: 50) { edges { node { id title status
      buyers { name } suppliers { role supplier { name } } offshoring { status location { name } } unions { role union { name } } } } } }`),
    floorPath: '/contracts-page',
  },
  {
    name: 'impact by SUPPLIER, all contracts',
    method: 'POST',
    path: '/graphql',
    body: graphql('{ impact(groupBy: [SUPPLIER]) { key { supplier { name } } contractCount jobsAffected { low high basedOn } } }'),
    floorPath: '/impact-supplier',
  },
  {
    name: 'impact by YEAR, all contracts',
    method: 'POST',
    path: '/graphql',
    body: graphql('{ impact(groupBy: [YEAR]) { key { year } contractCount jobsAffected { low high basedOn } } }'),
    floorPath: '/impact-year',
  },
  {
    name: 'search "council", 20 hits',
    method: 'POST',
    path: '/graphql',
    body: graphql('{ search(text: "council", first: 20) { field text } }'),
    floorPath: '/search',
  },
  {
    name: 'one contract by slug',
    method: 'POST',
    path: '/graphql',
    body: graphql('{ contract(slug: "contract-42") { title status figures { measure low high } buyers { name } } }'),
    floorPath: '/contract-by-slug',
  },
  {
    name: 'CSV export, one buyer\'s contracts',
    method: 'GET',
    path: '/export/contracts.csv?buyers=body-7',
    floorPath: '/contracts-csv',
  },
];
