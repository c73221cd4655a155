import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/database/open';
import { importOcds } from '../src/import/importer';
import { fileInputs } from '../src/import/inputs';
import { writePackage } from './ocds-generator';
import { recordSection } from './record';

// `npm run bench:import -- [--releases 100000] [--database-url postgres://…] [--dry-run]`: generates one release package
// and imports it into a fresh database, sampling memory as it goes. Memory must stay flat: the reader holds
// one release, the report lists at most 1,000 of anything, the name index holds names only.

const { values } = parseArgs({
  options: {
    releases: { type: 'string', default: '100000' },
    'database-url': { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
  },
});
const count = Number(values.releases);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-bench-import-'));
  const file = path.join(dir, 'package.json');
  const size = await writePackage(file, count);
  const target = values['database-url'] ? { url: values['database-url'] } : { sqlitePath: path.join(dir, 'atlas.sqlite') };
  const ds = await openDatabase(target);

  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const checkpoints: Array<[number, number, number]> = [];
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const started = process.hrtime.bigint();
  let seen = 0;
  const report = await importOcds(ds, fileInputs([file]), {
    keyName: 'bench',
    onRelease: () => {
      seen += 1;
      if (seen % Math.max(1, Math.floor(count / 10)) === 0)
        checkpoints.push([seen, process.memoryUsage().rss, process.memoryUsage().heapUsed]);
    },
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  await ds.destroy();
  fs.rmSync(dir, { recursive: true, force: true });

  const database = 'url' in target ? 'PostgreSQL' : 'SQLite';
  const lines = [
    `| releases | file | database | time | releases/s | RSS before | peak RSS | created | rejected |`,
    `|---:|---:|---|---:|---:|---:|---:|---:|---:|`,
    `| ${count.toLocaleString('en-GB')} | ${mb(size)} | ${database} | ${seconds.toFixed(1)} s | ${(count / seconds).toFixed(0)} | ${mb(baseline)} | ${mb(peak)} | ${report.counts.created} | ${report.counts.rejected} |`,
    '',
    `As the import went on (releases: RSS / JS heap in use, MB): ${checkpoints.map(([n, rss, heap]) => `${n.toLocaleString('en-GB')}: ${(rss / 1024 / 1024).toFixed(0)} / ${(heap / 1024 / 1024).toFixed(0)}`).join(', ')}.`,
  ];
  console.log(lines.join('\n'));
  if (!values['dry-run']) recordSection(`OCDS import memory (${database}, ${count.toLocaleString('en-GB')} releases)`, lines.join('\n'));
  if (report.counts.created !== count) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
