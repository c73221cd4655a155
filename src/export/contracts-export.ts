import type { Cell } from './csv-response';
import { joined, sourceNames } from './csv-response';
import type { ExportSpec } from './export-spec';
import { GROUP_SELECTION, type Group, RANGE_COLUMNS, RANGE_FRAGMENT, rangeCells } from './ranges';

/** Contracts fetched per operation: each page is charged one point per contract before it runs. */
export const EXPORT_PAGE_SIZE = 100;

const QUERY = `query ContractsExport($filter: ContractFilter, $orderBy: ContractOrder, $first: Int!, $after: String) {
  contracts(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node {
      id slug title status services
      startDate { iso wording }
      buyers { slug name }
      suppliers { role supplier { slug name } }
      unions { role union { slug name } }
      offshoring { status location { slug name } }
      impact { ${GROUP_SELECTION} }
      citations { source { fileName slug } }
    } }
  }
}
${RANGE_FRAGMENT}`;

type Ref = { slug: string; name: string };
interface ContractNode {
  id: string;
  slug: string;
  title: string;
  status: string;
  services: string[];
  startDate: { iso: string | null; wording: string | null } | null;
  buyers: Ref[];
  suppliers: Array<{ role: string; supplier: Ref }>;
  unions: Array<{ role: string; union: Ref }>;
  offshoring: Array<{ status: string; location: Ref }>;
  impact: Group;
  citations: Array<{ source: { fileName: string | null; slug: string } }>;
}
interface Page {
  contracts: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: ContractNode }> };
}

const COLUMNS: Array<[string, (c: ContractNode) => Cell]> = [
  ['slug', (c) => c.slug],
  ['id', (c) => c.id],
  ['title', (c) => c.title],
  ['status', (c) => c.status],
  ['start_date', (c) => c.startDate?.iso],
  ['start_date_wording', (c) => c.startDate?.wording],
  ['buyers', (c) => joined(c.buyers.map((b) => b.name))],
  ['buyer_slugs', (c) => joined(c.buyers.map((b) => b.slug))],
  ['suppliers', (c) => joined(c.suppliers.map((s) => s.supplier.name))],
  ['supplier_slugs', (c) => joined(c.suppliers.map((s) => s.supplier.slug))],
  ['unions', (c) => joined(c.unions.map((u) => u.union.name))],
  ['union_slugs', (c) => joined(c.unions.map((u) => u.union.slug))],
  ['services', (c) => joined(c.services)],
  ['offshore_locations', (c) => joined(c.offshoring.map((o) => o.location.name))],
  ['offshoring', (c) => joined(c.offshoring.map((o) => `${o.location.name}: ${o.status}`))],
];

/** `GET /export/contracts.csv?…filter&orderBy=…`: every contract of the selection, its own roll-up as range columns. */
export const contractsExport: ExportSpec = {
  fileName: 'contracts.csv',
  params: { own: { orderBy: { type: 'ContractOrderField' }, direction: { type: 'OrderDirection' } }, filterType: 'ContractFilter' },
  async open(run, { own, filter }) {
    const orderBy = own.orderBy || own.direction ? { field: own.orderBy ?? 'TITLE', direction: own.direction ?? 'ASC' } : null;
    const page = (after: string | null) => run.operation<Page>(EXPORT_PAGE_SIZE, QUERY, { filter, orderBy, first: EXPORT_PAGE_SIZE, after });
    const first = await page(null);
    async function* rows() {
      let current = first.data.contracts;
      for (;;) {
        for (const { node } of current.edges) {
          yield [...COLUMNS.map(([, read]) => read(node)), ...rangeCells(node.impact), sourceNames(node.citations)];
        }
        if (!current.pageInfo.hasNextPage) return;
        current = (await page(current.pageInfo.endCursor)).data.contracts;
      }
    }
    return { columns: [...COLUMNS.map(([column]) => column), ...RANGE_COLUMNS, 'citations'], cacheControl: first.cacheControl, rows: rows() };
  },
};
