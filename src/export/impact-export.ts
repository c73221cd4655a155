import type { Cell } from './csv-response';
import { sourceNames } from './csv-response';
import type { ExportSpec } from './export-spec';
import { ROLL_UP_COST } from '../limits/cost';
import { GROUP_SELECTION, type Group, RANGE_COLUMNS, RANGE_FRAGMENT, rangeCells } from './ranges';

const QUERY = `query ImpactExport($filter: ContractFilter, $groupBy: [ImpactDimension!]!, $orderBy: ImpactOrder, $first: Int) {
  impact(filter: $filter, groupBy: $groupBy, orderBy: $orderBy, first: $first) {
    key {
      contract { slug title } publicBody { slug name } sector supplier { slug name } supplierCountry
      offshoreLocation { slug name } offshoringStatus union { slug name } service status year
    }
    ${GROUP_SELECTION}
    citations { source { fileName slug } }
  }
}
${RANGE_FRAGMENT}`;

type Named = { slug: string; name?: string; title?: string } | null;
interface ImpactRow extends Group {
  key: Record<string, unknown>;
  citations: Array<{ source: { fileName: string | null; slug: string } }>;
}

const named = (prefix: string, field: string): Array<[string, (key: Record<string, unknown>) => Cell]> => [
  [`${prefix}_slug`, (k) => (k[field] as Named)?.slug],
  [prefix, (k) => (k[field] as Named)?.name ?? (k[field] as Named)?.title],
];
const plain = (column: string, field: string): Array<[string, (key: Record<string, unknown>) => Cell]> => [
  [column, (k) => k[field] as Cell],
];

/** The key columns of each dimension: a slug and a name for records, the value for the rest. */
const KEY_COLUMNS: Record<string, Array<[string, (key: Record<string, unknown>) => Cell]>> = {
  CONTRACT: named('contract', 'contract'),
  PUBLIC_BODY: named('public_body', 'publicBody'),
  SECTOR: plain('sector', 'sector'),
  SUPPLIER: named('supplier', 'supplier'),
  SUPPLIER_COUNTRY: plain('supplier_country', 'supplierCountry'),
  OFFSHORE_LOCATION: named('offshore_location', 'offshoreLocation'),
  OFFSHORING_STATUS: plain('offshoring_status', 'offshoringStatus'),
  UNION: named('union', 'union'),
  SERVICE: plain('service', 'service'),
  STATUS: plain('status', 'status'),
  YEAR: plain('year', 'year'),
};

/**
 * `GET /export/impact.csv?groupBy=SUPPLIER,YEAR[&orderBy=…&direction=…&first=n]&…filter`: one row per group of
 * `impact`, ranges as columns.
 */
export const impactExport: ExportSpec = {
  fileName: 'impact.csv',
  params: {
    own: {
      groupBy: { type: 'ImpactDimension', list: true },
      orderBy: { type: 'ImpactOrderField' },
      direction: { type: 'OrderDirection' },
      first: { type: 'Int' },
    },
    filterType: 'ContractFilter',
  },
  async open(run, { own, filter }) {
    const groupBy = (own.groupBy as string[] | undefined) ?? [];
    const orderBy = own.orderBy || own.direction ? { field: own.orderBy ?? 'KEY', direction: own.direction ?? 'ASC' } : null;
    // Charged a roll-up's fixed price up front; the operation's own cost is still held to MAX_COST.
    const { data, cacheControl } = await run.operation<{ impact: ImpactRow[] }>(ROLL_UP_COST, QUERY, {
      filter,
      groupBy,
      orderBy,
      first: own.first ?? null,
    });
    const keyColumns = groupBy.flatMap((d) => KEY_COLUMNS[d]);
    async function* rows() {
      yield data.impact.map((group) => [
        ...keyColumns.map(([, read]) => read(group.key)),
        group.contractCount,
        ...rangeCells(group),
        sourceNames(group.citations),
      ]);
    }
    return {
      columns: [...keyColumns.map(([column]) => column), 'contract_count', ...RANGE_COLUMNS, 'citations'],
      cacheControl,
      rows: rows(),
    };
  },
};
