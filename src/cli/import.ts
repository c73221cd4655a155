import 'reflect-metadata';
import { SingleBar } from 'cli-progress';
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { targetFromConfig } from '../database/options';
import { loadConfig } from '../config';
import { openDatabase } from '../database/open';
import { importOcds } from '../import/importer';
import { fileInputs, filesFor, stdinInput } from '../import/inputs';
import type { ImportProblem, ImportReport } from '../import/report';

const USAGE = `Usage: npm run import -- <file|directory|-> [--strict] [--json]

  Imports OCDS release packages, record packages, bare releases or JSON Lines of releases: one file, every
  .json/.jsonl/.ndjson file in a directory (recursively), or standard input (-).
  --strict   reject a whole file on any problem in it (default: each release on its own)
  --json     print the report as JSON (no progress bar)
  Exit status: 0 when everything was read and imported, 1 when anything was rejected, 2 for bad usage.`;

const where = (p: ImportProblem) => `${p.file}${p.line ? `:${p.line}` : ''}${p.path ? ` ${p.path}` : ''}`;

function printSummary(report: ImportReport, out: (line: string) => void) {
  const c = report.counts;
  out(
    `Read ${c.files} file(s): ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged, ${c.skipped} skipped, ${c.rejected} rejected.`,
  );
  if (c.failedFiles) out(`${c.failedFiles} file(s) could not be imported to the end (see problems).`);
  if (report.matchCount) out(`${report.matchCount} new party match(es): see and undo them with the partyMatches query and undoPartyMatch.`);
  const list = (title: string, items: ImportProblem[], total: number) => {
    if (!total) return;
    out(`${title} (${total}${total > items.length ? `, first ${items.length} shown` : ''}):`);
    for (const p of items) out(`  ${where(p)}${p.releaseId ? ` [release ${p.releaseId}]` : ''}: ${p.reason}`);
  };
  list('Problems', report.problems, report.problemCount);
  list('Warnings', report.warnings, report.warningCount);
}

/** The CLI, callable from tests; the database comes from DATABASE_URL / DATABASE_PATH as for the server. */
export async function main(argv: string[], stdin: AsyncIterable<Buffer> = process.stdin): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { strict: { type: 'boolean' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { positionals, values } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length !== 1) {
    console.error(USAGE);
    return 2;
  }
  const [target] = positionals;
  if (target !== '-' && !fs.existsSync(target)) {
    console.error(`No such file or directory: ${target}`);
    return 2;
  }
  const files = target === '-' ? [] : filesFor(target);
  const totalBytes = files.reduce((n, f) => n + fs.statSync(f).size, 0);

  // A bar on a terminal only: by bytes read for files, by releases for standard input.
  const bar =
    process.stderr.isTTY && !values.json
      ? new SingleBar({
          format:
            target === '-'
              ? ' {value} releases | {created} created, {rejected} rejected'
              : ' [{bar}] {percentage}% | {releases} releases | {created} created, {rejected} rejected',
          stream: process.stderr,
          hideCursor: true,
          clearOnComplete: true,
        })
      : null;
  let bytes = 0;
  let releases = 0;
  bar?.start(target === '-' ? 0 : totalBytes, 0, { releases: 0, created: 0, rejected: 0 });
  const onBytes = (n: number) => {
    bytes += n;
  };

  const config = loadConfig();
  const ds = await openDatabase(targetFromConfig(config), false, undefined, { lockWaitMs: config.SQLITE_LOCK_WAIT_MS });
  try {
    const report = await importOcds(ds, target === '-' ? [stdinInput(stdin, onBytes)] : fileInputs(files, onBytes), {
      strict: values.strict,
      keyName: 'cli:import',
      onRelease: (r) => {
        releases += 1;
        if (releases % 100 === 0 || bytes === totalBytes)
          bar?.update(target === '-' ? releases : bytes, { releases, created: r.counts.created, rejected: r.counts.rejected });
      },
    });
    bar?.update(target === '-' ? releases : totalBytes, { releases, created: report.counts.created, rejected: report.counts.rejected });
    bar?.stop();
    if (values.json) console.log(JSON.stringify(report, null, 2));
    else printSummary(report, (line) => console.log(line));
    return report.problemCount ? 1 : 0;
  } finally {
    bar?.stop();
    await ds.destroy();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
