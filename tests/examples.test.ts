import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { startTestServer, type TestServer } from './support/test-server';

// The examples in examples/ and the README's Python snippet, each run against a live server.
const run = promisify(execFile);
const ROOT = path.join(__dirname, '..');
let server: TestServer;
let env: NodeJS.ProcessEnv;
beforeAll(async () => {
  server = await startTestServer();
  env = { ...process.env, ATLAS_URL: server.url.replace(/\/graphql$/, '') };
});
afterAll(() => server?.stop());

/** Whether a program is on the PATH; an example that needs a missing one is skipped with a note. */
async function have(program: string): Promise<boolean> {
  const found = await run(program, ['--version']).then(
    () => true,
    () => false,
  );
  if (!found) console.warn(`Skipping the ${program} example: ${program} is not installed.`);
  return found;
}

test('examples/impact-to-csv.js pulls a roll-up and writes it as CSV', async () => {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-')), 'impact.csv');
  await run(process.execPath, [path.join(ROOT, 'examples/impact-to-csv.js'), '--group-by', 'SUPPLIER', '--out', out], { env });
  const text = fs.readFileSync(out, 'utf8');
  expect(text.split('\r\n')[0]).toBe(
    'group,contract_count,contested,jobs_affected_low,jobs_affected_high,jobs_at_risk_low,jobs_at_risk_high,jobs_denied_low,jobs_denied_high,' +
      'savings_per_year_low,savings_per_year_high,savings_total_low,savings_total_high,money_lost_low,money_lost_high',
  );
  const rows = parse(text, { columns: true }) as Array<Record<string, string>>;
  expect(rows.find((r) => r.group === 'Xansa')).toMatchObject({
    contested: 'true',
    jobs_at_risk_low: '200',
    jobs_at_risk_high: '999',
    savings_total_high: '',
  });
  expect(rows.find((r) => r.group === 'Steria')).toMatchObject({ money_lost_low: '120000000', money_lost_high: '200000000' });
});

test("examples/impact-to-csv.js reports the API's error and exits non-zero", async () => {
  const failed = await run(process.execPath, [path.join(ROOT, 'examples/impact-to-csv.js'), '--group-by', 'COLOUR'], { env }).catch(
    (e) => e,
  );
  expect(failed.code).toBe(1);
  expect(failed.stderr).toMatch(/GRAPHQL_VALIDATION_FAILED|COLOUR/);
});

test('examples/curl.sh: a GET query, a POST query and a CSV export', async () => {
  if (!(await have('curl'))) return;
  const { stdout } = await run('bash', [path.join(ROOT, 'examples/curl.sh')], { env });
  const [get, post, ...csv] = stdout.split('\n');
  expect(JSON.parse(get).data.impactTotals.contractCount).toBe(9);
  expect(JSON.parse(post).data.search[0]).toMatchObject({ text: 'Avarto' });
  expect(csv[0]).toMatch(/^union_slug,union,contract_count,/);
  expect(csv[1]).toMatch(/^pcs,Public and Commercial Services Union,/);
});

test("the README's Python snippet runs on the standard library", async () => {
  if (!(await have('python3'))) return;
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const snippet = /```python\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(snippet).toBeDefined();
  const { stdout } = await run('python3', ['-c', snippet!], { env });
  expect(stdout).toContain('Xansa: 200–999 jobs at risk (figures for 1 of the contracts)');
  expect(stdout).toMatch(/\d+ groups; columns: supplier_slug, supplier, contract_count, jobs_affected_low, jobs_affected_high …/);
});
