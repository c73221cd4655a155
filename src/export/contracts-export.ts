import type { Cell } from './csv-response';
import { joined } from './csv-response';
import type { ExportSpec } from './export-spec';
import { RANGE_COLUMNS, rangeCells } from './ranges';
import { type ContractExportRow, contractExportRows } from '../services/exports/contract-rows';
import { contractList } from '../services/lists/contract-list';
import { listConnection } from '../services/lists/list';
import { OrderDirection } from '../schema/enums';
import { ContractOrderField } from '../schema/orders';
import type { ContractFilter } from '../schema/filters';

/** Contracts in the first part of an export: each part is charged one point per contract before it runs. */
export const EXPORT_FIRST_PAGE = 100;
/** Contracts in each later part: large enough that a part's seven statements cost little per row. */
export const EXPORT_PAGE_SIZE = 1000;

/**
 * Run first, through the API itself, so the export takes its parameters exactly as `contracts` does: the
 * same validation (lengths, list sizes, NUL bytes, cursors), authentication and error masking. It reads one
 * row, so it is not charged; the parts that follow read the list by the same engine.
 */
const CHECK = `query ContractsExportCheck($filter: ContractFilter, $orderBy: ContractOrder) {
  contracts(filter: $filter, orderBy: $orderBy, first: 1) { pageInfo { hasNextPage } }
}`;

const COLUMNS: Array<[string, (r: ContractExportRow) => Cell]> = [
  ['slug', (r) => r.contract.slug],
  ['id', (r) => r.contract.globalId],
  ['title', (r) => r.contract.title],
  ['status', (r) => r.contract.status],
  ['start_date', (r) => r.contract.knownStartDate?.iso],
  ['start_date_wording', (r) => r.contract.knownStartDate?.wording],
  ['buyers', (r) => joined(r.buyers.map((b) => b.name))],
  ['buyer_slugs', (r) => joined(r.buyers.map((b) => b.slug))],
  ['suppliers', (r) => joined(r.suppliers.map((s) => s.name))],
  ['supplier_slugs', (r) => joined(r.suppliers.map((s) => s.slug))],
  ['unions', (r) => joined(r.unions.map((u) => u.name))],
  ['union_slugs', (r) => joined(r.unions.map((u) => u.slug))],
  ['services', (r) => joined(r.services)],
  ['offshore_locations', (r) => joined(r.offshoring.map((o) => o.location))],
  ['offshoring', (r) => joined(r.offshoring.map((o) => `${o.location}: ${o.status}`))],
];

/**
 * `GET /export/contracts.csv?…filter&orderBy=…`: every contract of the selection, its own roll-up as range
 * columns. The list is read by the same keyset pages as `contracts` (same filter, order and cursor), and
 * each page's columns by a few statements of plain rows; the next page is read while this one is written.
 */
export const contractsExport: ExportSpec = {
  fileName: 'contracts.csv',
  params: { own: { orderBy: { type: 'ContractOrderField' }, direction: { type: 'OrderDirection' } }, filterType: 'ContractFilter' },
  async open(run, { own, filter }) {
    const order = {
      field: (own.orderBy as ContractOrderField | undefined) ?? ContractOrderField.TITLE,
      direction: (own.direction as OrderDirection | undefined) ?? OrderDirection.ASC,
    };
    await run.operation(0, CHECK, { filter, orderBy: own.orderBy || own.direction ? order : null });
    const page = (first: number, after: string | null) =>
      run.read(first, async (ds) => {
        const { edges, pageInfo } = await listConnection(ds, contractList, filter as ContractFilter | null, order, { first, after });
        return { rows: await contractExportRows(ds, edges.map((e) => e.node)), next: pageInfo.hasNextPage ? pageInfo.endCursor : null };
      });
    const first = await page(EXPORT_FIRST_PAGE, null);
    async function* rows() {
      let current = first;
      for (;;) {
        const next = current.next == null ? null : page(EXPORT_PAGE_SIZE, current.next);
        // A refusal of the next page waits until this one is written (its rows are the client's already).
        next?.catch(() => undefined);
        for (const row of current.rows) yield [...COLUMNS.map(([, read]) => read(row)), ...rangeCells(row.impact), joined(row.sources)];
        if (!next) return;
        current = await next;
      }
    }
    return { columns: [...COLUMNS.map(([column]) => column), ...RANGE_COLUMNS, 'citations'], cacheControl: run.publicCacheControl, rows: rows() };
  },
};
