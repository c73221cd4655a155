import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { DataSource, EntityManager } from 'typeorm';
import { TextRuleError } from '../services/text-rules';
import { applyRelease } from './apply-release';
import { mapRelease } from './map-release';
import { NameIndex } from './name-index';
import { type Location, type OcdsItem, OcdsSyntaxError, type PackageMeta, readOcds } from './read';
import { ImportReport } from './report';
import { schemaProblems } from './ocds-schema';
import { importSource } from './sources';

export interface ImportInput {
  file: string;
  chunks: AsyncIterable<Buffer> | Iterable<Buffer>;
}

export interface ImportOptions {
  /** Reject a whole file on any problem in it. */
  strict?: boolean;
  /** Who is importing, for the audit log. */
  keyName: string;
  /** Called after each release, with the report so far. */
  onRelease?: (report: ImportReport) => void;
}

/** A record's releases when they are embedded (linked ones carry only a url, date and tag), else its compiled release. */
function releasesOf(item: OcdsItem): Array<{ value: Record<string, unknown>; at: Location }> {
  if (item.kind === 'release') return [{ value: item.value, at: item.at }];
  const embedded = Array.isArray(item.value.releases) ? (item.value.releases as Array<Record<string, unknown>>) : [];
  if (embedded.length && embedded.every((r) => r && typeof r === 'object' && 'id' in r && !('url' in r))) {
    return embedded.map((value, i) => ({ value, at: { ...item.at, path: `${item.at.path}.releases[${i}]` } }));
  }
  const compiled = item.value.compiledRelease as Record<string, unknown> | undefined;
  return compiled ? [{ value: compiled, at: { ...item.at, path: `${item.at.path}.compiledRelease` } }] : [];
}

const idsOf = (value: Record<string, unknown>) => ({
  ocid: typeof value.ocid === 'string' ? value.ocid : null,
  releaseId: value.id != null ? String(value.id) : null,
});

/** "/awards/0/value" → ".awards[0].value", to follow a JSON path. */
const pathOf = (pointer: string) => (pointer === '/' ? '' : pointer.replace(/\/(\d+)(?=\/|$)/g, '[$1]').replace(/\//g, '.'));

/**
 * Imports OCDS files one after another. Each release is its own transaction (all of it or none), so a bad
 * release or a corrupt file leaves the rest imported; with `strict`, each file is one transaction and any
 * problem in it rejects the whole file.
 */
export async function importOcds(
  ds: DataSource,
  inputs: AsyncIterable<ImportInput> | Iterable<ImportInput>,
  options: ImportOptions,
): Promise<ImportReport> {
  const report = new ImportReport();
  const names = new NameIndex();

  /** One release, inside the caller's transaction. */
  const importOne = async (tx: EntityManager, file: string, value: Record<string, unknown>, at: Location, meta: PackageMeta) => {
    const ids = idsOf(value);
    const schema = schemaProblems(value);
    if (schema.length) {
      report.counts.rejected += 1;
      for (const p of schema) report.problem({ ...at, path: `${at.path}${pathOf(p.pointer)}`, ...ids, reason: p.message });
      return;
    }
    let mapped;
    try {
      mapped = mapRelease(value);
    } catch (error) {
      if (!(error instanceof TextRuleError)) throw error;
      report.counts.rejected += 1;
      report.problem({ ...at, path: `${at.path}${pathOf(`/${error.field}`)}`, ...ids, reason: error.rule });
      return;
    }
    // Looked up in the transaction each time (one indexed read): a source cached from a release that then
    // rolled back would not exist.
    const sourceId = await importSource(tx, meta, file);
    const applied = await applyRelease(tx, names, mapped, sourceId, options.keyName);
    report.counts[applied.outcome] += 1;
    for (const m of applied.matches) report.match(m);
    if (applied.outcome === 'unchanged') return;
    for (const reason of mapped.warnings) report.warning({ ...at, ...ids, reason });
    if (mapped.unsuccessful.length)
      report.warning({ ...at, ...ids, reason: `unsuccessful tenderers not imported: ${mapped.unsuccessful.join(', ')}.` });
    if (applied.reason) report.warning({ ...at, ...ids, reason: `skipped: ${applied.reason}` });
  };

  const unreadable = (file: string, error: unknown) => {
    if (!(error instanceof OcdsSyntaxError)) throw error;
    report.counts.failedFiles += 1;
    report.problem({ ...error.at, ocid: null, releaseId: null, reason: error.reason });
  };

  for await (const input of inputs) {
    report.counts.files += 1;
    const items = readOcds(input.chunks, input.file);

    if (options.strict) {
      const mark = report.mark();
      const problemsBefore = report.problemCount;
      let seen = 0;
      const committed = await ds
        .transaction(async (tx) => {
          try {
            for await (const item of items) {
              for (const { value, at } of releasesOf(item)) {
                seen += 1;
                await yieldToEventLoop();
                await importOne(tx, input.file, value, at, item.meta);
                options.onRelease?.(report);
              }
            }
          } catch (error) {
            unreadable(input.file, error);
          }
          if (report.problemCount > problemsBefore) throw new StrictRejection();
        })
        .then(
          () => true,
          (error) => {
            if (error instanceof StrictRejection) return false;
            throw error;
          },
        );
      if (committed) {
        names.commit();
      } else {
        names.rollback();
        const failedFiles = report.counts.failedFiles;
        report.rollBackTo(mark, seen);
        report.counts.failedFiles = failedFiles === mark.counts.failedFiles ? failedFiles + 1 : failedFiles;
        report.problem({
          file: input.file,
          line: 0,
          path: '',
          ocid: null,
          releaseId: null,
          reason: 'rejected whole (strict): nothing from this file was imported.',
        });
      }
      continue;
    }

    try {
      for await (const item of items) {
        for (const { value, at } of releasesOf(item)) {
          // better-sqlite3 writes synchronously, and awaiting it only queues microtasks: without a turn of the
          // event loop between releases, an import run by the server (importOcds) held every other request
          // until its last release.
          await yieldToEventLoop();
          await ds
            .transaction((tx) => importOne(tx, input.file, value, at, item.meta))
            .then(
              () => names.commit(),
              (error: Error) => {
                names.rollback();
                report.counts.rejected += 1;
                report.problem({ ...at, ...idsOf(value), reason: `not imported: ${error.message}` });
              },
            );
          options.onRelease?.(report);
        }
      }
    } catch (error) {
      unreadable(input.file, error);
    }
  }
  return report;
}

class StrictRejection extends Error {}
