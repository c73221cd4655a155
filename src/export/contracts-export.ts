import type { Cell } from './csv-response';
import { joined } from './csv-response';
import type { ExportSpec } from './export-spec';
import { RANGE_COLUMNS, rangeCells } from './ranges';
import { type ContractExportRow, contractExportRows } from '../services/exports/contract-rows';
import { contractList } from '../services/lists/contract-list';
import { listConnection, listParts } from '../services/lists/list';
import { type OrderDirection } from '../schema/enums';
import { ContractOrder, type ContractOrderField } from '../schema/orders';
import type { ContractFilter } from '../schema/filters';
import type { Contract } from '../entities';

// Measured at 100,000 contracts on two cores, /healthz polled beside the export: parts of 1,000 with two
// read ahead took 13.4 s with /healthz p99 at 136 ms (the event loop shaping rows without a pause); parts
// of 500 with one ahead take 13 s on SQLite with p99 under 35 ms.
/** Contracts in each part of an export: large enough that a part's statements cost little per row. */
export const EXPORT_PART_SIZE = 500;
/** Parts read ahead of the one being written, each in a snapshot (a reader, a connection) of its own. */
const PARTS_AHEAD = 1;
/** Rows shaped and written in one turn of the event loop (a part at once held it for 40 ms and more). */
const ROWS_PER_BATCH = 200;

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
 * columns. The list is cut into parts by the same keyset engine and cursors as `contracts` (same filter and
 * order), each part's columns are read by a few statements of plain rows, and the next parts are read side
 * by side while one is written. Each part is charged its rows before it is read.
 */
export const contractsExport: ExportSpec = {
  fileName: 'contracts.csv',
  params: { own: { orderBy: { type: 'ContractOrderField' }, direction: { type: 'OrderDirection' } }, filterType: 'ContractFilter' },
  async open(run, { own, filter }) {
    const order = Object.assign(
      new ContractOrder(),
      own.orderBy ? { field: own.orderBy as ContractOrderField } : {},
      own.direction ? { direction: own.direction as OrderDirection } : {},
    );
    await run.operation(0, CHECK, { filter, orderBy: own.orderBy || own.direction ? order : null });
    const selection = filter as ContractFilter | null;
    const { cursors, rows: total } = await run.read(0, (ds) => listParts(ds, contractList, selection, order, EXPORT_PART_SIZE));
    // Part k: the rows after cursor k-1 through cursor k (the last part: to the end).
    const parts = [null, ...cursors].map((after, k) => ({
      after,
      through: cursors[k],
      rows: Math.min(EXPORT_PART_SIZE, total - k * EXPORT_PART_SIZE),
    }));
    const part = ({ after, through, rows }: (typeof parts)[number]) =>
      run.read(rows, async (ds) => {
        const contracts: Contract[] = [];
        // A part holds more rows than counted if some were added since: it is read to its end all the same.
        for (let cursor = after, more = true; more;) {
          const page = await listConnection(ds, contractList, selection, order, { first: EXPORT_PART_SIZE, after: cursor }, through);
          contracts.push(...page.edges.map((e) => e.node));
          [cursor, more] = [page.pageInfo.endCursor, page.pageInfo.hasNextPage];
        }
        return contractExportRows(ds, contracts);
      });
    const reading = [part(parts[0])];
    await reading[0];
    async function* rows() {
      for (let k = 0; k < parts.length; k += 1) {
        while (reading.length < Math.min(PARTS_AHEAD + 1, parts.length - k)) {
          const ahead = part(parts[k + reading.length]);
          // A refusal of a part ahead waits until the parts before it are written (their rows are the client's).
          ahead.catch(() => undefined);
          reading.push(ahead);
        }
        const rows = await reading.shift()!;
        for (let at = 0; at < rows.length; at += ROWS_PER_BATCH) {
          yield rows.slice(at, at + ROWS_PER_BATCH).map((row) => {
            const cells = COLUMNS.map(([, read]) => read(row));
            rangeCells(row.impact, cells).push(joined(row.sources));
            return cells;
          });
        }
      }
    }
    return {
      columns: [...COLUMNS.map(([column]) => column), ...RANGE_COLUMNS, 'citations'],
      cacheControl: run.publicCacheControl,
      rows: rows(),
    };
  },
};
