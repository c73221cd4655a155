/** The representative operations, asked of our API and of the raw-SQL floor alike. */
export interface Operation {
  name: string;
  /** The request to the API. */
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  /** The same question for the floor server (a GET to this path). */
  floorPath: string;
  /** The same question for PostGraphile (a POST to /graphql), where it can ask it; see why not where absent. */
  peerBody?: string;
  /** Why PostGraphile cannot ask it, or what it leaves out. */
  peerNote?: string;
}

const graphql = (query: string) => JSON.stringify({ query });

export const OPERATIONS: Operation[] = [
  {
    name: 'page of 50 contracts, nested',
    method: 'POST',
    path: '/graphql',
    body: graphql(`
      {
        contracts(first: 50) {
          edges {
            node {
              id
              title
              status
              buyers {
                name
              }
              suppliers {
                role
                supplier {
                  name
                }
              }
              offshoring {
                status
                location {
                  name
                }
              }
              unions {
                role
                union {
                  name
                }
              }
            }
          }
        }
      }
    `),
    floorPath: '/contracts-page',
    // In primary-key order, its default: ordering by title would sort the table, as no index has that order.
    peerBody: graphql(`
      {
        allContracts(first: 50) {
          nodes {
            id
            title
            status
            contractBuyersByContractId {
              nodes {
                publicBodyByPublicBodyId {
                  name
                }
              }
            }
            contractSuppliersByContractId {
              nodes {
                role
                supplierBySupplierId {
                  name
                }
              }
            }
            offshoringsByContractId {
              nodes {
                status
                offshoreLocationByLocationId {
                  name
                }
              }
            }
            contractUnionsByContractId {
              nodes {
                role
                tradeUnionByUnionId {
                  name
                }
              }
            }
          }
        }
      }
    `),
  },
  {
    name: 'impact by SUPPLIER, all contracts',
    method: 'POST',
    path: '/graphql',
    body: graphql('{ impact(groupBy: [SUPPLIER]) { key { supplier { name } } contractCount jobsAffected { low high basedOn } } }'),
    floorPath: '/impact-supplier',
    peerBody: graphql('{ allContractSuppliers { groupedAggregates(groupBy: SUPPLIER_ID) { keys distinctCount { contractId } } } }'),
    peerNote: 'contracts per supplier id only: a sum of a figure reached through a join is beyond pg-aggregates',
  },
  {
    name: 'impact by YEAR, all contracts',
    method: 'POST',
    path: '/graphql',
    body: graphql('{ impact(groupBy: [YEAR]) { key { year } contractCount jobsAffected { low high basedOn } } }'),
    floorPath: '/impact-year',
    peerBody: graphql('{ allContracts { groupedAggregates(groupBy: START_DATE_YEAR) { keys distinctCount { rowId } } } }'),
    peerNote: 'contracts per start year only (no event-date fallback, no figures)',
  },
  {
    name: 'search "council", 20 hits',
    method: 'POST',
    path: '/graphql',
    body: graphql('{ search(text: "council", first: 20) { field text } }'),
    floorPath: '/search',
    peerNote: 'not measured: PostGraphile filters by equality only without a filter plugin',
  },
  {
    name: 'one contract by slug',
    method: 'POST',
    path: '/graphql',
    body: graphql('{ contract(slug: "contract-42") { title status figures { measure low high } buyers { name } } }'),
    floorPath: '/contract-by-slug',
    peerBody: graphql(`
      {
        allContracts(condition: { slug: "contract-42" }) {
          nodes {
            title
            status
            quantitiesByContractId {
              nodes {
                measure
                low
                high
              }
            }
            contractBuyersByContractId {
              nodes {
                publicBodyByPublicBodyId {
                  name
                }
              }
            }
          }
        }
      }
    `),
  },
  {
    name: "CSV export, one buyer's contracts",
    method: 'GET',
    path: '/export/contracts.csv?buyers=body-7',
    floorPath: '/contracts-csv',
    peerNote: 'not measured: PostGraphile has no CSV',
  },
];
