import { Contract } from '../src/entities';
import { ContractStatus, OrderDirection } from '../src/schema/enums';
import { ContractOrderField } from '../src/schema/orders';
import { contractList } from '../src/services/lists/contract-list';
import { listConnection, listParts } from '../src/services/lists/list';
import { generateContracts } from './support/generate-contracts';
import { startTestServer, type TestServer } from './support/test-server';

// A list cut into parts to be read side by side (contracts.csv): the parts are disjoint and together hold
// every row, in order, even when rows are added or archived between cutting the list and reading a part.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ seed: false });
  await generateContracts(server.dataSource, 25);
});
afterAll(() => server?.stop());

const order = { field: ContractOrderField.TITLE, direction: OrderDirection.DESC };

async function readParts(cursors: string[]) {
  const parts: string[][] = [];
  for (const [k, after] of [null, ...cursors].entries()) {
    const page = await listConnection(server.dataSource, contractList, null, order, { first: 100, after }, cursors[k]);
    parts.push(page.edges.map((e) => e.node.title));
  }
  return parts;
}

test("parts of 10 rows: the cursor of each full part's last row, and the number of rows", async () => {
  const { cursors, rows } = await listParts(server.dataSource, contractList, null, order, 10);
  expect([cursors.length, rows]).toEqual([2, 25]);
  const parts = await readParts(cursors);
  expect(parts.map((p) => p.length)).toEqual([10, 10, 5]);
  const all = (await listConnection(server.dataSource, contractList, null, order, { first: 100 })).edges.map((e) => e.node.title);
  expect(parts.flat()).toEqual(all);
});

test('a row added or archived after the cut lands in exactly one part', async () => {
  const { cursors } = await listParts(server.dataSource, contractList, null, order, 10);
  const repository = server.dataSource.getRepository(Contract);
  // Between "Contract 014" and "Contract 015" in title order, and so inside the second part (titles descend).
  await repository.save(repository.create({ slug: 'contract-014-b', title: 'Contract 014b', status: ContractStatus.PROPOSED }));
  await repository.softDelete({ slug: 'contract-020' });
  const parts = await readParts(cursors);
  expect(parts.map((p) => p.length)).toEqual([9, 11, 5]);
  const titles = parts.flat();
  expect(new Set(titles).size).toBe(titles.length);
  expect(titles).toContain('Contract 014b');
  expect(titles).not.toContain('Contract 020');
});

test('an empty list has no cursors and no rows; fewer rows than a part, one part', async () => {
  const none = await listParts(server.dataSource, contractList, { statuses: [ContractStatus.ABANDONED] }, order, 10);
  expect(none).toEqual({ cursors: [], rows: 0 });
  const few = await listParts(server.dataSource, contractList, null, order, 1000);
  expect([few.cursors, few.rows]).toEqual([[], 25]);
});
